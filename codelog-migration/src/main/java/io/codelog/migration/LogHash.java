package io.codelog.migration;

import io.codelog.core.CodeLog;
import io.codelog.core.CodeLogJson;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The SHA-256 of a log's canonical JSON ({@link CodeLogJson}), and the names of the fields two logs differ in. */
final class LogHash {

    private static final CodeLogJson JSON = new CodeLogJson();

    private LogHash() {}

    static byte[] of(CodeLog log) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(JSON.write(log));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides SHA-256", e);
        }
    }

    static boolean same(CodeLog a, CodeLog b) {
        return MessageDigest.isEqual(of(a), of(b));
    }

    /** The JSON names of the fields that differ, e.g. {@code content, updated_at}. */
    static String differingFields(CodeLog a, CodeLog b) {
        List<String> fields = new ArrayList<>();
        addIf(fields, "run_id", a.runId(), b.runId());
        addIf(fields, "code_id", a.codeId(), b.codeId());
        addIf(fields, "type", a.type(), b.type());
        addIf(fields, "content", a.content(), b.content());
        addIf(fields, "created_at", a.createdAt(), b.createdAt());
        addIf(fields, "updated_at", a.updatedAt(), b.updatedAt());
        return String.join(", ", fields);
    }

    private static void addIf(List<String> fields, String name, Object a, Object b) {
        if (!Objects.equals(a, b)) {
            fields.add(name);
        }
    }
}
