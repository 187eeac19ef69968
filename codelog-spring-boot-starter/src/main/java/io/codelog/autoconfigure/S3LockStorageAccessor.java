package io.codelog.autoconfigure;

import io.codelog.s3.S3CodeLogSettings;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.support.AbstractStorageAccessor;
import net.javacrumbs.shedlock.support.LockException;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Keeps each ShedLock lock as one JSON object ({@link S3LockRecord}) at {@code {prefix}/locks/{name}}, or
 * {@code locks/{name}} without a prefix: beside {@code {prefix}/logs/} and {@code {prefix}/index/}, so that log
 * listings and lifecycle rules on {@code logs/} never see it. A name must match {@value #NAME_RULE}; any other is
 * refused with {@link IllegalArgumentException} before a request. Every write is conditional: taking a free lock
 * with {@code If-None-Match: *} or {@code If-Match} on the ETag just read, releasing and extending with
 * {@code If-Match} on the ETag this accessor itself last wrote for the name, so an instance whose lock expired and
 * was taken by another never changes the other's object. An object whose body is not a lock record makes the
 * lock fail with {@link LockException} rather than count as free.
 */
final class S3LockStorageAccessor extends AbstractStorageAccessor {

    static final String NAME_RULE = "1 to 255 of [A-Za-z0-9._:-], not '.' or '..'";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._:-]{1,255}");
    private static final String JSON = "application/json";

    private final S3Client client;
    private final String bucket;
    private final String locksRoot;
    private final ConcurrentMap<String, Held> held = new ConcurrentHashMap<>();

    /**
     * @param client the client to call S3 with
     * @param bucket the bucket, under the log store's bucket rules
     * @param prefix the log store's key prefix, normalised as the store normalises it; empty or null for none
     * @throws IllegalArgumentException when the bucket or the prefix breaks the log store's rules
     */
    S3LockStorageAccessor(S3Client client, String bucket, @Nullable String prefix) {
        this.client = Objects.requireNonNull(client, "client");
        // The store's own settings check the bucket and normalise the prefix, so the locks sit beside its logs.
        S3CodeLogSettings settings = S3CodeLogSettings.of(bucket, prefix);
        this.bucket = settings.bucket();
        this.locksRoot = settings.prefix().isEmpty() ? "locks/" : settings.prefix() + "/locks/";
    }

    /**
     * The key of the lock object of this name.
     *
     * @throws IllegalArgumentException when the name breaks {@value #NAME_RULE}
     */
    String keyOf(@Nullable String name) {
        if (name == null || !NAME.matcher(name).matches() || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("Invalid lock name " + printable(name) + ": an S3 lock name must be "
                    + NAME_RULE + " so that its key stays under " + locksRoot);
        }
        return locksRoot + name;
    }

    /** Creates the lock object with {@code If-None-Match: *}; false when it exists. 1 PUT. */
    @Override
    public boolean insertRecord(LockConfiguration configuration) {
        return create(configuration, keyOf(configuration.getName()));
    }

    /**
     * Takes the lock when its object says it ended: GET, then PUT with {@code If-Match} on the ETag read; false when
     * it is held or another instance wrote it in between. Creates the object when it has gone. 1 GET, and 1 PUT
     * when the lock has ended or its object has gone.
     */
    @Override
    public boolean updateRecord(LockConfiguration configuration) {
        String key = keyOf(configuration.getName());
        Optional<Stored> stored = read(key);
        if (stored.isEmpty()) {
            return create(configuration, key);
        }
        Instant now = ClockProvider.now();
        if (stored.get().record().lockUntil().isAfter(now)) {
            return false;
        }
        S3LockRecord record = S3LockRecord.of(configuration.getLockAtMostUntil(), now, getHostname());
        return write(key, record, request -> request.ifMatch(stored.get().eTag()), "take")
                .map(eTag -> remember(configuration, eTag, record))
                .orElse(false);
    }

    /**
     * Ends the lock at the later of now and its lockAtLeastFor: 1 PUT with {@code If-Match} on the ETag this
     * accessor wrote, none when it does not hold the lock under this configuration.
     */
    @Override
    public void unlock(LockConfiguration configuration) {
        String name = configuration.getName();
        String key = keyOf(name);
        Held mine = held.get(name);
        // A configuration identifies one acquisition: another thread may have taken the same name after this one
        // expired, and its lock is not this one's to release.
        if (mine == null || mine.configuration() != configuration) {
            logger.warn("Lock {} not released: this instance no longer holds it", name);
            return;
        }
        S3LockRecord record =
                S3LockRecord.of(configuration.getUnlockTime(), mine.record().lockedAt(), getHostname());
        boolean released = write(key, record, request -> request.ifMatch(mine.eTag()), "release")
                .isPresent();
        held.remove(name, mine);
        if (!released) {
            logger.warn("Lock {} not released: it expired and another instance took it", name);
        }
    }

    /**
     * Moves the end of a lock this accessor holds to the new lockAtMostFor: 1 PUT with {@code If-Match} on the ETag
     * it wrote, none when it does not hold the lock or the lock has ended. Unlike a release, an extension cannot
     * tell two threads of this instance apart (ShedLock passes a new configuration), so it guards against other
     * instances only.
     */
    @Override
    public boolean extend(LockConfiguration configuration) {
        String name = configuration.getName();
        String key = keyOf(name);
        Held mine = held.get(name);
        if (mine == null || !mine.record().lockUntil().isAfter(ClockProvider.now())) {
            return false;
        }
        S3LockRecord record = S3LockRecord.of(
                configuration.getLockAtMostUntil(), mine.record().lockedAt(), getHostname());
        Optional<String> eTag = write(key, record, request -> request.ifMatch(mine.eTag()), "extend");
        if (eTag.isEmpty()) {
            held.remove(name, mine);
            return false;
        }
        held.replace(name, mine, new Held(configuration, eTag.get(), record));
        return true;
    }

    private boolean create(LockConfiguration configuration, String key) {
        S3LockRecord record = S3LockRecord.of(configuration.getLockAtMostUntil(), ClockProvider.now(), getHostname());
        return write(key, record, request -> request.ifNoneMatch("*"), "create")
                .map(eTag -> remember(configuration, eTag, record))
                .orElse(false);
    }

    private boolean remember(LockConfiguration configuration, String eTag, S3LockRecord record) {
        held.put(configuration.getName(), new Held(configuration, eTag, record));
        return true;
    }

    /** The object's record and ETag, or empty when there is no object. 1 GET. */
    private Optional<Stored> read(String key) {
        ResponseBytes<GetObjectResponse> object;
        try {
            object = client.getObjectAsBytes(request -> request.bucket(bucket).key(key));
        } catch (S3Exception e) {
            if (e.statusCode() == 404 && "NoSuchKey".equals(errorCode(e))) {
                return Optional.empty();
            }
            throw failure("read", key, e);
        } catch (SdkException e) {
            throw failure("read", key, e);
        }
        S3LockRecord record = S3LockRecord.parse(object.asByteArray())
                .orElseThrow(() -> new LockException("The object s3://" + bucket + "/" + key
                        + " is not a lock record (a JSON object with ISO-8601 lockUntil and lockedAt), so the lock"
                        + " is not taken. Delete the object to free the lock."));
        return Optional.of(new Stored(record, requireETag(object.response().eTag(), key)));
    }

    /** The new ETag, or empty when the condition failed: another instance wrote or deleted the object first. */
    private Optional<String> write(
            String key, S3LockRecord record, UnaryOperator<PutObjectRequest.Builder> condition, String action) {
        PutObjectRequest request = condition
                .apply(PutObjectRequest.builder().bucket(bucket).key(key).contentType(JSON))
                .build();
        try {
            return Optional.of(requireETag(
                    client.putObject(request, RequestBody.fromBytes(record.toJson()))
                            .eTag(),
                    key));
        } catch (S3Exception e) {
            if (lostToAnotherWriter(e)) {
                logger.debug("Lock object {} not written ({}): status {}", key, action, e.statusCode());
                return Optional.empty();
            }
            throw failure(action, key, e);
        } catch (SdkException e) {
            throw failure(action, key, e);
        }
    }

    /**
     * 412 for a failed condition, 409 ConditionalRequestConflict when Amazon S3 sees a concurrent conditional
     * write, 404 NoSuchKey for {@code If-Match} on a deleted object. A missing bucket (404 NoSuchBucket) is not one.
     */
    private static boolean lostToAnotherWriter(S3Exception e) {
        String code = errorCode(e);
        return e.statusCode() == 412
                || (e.statusCode() == 409 && "ConditionalRequestConflict".equals(code))
                || (e.statusCode() == 404 && "NoSuchKey".equals(code));
    }

    private static @Nullable String errorCode(S3Exception e) {
        return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    }

    private String requireETag(@Nullable String eTag, String key) {
        if (eTag == null || eTag.isEmpty()) {
            throw new LockException("The S3 server returned no ETag for s3://" + bucket + "/" + key
                    + "; the S3 lock needs a server with ETags and conditional writes (If-Match, If-None-Match).");
        }
        return eTag;
    }

    private LockException failure(String action, String key, SdkException e) {
        String status = e instanceof S3Exception s3
                ? " (status " + s3.statusCode() + (errorCode(s3) == null ? "" : " " + errorCode(s3)) + ")"
                : "";
        return new LockException("Could not " + action + " the lock object s3://" + bucket + "/" + key + status, e);
    }

    /** The name with anything but printable ASCII escaped, so that a hostile name cannot forge log lines. */
    private static String printable(@Nullable String name) {
        if (name == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("\"");
        name.codePoints().limit(300).forEach(c -> {
            if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
                out.append((char) c);
            } else {
                out.append(String.format("\\u%04x", c));
            }
        });
        return out.append(name.length() > 300 ? "\"..." : "\"").toString();
    }

    /** A lock object as read: its record and ETag. */
    private record Stored(S3LockRecord record, String eTag) {}

    /** A lock this accessor took: the configuration that took it, the ETag and record it wrote. */
    private record Held(LockConfiguration configuration, String eTag, S3LockRecord record) {}
}
