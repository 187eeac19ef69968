package io.codelog.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.codelog.testservers.LoopbackPorts;
import io.codelog.testservers.MongoTestServer;
import io.codelog.testservers.S3TestServer;
import java.net.URI;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestServers.class)
@DisplayName("The TestServers extension")
class TestServersExtensionTest {

    private static MongoTestServer mongoInBeforeAll;
    private static S3TestServer s3InBeforeAll;

    private final MongoTestServer mongoInConstructor;

    TestServersExtensionTest(MongoTestServer mongo) {
        this.mongoInConstructor = mongo;
    }

    @BeforeAll
    static void up(MongoTestServer mongo, S3TestServer s3) {
        mongoInBeforeAll = mongo;
        s3InBeforeAll = s3;
    }

    @Test
    @DisplayName("resolves the same shared servers in constructors, lifecycle methods and test methods")
    void resolvesSharedServers(MongoTestServer mongo, S3TestServer s3) {
        assertThat(mongo)
                .isSameAs(mongoInBeforeAll)
                .isSameAs(mongoInConstructor)
                .isSameAs(TestServers.mongo());
        assertThat(s3).isSameAs(s3InBeforeAll).isSameAs(TestServers.s3());
    }

    @Test
    @DisplayName("hands out servers that accept connections on loopback")
    void serversAnswer(MongoTestServer mongo, S3TestServer s3) {
        assertThat(LoopbackPorts.acceptsConnections(URI.create(mongo.connectionString())))
                .isTrue();
        assertThat(LoopbackPorts.acceptsConnections(s3.endpoint())).isTrue();
        assertThat(s3.region()).isNotBlank();
    }
}
