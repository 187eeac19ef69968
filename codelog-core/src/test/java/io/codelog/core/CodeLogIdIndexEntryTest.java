package io.codelog.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codelog.core.CodeLogIdIndex.Entry;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** An id index entry always names an id, a location and a creation time. */
class CodeLogIdIndexEntryTest {

    private static final Instant CREATED = Instant.parse("2026-12-06T10:15:30Z");

    @Test
    void holdsWhatItIsGiven() {
        Entry entry = new Entry("6752cf5a1e2b3c4d5e6f7081", "logs/a.json", CREATED);

        assertThat(entry.id()).isEqualTo("6752cf5a1e2b3c4d5e6f7081");
        assertThat(entry.location()).isEqualTo("logs/a.json");
        assertThat(entry.createdAt()).isEqualTo(CREATED);
    }

    @Test
    void refusesAMissingField() {
        assertThatThrownBy(() -> new Entry("", "logs/a.json", CREATED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("id");
        assertThatThrownBy(() -> new Entry("6752cf5a1e2b3c4d5e6f7081", null, CREATED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("location");
        assertThatThrownBy(() -> new Entry("6752cf5a1e2b3c4d5e6f7081", "logs/a.json", null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("createdAt");
    }
}
