package io.codelog.s3;

import io.codelog.core.CodeLogRules;
import java.time.Duration;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * How an {@link S3CodeLogRepository} lays out and reads its objects. Validated at construction: an invalid
 * bucket, prefix, duration or concurrency raises {@link IllegalArgumentException} naming the rule.
 *
 * @param bucket the bucket name (S3 general purpose bucket rules)
 * @param prefix the key prefix before {@code logs/} and {@code index/}; normalised without leading or
 *     trailing {@code /}, empty for none
 * @param rules the validation, content and clock rules applied before any I/O
 * @param idIndex where create records each log's key by id, so that a lookup by id needs no search at any age:
 *     pointer objects {@code {prefix}/index/{id}.json} (the default: create 2 PUTs, findById 2 GETs), an external
 *     {@link io.codelog.core.CodeLogIdIndex} such as a MongoDB collection (create 1 PUT + 1 insert, findById 1
 *     lookup + 1 GET), or none (create 1 PUT, findById a search + 1 GET); see {@link S3IdIndex.Kind}. Logs
 *     without an entry (written by the Go service, the Python engine, or without an index) are found by a search:
 *     for an ObjectId id, one LIST per 1,000 objects of each of the 3 day prefixes around the id's timestamp; for
 *     a UUID id, the same for each of the days of {@code lookupWindow} plus one on each side; days found under the
 *     legacy root are listed too. With an index, a found log gets its missing entry, so the next lookup costs 2
 *     requests
 * @param readLegacyPath whether logs under {@code {bucket}/{prefix}/logs/} (written through an endpoint with
 *     the bucket in it) are read, listed, counted, updated and deleted too
 * @param legacyProbeInterval how long the list of days present under the legacy root is trusted before it is
 *     listed again (1 LIST when the legacy root is empty)
 * @param maxRunDuration how long a run whose id is an ObjectId may keep logging after its id's timestamp; a
 *     run listing or count scans from that day - 1 to the day of that timestamp + this, + 1 (capped at today +
 *     1): one LIST per 1,000 keys of each of those days. When those days hold none of the run's logs (a run id
 *     that is not the ObjectId of the run's start), the rest of {@code listWindow} is scanned too
 * @param listWindow how far back a listing or count of a UUID run, or of a code without a run, looks (widened
 *     by one day on each side); logs older than this are not listed for such filters, though still found by id
 *     and deleted by deleteOlder
 * @param lookupWindow how far back a lookup of a UUID id without an index pointer looks
 * @param lookupCacheTtl how long the listing of a day answers the searches of {@code findById}: an id that a
 *     listing of its days made within this time did not hold costs no LIST, so lookups of ids that are nowhere
 *     cost their index read alone once their days were listed; a log another writer put there without an index
 *     entry (the Go service, the Python engine) is found by {@code findById} at most this long after it was
 *     written. Update and delete always list afresh. Also how long the days a listing of a UUID run found answer
 *     its next pages and counts. Zero turns both off
 * @param gzip whether new bodies are gzip-compressed with {@code Content-Encoding: gzip}; reading handles
 *     both whatever this says. Off by default: the Go and Python readers do not decompress
 * @param encryption the server-side encryption asked for on every PUT
 * @param readConcurrency how many S3 requests one call may run in parallel (1 to 256)
 * @param onUnreadable told about each object a listing skips
 */
