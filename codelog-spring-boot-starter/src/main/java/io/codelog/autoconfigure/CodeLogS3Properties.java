package io.codelog.autoconfigure;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** How codelog reaches its S3 bucket and lays out its objects, bound from {@code codelog.s3.*}. */
@ConfigurationProperties(prefix = CodeLogS3Properties.PREFIX)
public class CodeLogS3Properties {

    /** The prefix of these properties. */
    public static final String PREFIX = "codelog.s3";

    /** Whether S3 is the store that receives new logs (the seed's FLOWS_CODE_ACTIONS_S3_ENABLED). */
    private boolean enabled = false;

    /**
     * The AWS region of the bucket, e.g. eu-west-1; when unset, the SDK's region chain (AWS_REGION, profile,
     * instance metadata), or us-east-1 with an endpoint override.
     */
    private @Nullable String region;

    /** The bucket that holds the logs. */
    private @Nullable String bucketName;

    /** The access key id; used only together with the secret access key, else the SDK's default chain. */
    private @Nullable String accessKeyId;

    /** The secret access key; used only together with the access key id, else the SDK's default chain. */
    private @Nullable String secretAccessKey;

    /** The key prefix before logs/ and index/, e.g. codeactions; empty for none. */
    private String prefix = "";

    /**
     * The endpoint of an S3-compatible server, e.g. http://localhost:9000 (https:// is assumed without a
     * scheme); unset for AWS. Must not contain a path: the bucket goes in bucket-name.
     */
    private @Nullable String endpoint;

    /** Whether requests address the bucket in the path rather than in the host name (most S3-compatible servers). */
    private boolean pathStyleAccess = false;

    /** Whether an {@code http://} endpoint other than loopback is accepted; logs and keys then cross the network in clear. */
    private boolean allowInsecureEndpoint = false;

    /**
     * Where create records each log's key by id, so that a lookup by id needs no search: s3 (pointer objects in the
     * bucket: 2 PUTs per create, 2 GETs per lookup), mongo (a collection in codelog's MongoDB: 1 PUT and 1 insert
     * per create, 1 find and 1 GET per lookup) or none (1 PUT per create; a lookup searches day listings); true and
     * false mean s3 and none.
     */
    private String idIndex = "s3";

    /** Whether logs under {bucket}/{prefix}/logs/, written through an endpoint with the bucket in it, are read. */
    private boolean readLegacyPath = true;

    /** Whether new objects are gzip-compressed; the Go and Python readers do not decompress. */
    private boolean gzip = false;

    /** The server-side encryption asked for on every PUT: none, aes256 (SSE-S3) or kms (SSE-KMS). */
    private Encryption encryption = Encryption.NONE;

    /** The KMS key id or ARN, required with encryption kms. */
    private @Nullable String kmsKeyId;

    /** How long a run whose id is an ObjectId may keep logging after its id's timestamp. */
    private Duration maxRunDuration = Duration.ofDays(2);

    /** How far back a listing or count of a UUID run, or of a code without a run, looks. */
    private Duration listWindow = Duration.ofDays(30);

    /** How far back a lookup of a UUID id without an index pointer looks. */
    private Duration lookupWindow = Duration.ofDays(7);

    /**
     * How long the listing of a day answers the searches of findById, so that lookups of ids that are nowhere cost
     * no LIST; also the longest a log another writer put there without an index entry stays unfound, and how long
     * the days that held a UUID run answer its next pages and counts. 0s to 60s.
     */
    private Duration lookupCacheTtl = Duration.ofSeconds(30);

    /** How many S3 requests one repository call may run in parallel, 1 to 256. */
    private int readConcurrency = 16;

    /** The SDK retry strategy for throttling and server errors: standard or adaptive. */
    private RetryMode retryMode = RetryMode.STANDARD;

    /** How many attempts one S3 request gets, the first included. */
    private int maxAttempts = 3;

    /** The longest one S3 call may take, retries included; unset for no limit. */
    private @Nullable Duration apiCallTimeout;

    /** Whether S3 is the store that receives new logs. */
    public boolean isEnabled() {
        return enabled;
    }

    /** Sets whether S3 is the store that receives new logs. */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** The AWS region, or null for the SDK's chain. */
    public @Nullable String getRegion() {
        return region;
    }

    /** Sets the AWS region. */
    public void setRegion(@Nullable String region) {
        this.region = region;
    }

    /** The bucket that holds the logs. */
    public @Nullable String getBucketName() {
        return bucketName;
    }

    /** Sets the bucket that holds the logs. */
    public void setBucketName(@Nullable String bucketName) {
        this.bucketName = bucketName;
    }

    /** The access key id, or null. */
    public @Nullable String getAccessKeyId() {
        return accessKeyId;
    }

    /** Sets the access key id. */
    public void setAccessKeyId(@Nullable String accessKeyId) {
        this.accessKeyId = accessKeyId;
    }

    /** The secret access key, or null. */
    public @Nullable String getSecretAccessKey() {
        return secretAccessKey;
    }

    /** Sets the secret access key. */
    public void setSecretAccessKey(@Nullable String secretAccessKey) {
        this.secretAccessKey = secretAccessKey;
    }

    /** The key prefix. */
    public String getPrefix() {
        return prefix;
    }

    /** Sets the key prefix. */
    public void setPrefix(String prefix) {
        this.prefix = prefix;
    }

