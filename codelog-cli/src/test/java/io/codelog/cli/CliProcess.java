package io.codelog.cli;

import io.codelog.testservers.ChildJvm;
import io.codelog.testservers.ChildProcess;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code codelog} in a JVM of its own ({@link CodelogMain}, as {@code java -jar} runs it) with the given
 * environment, so that a test can kill it; its stderr (the progress lines) is read line by line, its stdout goes
 * to {@code target/cli-<name>.out}.
 */
final class CliProcess {

    private CliProcess() {}

    /** Starts the command; {@code FLOWS_CODE_ACTIONS_*} variables of this JVM are not inherited. */
    static ChildProcess start(String name, Map<String, String> environment, String... args) {
        return ChildJvm.mainClass(CodelogMain.class)
                .jvmOptions(List.of("-Xmx256m"))
                .args(List.of(args))
                .withoutInherited(variable -> variable.startsWith("FLOWS_CODE_ACTIONS_"))
                .environment(environment)
                .outputTo(Path.of("target", "cli-" + name + ".out"))
                .startReadingError();
    }
}