public record S3CodeLogSettings(
        String bucket,
        String prefix,
        CodeLogRules rules,
        S3IdIndex idIndex,
        boolean readLegacyPath,
        Duration legacyProbeInterval,
        Duration maxRunDuration,
        Duration listWindow,
        Duration lookupWindow,
        Duration lookupCacheTtl,
        boolean gzip,
        ServerSideEncryption encryption,
        int readConcurrency,
        UnreadableObjectListener onUnreadable) {

    /** The longest {@code lookupCacheTtl}: the delay after which another writer's log is found, at worst. */
    public static final Duration MAX_LOOKUP_CACHE_TTL = Duration.ofSeconds(60);

    /** The largest {@code readConcurrency}. */
    public static final int MAX_READ_CONCURRENCY = 256;

    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern IP_ADDRESS = Pattern.compile("\\d+\\.\\d+\\.\\d+\\.\\d+");

    /** @throws IllegalArgumentException naming the rule an argument breaks */
    public S3CodeLogSettings {
        checkBucket(bucket);
        prefix = S3KeyLayout.normalizePrefix(prefix);
        if (rules == null) {
            throw new IllegalArgumentException("rules are required (CodeLogRules.defaults() for the defaults)");
        }
        if (idIndex == null) {
            throw new IllegalArgumentException("idIndex is required (S3IdIndex.pointers(), external(...) or none())");
        }
        checkPositive("legacyProbeInterval", legacyProbeInterval);
        checkPositive("maxRunDuration", maxRunDuration);
        checkPositive("listWindow", listWindow);
        checkPositive("lookupWindow", lookupWindow);
        if (lookupCacheTtl == null
                || lookupCacheTtl.isNegative()
                || lookupCacheTtl.compareTo(MAX_LOOKUP_CACHE_TTL) > 0) {
            throw new IllegalArgumentException(
                    "lookupCacheTtl must be from zero to " + MAX_LOOKUP_CACHE_TTL + ", was " + lookupCacheTtl);
        }
        if (encryption == null) {
            throw new IllegalArgumentException("encryption is required (ServerSideEncryption.none() for none)");
        }
        if (readConcurrency < 1 || readConcurrency > MAX_READ_CONCURRENCY) {
            throw new IllegalArgumentException(
                    "readConcurrency must be from 1 to " + MAX_READ_CONCURRENCY + ", was " + readConcurrency);
        }
        if (onUnreadable == null) {
            throw new IllegalArgumentException("onUnreadable is required (UnreadableObjectListener.logWarning())");
        }
    }

    /** The defaults for this bucket and prefix. */
    public static S3CodeLogSettings of(String bucket, @Nullable String prefix) {
        return builder(bucket).prefix(prefix).build();
    }

    /** A builder holding the defaults for this bucket. */
    public static S3CodeLogSettingsBuilder builder(String bucket) {
        return new S3CodeLogSettingsBuilder(bucket);
    }

    /** A builder holding these settings. */
    public S3CodeLogSettingsBuilder toBuilder() {
        return new S3CodeLogSettingsBuilder(this);
    }

    /** These settings with another prefix. */
    public S3CodeLogSettings withPrefix(String newPrefix) {
        return toBuilder().prefix(newPrefix).build();
    }

    /** These settings with other rules. */
    public S3CodeLogSettings withRules(CodeLogRules newRules) {
        return toBuilder().rules(newRules).build();
    }

    /** These settings with pointers as the id index when true, none when false. */
    public S3CodeLogSettings withIdIndex(boolean enabled) {
        return toBuilder().idIndex(enabled).build();
    }

    /** These settings with another id index. */
    public S3CodeLogSettings withIdIndex(S3IdIndex newIdIndex) {
        return toBuilder().idIndex(newIdIndex).build();
    }

    /** These settings with reading of the legacy path on or off. */
    public S3CodeLogSettings withReadLegacyPath(boolean enabled) {
        return toBuilder().readLegacyPath(enabled).build();
    }

    /** These settings with gzip bodies on or off. */
    public S3CodeLogSettings withGzip(boolean enabled) {
        return toBuilder().gzip(enabled).build();
    }

    /** These settings with another server-side encryption. */
    public S3CodeLogSettings withEncryption(ServerSideEncryption newEncryption) {
        return toBuilder().encryption(newEncryption).build();
    }

    private static void checkBucket(String bucket) {
        if (bucket == null || !BUCKET.matcher(bucket).matches()) {
            throw new IllegalArgumentException("Invalid S3 bucket name: a bucket name must be 3 to 63 characters"
                    + " of lower-case letters, digits, '.' and '-', starting and ending with a letter or digit");
        }
        if (bucket.contains("..") || bucket.contains(".-") || bucket.contains("-.")) {
            throw new IllegalArgumentException(
                    "Invalid S3 bucket name: a bucket name must not contain '..', '.-' or '-.'");
        }
        if (IP_ADDRESS.matcher(bucket).matches()) {
            throw new IllegalArgumentException("Invalid S3 bucket name: a bucket name must not be an IP address");
        }
    }

    private static void checkPositive(String name, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be a positive duration, was " + value);
        }
    }
}
