package io.codelog.testservers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

@DisplayName("S3Mock in a JVM of its own")
class S3MockServerTest {

    @Test
    @DisplayName("serves S3 with any credentials")
    void servesS3() {
        try (S3MockServer server = S3MockServer.start();
                S3Client client = TestS3Clients.builder(server.endpoint(), server.region(), "anyone", "anything")
                        .build()) {
            assertThat(server.kind()).isEqualTo(S3MockServer.KIND);
            client.createBucket(request -> request.bucket("codelog-s3mock"));
            client.putObject(request -> request.bucket("codelog-s3mock").key("a/b"), RequestBody.fromString("hello"));
            assertThat(client.getObjectAsBytes(
                                    request -> request.bucket("codelog-s3mock").key("a/b"))
                            .asUtf8String())
                    .isEqualTo("hello");
        }
    }

    @Test
    @DisplayName("stops its JVM when closed and deletes its directory")
    void stopsWhenClosed() {
        S3MockServer server = S3MockServer.start();
        assertThat(LoopbackPorts.acceptsConnections(server.endpoint())).isTrue();
        assertThat(server.directory()).isDirectory();

        server.close();

        assertThat(LoopbackPorts.acceptsConnections(server.endpoint())).isFalse();
        assertThat(server.directory()).doesNotExist();
    }

    @Test
    @DisplayName("shows the JVM's output when it fails to start")
    void failedStartShowsOutput(@TempDir Path directory) throws Exception {
        Path notAJar = Files.writeString(directory.resolve("s3mock-exec.jar"), "not a jar");

        assertThatThrownBy(() -> S3MockServer.start(notAJar))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exited with code")
                .hasMessageContaining("S3Mock's output:")
                .hasMessageContaining("jarfile");
    }

    @Test
    @DisplayName("names the system property when the jar is not set or not there")
    void namesTheProperty(@TempDir Path directory) {
        assertThatThrownBy(() -> S3MockServer.jar(null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("codelog.test.s3mock.jar")
                .hasMessageContaining("maven-dependency-plugin");
        assertThatThrownBy(
                        () -> S3MockServer.jar(directory.resolve("missing.jar").toString()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("codelog.test.s3mock.jar names " + directory.resolve("missing.jar"));
    }
}
