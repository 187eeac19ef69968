package io.codelog.acceptance;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;

/** ObjectId hex strings as the Go service makes them: the creation second, then random bytes. */
final class ObjectIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private ObjectIds() {}

    /** A new id whose seconds are {@code time}'s. */
    static String at(Instant time) {
        byte[] random = new byte[8];
        RANDOM.nextBytes(random);
        return String.format("%08x", time.getEpochSecond()) + HexFormat.of().formatHex(random);
    }

    /** A new id of now: a run or code of today, as the service's runs are. */
    static String now() {
        return at(Instant.now());
    }
}
