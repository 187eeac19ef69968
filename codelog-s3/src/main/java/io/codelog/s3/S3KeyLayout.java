package io.codelog.s3;

import io.codelog.core.CodeLogIds;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Builds and parses every key this store touches: {@code {prefix}/logs/{yyyy}/{MM}/{dd}/{run}/{code}/{id}.json}
 * under the standard or the legacy root, day and run prefixes, and {@code {prefix}/index/{id}.json}. Parsing
 * accepts only keys that match the layout exactly, with lower-case valid ids.
 */
final class S3KeyLayout {

    static final int MAX_PREFIX_LENGTH = 512;
    static final String PREFIX_RULE = "segments of [A-Za-z0-9._-] separated by single '/', no '.' or '..' segment,"
            + " at most " + MAX_PREFIX_LENGTH + " characters";

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._-]+");
    private static final String JSON_SUFFIX = ".json";

    private final String prefix;
    private final String standardRoot;
    private final String legacyRoot;
    private final String indexRoot;

    /**
     * @param bucket the bucket, which names the legacy root
     * @param prefix a prefix already normalised by {@link #normalizePrefix}
     */
    S3KeyLayout(String bucket, String prefix) {
        this.prefix = prefix;
        String base = prefix.isEmpty() ? "" : prefix + "/";
        this.standardRoot = base + "logs/";
        this.legacyRoot = bucket + "/" + standardRoot;
        this.indexRoot = base + "index/";
    }

    /**
     * The prefix without leading or trailing slashes; null and blank become empty.
     *
     * @throws IllegalArgumentException naming the prefix rule when the prefix breaks it
     */
    static String normalizePrefix(@Nullable String raw) {
        if (raw == null) {
            return "";
        }
        String trimmed = raw;
        while (trimmed.startsWith("/")) {
            trimmed = trimmed.substring(1);
        }
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        if (trimmed.isEmpty()) {
            return "";
        }
        if (trimmed.length() > MAX_PREFIX_LENGTH) {
            throw new IllegalArgumentException(
                    "The S3 prefix is " + trimmed.length() + " characters; a prefix must be " + PREFIX_RULE);
        }
        for (String segment : trimmed.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches() || segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("Invalid S3 prefix: a prefix must be " + PREFIX_RULE);
            }
        }
        return trimmed;
    }

    /** The normalised prefix, possibly empty. */
    String prefix() {
        return prefix;
    }

    /** The key prefix every log under a root starts with, ending in {@code logs/}. */
    String root(LogKey.Root root) {
        return root == LogKey.Root.STANDARD ? standardRoot : legacyRoot;
    }

    /** The key of a log under the standard root, dated {@code day}. */
    String logKey(LocalDate day, String runId, String codeId, String logId) {
        return dayPrefix(LogKey.Root.STANDARD, day) + runId + "/" + codeId + "/" + logId + JSON_SUFFIX;
    }

    /** {@code {root}yyyy/MM/dd/}. */
    String dayPrefix(LogKey.Root root, LocalDate day) {
        return root(root) + yearSegment(day.getYear()) + "/" + twoDigits(day.getMonthValue()) + "/"
                + twoDigits(day.getDayOfMonth()) + "/";
    }

    /** {@code {root}yyyy/MM/dd/{run}/}, or with {@code /{code}/} appended when the code id is given. */
    String runPrefix(LogKey.Root root, LocalDate day, String runId, @Nullable String codeIdOrNull) {
        String run = dayPrefix(root, day) + runId + "/";
        return codeIdOrNull == null ? run : run + codeIdOrNull + "/";
    }

    /** The key the same log would have under the other root. */
    String counterpartKey(LogKey key) {
        LogKey.Root other = key.root() == LogKey.Root.STANDARD ? LogKey.Root.LEGACY : LogKey.Root.STANDARD;
        return root(other) + key.key().substring(root(key.root()).length());
    }

    /** The key of the id index pointer of a log. */
    String indexKey(String logId) {
        return indexRoot + logId + JSON_SUFFIX;
    }

    /** The log key's parts, or empty when the key is not exactly a log key under either root. */
    Optional<LogKey> parse(@Nullable String key) {
        if (key == null) {
            return Optional.empty();
        }
        if (key.startsWith(standardRoot)) {
            return parseUnder(key, LogKey.Root.STANDARD, standardRoot.length());
        }
        if (key.startsWith(legacyRoot)) {
            return parseUnder(key, LogKey.Root.LEGACY, legacyRoot.length());
        }
        return Optional.empty();
    }

    /** The number a {@code {root}yyyy/} or {@code .../MM/} or {@code .../dd/} common prefix ends with, or -1. */
    static int lastNumberSegment(String commonPrefix, int digits) {
        if (!commonPrefix.endsWith("/") || commonPrefix.length() < digits + 1) {
            return -1;
        }
        int end = commonPrefix.length() - 1;
        int start = end - digits;
        if (start > 0 && commonPrefix.charAt(start - 1) != '/') {
            return -1;
        }
        int value = 0;
        for (int i = start; i < end; i++) {
            char c = commonPrefix.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static Optional<LogKey> parseUnder(String key, LogKey.Root root, int start) {
        String[] parts = key.substring(start).split("/", -1);
        if (parts.length != 6 || !parts[5].endsWith(JSON_SUFFIX)) {
            return Optional.empty();
        }
        Optional<LocalDate> day = parseDay(parts[0], parts[1], parts[2]);
        String logId = parts[5].substring(0, parts[5].length() - JSON_SUFFIX.length());
        if (day.isEmpty() || !isCanonicalId(parts[3]) || !isCanonicalId(parts[4]) || !isCanonicalId(logId)) {
            return Optional.empty();
        }
        return Optional.of(new LogKey(key, root, day.get(), parts[3], parts[4], logId));
    }

    private static Optional<LocalDate> parseDay(String year, String month, String day) {
        if (!isDigits(year, 4) || !isDigits(month, 2) || !isDigits(day, 2)) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static boolean isDigits(String text, int length) {
        if (text.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean isCanonicalId(String segment) {
        return (CodeLogIds.isObjectId(segment) || CodeLogIds.isUuid(segment))
                && segment.equals(CodeLogIds.requireValid("id", segment));
    }

    private static String yearSegment(int year) {
        return String.format("%04d", year);
    }

    private static String twoDigits(int value) {
        return value < 10 ? "0" + value : Integer.toString(value);
    }
}
