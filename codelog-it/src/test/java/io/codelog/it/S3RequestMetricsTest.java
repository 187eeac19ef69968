package io.codelog.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codelog.autoconfigure.S3RequestMetrics;
import io.codelog.it.FaultProxy.Fault;
import io.codelog.test.TestServers;
import io.codelog.testservers.S3TestServer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * {@code codelog.s3.requests} counts every attempt, retries included, as S3 bills them, tagged with the HTTP status
 * S3 answered; and {@code S3RequestCounter} tells calls from attempts. Faults come from a proxy on real
 * connections, so the SDK's own retry strategy decides what is retried.
 */
@ExtendWith(TestServers.class)
class S3RequestMetricsTest {

    private static ProxiedS3 proxied;

    private final MeterRegistry meters = new SimpleMeterRegistry();
    private S3Connection faulty;

    @BeforeAll
    static void startProxy(S3TestServer s3) throws IOException {
        proxied = ProxiedS3.start(s3, "codelog-metrics");
    }

    @AfterAll
    static void stopProxy() throws IOException {
        proxied.close();
    }

    @BeforeEach
    void connect() {
        faulty = proxied.connect(ClientBudget.SHORT, new S3RequestMetrics(meters));
    }

    @AfterEach
    void disconnect() {
        proxied.proxy().passThrough();
        faulty.close();
    }

    @Test
    @DisplayName("a PUT answered 503, then 200 on the retry, counts two attempts, one per status; one call")
    void retryAfterServerError() {
        proxied.proxy().inject(Fault.SLOW_DOWN_503, 1);

        faulty.client()
                .putObject(request -> request.bucket(proxied.bucket()).key("after-503"), RequestBody.fromString("x"));

        assertThat(attempts("PutObject")).isEqualTo(Map.of("503 server_error", 1.0, "200 success", 1.0));
        assertThat(faulty.counter().count("PutObject")).isEqualTo(1);
        assertThat(faulty.counter().attempts("PutObject")).isEqualTo(2);
    }

    @Test
    @DisplayName("an attempt the connection reset before any answer counts with status none")
    void retryAfterReset() {
        proxied.proxy().inject(Fault.RESET, 1);

        faulty.client()
                .putObject(request -> request.bucket(proxied.bucket()).key("after-reset"), RequestBody.fromString("x"));

        assertThat(attempts("PutObject")).isEqualTo(Map.of("none io_error", 1.0, "200 success", 1.0));
        assertThat(faulty.counter().attempts("PutObject")).isEqualTo(2);
    }

    @Test
    @DisplayName("a call that fails after every attempt counts each one, the last too")
    void everyAttemptFails() {
        proxied.proxy().inject(Fault.RESET, ClientBudget.SHORT.maxAttempts());

        assertThatThrownBy(() -> faulty.client()
                        .putObject(
                                request -> request.bucket(proxied.bucket()).key("never"), RequestBody.fromString("x")))
                .isInstanceOf(SdkClientException.class);

        assertThat(attempts("PutObject")).isEqualTo(Map.of("none io_error", (double) ClientBudget.SHORT.maxAttempts()));
        assertThat(faulty.counter().count("PutObject")).isEqualTo(1);
        assertThat(faulty.counter().attempts("PutObject")).isEqualTo(ClientBudget.SHORT.maxAttempts());
    }

    @Test
    @DisplayName("a 404 is one attempt, not retried, tagged client_error")
    void notFound() {
        assertThatThrownBy(() -> faulty.client()
                        .getObjectAsBytes(
                                request -> request.bucket(proxied.bucket()).key("missing")))
                .isInstanceOf(NoSuchKeyException.class);

        assertThat(attempts("GetObject")).isEqualTo(Map.of("404 client_error", 1.0));
    }

    /** The attempts of the operation, by "status outcome". */
    private Map<String, Double> attempts(String operation) {
        Map<String, Double> byStatus = new TreeMap<>();
        for (Counter counter :
                meters.find("codelog.s3.requests").tag("type", operation).counters()) {
            byStatus.merge(
                    counter.getId().getTag("status") + " " + counter.getId().getTag("outcome"),
                    counter.count(),
                    Double::sum);
        }
        return byStatus;
    }
}
