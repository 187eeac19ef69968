package io.codelog.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The entry point of {@code java -jar codelog-cli.jar}: runs the command line and exits with its code. Ctrl-C
 * or SIGTERM asks a running migration to stop after the logs in flight, so that its checkpoint is saved, and
 * then exits with code 4.
 */
public final class CodelogMain {

    // How long a stop request waits for the logs in flight before the process ends anyway.
    private static final long STOP_GRACE_SECONDS = 30;

    private CodelogMain() {}

    /** Runs {@code codelog} with these arguments and exits with its exit code. */
    public static void main(String[] args) {
        Interruption interruption = new Interruption();
        CountDownLatch finished = new CountDownLatch(1);
        int[] exitCode = {ExitCode.INTERRUPTED};
        Thread stopOnSignal = new Thread(
                () -> {
                    interruption.request();
                    try {
                        finished.await(STOP_GRACE_SECONDS, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    // The JVM is already exiting for the signal: halt is the only way to give it our code.
                    Runtime.getRuntime().halt(exitCode[0]);
                },
                "codelog-stop");
        Runtime.getRuntime().addShutdownHook(stopOnSignal);
        int code = new CodelogCli(CliContext.system(interruption)).run(args);
        exitCode[0] = code;
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnSignal);
        } catch (IllegalStateException shuttingDown) {
            // A signal arrived as the command ended: the hook is running and exits with this code.
            return;
        }
        System.exit(code);
    }
}
