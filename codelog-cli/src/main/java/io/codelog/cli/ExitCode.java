package io.codelog.cli;

/** The exit codes of every command, which scripts may rely on, and their lines in the help. */
final class ExitCode {

    /** The command did what it was asked. */
    static final int OK = 0;
    /**
     * Verification found differences it did not repair, a migration quarantined entries, or a dual-write repair
     * kept failure records whose repair failed.
     */
    static final int DIFFERENCES = 1;
    /** Bad usage or configuration: an unknown command or option, a bad value, a missing setting. */
    static final int USAGE = 2;
    /** A store failed or could not be reached; progress so far is checkpointed. */
    static final int STORAGE = 3;
    /** Interrupted (Ctrl-C, SIGTERM); progress so far is checkpointed. */
    static final int INTERRUPTED = 4;
    /**
     * A copy ended with its job not complete: days are still held by other workers, alive past
     * {@code --wait-for-held-days}, or not waited for with {@code --no-wait}.
     */
    static final int NOT_COMPLETE = 5;
    /** A defect of codelog itself. */
    static final int INTERNAL = 70;

    static final String HELP_OK = "0:ok";
    static final String HELP_DIFFERENCES =
            "1:verification found differences it did not repair, the migration quarantined entries, or"
                    + " repair-dual-write kept records it could not repair";
    static final String HELP_USAGE = "2:bad usage or configuration (the message names the option or variable)";
    static final String HELP_STORAGE = "3:a store failed or could not be reached (progress is checkpointed)";
    static final String HELP_INTERRUPTED = "4:interrupted (progress is checkpointed: run the same command again)";
    static final String HELP_NOT_COMPLETE = "5:migrate, rollback: the job is not complete, days are still held by other"
            + " workers (alive past --wait-for-held-days, or --no-wait); the message names them";
    static final String HELP_INTERNAL = "70:internal error (run again with --verbose and report it)";

    private ExitCode() {}
}
