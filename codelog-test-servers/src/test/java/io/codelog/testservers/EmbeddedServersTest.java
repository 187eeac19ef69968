package io.codelog.testservers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The embedded servers")
class EmbeddedServersTest {

    @Test
    @DisplayName("mongo-java-server listens on a random loopback port and stops listening when closed")
    void mongoListensUntilClosed() {
        EmbeddedMongoServer server = EmbeddedMongoServer.start();
        URI uri = URI.create(server.connectionString());
        try {
            assertThat(uri.getScheme()).isEqualTo("mongodb");
            assertThat(uri.getHost()).isEqualTo("127.0.0.1");
            assertThat(uri.getPort()).isPositive();
            assertThat(server.kind()).isEqualTo("embedded");
            assertThat(LoopbackPorts.acceptsConnections(URI.create(server.connectionString())))
                    .isTrue();
        } finally {
            server.close();
        }
        assertThat(LoopbackPorts.acceptsConnections(URI.create(server.connectionString())))
                .isFalse();
    }

    @Test
    @DisplayName("two embedded MongoDB servers get different ports")
    void mongoPortsDiffer() {
        EmbeddedMongoServer first = EmbeddedMongoServer.start();
        EmbeddedMongoServer second = EmbeddedMongoServer.start();
        try {
            assertThat(first.connectionString()).isNotEqualTo(second.connectionString());
        } finally {
            first.close();
            second.close();
        }
    }

    @Test
    @DisplayName("s3proxy answers unsigned requests with S3 XML errors and stops answering when closed")
    void s3ProxyAnswersInS3Xml() throws Exception {
        EmbeddedS3Server server = EmbeddedS3Server.start();
        URI endpoint = server.endpoint();
        try {
            assertThat(endpoint.getHost()).isEqualTo("127.0.0.1");
            assertThat(endpoint.getPort()).isPositive();
            assertThat(server.region()).isEqualTo("us-east-1");
            assertThat(server.accessKeyId()).isNotBlank();
            assertThat(server.secretAccessKey()).isNotBlank();

            HttpResponse<String> listBuckets = Wire.get(endpoint.resolve("/"));
            HttpResponse<String> missingBucket = Wire.get(endpoint.resolve("/no-such-bucket/some-key"));

            assertThat(listBuckets.statusCode()).isEqualTo(403);
            assertThat(listBuckets.body()).contains("<Error>").contains("<Code>AccessDenied</Code>");
            assertThat(missingBucket.statusCode()).isEqualTo(404);
            assertThat(missingBucket.body()).contains("<Code>NoSuchBucket</Code>");
        } finally {
            server.close();
        }
        assertThat(LoopbackPorts.acceptsConnections(endpoint)).isFalse();
    }

    @Test
    @DisplayName("s3proxy started with chosen keys accepts those keys and refuses the kit's")
    void s3ProxyWithChosenKeys() throws Exception {
        String accessKeyId = "AKIAIOSFODNN7EXAMPLE";
        String secretAccessKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
        EmbeddedS3Server server = EmbeddedS3Server.start(accessKeyId, secretAccessKey);
        try {
            assertThat(server.accessKeyId()).isEqualTo(accessKeyId);
            assertThat(server.secretAccessKey()).isEqualTo(secretAccessKey);

            HttpResponse<String> chosen = Wire.listBucketsSignedV2(server.endpoint(), accessKeyId, secretAccessKey);
            HttpResponse<String> kits = Wire.listBucketsSignedV2(
                    server.endpoint(), EmbeddedS3Server.ACCESS_KEY_ID, EmbeddedS3Server.SECRET_ACCESS_KEY);

            assertThat(chosen.statusCode()).isEqualTo(200);
            assertThat(chosen.body()).contains("<ListAllMyBucketsResult");
            assertThat(kits.statusCode()).isEqualTo(403);
        } finally {
            server.close();
        }
        assertThatThrownBy(() -> EmbeddedS3Server.start(accessKeyId, " ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("s3proxy on disk serves from a temporary directory and deletes it when closed")
    void s3ProxyOnDiskDeletesItsDirectory() throws Exception {
        EmbeddedS3Server server = EmbeddedS3Server.startOnDisk();
        URI endpoint = server.endpoint();
        Path directory = server.directory();
        try {
            assertThat(directory).isDirectory();
            HttpResponse<String> missingBucket = Wire.get(endpoint.resolve("/no-such-bucket/some-key"));
            assertThat(missingBucket.statusCode()).isEqualTo(404);
            assertThat(missingBucket.body()).contains("<Code>NoSuchBucket</Code>");
        } finally {
            server.close();
        }
        assertThat(directory).doesNotExist();
        assertThat(LoopbackPorts.acceptsConnections(endpoint)).isFalse();
    }

    @Test
    @DisplayName("a MongoDB server restarted on its port over the same backend keeps listening there")
    void mongoOnAChosenPort() {
        int port = LoopbackPorts.free();
        MemoryBackend backend = new MemoryBackend();
        EmbeddedMongoServer first = EmbeddedMongoServer.start(backend, port);
        URI address = URI.create(first.connectionString());
        assertThat(first.port()).isEqualTo(port);
        assertThat(LoopbackPorts.acceptsConnections(address)).isTrue();
        first.close();
        assertThat(LoopbackPorts.acceptsConnections(address)).isFalse();

        try (EmbeddedMongoServer second = EmbeddedMongoServer.start(new MemoryBackend(), port)) {
            assertThat(second.connectionString()).isEqualTo(first.connectionString());
        }
    }
}
