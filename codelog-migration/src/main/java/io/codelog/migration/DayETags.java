package io.codelog.migration;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The ETags of one day prefix of the target as one listing saw them, compact enough to hold 100,000 keys in
 * about 2.4 MB: per key a 64-bit hash of its name and its MD5 ETag as two longs, sorted by hash. A listing over
 * the cap, or an ETag that is not an MD5, answers {@link Answer#UNKNOWN} so the caller asks S3 itself.
 */
final class DayETags {

    /** What the listing says about a key. */
    enum Answer {
        /** The key was not listed. */
        ABSENT,
        /** The key was listed with exactly this MD5. */
        SAME,
        /** The key was listed with another MD5. */
        OTHER,
        /** The listing cannot say. */
        UNKNOWN
    }

    /** A day too large to hold, or not listed. */
    static final DayETags UNKNOWN = new DayETags(null, null, null, 0);

    private static final long NOT_MD5 = 0;

    private final long @Nullable [] keyHashes;
    private final long @Nullable [] md5High;
    private final long @Nullable [] md5Low;
    private final int size;

    private DayETags(long @Nullable [] keyHashes, long @Nullable [] md5High, long @Nullable [] md5Low, int size) {
        this.keyHashes = keyHashes;
        this.md5High = md5High;
        this.md5Low = md5Low;
        this.size = size;
    }

    /** Collects listed keys up to a cap. Not thread-safe. */
    static final class Builder {
        private final int cap;
        private long[] hashes = new long[1024];
        private long[] high = new long[1024];
        private long[] low = new long[1024];
        private int size;

        Builder(int cap) {
            this.cap = cap;
        }

        /** @return false when the cap is reached and the listing should stop */
        boolean add(String key, String eTag) {
            if (size == cap) {
                return false;
            }
            if (size == hashes.length) {
                int grown = Math.min(cap, size * 2);
                hashes = Arrays.copyOf(hashes, grown);
                high = Arrays.copyOf(high, grown);
                low = Arrays.copyOf(low, grown);
            }
            hashes[size] = hash(key);
            boolean md5 = eTag != null && eTag.length() == 32 && eTag.chars().allMatch(DayETags::isLowerHex);
            high[size] = md5 ? Long.parseUnsignedLong(eTag.substring(0, 16), 16) : NOT_MD5;
            low[size] = md5 ? Long.parseUnsignedLong(eTag.substring(16), 16) : NOT_MD5;
            size++;
            return true;
        }

        DayETags build() {
            Integer[] order = new Integer[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Long.compare(hashes[a], hashes[b]));
            long[] sortedHashes = new long[size];
            long[] sortedHigh = new long[size];
            long[] sortedLow = new long[size];
            for (int i = 0; i < size; i++) {
                sortedHashes[i] = hashes[order[i]];
                sortedHigh[i] = high[order[i]];
                sortedLow[i] = low[order[i]];
            }
            return new DayETags(sortedHashes, sortedHigh, sortedLow, size);
        }
    }

    /** What the listing says about a key whose expected body has this lower-case hex MD5. */
    Answer lookup(String key, String expectedMd5) {
        if (keyHashes == null) {
            return Answer.UNKNOWN;
        }
        long hash = hash(key);
        int at = Arrays.binarySearch(keyHashes, 0, size, hash);
        if (at < 0) {
            return Answer.ABSENT;
        }
        // Two keys of one day sharing a 64-bit hash is improbable (1 in 10^9 at the cap); if it happens, ask S3.
        boolean collides = (at > 0 && keyHashes[at - 1] == hash) || (at + 1 < size && keyHashes[at + 1] == hash);
        if (collides || (md5High[at] == NOT_MD5 && md5Low[at] == NOT_MD5)) {
            return Answer.UNKNOWN;
        }
        long high = Long.parseUnsignedLong(expectedMd5.substring(0, 16), 16);
        long low = Long.parseUnsignedLong(expectedMd5.substring(16), 16);
        return md5High[at] == high && md5Low[at] == low ? Answer.SAME : Answer.OTHER;
    }

    /** FNV-1a over the key's characters, 64 bits. */
    static long hash(String key) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            hash ^= key.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    private static boolean isLowerHex(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    }
}
