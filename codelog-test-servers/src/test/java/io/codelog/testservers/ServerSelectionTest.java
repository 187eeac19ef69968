package io.codelog.testservers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Choosing the test servers")
class ServerSelectionTest {

    private final AtomicInteger probes = new AtomicInteger();

    private BooleanSupplier docker(boolean answers) {
        return () -> {
            probes.incrementAndGet();
            return answers;
        };
    }

    private ServerSelection selection(Map<String, String> settings, boolean dockerAnswers) {
        return new ServerSelection(settings::get, docker(dockerAnswers));
    }

    @Test
    @DisplayName("uses the servers the environment names, without asking Docker")
    void externalFirst() {
        ServerSelection selection = selection(
                Map.of(
                        "CODELOG_TEST_MONGO_URI", "mongodb://user:pw@db.example:27017",
                        "CODELOG_TEST_S3_ENDPOINT", "http://s3.example:9000",
                        "CODELOG_TEST_SERVERS", "embedded"),
                true);

        assertThat(selection.mongo().source()).isEqualTo(ServerSource.EXTERNAL);
        assertThat(selection.s3().source()).isEqualTo(ServerSource.EXTERNAL);
        assertThat(selection.externalMongo().connectionString()).isEqualTo("mongodb://user:pw@db.example:27017");
        assertThat(selection.externalMongo().kind()).isEqualTo("external");
        assertThat(probes).hasValue(0);
    }

    @Test
    @DisplayName("an external S3 server gets us-east-1 and a test key unless region and keys are set")
    void externalS3Defaults() {
        ExternalS3Server defaults = selection(Map.of("CODELOG_TEST_S3_ENDPOINT", "http://s3.example:9000"), false)
                .externalS3();
        ExternalS3Server configured = selection(
                        Map.of(
                                "CODELOG_TEST_S3_ENDPOINT", "https://s3.example",
                                "CODELOG_TEST_S3_REGION", "eu-west-3",
                                "CODELOG_TEST_S3_ACCESS_KEY_ID", "AKIDEXAMPLE",
                                "CODELOG_TEST_S3_SECRET_ACCESS_KEY", "wJalrXUtnFEMI"),
                        false)
                .externalS3();

        assertThat(defaults.endpoint()).isEqualTo(URI.create("http://s3.example:9000"));
        assertThat(defaults.region()).isEqualTo("us-east-1");
        assertThat(defaults.accessKeyId()).isEqualTo("test");
        assertThat(defaults.secretAccessKey()).isEqualTo("test");
        assertThat(configured.region()).isEqualTo("eu-west-3");
        assertThat(configured.accessKeyId()).isEqualTo("AKIDEXAMPLE");
        assertThat(configured.secretAccessKey()).isEqualTo("wJalrXUtnFEMI");
        assertThat(configured.toString()).doesNotContain("wJalrXUtnFEMI").doesNotContain("AKIDEXAMPLE");
    }

    @Test
    @DisplayName("an external MongoDB URI never appears in toString, as it may hold a password")
    void externalMongoHidesUri() {
        ExternalMongoServer server = selection(Map.of("CODELOG_TEST_MONGO_URI", "mongodb://u:secret@h"), false)
                .externalMongo();

        assertThat(server.toString()).doesNotContain("secret");
    }

    @Test
    @DisplayName("rejects an external setting that is not a MongoDB URI or an http(s) endpoint, naming it")
    void rejectsMalformedExternalSettings() {
        ServerSelection selection = selection(
                Map.of("CODELOG_TEST_MONGO_URI", "db.example:27017", "CODELOG_TEST_S3_ENDPOINT", "s3.example"), false);

        assertThatThrownBy(selection::externalMongo)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CODELOG_TEST_MONGO_URI");
        assertThatThrownBy(selection::externalS3)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CODELOG_TEST_S3_ENDPOINT");
    }

    @Test
    @DisplayName("CODELOG_TEST_SERVERS=embedded forces the embedded servers without asking Docker")
    void embeddedForced() {
        ServerSelection selection = selection(Map.of("CODELOG_TEST_SERVERS", "Embedded"), true);

        assertThat(selection.mongo())
                .isEqualTo(new ServerChoice(ServerSource.EMBEDDED, "CODELOG_TEST_SERVERS=embedded"));
        assertThat(selection.s3().source()).isEqualTo(ServerSource.EMBEDDED);
        assertThat(probes).hasValue(0);
    }

    @Test
    @DisplayName("CODELOG_TEST_SERVERS=testcontainers forces Docker without asking whether it answers")
    void testcontainersForced() {
        ServerSelection selection = selection(Map.of("CODELOG_TEST_SERVERS", "testcontainers"), false);

        assertThat(selection.mongo().source()).isEqualTo(ServerSource.TESTCONTAINERS);
        assertThat(probes).hasValue(0);
    }

    @Test
    @DisplayName("uses Testcontainers when Docker answers, asking only once for both servers")
    void dockerWhenItAnswers() {
        ServerSelection selection = selection(Map.of(), true);

        assertThat(selection.mongo().source()).isEqualTo(ServerSource.TESTCONTAINERS);
        assertThat(selection.s3().source()).isEqualTo(ServerSource.TESTCONTAINERS);
        assertThat(selection.mongo().reason()).contains("Docker engine answered");
        assertThat(probes).hasValue(1);
    }

    @Test
    @DisplayName("falls back to the embedded servers when Docker does not answer, and says why")
    void embeddedWithoutDocker() {
        ServerSelection selection = selection(Map.of("CODELOG_TEST_SERVERS", "auto"), false);

        ServerChoice mongo = selection.mongo();
        ServerChoice s3 = selection.s3();

        assertThat(mongo.source()).isEqualTo(ServerSource.EMBEDDED);
        assertThat(mongo.reason()).contains("no Docker engine answered").contains("CODELOG_TEST_MONGO_URI");
        assertThat(s3.source()).isEqualTo(ServerSource.EMBEDDED);
        assertThat(s3.reason()).contains("CODELOG_TEST_S3_ENDPOINT");
    }

    @Test
    @DisplayName("mixes sources: an external MongoDB with an embedded S3 server")
    void mixedSources() {
        ServerSelection selection = selection(Map.of("CODELOG_TEST_MONGO_URI", "mongodb://db.example"), false);

        assertThat(selection.mongo().source()).isEqualTo(ServerSource.EXTERNAL);
        assertThat(selection.s3().source()).isEqualTo(ServerSource.EMBEDDED);
    }

    @Test
    @DisplayName("rejects an unknown CODELOG_TEST_SERVERS value, listing the accepted ones")
    void rejectsUnknownMode() {
        ServerSelection selection = selection(Map.of("CODELOG_TEST_SERVERS", "docker"), true);

        assertThatThrownBy(selection::mongo)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("auto, embedded or testcontainers");
    }

    @Test
    @DisplayName("a blank setting counts as unset")
    void blankIsUnset() {
        ServerSelection selection = selection(Map.of("CODELOG_TEST_MONGO_URI", "  "), false);

        assertThat(selection.mongo().source()).isEqualTo(ServerSource.EMBEDDED);
    }

    @Test
    @DisplayName("the Docker probe answers false rather than failing on a machine without Docker")
    void probeNeverThrows() {
        assertThatCode(DockerProbe::dockerAnswers).doesNotThrowAnyException();
    }
}
