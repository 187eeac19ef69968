package io.codelog.migration;

import io.codelog.core.CodeLogException;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when a migration or verification cannot go on: a store keeps failing, the job id is reused with other
 * settings, or the thread is interrupted. Progress made so far is checkpointed: run the same job again to resume.
 */
public class MigrationException extends CodeLogException {

    private final transient @Nullable MigrationSummary summary;

    /** A failure without a cause, before any run started. */
    public MigrationException(String message) {
        this(message, null, null);
    }

    /** A failure caused by another, before any run started. */
    public MigrationException(String message, @Nullable Throwable cause) {
        this(message, cause, null);
    }

    /** A failure that stopped a run, with what the run did until then. */
    public MigrationException(String message, @Nullable Throwable cause, @Nullable MigrationSummary summary) {
        super(message, cause);
        this.summary = summary;
    }

    /** What the run did before it stopped, or null when it stopped before it started. */
    public @Nullable MigrationSummary summary() {
        return summary;
    }
}
