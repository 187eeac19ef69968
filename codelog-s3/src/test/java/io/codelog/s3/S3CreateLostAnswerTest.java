package io.codelog.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.codelog.core.CodeLog;
import io.codelog.core.IdGenerator;
import io.codelog.core.LogType;
import io.codelog.test.TestServers;
import io.codelog.testservers.S3TestServer;
import io.codelog.testservers.TestS3Clients;
import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * A create whose log PUT reached S3 but whose answer was lost is retried by the client, and S3 refuses the retry
 * because of that very PUT: the create succeeds, as it did. The history check (codelog-it, a proxy that drops answers)
 * found such creates refused with {@code CodeLogAlreadyExistsException} and their logs visible all the same.
 */
@ExtendWith(TestServers.class)
class S3CreateLostAnswerTest {

    private static final String RUN = IdGenerator.objectIds().newId(Instant.now());
    private static final String CODE = "3f1e8c2a-7b4d-4e9f-a1c2-5d6e7f8a9b0c";

    private final AtomicInteger lostAnswers = new AtomicInteger();
    private S3Fixture admin;
    private S3Client client;
    private String bucket;

    @BeforeEach
    void client(S3TestServer server) {
        ExecutionInterceptor loseFirstLogPutAnswer = new ExecutionInterceptor() {
            @Override
            public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
                if (context.request() instanceof PutObjectRequest put
                        && put.key().contains("/logs/")
                        && lostAnswers.getAndIncrement() == 0) {
                    throw SdkClientException.create(
                            "the connection was reset after the request was sent", new IOException("reset"));
                }
            }
        };
        client = TestS3Clients.builder(server)
                .overrideConfiguration(config -> config.addExecutionInterceptor(loseFirstLogPutAnswer))
                .build();
        admin = new S3Fixture(server);
        bucket = admin.newBucket("codelog-lost-answer");
    }

    @AfterEach
    void close() {
        client.close();
        admin.close();
    }

    @ParameterizedTest(name = "id index {0}")
    @ValueSource(booleans = {true, false})
    void aCreateWhoseRetryMeetsItsOwnLogSucceeds(boolean idIndex) {
        try (S3CodeLogRepository store = new S3CodeLogRepository(
                client,
                S3CodeLogSettings.builder(bucket)
                        .prefix(S3Fixture.newPrefix("lost-answer"))
                        .idIndex(idIndex)
                        .build())) {
            CodeLog created = store.create(CodeLog.of(RUN, CODE, LogType.INFO, "its first answer was lost"));

            assertThat(lostAnswers).as("log PUTs sent, the first answer lost").hasValueGreaterThan(1);
            assertThat(store.findById(created.id())).contains(created);
            assertThat(store.count(RUN, null)).isEqualTo(1);
        }
    }
}
