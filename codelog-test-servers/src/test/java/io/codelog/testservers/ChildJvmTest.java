package io.codelog.testservers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A child JVM")
class ChildJvmTest {

    @Test
    @DisplayName("runs a main class of this class path with arguments and variables, and reports what it printed")
    void runsAndCollects() {
        ChildJvm.Result result = ChildJvm.mainClass(EchoMain.class)
                .jvmOptions(List.of("-Xmx64m"))
                .args(List.of("one", "two"))
                .environment(Map.of("CODELOG_CHILD_VARIABLE", "set"))
                .withoutInherited(variable -> variable.equals("PATH"))
                .run(Duration.ofMinutes(1));

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.lines()).containsExactly("one", "two", "variable=set", "inherited=null");
        assertThat(result.stderrTail()).contains("on stderr");
    }

    @Test
    @DisplayName("is killed when it overruns, with the end of its stderr in the message")
    void killedWhenItOverruns() {
        ChildJvm child = ChildJvm.mainClass(EchoMain.class).args(List.of("hang"));

        assertThatThrownBy(() -> child.run(Duration.ofMillis(500)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("did not finish within");
    }

    @Test
    @DisplayName("reads the stream asked for line by line, and closing kills the child")
    void readsLinesAndKillsOnClose() throws Exception {
        ChildProcess sleeper;
        try (ChildProcess child =
                ChildJvm.mainClass(EchoMain.class).args(List.of("printed")).startReadingOutput()) {
            assertThat(child.nextLine()).isEqualTo("printed");
            sleeper = ChildJvm.mainClass(EchoMain.class).args(List.of("hang")).startReadingError();
        }
        assertThat(sleeper.process().isAlive()).isTrue();
        sleeper.close();
        assertThat(sleeper.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    @DisplayName("runs the java of this JVM's java.home")
    void javaOfThisJvm() {
        assertThat(ChildJvm.jar(Path.of("some.jar")).command())
                .startsWith(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString())
                .endsWith("-jar", "some.jar");
    }
}
