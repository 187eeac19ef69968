package io.codelog.testservers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The servers shared by one JVM")
class SharedServersTest {

    private static SharedServers embedded() {
        return new SharedServers(new ServerSelection(Map.of("CODELOG_TEST_SERVERS", "embedded")::get, () -> {
            throw new AssertionError("Docker must not be probed when embedded servers are forced");
        }));
    }

    @Test
    @DisplayName("start each server once and hand out the same one until closed")
    void startOnceAndShare() {
        SharedServers servers = embedded();
        try {
            MongoTestServer mongo = servers.mongo();
            S3TestServer s3 = servers.s3();

            assertThat(servers.mongo()).isSameAs(mongo);
            assertThat(servers.s3()).isSameAs(s3);
            assertThat(mongo.kind()).isEqualTo("embedded");
            assertThat(s3.kind()).isEqualTo("embedded");
            assertThat(LoopbackPorts.acceptsConnections(URI.create(mongo.connectionString())))
                    .isTrue();
            assertThat(LoopbackPorts.acceptsConnections(s3.endpoint())).isTrue();
        } finally {
            servers.close();
        }
    }

    @Test
    @DisplayName("closing stops every started server, and the next use starts a new one")
    void closeStopsAndNextUseRestarts() {
        SharedServers servers = embedded();
        MongoTestServer before = servers.mongo();
        S3TestServer s3Before = servers.s3();

        servers.close();

        assertThat(LoopbackPorts.acceptsConnections(URI.create(before.connectionString())))
                .isFalse();
        assertThat(LoopbackPorts.acceptsConnections(s3Before.endpoint())).isFalse();
        try {
            MongoTestServer after = servers.mongo();
            assertThat(after).isNotSameAs(before);
            assertThat(LoopbackPorts.acceptsConnections(URI.create(after.connectionString())))
                    .isTrue();
        } finally {
            servers.close();
        }
    }

    @Test
    @DisplayName("closing twice is harmless")
    void closeTwice() {
        SharedServers servers = embedded();
        MongoTestServer mongo = servers.mongo();

        servers.close();
        servers.close();

        assertThat(LoopbackPorts.acceptsConnections(URI.create(mongo.connectionString())))
                .isFalse();
    }

    @Test
    @DisplayName("external servers are handed out as named and never started")
    void externalServersAsNamed() {
        SharedServers servers = new SharedServers(new ServerSelection(
                Map.of(
                        "CODELOG_TEST_MONGO_URI",
                        "mongodb://db.example:27017",
                        "CODELOG_TEST_S3_ENDPOINT",
                        "http://s3.example:9000")::get,
                () -> {
                    throw new AssertionError("Docker must not be probed for external servers");
                }));

        assertThat(servers.mongo().connectionString()).isEqualTo("mongodb://db.example:27017");
        assertThat(servers.mongo().kind()).isEqualTo("external");
        assertThat(servers.s3().endpoint()).hasToString("http://s3.example:9000");
        servers.close();
    }
}
