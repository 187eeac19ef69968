package io.codelog.core;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What one store held under a log id when it was read, for a write that must not replace anything newer: nothing,
 * a log, or something that is not a readable log, with the version the store checks a conditional write against.
 *
 * @param id the log id, as {@link CodeLogIds#requireValid} returns it
 * @param log the stored log, or null when nothing is stored under the id or what is stored is unreadable
 * @param problem why what is stored is not a readable log (never its content), or null
 * @param version what the store compares a conditional write with (an S3 object's key and ETag, a MongoDB
 *     document's {@code _id} and {@code updated_at}), or null when nothing is stored; only the store that read it
 *     can use it
 */
public record StoredVersion(
        String id,
        @Nullable CodeLog log,
        @Nullable String problem,
        @Nullable Object version) {

    /** @throws IllegalArgumentException when the fields do not describe one of the three states */
    public StoredVersion {
        Objects.requireNonNull(id, "id is required");
        if (version == null && (log != null || problem != null)) {
            throw new IllegalArgumentException("a stored log or problem needs the version it was read at");
        }
        if (version != null && (log == null) == (problem == null)) {
            throw new IllegalArgumentException("something stored is either a log or a problem, not both or neither");
        }
    }

    /** Nothing stored under the id. */
    public static StoredVersion absent(String id) {
        return new StoredVersion(id, null, null, null);
    }

    /** A readable log, read at this version. */
    public static StoredVersion of(CodeLog log, Object version) {
        return new StoredVersion(log.id(), log, null, Objects.requireNonNull(version, "version is required"));
    }

    /** Something stored under the id that is not a readable log, and why. */
    public static StoredVersion unreadable(String id, String problem, Object version) {
        return new StoredVersion(
                id,
                null,
                Objects.requireNonNull(problem, "problem is required"),
                Objects.requireNonNull(version, "version is required"));
    }

    /** Whether anything was stored under the id, readable or not. */
    public boolean exists() {
        return version != null;
    }
}
