package io.codelog.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.codelog.core.CodeLogRepository;
import io.codelog.s3.S3RequestCounter;
import io.codelog.test.TestServers;
import io.codelog.testservers.MongoTestServer;
import io.codelog.testservers.S3TestServer;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.AdaptiveRetryStrategy;
import software.amazon.awssdk.retries.StandardRetryStrategy;
import software.amazon.awssdk.services.s3.S3Client;

/** The S3 client codelog builds from {@code codelog.s3.*} when the application has none. */
@ExtendWith(TestServers.class)
class S3ClientConfigurationTest {

    private static TestStores stores;

    @BeforeAll
    static void servers(MongoTestServer mongo, S3TestServer s3) {
        stores = new TestStores(mongo, s3);
    }

    /** S3 enabled on an AWS-shaped configuration: no endpoint, a real region, a bucket that is never called. */
    private static ApplicationContextRunner awsRunner() {
        return stores.runner()
                .withPropertyValues(
                        "codelog.s3.enabled=true", "codelog.s3.bucket-name=logs-bucket", "codelog.s3.region=eu-west-1");
    }

    @Nested
    class Regions {

        @Test
        void aKnownRegionIsUsed() {
            awsRunner()
                    .run(context -> assertThat(
                                    client(context).serviceClientConfiguration().region())
                            .isEqualTo(Region.EU_WEST_1));
        }

        @Test
        void anyRegionNameIsAcceptedForAnS3CompatibleEndpoint() {
            awsRunner()
                    .withPropertyValues("codelog.s3.region=garage", "codelog.s3.endpoint=http://localhost:3900")
                    .run(context -> assertThat(
                                    client(context).serviceClientConfiguration().region())
                            .isEqualTo(Region.of("garage")));
        }

        @Test
        void anEndpointWithoutARegionSignsForUsEast1() {
            awsRunner()
                    .withPropertyValues("codelog.s3.region=", "codelog.s3.endpoint=http://localhost:3900")
                    .run(context -> assertThat(
                                    client(context).serviceClientConfiguration().region())
                            .isEqualTo(Region.US_EAST_1));
        }
    }

    @Nested
    class Endpoint {

        @Test
        void withoutAnEndpointTheClientTalksToAws() {
            awsRunner()
                    .run(context -> assertThat(
                                    client(context).serviceClientConfiguration().endpointOverride())
                            .isEmpty());
        }

        @Test
        void anEndpointWithoutASchemeGetsHttpsAsTheGoSdkGaveIt() {
            awsRunner()
                    .withPropertyValues("codelog.s3.endpoint=minio.internal:9000")
                    .run(context -> assertThat(
                                    client(context).serviceClientConfiguration().endpointOverride())
                            .contains(URI.create("https://minio.internal:9000")));
        }

        @Test
        void pathStyleAccessReachesTheServerThroughTheBuiltClient() {
            stores.runner()
                    .withPropertyValues(stores.s3Properties())
                    .withPropertyValues("codelog.s3.enabled=true")
                    .run(context -> assertThat(context.getBean(CodeLogRepository.class)
                                    .create(StoreSelectionAutoConfigurationTest.newLog())
                                    .id())
                            .isNotNull());
        }
    }

    @Nested
    class Credentials {

        @Test
        void bothKeysGiveStaticCredentials() {
            awsRunner()
                    .withPropertyValues("codelog.s3.access-key-id=AKIDEXAMPLE", "codelog.s3.secret-access-key=s3cr3t")
                    .run(context -> {
                        AwsCredentialsIdentity identity = client(context)
                                .serviceClientConfiguration()
                                .credentialsProvider()
                                .resolveIdentity()
                                .join();
                        assertThat(identity.accessKeyId()).isEqualTo("AKIDEXAMPLE");
                        assertThat(identity.secretAccessKey()).isEqualTo("s3cr3t");
                    });
        }

        @Test
        void noKeysGiveTheSdkDefaultChainAndNoBuiltInDefault() {
            awsRunner()
                    .run(context -> assertThat(
                                    client(context).serviceClientConfiguration().credentialsProvider())
                            .isInstanceOf(DefaultCredentialsProvider.class));
        }
    }

    @Nested
    class Retries {

        @Test
        void standardWithThreeAttemptsByDefault() {
            awsRunner().run(context -> {
                ClientOverrideConfiguration overrides =
                        client(context).serviceClientConfiguration().overrideConfiguration();
                assertThat(overrides.retryStrategy()).get().isInstanceOf(StandardRetryStrategy.class);
                assertThat(overrides.retryStrategy().get().maxAttempts()).isEqualTo(3);
                assertThat(overrides.apiCallTimeout()).isEmpty();
            });
        }

        @Test
        void adaptiveWithTheGivenAttemptsAndTimeout() {
            awsRunner()
                    .withPropertyValues(
                            "codelog.s3.retry-mode=adaptive",
                            "codelog.s3.max-attempts=7",
                            "codelog.s3.api-call-timeout=45s")
                    .run(context -> {
                        ClientOverrideConfiguration overrides =
                                client(context).serviceClientConfiguration().overrideConfiguration();
                        assertThat(overrides.retryStrategy()).get().isInstanceOf(AdaptiveRetryStrategy.class);
                        assertThat(overrides.retryStrategy().get().maxAttempts())
                                .isEqualTo(7);
                        assertThat(overrides.apiCallTimeout()).contains(Duration.ofSeconds(45));
                    });
        }
    }

    @Nested
    class Customizers {

        @Test
        void areAppliedInOrderToTheClientTheStoreUses() {
            stores.runner()
                    .withPropertyValues(stores.s3Properties())
                    .withPropertyValues("codelog.s3.enabled=true")
                    .withUserConfiguration(OrderedCustomizers.class)
                    .run(context -> {
                        OrderedCustomizers customizers = context.getBean(OrderedCustomizers.class);
                        assertThat(customizers.calls).containsExactly("first", "second");
                        context.getBean(CodeLogRepository.class).create(StoreSelectionAutoConfigurationTest.newLog());
                        assertThat(customizers.counter.count("PutObject")).isGreaterThanOrEqualTo(1);
                    });
        }

        @Test
        void areNotAppliedToTheApplicationsOwnClient() {
            S3Client own = stores.client();
            stores.runner()
                    .withPropertyValues("codelog.s3.enabled=true", "codelog.s3.bucket-name=" + stores.createBucket())
                    .withBean(S3Client.class, () -> own)
                    .withUserConfiguration(OrderedCustomizers.class)
                    .run(context -> assertThat(context.getBean(OrderedCustomizers.class).calls)
                            .isEmpty());
        }
    }

    private static S3Client client(ApplicationContext context) {
        return context.getBean(CodeLogS3Connection.class).client();
    }

    @Configuration(proxyBeanMethods = false)
    static class OrderedCustomizers {

        final List<String> calls = new CopyOnWriteArrayList<>();
        final S3RequestCounter counter = new S3RequestCounter();

        @Bean
        @Order(2)
        S3ClientBuilderCustomizer second() {
            return builder -> calls.add("second");
        }

        @Bean
        @Order(1)
        S3ClientBuilderCustomizer first() {
            return builder -> {
                calls.add("first");
                builder.overrideConfiguration(builder.overrideConfiguration().toBuilder()
                        .addExecutionInterceptor(counter)
                        .build());
            };
        }
    }
}
