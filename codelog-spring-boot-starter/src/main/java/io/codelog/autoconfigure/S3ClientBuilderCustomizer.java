package io.codelog.autoconfigure;

import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Adjusts the builder of the {@code S3Client} codelog builds when the application has none, after codelog has
 * applied its {@code codelog.s3.*} settings. Beans of this type are applied in {@code @Order}.
 */
@FunctionalInterface
public interface S3ClientBuilderCustomizer {

    /** Adjusts the builder; called once, before the client is built. */
    void customize(S3ClientBuilder builder);
}
