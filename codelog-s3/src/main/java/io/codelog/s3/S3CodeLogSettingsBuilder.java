package io.codelog.s3;

import io.codelog.core.CodeLogRules;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** Builds {@link S3CodeLogSettings}, starting from the defaults; {@link #build()} validates. */
public final class S3CodeLogSettingsBuilder {

    /** The default time the list of legacy days is trusted. */
    public static final Duration DEFAULT_LEGACY_PROBE_INTERVAL = Duration.ofHours(1);
    /** The default longest run. */
    public static final Duration DEFAULT_MAX_RUN_DURATION = Duration.ofDays(2);
    /** The default look-back of UUID-run and code-only listings. */
    public static final Duration DEFAULT_LIST_WINDOW = Duration.ofDays(30);
    /** The default look-back of lookups of UUID ids without an id index entry. */
    public static final Duration DEFAULT_LOOKUP_WINDOW = Duration.ofDays(7);

    /** The default {@code lookupCacheTtl}. */
    public static final Duration DEFAULT_LOOKUP_CACHE_TTL = Duration.ofSeconds(30);
    /** The default number of parallel requests per call. */
    public static final int DEFAULT_READ_CONCURRENCY = 16;

    private String bucket;
    private @Nullable String prefix = "";
    private @Nullable CodeLogRules rules;
    private S3IdIndex idIndex = S3IdIndex.pointers();
    private boolean readLegacyPath = true;
    private Duration legacyProbeInterval = DEFAULT_LEGACY_PROBE_INTERVAL;
    private Duration maxRunDuration = DEFAULT_MAX_RUN_DURATION;
    private Duration listWindow = DEFAULT_LIST_WINDOW;
    private Duration lookupWindow = DEFAULT_LOOKUP_WINDOW;
    private Duration lookupCacheTtl = DEFAULT_LOOKUP_CACHE_TTL;
    private boolean gzip;
    private ServerSideEncryption encryption = ServerSideEncryption.none();
    private int readConcurrency = DEFAULT_READ_CONCURRENCY;
    private @Nullable UnreadableObjectListener onUnreadable;

    S3CodeLogSettingsBuilder(String bucket) {
        this.bucket = bucket;
    }

    S3CodeLogSettingsBuilder(S3CodeLogSettings settings) {
        bucket = settings.bucket();
        prefix = settings.prefix();
        rules = settings.rules();
        idIndex = settings.idIndex();
        readLegacyPath = settings.readLegacyPath();
        legacyProbeInterval = settings.legacyProbeInterval();
        maxRunDuration = settings.maxRunDuration();
        listWindow = settings.listWindow();
        lookupWindow = settings.lookupWindow();
        lookupCacheTtl = settings.lookupCacheTtl();
        gzip = settings.gzip();
        encryption = settings.encryption();
        readConcurrency = settings.readConcurrency();
        onUnreadable = settings.onUnreadable();
    }

    /** The bucket name. */
    public S3CodeLogSettingsBuilder bucket(String value) {
        bucket = value;
        return this;
    }

    /** The key prefix; default none. */
    public S3CodeLogSettingsBuilder prefix(@Nullable String value) {
        prefix = value;
        return this;
    }

    /** The validation, content and clock rules; default {@link CodeLogRules#defaults()}. */
    public S3CodeLogSettingsBuilder rules(CodeLogRules value) {
        rules = value;
        return this;
    }

    /** Pointer objects as the id index when true (the default), no index when false. */
    public S3CodeLogSettingsBuilder idIndex(boolean value) {
        idIndex = S3IdIndex.of(value);
        return this;
    }

    /** Where create records each log's key by id; default {@link S3IdIndex#pointers()}. */
    public S3CodeLogSettingsBuilder idIndex(S3IdIndex value) {
        idIndex = value;
        return this;
    }

    /** Whether the legacy path {@code {bucket}/{prefix}/logs/} is read; default true. */
    public S3CodeLogSettingsBuilder readLegacyPath(boolean value) {
        readLegacyPath = value;
        return this;
    }

    /** How long the list of legacy days is trusted; default 1 hour. */
    public S3CodeLogSettingsBuilder legacyProbeInterval(Duration value) {
        legacyProbeInterval = value;
        return this;
    }

    /** The longest run of an ObjectId run id; default 2 days. */
    public S3CodeLogSettingsBuilder maxRunDuration(Duration value) {
        maxRunDuration = value;
        return this;
    }

    /** The look-back of UUID-run and code-only listings; default 30 days. */
    public S3CodeLogSettingsBuilder listWindow(Duration value) {
        listWindow = value;
        return this;
    }

    /** The look-back of lookups of UUID ids without an index pointer; default 7 days. */
    public S3CodeLogSettingsBuilder lookupWindow(Duration value) {
        lookupWindow = value;
        return this;
    }

    /** How long a day's listing answers the searches of findById, zero for never; default 30 seconds, at most 60. */
    public S3CodeLogSettingsBuilder lookupCacheTtl(Duration value) {
        lookupCacheTtl = value;
        return this;
    }

    /** Whether new bodies are gzip-compressed; default false. */
    public S3CodeLogSettingsBuilder gzip(boolean value) {
        gzip = value;
        return this;
    }

    /** The server-side encryption of every PUT; default none. */
    public S3CodeLogSettingsBuilder encryption(ServerSideEncryption value) {
        encryption = value;
        return this;
    }

    /** How many requests one call may run in parallel; default 16. */
    public S3CodeLogSettingsBuilder readConcurrency(int value) {
        readConcurrency = value;
        return this;
    }

    /** Told about each skipped object; default {@link UnreadableObjectListener#logWarning()}. */
    public S3CodeLogSettingsBuilder onUnreadable(UnreadableObjectListener value) {
        onUnreadable = value;
        return this;
    }

    /**
     * The settings.
     *
     * @throws IllegalArgumentException naming the rule a value breaks
     */
    public S3CodeLogSettings build() {
        return new S3CodeLogSettings(
                bucket,
                prefix,
                rules == null ? CodeLogRules.defaults() : rules,
                idIndex,
                readLegacyPath,
                legacyProbeInterval,
                maxRunDuration,
                listWindow,
                lookupWindow,
                lookupCacheTtl,
                gzip,
                encryption,
                readConcurrency,
                onUnreadable == null ? UnreadableObjectListener.logWarning() : onUnreadable);
    }
}
