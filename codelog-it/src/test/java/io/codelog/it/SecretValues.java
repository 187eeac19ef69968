package io.codelog.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Distinctive secret values that a test configures, and the checks that none of them shows up in a text or
 * anywhere in an exception: message, {@code toString()}, stack trace, causes and suppressed exceptions.
 */
final class SecretValues {

    static final String ACCESS_KEY_ID = "AKIALEAK1234567890QZ";
    static final String SECRET_ACCESS_KEY = "s3cr3t-LEAK-wJalrXUtnFEMI-K7MDENG";
    static final String MONGO_PASSWORD = "m0ngo-pw-LEAK";

    private static final List<String> ALL = List.of(ACCESS_KEY_ID, SECRET_ACCESS_KEY, MONGO_PASSWORD);

    private SecretValues() {}

    /** A connection string of a server that is not there (a closed loopback port), with the secret password. */
    static String mongoUriWithPassword(int closedPort) {
        return "mongodb://codelog:" + MONGO_PASSWORD + "@127.0.0.1:" + closedPort
                + "/codelog_secrets?serverSelectionTimeoutMS=500&connectTimeoutMS=500";
    }

    /** Asserts that no secret occurs in the text, naming where the text came from. */
    static void assertAbsent(String where, String text) {
        for (String secret : ALL) {
            assertThat(text).as("%s holds a secret", where).doesNotContain(secret);
        }
    }

    /** Asserts that no secret occurs anywhere in the exception and its causes and suppressed exceptions. */
    static void assertAbsent(String where, Throwable thrown) {
        assertThat(thrown).as(where).isNotNull();
        StringWriter trace = new StringWriter();
        thrown.printStackTrace(new PrintWriter(trace));
        assertAbsent(where + " (stack trace)", trace.toString());
        for (Throwable each : chain(thrown)) {
            assertAbsent(where + ": " + each.getClass().getName() + " message", String.valueOf(each.getMessage()));
            assertAbsent(where + ": " + each.getClass().getName() + " toString", each.toString());
        }
    }

    private static List<Throwable> chain(Throwable thrown) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> all = new ArrayList<>();
        List<Throwable> next = new ArrayList<>(List.of(thrown));
        while (!next.isEmpty()) {
            Throwable each = next.remove(next.size() - 1);
            if (seen.add(each)) {
                all.add(each);
                if (each.getCause() != null) {
                    next.add(each.getCause());
                }
                next.addAll(List.of(each.getSuppressed()));
            }
        }
        return all;
    }
}
