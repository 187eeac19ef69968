package io.codelog.acceptance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * The child applications of one test: started through it, destroyed after the test whatever happened, their
 * output kept under {@code target/acceptance-output/} and printed when the test fails. Register it per test
 * instance with {@code @RegisterExtension}.
 */
final class ChildProcesses implements AfterEachCallback, TestWatcher {

    private static final Path OUTPUT = Path.of("target", "acceptance-output");

    private final List<ChildApplication> started = new CopyOnWriteArrayList<>();

    /** Starts a child whose environment is exactly {@code variables}. */
    ChildApplication start(String name, List<Path> classpath, Variables variables, List<String> arguments) {
        ChildApplication child = ChildApplication.start(name, classpath, variables.asMap(), arguments);
        started.add(child);
        return child;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        String test = fileName(context.getRequiredTestClass().getSimpleName() + "." + context.getDisplayName());
        for (ChildApplication child : started) {
            child.close();
            write(OUTPUT.resolve(test + "." + child.name() + ".log"), child.output());
        }
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        for (ChildApplication child : started) {
            System.out.println("===== output of " + child.name() + " in \"" + context.getDisplayName() + "\" =====\n"
                    + child.output());
        }
    }

    private static String fileName(String displayName) {
        String name = displayName.replaceAll("[^A-Za-z0-9._-]+", "_");
        return name.length() > 120 ? name.substring(0, 120) : name;
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not keep a child's output in " + file, e);
        }
    }
}
