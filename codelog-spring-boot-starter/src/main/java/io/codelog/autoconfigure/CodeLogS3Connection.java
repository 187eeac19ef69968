package io.codelog.autoconfigure;

import io.codelog.s3.S3CodeLogSettings;
import java.util.Objects;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The S3 client, bucket and prefix that codelog's S3 store uses, and everything else codelog keeps in that bucket
 * (the health check, the retention cleaner's lock). The client is the application's {@code S3Client} bean when
 * it has one; otherwise codelog builds its own, which is not a bean, so that an application asking the context for
 * an {@code S3Client} never gets codelog's, and which is closed with this.
 */
final class CodeLogS3Connection implements AutoCloseable {

    private final S3Client client;
    private final S3CodeLogSettings settings;
    private final boolean owned;

    private CodeLogS3Connection(S3Client client, S3CodeLogSettings settings, boolean owned) {
        this.client = Objects.requireNonNull(client, "client");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.owned = owned;
    }

    /** A connection through the application's client, which this never closes. */
    static CodeLogS3Connection applications(S3Client client, S3CodeLogSettings settings) {
        return new CodeLogS3Connection(client, settings, false);
    }

    /** A connection through a client codelog built, closed with this. */
    static CodeLogS3Connection owning(S3Client client, S3CodeLogSettings settings) {
        return new CodeLogS3Connection(client, settings, true);
    }

    /** The client the store sends its requests through. */
    S3Client client() {
        return client;
    }

    /** The store's bucket, prefix and options. */
    S3CodeLogSettings settings() {
        return settings;
    }

    /** Closes the client codelog built; the application's is left alone. */
    @Override
    public void close() {
        if (owned) {
            client.close();
        }
    }
}
