package io.codelog.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codelog.test.TestServers;
import io.codelog.testservers.S3TestServer;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

@ExtendWith(TestServers.class)
class S3RequestCounterTest {

    @Test
    @DisplayName("counts each operation once by its SDK name, failed ones too, attempts as many on a healthy"
            + " connection, and resets")
    void counts(S3TestServer server) {
        try (S3Fixture s3 = new S3Fixture(server)) {
            String bucket = s3.newBucket("codelog-counter");
            s3.client.putObject(request -> request.bucket(bucket).key("a"), RequestBody.fromString("x"));
            s3.client.getObjectAsBytes(request -> request.bucket(bucket).key("a"));
            assertThatThrownBy(() -> s3.client.headObject(
                            request -> request.bucket(bucket).key("missing")))
                    .isInstanceOf(NoSuchKeyException.class);

            assertThat(s3.counter.snapshot())
                    .isEqualTo(Map.of("CreateBucket", 1L, "PutObject", 1L, "GetObject", 1L, "HeadObject", 1L));
            assertThat(s3.counter.total()).isEqualTo(4);
            assertThat(s3.counter.count("ListObjectsV2")).isZero();
            assertThat(s3.counter.attempts("PutObject")).isEqualTo(1);
            assertThat(s3.counter.attempts("HeadObject")).isEqualTo(1);
            s3.counter.reset();
            assertThat(s3.counter.total()).isZero();
            assertThat(s3.counter.attempts("PutObject")).isZero();
            assertThat(s3.counter.snapshot()).isEmpty();
        }
    }
}
