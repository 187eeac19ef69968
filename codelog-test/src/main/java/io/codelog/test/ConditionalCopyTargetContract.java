package io.codelog.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codelog.core.CodeLog;
import io.codelog.core.CodeLogRepository;
import io.codelog.core.CodeLogRules;
import io.codelog.core.ConditionalCopyTarget;
import io.codelog.core.InvalidCodeLogException;
import io.codelog.core.LogType;
import io.codelog.core.StoredVersion;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ConditionalCopyTarget} promises, as one suite each store extends, supplying only {@link
 * #newStore}: a copy or a delete made against a version read lands only while the store still holds that version,
 * so a write or delete made since by anyone else stays. Another writer is the same store's own {@code create},
 * {@code update}, {@code put} and {@code delete}.
 *
 * @param <S> the store
 */
public abstract class ConditionalCopyTargetContract<S extends CodeLogRepository & ConditionalCopyTarget> {

    private static final String RUN = "65f1a2b3c4d5e6f708192a3b";
    private static final String CODE = "0b8e9f3a-6c2d-4f1e-9a7b-3c4d5e6f7a8b";

    private final MutableClock clock = MutableClock.at("2026-03-01T10:00:00Z");
    private S store;

    /** A new, empty store isolated from every other call, using exactly these rules (their clock). */
    protected abstract S newStore(CodeLogRules rules);

    @BeforeEach
    void newEmptyStore() {
        store = newStore(CodeLogRules.withClock(clock));
    }

    @Test
    @DisplayName("an unknown id reads as absent")
    void unknownIdIsAbsent() {
        StoredVersion read = store.readVersion("65f1a2b3c4d5e6f708192a99");

        assertThat(read.exists()).isFalse();
        assertThat(read.log()).isNull();
    }

    @Test
    @DisplayName("a log reads with its version, and a copy over that version replaces it verbatim")
    void copyOverTheVersionRead() {
        CodeLog stored = store.create(log("first"));
        StoredVersion read = store.readVersion(stored);
        CodeLog copy = stored.withContent("copied", stored.updatedAt().plusSeconds(5));

        assertThat(read.exists()).isTrue();
        assertThat(read.log()).isEqualTo(stored);
        assertThat(store.readVersion(stored.id())).as("read by id").isEqualTo(read);
        assertThat(store.putIfUnchanged(copy, read)).isTrue();
        assertThat(store.findById(stored.id())).contains(copy);
    }

    @Test
    @DisplayName("a copy into an id read as absent is written with its timestamps")
    void copyIntoAnAbsentId() {
        CodeLog copy = new CodeLog(idNow("98"), RUN, CODE, LogType.ERROR, "copied", clock.instant(), clock.instant());
        StoredVersion read = store.readVersion(copy);

        assertThat(read.exists()).isFalse();
        assertThat(store.putIfUnchanged(copy, read)).isTrue();
        assertThat(store.findById(copy.id())).contains(copy);
        assertThat(store.readVersion(copy).log()).isEqualTo(copy);
        assertThat(store.readVersion(copy.id()).log()).isEqualTo(copy);
    }

    @Test
    @DisplayName("a copy into an id read as absent loses to a log written there since")
    void copyLosesToAWriteIntoTheAbsentId() {
        CodeLog copy = new CodeLog(idNow("97"), RUN, CODE, LogType.INFO, "copy", clock.instant(), clock.instant());
        StoredVersion read = store.readVersion(copy);
        CodeLog since = store.put(copy.withContent("written since", clock.advance(Duration.ofSeconds(1))));

        assertThat(store.putIfUnchanged(copy, read)).isFalse();
        assertThat(store.findById(copy.id())).contains(since);
    }

    @Test
    @DisplayName("a copy loses to an update made since it read, which stays")
    void copyLosesToAnUpdate() {
        CodeLog stored = store.create(log("first"));
        StoredVersion read = store.readVersion(stored);
        clock.advance(Duration.ofSeconds(1));
        CodeLog updated = store.update(stored.id(), "updated since");

        assertThat(store.putIfUnchanged(stored.withContent("stale copy", stored.updatedAt()), read))
                .isFalse();
        assertThat(store.findById(stored.id())).contains(updated);
    }

    @Test
    @DisplayName("a copy never brings back a log deleted since it read")
    void copyNeverResurrects() {
        CodeLog stored = store.create(log("deleted since"));
        StoredVersion read = store.readVersion(stored);
        store.delete(stored.id());

        assertThat(store.putIfUnchanged(stored, read)).isFalse();
        assertThat(store.findById(stored.id())).isEmpty();
        assertThat(store.readVersion(stored.id()).exists()).isFalse();
        assertThat(store.readVersion(stored).exists()).isFalse();
    }

    @Test
    @DisplayName("a copy over a version read by id works as one over a version read where the log belongs")
    void copyOverAVersionReadById() {
        CodeLog stored = store.create(log("first"));
        StoredVersion read = store.readVersion(stored.id());
        CodeLog copy = stored.withContent("copied", stored.updatedAt().plusSeconds(5));

        assertThat(store.putIfUnchanged(copy, read)).isTrue();
        assertThat(store.putIfUnchanged(copy, read))
                .as("the same version again")
                .isFalse();
        assertThat(store.findById(stored.id())).contains(copy);
    }

    @Test
    @DisplayName("a delete of the version read deletes the log")
    void deleteOfTheVersionRead() {
        CodeLog stored = store.create(log("to delete"));

        assertThat(store.deleteIfUnchanged(store.readVersion(stored.id()))).isTrue();
        assertThat(store.findById(stored.id())).isEmpty();
        assertThat(store.readVersion(stored.id()).exists()).isFalse();
    }

    @Test
    @DisplayName("a delete loses to an update made since it read, which stays")
    void deleteLosesToAnUpdate() {
        CodeLog stored = store.create(log("first"));
        StoredVersion read = store.readVersion(stored.id());
        clock.advance(Duration.ofSeconds(1));
        CodeLog updated = store.update(stored.id(), "updated since");

        assertThat(store.deleteIfUnchanged(read)).isFalse();
        assertThat(store.findById(stored.id())).contains(updated);
    }

    @Test
    @DisplayName("a delete of a log deleted and written again since leaves the new log")
    void deleteLosesToADeleteAndAPut() {
        CodeLog stored = store.create(log("first"));
        StoredVersion read = store.readVersion(stored.id());
        store.delete(stored.id());
        CodeLog again = store.put(stored.withContent("written again", clock.advance(Duration.ofSeconds(1))));

        assertThat(store.deleteIfUnchanged(read)).isFalse();
        assertThat(store.findById(stored.id())).contains(again);
    }

    @Test
    @DisplayName("misuse is refused before any write: a version of another log, a delete of nothing")
    void misuse() {
        CodeLog first = store.create(log("first"));
        CodeLog second = store.create(log("second"));
        StoredVersion readFirst = store.readVersion(first.id());

        assertThatThrownBy(() -> store.putIfUnchanged(second, readFirst)).isInstanceOf(InvalidCodeLogException.class);
        assertThatThrownBy(() -> store.deleteIfUnchanged(StoredVersion.absent(first.id())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(store.findById(first.id())).contains(first);
        assertThat(store.findById(second.id())).contains(second);
    }

    /** An ObjectId of the clock's second, as a store's own ids are, so that a store without an index finds it. */
    private String idNow(String last) {
        return String.format("%08x", clock.instant().getEpochSecond()) + "c4d5e6f708192a" + last;
    }

    private static CodeLog log(String content) {
        return CodeLog.of(RUN, CODE, LogType.INFO, content);
    }
}
