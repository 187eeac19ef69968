package io.codelog.testservers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

@DisplayName("Clients of the test servers")
class TestS3ClientsTest {

    @Test
    @DisplayName("a client of an s3proxy with chosen keys writes and reads with path-style requests")
    void clientOfAServer() {
        try (EmbeddedS3Server server = EmbeddedS3Server.startOnDisk("chosen-key", "chosen-secret");
                S3Client client = TestS3Clients.client(server)) {
            client.createBucket(request -> request.bucket("clients"));
            client.putObject(request -> request.bucket("clients").key("k"), RequestBody.fromString("v"));

            assertThat(client.getObjectAsBytes(
                                    request -> request.bucket("clients").key("k"))
                            .asUtf8String())
                    .isEqualTo("v");
        }
    }

    @Test
    @DisplayName("the unreachable client fails on its first attempt")
    void unreachableFailsFast() {
        try (S3Client client = TestS3Clients.unreachable()) {
            long started = System.nanoTime();
            assertThatThrownBy(client::listBuckets).isInstanceOf(SdkClientException.class);
            assertThat(System.nanoTime() - started).isLessThan(10_000_000_000L);
        }
    }
}