    /** The endpoint of an S3-compatible server, or null for AWS. */
    public @Nullable String getEndpoint() {
        return endpoint;
    }

    /** Sets the endpoint of an S3-compatible server. */
    public void setEndpoint(@Nullable String endpoint) {
        this.endpoint = endpoint;
    }

    /** Whether requests use path-style addressing. */
    public boolean isPathStyleAccess() {
        return pathStyleAccess;
    }

    public boolean isAllowInsecureEndpoint() {
        return allowInsecureEndpoint;
    }

    public void setAllowInsecureEndpoint(boolean allowInsecureEndpoint) {
        this.allowInsecureEndpoint = allowInsecureEndpoint;
    }

    /** Sets whether requests use path-style addressing. */
    public void setPathStyleAccess(boolean pathStyleAccess) {
        this.pathStyleAccess = pathStyleAccess;
    }

    /** Where create records each log's key by id: s3, mongo or none (see {@link IdIndexMode#parse}). */
    public String getIdIndex() {
        return idIndex;
    }

    /** Sets where create records each log's key by id. */
    public void setIdIndex(String idIndex) {
        this.idIndex = idIndex;
    }

    /** Whether logs under the legacy path are read. */
    public boolean isReadLegacyPath() {
        return readLegacyPath;
    }

    /** Sets whether logs under the legacy path are read. */
    public void setReadLegacyPath(boolean readLegacyPath) {
        this.readLegacyPath = readLegacyPath;
    }

    /** Whether new objects are gzip-compressed. */
    public boolean isGzip() {
        return gzip;
    }

    /** Sets whether new objects are gzip-compressed. */
    public void setGzip(boolean gzip) {
        this.gzip = gzip;
    }

    /** The server-side encryption of every PUT. */
    public Encryption getEncryption() {
        return encryption;
    }

    /** Sets the server-side encryption of every PUT. */
    public void setEncryption(Encryption encryption) {
        this.encryption = encryption;
    }

    /** The KMS key id or ARN, or null. */
    public @Nullable String getKmsKeyId() {
        return kmsKeyId;
    }

    /** Sets the KMS key id or ARN. */
    public void setKmsKeyId(@Nullable String kmsKeyId) {
        this.kmsKeyId = kmsKeyId;
    }

    /** How long an ObjectId run may keep logging. */
    public Duration getMaxRunDuration() {
        return maxRunDuration;
    }

    /** Sets how long an ObjectId run may keep logging. */
    public void setMaxRunDuration(Duration maxRunDuration) {
        this.maxRunDuration = maxRunDuration;
    }

    /** How far back UUID-run and code-only listings look. */
    public Duration getListWindow() {
        return listWindow;
    }

    /** Sets how far back UUID-run and code-only listings look. */
    public void setListWindow(Duration listWindow) {
        this.listWindow = listWindow;
    }

    /** How long the listing of a day answers the searches of findById. */
    public Duration getLookupCacheTtl() {
        return lookupCacheTtl;
    }

    /** Sets how long the listing of a day answers the searches of findById. */
    public void setLookupCacheTtl(Duration lookupCacheTtl) {
        this.lookupCacheTtl = lookupCacheTtl;
    }

    /** How far back lookups of UUID ids without a pointer look. */
    public Duration getLookupWindow() {
        return lookupWindow;
    }

    /** Sets how far back lookups of UUID ids without a pointer look. */
    public void setLookupWindow(Duration lookupWindow) {
        this.lookupWindow = lookupWindow;
    }

    /** How many requests one call may run in parallel. */
    public int getReadConcurrency() {
        return readConcurrency;
    }

    /** Sets how many requests one call may run in parallel. */
    public void setReadConcurrency(int readConcurrency) {
        this.readConcurrency = readConcurrency;
    }

    /** The SDK retry strategy. */
    public RetryMode getRetryMode() {
        return retryMode;
    }

    /** Sets the SDK retry strategy. */
    public void setRetryMode(RetryMode retryMode) {
        this.retryMode = retryMode;
    }

    /** How many attempts one request gets. */
    public int getMaxAttempts() {
        return maxAttempts;
    }

    /** Sets how many attempts one request gets. */
    public void setMaxAttempts(int maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    /** The longest one call may take, or null for no limit. */
    public @Nullable Duration getApiCallTimeout() {
        return apiCallTimeout;
    }

    /** Sets the longest one call may take. */
    public void setApiCallTimeout(@Nullable Duration apiCallTimeout) {
        this.apiCallTimeout = apiCallTimeout;
    }

    /** Keeps credentials out of logs and messages. */
    @Override
    public String toString() {
        return "CodeLogS3Properties[enabled=" + enabled + ", region=" + region + ", bucketName=" + bucketName
                + ", prefix=" + prefix + ", endpoint=" + endpoint + ", credentials="
                + (accessKeyId != null && secretAccessKey != null ? "static" : "default chain") + "]";
    }

    /** The server-side encryption of new objects. */
    public enum Encryption {
        /** No encryption header: the bucket's default applies. */
        NONE,
        /** SSE-S3 (AES256). */
        AES256,
        /** SSE-KMS with codelog.s3.kms-key-id. */
        KMS
    }

    /** The SDK's retry strategies. */
    public enum RetryMode {
        /** Exponential backoff with jitter and a retry quota. */
        STANDARD,
        /** Standard, plus client-side rate limiting when S3 throttles. */
        ADAPTIVE
    }
}
