package io.codelog.acceptance;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The class path of the child application: this module's classes and its runtime dependencies as Maven resolved
 * them ({@code maven-dependency-plugin:build-classpath}), never the test's (no JUnit, no test servers).
 */
final class ApplicationClasspath {

    /** The artifacts that excluding {@code io.codelog:codelog-mongo} from the starter takes away. */
    private static final List<String> MONGO_ARTIFACTS =
            List.of("codelog-mongo", "spring-data-mongodb", "spring-data-commons", "mongodb-driver-", "bson");

    private ApplicationClasspath() {}

    /** Every entry, as the application's build gives it. */
    static List<Path> full() {
        Path file = Path.of(System.getProperty("codelog.acceptance.classpath", "target/application-classpath.txt"));
        Path classes = Path.of(System.getProperty("codelog.acceptance.classes", "target/classes"));
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "no class path file " + file + ": run through Maven, which writes it (generate-test-resources)", e);
        }
        List<Path> entries = new ArrayList<>();
        entries.add(classes);
        for (String entry : text.split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (isStaleCodelogInstall(path)) {
                throw new IllegalStateException(path + " comes from the local repository, not from this build:"
                        + " run with -am (mvn -pl codelog-acceptance -am verify) so the reactor's modules are used");
            }
            entries.add(path);
        }
        return List.copyOf(entries);
    }

    /** The same class path without the MongoDB artifacts: a service that excluded codelog-mongo. */
    static List<Path> withoutMongo() {
        List<Path> all = full();
        List<Path> kept = all.stream().filter(path -> !isMongo(path)).toList();
        if (kept.size() == all.size()) {
            throw new IllegalStateException("no MongoDB artifact found to leave out of " + all);
        }
        return kept;
    }

    /** The entries joined for {@code java -cp}. */
    static String join(List<Path> entries) {
        return String.join(
                File.pathSeparator, entries.stream().map(Path::toString).toList());
    }

    private static boolean isMongo(Path path) {
        String name = path.getFileName().toString();
        if (MONGO_ARTIFACTS.stream().anyMatch(name::startsWith)) {
            return true;
        }
        // In the reactor a module is its target/classes directory, named by the module's directory.
        for (Path element : path) {
            if (element.toString().equals("codelog-mongo")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isStaleCodelogInstall(Path path) {
        String text = path.toString().replace(File.separatorChar, '/');
        return text.contains("/repository/io/codelog/");
    }
}
