package io.codelog.core;

import org.jspecify.annotations.Nullable;

/**
 * A validated filter of {@link CodeLogRepository#listRunLogs} and {@link CodeLogRepository#count}: a run id,
 * a code id, or both, in lower case.
 *
 * @param runId the run to match, or null for any
 * @param codeId the code to match, or null for any
 */
public record RunFilter(@Nullable String runId, @Nullable String codeId) {

    /** @throws InvalidCodeLogException when both are null or either is not a valid id */
    public RunFilter {
        if (runId == null && codeId == null) {
            throw new InvalidCodeLogException("run_id", "at least one of run_id and code_id is required");
        }
        runId = CodeLogIds.requireValidOrNull("run_id", runId);
        codeId = CodeLogIds.requireValidOrNull("code_id", codeId);
    }

    /** Whether the log belongs to this filter. */
    public boolean matches(CodeLog log) {
        return (runId == null || runId.equals(log.runId())) && (codeId == null || codeId.equals(log.codeId()));
    }
}
