package io.codelog.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.codelog.testservers.LoopbackPorts;
import io.codelog.testservers.S3TestServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestServers.class)
@DisplayName("S3Mock as a test parameter")
class S3MockParameterTest {

    @Test
    @DisplayName("is resolved for @S3Mock parameters, shared, apart from the main S3 server, and listening")
    void resolvesS3Mock(@S3Mock S3TestServer s3Mock, S3TestServer main) {
        assertThat(s3Mock).isSameAs(TestServers.s3Mock()).isNotSameAs(main);
        assertThat(s3Mock.kind()).isEqualTo(TestServers.S3MOCK);
        assertThat(LoopbackPorts.acceptsConnections(s3Mock.endpoint())).isTrue();
    }
}
