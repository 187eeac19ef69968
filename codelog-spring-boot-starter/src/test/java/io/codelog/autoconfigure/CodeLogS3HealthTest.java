package io.codelog.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.codelog.test.TestServers;
import io.codelog.testservers.MongoTestServer;
import io.codelog.testservers.S3TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;

/** The S3 health indicator against the real test server, and when it is built. */
@ExtendWith(TestServers.class)
class CodeLogS3HealthTest {

    private static TestStores stores;

    @BeforeAll
    static void servers(MongoTestServer mongo, S3TestServer s3) {
        stores = new TestStores(mongo, s3);
    }

    @Test
    void anExistingBucketIsUpWithItsName() {
        String bucket = stores.createBucket();
        try (S3Client client = stores.client()) {
            Health health = new CodeLogS3HealthIndicator(client, bucket).health();
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("bucket", bucket);
        }
    }

    @Test
    void aMissingBucketIsDownAsNoSuchBucket() {
        String bucket = "codelog-missing-" + TestStores.uniqueName();
        try (S3Client client = stores.client()) {
            Health health = new CodeLogS3HealthIndicator(client, bucket).health();
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails())
                    .containsEntry("bucket", bucket)
                    .containsEntry("status", 404)
                    .containsEntry("reason", "no such bucket");
        }
    }

    @Test
    void wrongCredentialsAreDownAsAccessDeniedWithoutTheSecret() {
        String bucket = stores.createBucket();
        String wrongSecret = "not-the-secret-" + TestStores.uniqueName();
        try (S3Client client = stores.clientBuilder()
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDWRONG", wrongSecret)))
                .build()) {
            Health health = new CodeLogS3HealthIndicator(client, bucket).health();
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsEntry("status", 403);
            assertThat((String) health.getDetails().get("reason")).startsWith("access denied");
            assertThat(health.toString()).doesNotContain(wrongSecret);
        }
    }

    @Test
    void builtWithTheS3StoreOnlyAndSwitchable() {
        stores.runner()
                .withPropertyValues(stores.s3Properties())
                .withPropertyValues("codelog.s3.enabled=true")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasBean("codelogHealthIndicator");
                    assertThat(context.getBean(CodeLogS3HealthIndicator.class)
                                    .health()
                                    .getStatus())
                            .isEqualTo(Status.UP);
                });
        stores.runner()
                .withPropertyValues(stores.s3Properties())
                .withPropertyValues("codelog.s3.enabled=true", "management.health.codelog.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(CodeLogS3HealthIndicator.class));
        stores.runner()
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(CodeLogS3HealthIndicator.class));
    }
}
