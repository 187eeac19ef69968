package io.codelog.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.codelog.testservers.LoopbackPorts;
import io.codelog.testservers.MongoTestServer;
import io.codelog.testservers.S3TestServer;
import java.net.URI;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

@DisplayName("At the end of a JUnit run")
class TestServersEndOfRunTest {

    private static final AtomicReference<MongoTestServer> SEEN_MONGO = new AtomicReference<>();
    private static final AtomicReference<S3TestServer> SEEN_S3 = new AtomicReference<>();

    @Test
    @DisplayName("the servers a run used are stopped, and a later run gets new ones")
    void serversStopWhenTheRunEnds() {
        SummaryGeneratingListener summary = new SummaryGeneratingListener();

        LauncherFactory.create()
                .execute(
                        LauncherDiscoveryRequestBuilder.request()
                                .selectors(selectClass(InnerRun.class))
                                .build(),
                        summary);

        assertThat(summary.getSummary().getTestsSucceededCount()).isEqualTo(1);
        MongoTestServer mongo = SEEN_MONGO.get();
        S3TestServer s3 = SEEN_S3.get();
        assertThat(LoopbackPorts.acceptsConnections(URI.create(mongo.connectionString())))
                .isFalse();
        assertThat(LoopbackPorts.acceptsConnections(s3.endpoint())).isFalse();
        assertThat(TestServers.mongo()).isNotSameAs(mongo);
        assertThat(LoopbackPorts.acceptsConnections(
                        URI.create(TestServers.mongo().connectionString())))
                .isTrue();
    }

    /** Run only by the launcher above: a test class of its own, in a JUnit run of its own. */
    @ExtendWith(TestServers.class)
    static class InnerRun {
        @Test
        void useServers(MongoTestServer mongo, S3TestServer s3) {
            SEEN_MONGO.set(mongo);
            SEEN_S3.set(s3);
            assertThat(LoopbackPorts.acceptsConnections(URI.create(mongo.connectionString())))
                    .isTrue();
        }
    }
}
