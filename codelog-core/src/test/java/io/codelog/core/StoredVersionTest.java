package io.codelog.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A stored version is nothing, a log or an unreadable thing, each with the version it needs. */
class StoredVersionTest {

    private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");
    private static final CodeLog LOG = new CodeLog(
            "65f1a2b3c4d5e6f708192a3c",
            "65f1a2b3c4d5e6f708192a3b",
            "0b8e9f3a-6c2d-4f1e-9a7b-3c4d5e6f7a8b",
            LogType.INFO,
            "x",
            AT,
            AT);

    @Test
    void theThreeStates() {
        assertThat(StoredVersion.absent(LOG.id()).exists()).isFalse();
        assertThat(StoredVersion.of(LOG, "etag").exists()).isTrue();
        assertThat(StoredVersion.of(LOG, "etag").id()).isEqualTo(LOG.id());
        StoredVersion unreadable = StoredVersion.unreadable(LOG.id(), "not JSON", "etag");
        assertThat(unreadable.exists()).isTrue();
        assertThat(unreadable.log()).isNull();
        assertThat(unreadable.problem()).isEqualTo("not JSON");
    }

    @Test
    void refusesStatesThatMeanNothing() {
        assertThatThrownBy(() -> new StoredVersion(LOG.id(), LOG, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StoredVersion(LOG.id(), null, null, "etag"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StoredVersion(LOG.id(), LOG, "and a problem", "etag"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StoredVersion.unreadable(LOG.id(), null, "etag"))
                .isInstanceOf(NullPointerException.class);
    }
}
