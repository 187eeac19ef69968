package io.codelog.core;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Generates ObjectIds by the BSON layout: 4 bytes of epoch seconds, 5 random bytes fixed for the process and
 * a 3-byte counter. Unlike the drivers' generators, the counter restarts at a random value below 2^23 each
 * second, so it cannot wrap inside a second and ids sort in creation order. Not thread-safe: {@link
 * CodeLogRules} calls it under a lock.
 */
final class ObjectIdGenerator implements IdGenerator {

    private static final HexFormat HEX = HexFormat.of();
    private static final int COUNTER_LIMIT = 1 << 24;

    private final SecureRandom random = new SecureRandom();
    private final byte[] processUnique = new byte[5];
    private long currentSecond = Long.MIN_VALUE;
    private int counter;

    ObjectIdGenerator() {
        random.nextBytes(processUnique);
    }

    @Override
    public String newId(Instant createdAt) {
        long second = createdAt.getEpochSecond();
        if (second != currentSecond) {
            currentSecond = second;
            counter = random.nextInt(COUNTER_LIMIT / 2);
        } else if (++counter >= COUNTER_LIMIT) {
            throw new IllegalStateException("More than 8 million ObjectIds in one second");
        }
        byte[] bytes = new byte[12];
        int seconds = (int) second;
        bytes[0] = (byte) (seconds >>> 24);
        bytes[1] = (byte) (seconds >>> 16);
        bytes[2] = (byte) (seconds >>> 8);
        bytes[3] = (byte) seconds;
        System.arraycopy(processUnique, 0, bytes, 4, 5);
        bytes[9] = (byte) (counter >>> 16);
        bytes[10] = (byte) (counter >>> 8);
        bytes[11] = (byte) counter;
        return HEX.formatHex(bytes);
    }
}
