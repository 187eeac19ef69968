package io.codelog.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.codelog.core.CodeLog;
import io.codelog.core.CodeLogRepository;
import io.codelog.core.ContentPolicy;
import io.codelog.core.ContentRules;
import io.codelog.core.LogType;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** What {@link io.codelog.core.CodeLogRepository#create} promises: ids, timestamps, content kept exactly or limited. */
abstract class CreateCases extends ContractCases {

    CreateCases(ContractFixture fixture) {
        super(fixture);
    }

    @Test
    @DisplayName("assigns a new 24-hex ObjectId when the log has no id")
    void assignsObjectId() {
        CodeLog created = repository().create(CodeLog.of(run(), CODE, LogType.INFO, "hello"));

        assertThat(created.id()).matches("[0-9a-f]{24}");
    }

    @Test
    @DisplayName("assigns different ids to logs created at the same instant")
    void distinctIdsAtOneInstant() {
        CodeLog first = create(run(), "one");
        CodeLog second = create(run(), "two");

        assertThat(first.id()).isNotEqualTo(second.id());
        assertThat(first.createdAt()).isEqualTo(second.createdAt());
    }

    @Test
    @DisplayName("keeps a supplied ObjectId")
    void keepsSuppliedObjectId() {
        String id = objectIdAt(t0());

        CodeLog created =
                repository().create(CodeLog.of(run(), CODE, LogType.INFO, "x").withId(id));

        assertThat(created.id()).isEqualTo(id);
        assertThat(repository().findById(id)).contains(created);
    }

    @Test
    @DisplayName("keeps a supplied UUID, with UUID run and code ids (the Python engine's ids)")
    void keepsSuppliedUuid() {
        String id = "9a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

        CodeLog created = repository()
                .create(CodeLog.of(UUID_RUN, CODE, LogType.DEBUG, "x").withId(id));

        assertThat(created.id()).isEqualTo(id);
        assertThat(created.runId()).isEqualTo(UUID_RUN);
        assertThat(repository().findById(id)).contains(created);
    }

    @Test
    @DisplayName("stores upper-case hex ids in lower case and finds them by either case")
    void lowerCasesIds() {
        String id = "9A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D";
        String upperRun = run().toUpperCase(Locale.ROOT);

        CodeLog created = repository()
                .create(new CodeLog(id, upperRun, CODE.toUpperCase(Locale.ROOT), LogType.ERROR, "x", null, null));

        assertThat(created.id()).isEqualTo(id.toLowerCase(Locale.ROOT));
        assertThat(created.runId()).isEqualTo(run());
        assertThat(created.codeId()).isEqualTo(CODE);
        assertThat(repository().findById(id)).contains(created);
        assertThat(repository().findById(id.toLowerCase(Locale.ROOT))).contains(created);
        assertThat(repository().listRunLogs(upperRun, null, 10, 1)).containsExactly(created);
    }

    @Test
    @DisplayName("stamps createdAt and updatedAt with the clock's instant")
    void stampsClockInstant() {
        Instant now = clock().advance(Duration.ofMinutes(5));

        CodeLog created = create(run(), "x");

        assertThat(created.createdAt()).isEqualTo(now);
        assertThat(created.updatedAt()).isEqualTo(now);
    }

    @Test
    @DisplayName("returns exactly what findById then returns")
    void returnsWhatIsStored() {
        CodeLog created = repository().create(CodeLog.of(run(), CODE, LogType.ERROR, "boom"));

        assertThat(repository().findById(created.id())).contains(created);
        assertThat(created.runId()).isEqualTo(run());
        assertThat(created.codeId()).isEqualTo(CODE);
        assertThat(created.type()).isEqualTo(LogType.ERROR);
        assertThat(created.content()).isEqualTo("boom");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(LogType.class)
    @DisplayName("keeps every log type")
    void keepsType(LogType type) {
        CodeLog created = repository().create(CodeLog.of(run(), CODE, type, "x"));

        assertThat(repository().findById(created.id()).orElseThrow().type()).isEqualTo(type);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(CONTENTS)
    @DisplayName("keeps content exactly")
    void keepsContentExactly(String content) {
        CodeLog created = create(run(), content);

        assertThat(created.content()).isEqualTo(content);
        assertThat(repository().findById(created.id()).orElseThrow().content()).isEqualTo(content);
    }

    @Test
    @DisplayName("truncates content over the maximum to the maximum")
    void truncatesOverLongContent() {
        String content = "b".repeat(MAX) + "tail";

        CodeLog created = create(run(), content);

        assertThat(created.content()).isEqualTo("b".repeat(MAX));
        assertThat(repository().findById(created.id()).orElseThrow().content()).isEqualTo("b".repeat(MAX));
    }

    @Test
    @DisplayName("truncates before an emoji that straddles the maximum rather than split it")
    void truncatesWithoutSplittingSurrogatePair() {
        String content = "a".repeat(MAX - 1) + ContractSamples.EMOJI + "tail";

        CodeLog created = create(run(), content);

        String stored = repository().findById(created.id()).orElseThrow().content();
        assertThat(stored).isEqualTo("a".repeat(MAX - 1));
        assertThat(created.content()).isEqualTo(stored);
    }

    @Test
    @DisplayName("keeps an emoji that ends exactly at the maximum when truncating")
    void keepsEmojiEndingAtMaximum() {
        String kept = "a".repeat(MAX - 2) + ContractSamples.EMOJI;

        CodeLog created = create(run(), kept + "tail");

        assertThat(repository().findById(created.id()).orElseThrow().content()).isEqualTo(kept);
    }

    @Test
    @DisplayName("applies a smaller configured maximum")
    void appliesConfiguredMaximum() {
        CodeLogRepository small = repositoryWith(new ContentRules(10, ContentPolicy.TRUNCATE));

        CodeLog created = small.create(CodeLog.of(run(), CODE, LogType.INFO, "0123456789abc"));

        assertThat(small.findById(created.id()).orElseThrow().content()).isEqualTo("0123456789");
    }

    @Test
    @DisplayName("under REJECT, refuses content over the maximum naming content, and stores nothing")
    void rejectsOverLongContent() {
        CodeLogRepository rejecting = repositoryWith(new ContentRules(MAX, ContentPolicy.REJECT));

        assertInvalid("content", () -> rejecting.create(CodeLog.of(run(), CODE, LogType.INFO, "c".repeat(MAX + 1))));
        assertThat(rejecting.count(run(), null)).isZero();
    }

    @Test
    @DisplayName("under REJECT, accepts content of exactly the maximum")
    void rejectKeepsMaximum() {
        CodeLogRepository rejecting = repositoryWith(new ContentRules(MAX, ContentPolicy.REJECT));

        CodeLog created = rejecting.create(CodeLog.of(run(), CODE, LogType.INFO, "c".repeat(MAX)));

        assertThat(rejecting.findById(created.id()).orElseThrow().content()).hasSize(MAX);
    }

    @Test
    @DisplayName("keeps timestamps to at least the microsecond")
    void keepsMicroseconds() {
        // From a start at the end of a day, month or year, this second is in the next one.
        Instant precise = t0().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1).plusNanos(123_456_789);
        clock().set(precise);

        CodeLog created = create(run(), "x");
        CodeLog found = repository().findById(created.id()).orElseThrow();

        Instant micros = precise.truncatedTo(ChronoUnit.MICROS);
        assertThat(created.createdAt().truncatedTo(ChronoUnit.MICROS)).isEqualTo(micros);
        assertThat(found.createdAt().truncatedTo(ChronoUnit.MICROS)).isEqualTo(micros);
        assertThat(found.updatedAt().truncatedTo(ChronoUnit.MICROS)).isEqualTo(micros);
    }

    @Test
    @DisplayName("refuses a null log, naming log")
    void refusesNullLog() {
        assertInvalid("log", () -> repository().create(null));
    }

    @Test
    @DisplayName("refuses a null type, naming type, and stores nothing")
    void refusesNullType() {
        assertInvalid("type", () -> repository().create(CodeLog.of(run(), CODE, null, "x")));
        assertThat(repository().count(run(), null)).isZero();
    }

    @Test
    @DisplayName("refuses null content, naming content, and stores nothing")
    void refusesNullContent() {
        assertInvalid("content", () -> repository().create(CodeLog.of(run(), CODE, LogType.INFO, null)));
        assertThat(repository().count(run(), null)).isZero();
    }

    @Test
    @DisplayName("refuses a missing run id or code id, naming it")
    void refusesMissingRunOrCode() {
        assertInvalid("run_id", () -> repository().create(CodeLog.of(null, CODE, LogType.INFO, "x")));
        assertInvalid("code_id", () -> repository().create(CodeLog.of(run(), null, LogType.INFO, "x")));
        assertThat(repository().count(null, CODE)).isZero();
    }
}
