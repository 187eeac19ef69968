package io.codelog.autoconfigure;

import java.util.Objects;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Whether codelog's S3 bucket answers: UP with the bucket when a HeadBucket succeeds, DOWN naming the bucket
 * and why (access denied, no such bucket, another status, or no answer) when it does not.
 */
public final class CodeLogS3HealthIndicator extends AbstractHealthIndicator {

    private final S3Client client;
    private final String bucket;

    /** An indicator of this bucket, asked through this client. */
    public CodeLogS3HealthIndicator(S3Client client, String bucket) {
        super("codelog S3 health check failed");
        this.client = Objects.requireNonNull(client, "client");
        this.bucket = Objects.requireNonNull(bucket, "bucket");
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.withDetail("bucket", bucket);
        try {
            client.headBucket(request -> request.bucket(bucket));
            builder.up();
        } catch (S3Exception e) {
            builder.down().withDetail("status", e.statusCode()).withDetail("reason", reason(e.statusCode()));
        } catch (SdkClientException e) {
            // The SDK's message can hold the endpoint's address, which is not shown on a health page.
            builder.down()
                    .withDetail("reason", "no answer from S3 (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static String reason(int status) {
        return switch (status) {
            case 403 -> "access denied: the credentials may not call s3:ListBucket on this bucket";
            case 404 -> "no such bucket";
            default -> "S3 answered with status " + status;
        };
    }
}
