package io.codelog.s3;

import org.jspecify.annotations.Nullable;

/**
 * The server-side encryption this store asks S3 for on every PUT, log objects and index pointers alike.
 *
 * @param mode none, SSE-S3 or SSE-KMS
 * @param kmsKeyId the KMS key id or ARN for {@link Mode#KMS}; null for the other modes
 */
public record ServerSideEncryption(Mode mode, @Nullable String kmsKeyId) {

    /** How objects are encrypted at rest. */
    public enum Mode {
        /** No encryption header: the bucket's default applies. */
        NONE,
        /** SSE-S3, {@code x-amz-server-side-encryption: AES256}. */
        AES256,
        /** SSE-KMS with a given key, {@code x-amz-server-side-encryption: aws:kms}. */
        KMS
    }

    /** @throws IllegalArgumentException when a KMS key id is missing for KMS or given for another mode */
    public ServerSideEncryption {
        if (mode == null) {
            throw new IllegalArgumentException("encryption mode is required (NONE, AES256 or KMS)");
        }
        if (mode == Mode.KMS && (kmsKeyId == null || kmsKeyId.isBlank())) {
            throw new IllegalArgumentException("SSE-KMS needs a KMS key id or ARN");
        }
        if (mode != Mode.KMS && kmsKeyId != null) {
            throw new IllegalArgumentException("a KMS key id is only valid with SSE-KMS");
        }
    }

    /** No encryption header on PUTs. */
    public static ServerSideEncryption none() {
        return new ServerSideEncryption(Mode.NONE, null);
    }

    /** SSE-S3 (AES256) on every PUT. */
    public static ServerSideEncryption aes256() {
        return new ServerSideEncryption(Mode.AES256, null);
    }

    /** SSE-KMS with this key id or ARN on every PUT. */
    public static ServerSideEncryption kms(String keyId) {
        return new ServerSideEncryption(Mode.KMS, keyId);
    }
}
