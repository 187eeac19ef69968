package io.codelog.autoconfigure;

import io.codelog.s3.S3RequestCounter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * For the S3 lock tests: a client of the test server that counts its requests, a new bucket per test, providers on
 * it under {@value #PREFIX}, and the lock objects read and written directly.
 */
final class S3LockFixture implements AutoCloseable {

    static final String PREFIX = "codeactions";

    private final TestStores stores;
    private final S3RequestCounter counter = new S3RequestCounter();
    private final S3Client client;
    private String bucket;

    S3LockFixture(TestStores stores) {
        this.stores = stores;
        this.client = stores.clientBuilder()
                .overrideConfiguration(overrides -> overrides.addExecutionInterceptor(counter))
                .build();
    }

    /** Moves to a new empty bucket and sets the request counts to zero. */
    void useNewBucket() {
        bucket = stores.createBucket();
        counter.reset();
    }

    /** The counting client. */
    S3Client client() {
        return client;
    }

    /** The current test's bucket. */
    String bucket() {
        return bucket;
    }

    /** The requests of the counting client and of those made by {@link #clientWith}. */
    S3RequestCounter counter() {
        return counter;
    }

    /** A new client of the test server, counted, with one more interceptor; the caller closes it. */
    S3Client clientWith(ExecutionInterceptor interceptor) {
        return stores.clientBuilder()
                .overrideConfiguration(
                        overrides -> overrides.addExecutionInterceptor(counter).addExecutionInterceptor(interceptor))
                .build();
    }

    /** A new provider, as another instance of the service would have, on the bucket under {@value #PREFIX}. */
    S3LockProvider provider() {
        return new S3LockProvider(client, bucket, PREFIX);
    }

    /** A lock configuration created now on ShedLock's clock. */
    static LockConfiguration config(String name, Duration lockAtMostFor, Duration lockAtLeastFor) {
        return new LockConfiguration(ClockProvider.now(), name, lockAtMostFor, lockAtLeastFor);
    }

    /** Where the test expects the lock object of this name. */
    static String key(String name) {
        return PREFIX + "/locks/" + name;
    }

    /** The lock object's body and ETag. */
    StoredObject object(String name) {
        var object = client.getObjectAsBytes(request -> request.bucket(bucket).key(key(name)));
        return new StoredObject(object.asUtf8String(), object.response().eTag());
    }

    /** The lock object's body as a record. */
    S3LockRecord record(String name) {
        return S3LockRecord.parse(object(name).body().getBytes(StandardCharsets.UTF_8))
                .orElseThrow();
    }

    /** Writes the lock object of this name as another program might. */
    void putLockObject(String name, String body) {
        client.putObject(
                request -> request.bucket(bucket).key(key(name)), RequestBody.fromString(body, StandardCharsets.UTF_8));
    }

    /** Deletes the lock object of this name. */
    void deleteLockObject(String name) {
        client.deleteObject(request -> request.bucket(bucket).key(key(name)));
    }

    /** Every key in the bucket. */
    List<String> keys() {
        return client.listObjectsV2Paginator(request -> request.bucket(bucket)).contents().stream()
                .map(S3Object::key)
                .toList();
    }

    @Override
    public void close() {
        client.close();
    }

    /** A lock object as stored. */
    record StoredObject(String body, String eTag) {}
}
