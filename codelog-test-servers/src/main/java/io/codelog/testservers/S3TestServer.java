package io.codelog.testservers;

import java.net.URI;

/**
 * A running server that speaks the S3 protocol. Clients must use path-style access and the credentials given
 * here ({@link TestS3Clients#builder(S3TestServer)} builds one); tests create their own buckets.
 */
public interface S3TestServer {

    /** The HTTP endpoint to override the client's with, e.g. {@code http://127.0.0.1:43125}. */
    URI endpoint();

    /** The region to sign requests for. */
    String region();

    /** The access key id the server accepts. */
    String accessKeyId();

    /** The secret access key the server accepts. */
    String secretAccessKey();

    /**
     * Where the server comes from: {@code external}, {@code testcontainers} or {@code embedded}; {@code s3mock}
     * ({@link S3MockServer#KIND}) for the second S3 implementation.
     */
    String kind();
}
