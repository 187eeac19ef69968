package io.codelog.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codelog.core.CodeLogIdIndex;
import io.codelog.core.CodeLogRules;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class S3CodeLogSettingsTest {

    @Test
    @DisplayName("has the documented defaults")
    void defaults() {
        S3CodeLogSettings settings = S3CodeLogSettings.of("my-bucket", "/codeactions/");

        assertThat(settings.prefix()).isEqualTo("codeactions");
        assertThat(settings.idIndex()).isEqualTo(S3IdIndex.pointers());
        assertThat(settings.readLegacyPath()).isTrue();
        assertThat(settings.legacyProbeInterval()).isEqualTo(Duration.ofHours(1));
        assertThat(settings.maxRunDuration()).isEqualTo(Duration.ofDays(2));
        assertThat(settings.listWindow()).isEqualTo(Duration.ofDays(30));
        assertThat(settings.lookupWindow()).isEqualTo(Duration.ofDays(7));
        assertThat(settings.gzip()).isFalse();
        assertThat(settings.encryption()).isEqualTo(ServerSideEncryption.none());
        assertThat(settings.readConcurrency()).isEqualTo(16);
        assertThat(settings.rules()).isNotNull();
        assertThat(settings.onUnreadable()).isNotNull();
    }

    @Test
    @DisplayName("withers change one setting and keep the others")
    void withers() {
        CodeLogRules rules = CodeLogRules.defaults();
        S3CodeLogSettings settings = S3CodeLogSettings.of("my-bucket", "p")
                .withGzip(true)
                .withIdIndex(false)
                .withReadLegacyPath(false)
                .withRules(rules)
                .withEncryption(ServerSideEncryption.aes256())
                .withPrefix("q");

        assertThat(settings.gzip()).isTrue();
        assertThat(settings.idIndex()).isEqualTo(S3IdIndex.none());
        assertThat(settings.readLegacyPath()).isFalse();
        assertThat(settings.rules()).isSameAs(rules);
        assertThat(settings.encryption().mode()).isEqualTo(ServerSideEncryption.Mode.AES256);
        assertThat(settings.prefix()).isEqualTo("q");
        assertThat(settings.bucket()).isEqualTo("my-bucket");
    }

    @Test
    @DisplayName("the id index is pointers, an external index or none; true and false keep meaning pointers and none")
    void idIndexChoices() {
        CodeLogIdIndex external = new FakeIdIndex();
        S3CodeLogSettings settings = S3CodeLogSettings.of("my-bucket", "p");

        assertThat(settings.withIdIndex(true).idIndex()).isEqualTo(S3IdIndex.pointers());
        assertThat(settings.withIdIndex(false).idIndex()).isEqualTo(S3IdIndex.none());
        S3IdIndex chosen = settings.withIdIndex(S3IdIndex.external(external)).idIndex();
        assertThat(chosen.kind()).isEqualTo(S3IdIndex.Kind.EXTERNAL);
        assertThat(chosen.external()).isSameAs(external);
        assertThat(chosen.putsPerWrite()).isEqualTo(1);
        assertThat(S3IdIndex.pointers().putsPerWrite()).isEqualTo(2);
        assertThat(S3IdIndex.none().putsPerWrite()).isEqualTo(1);
        assertThat(S3CodeLogSettings.builder("my-bucket").idIndex(S3IdIndex.external(external)).build().toBuilder()
                        .build()
                        .idIndex()
                        .external())
                .as("a copy keeps the external index")
                .isSameAs(external);

        assertThatThrownBy(() -> S3IdIndex.external(null)).hasMessageContaining("CodeLogIdIndex");
        assertThatThrownBy(() -> new S3IdIndex(S3IdIndex.Kind.POINTERS, external))
                .hasMessageContaining("only an external id index");
        assertThatThrownBy(() -> S3CodeLogSettings.builder("my-bucket")
                        .idIndex((S3IdIndex) null)
                        .build())
                .hasMessageContaining("idIndex");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ab", "My-Bucket", "-bucket", "bucket-", "a..b", "a.-b", "192.168.1.1", "a_b", "x/y"})
    @DisplayName("refuses bucket names S3 refuses")
    void badBuckets(String bucket) {
        assertThatThrownBy(() -> S3CodeLogSettings.of(bucket, ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bucket name");
    }

    @Test
    @DisplayName("refuses bad prefixes, durations, concurrency and encryption, naming the setting")
    void badValues() {
        S3CodeLogSettingsBuilder builder = S3CodeLogSettings.builder("my-bucket");
        assertThatThrownBy(() -> builder.prefix("a/../b").build()).hasMessageContaining("prefix");
        builder.prefix("ok");
        assertThatThrownBy(() -> builder.listWindow(Duration.ZERO).build()).hasMessageContaining("listWindow");
        builder.listWindow(Duration.ofDays(1));
        assertThatThrownBy(() -> builder.maxRunDuration(Duration.ofDays(-1)).build())
                .hasMessageContaining("maxRunDuration");
        builder.maxRunDuration(Duration.ofDays(1));
        assertThatThrownBy(() -> builder.lookupWindow(null).build()).hasMessageContaining("lookupWindow");
        builder.lookupWindow(Duration.ofDays(1));
        assertThatThrownBy(() -> builder.legacyProbeInterval(Duration.ZERO).build())
                .hasMessageContaining("legacyProbeInterval");
        builder.legacyProbeInterval(Duration.ofMinutes(1));
        assertThatThrownBy(() -> builder.readConcurrency(0).build()).hasMessageContaining("readConcurrency");
        assertThatThrownBy(() -> builder.readConcurrency(257).build()).hasMessageContaining("readConcurrency");
        assertThat(builder.readConcurrency(256).build().readConcurrency()).isEqualTo(256);
        assertThatThrownBy(() -> ServerSideEncryption.kms(" ")).hasMessageContaining("KMS key");
        assertThatThrownBy(() -> new ServerSideEncryption(ServerSideEncryption.Mode.AES256, "k"))
                .hasMessageContaining("only valid with SSE-KMS");
    }
}
