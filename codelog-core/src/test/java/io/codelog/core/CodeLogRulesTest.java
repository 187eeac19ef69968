package io.codelog.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CodeLogRulesTest {

    private static final String RUN = "507f1f77bcf86cd799439011";
    private static final String CODE = "507f191e810c19729de860ea";
    private static final Instant NOW = Instant.parse("2024-12-10T18:04:05.123456789Z");

    private final RecordingClock clock = new RecordingClock(NOW);
    private final RecordingIdGenerator ids = new RecordingIdGenerator();
    private final CodeLogRules rules = new CodeLogRules(ContentRules.DEFAULT, clock, ids);

    @Test
    void prepareCreateAssignsAnIdAndStampsBothTimesFromTheClock() {
        CodeLog prepared = rules.prepareCreate(CodeLog.of(RUN, CODE, LogType.DEBUG, "hello"));

        assertThat(prepared).isEqualTo(new CodeLog("generated-1", RUN, CODE, LogType.DEBUG, "hello", NOW, NOW));
        assertThat(ids.createdAts).containsExactly(NOW);
    }

    @Test
    void defaultRulesGenerateObjectIdsOfTheCreationSecond() {
        CodeLog prepared = CodeLogRules.withClock(Clock.fixed(NOW, ZoneOffset.UTC))
                .prepareCreate(CodeLog.of(RUN, CODE, LogType.INFO, "x"));

        assertThat(prepared.id()).matches("[0-9a-f]{24}");
        assertThat(CodeLogIds.objectIdTime(prepared.id())).contains(Instant.ofEpochSecond(NOW.getEpochSecond()));
    }

    @Test
    void idsAreLowerCasedAndASuppliedIdIsKept() {
        CodeLog log = new CodeLog(
                "F81D4FAE-7DEC-11D0-A765-00A0C91E6BF6",
                RUN.toUpperCase(),
                CODE.toUpperCase(),
                LogType.INFO,
                "x",
                null,
                null);

        CodeLog prepared = rules.prepareCreate(log);

        assertThat(prepared.id()).isEqualTo("f81d4fae-7dec-11d0-a765-00a0c91e6bf6");
        assertThat(prepared.runId()).isEqualTo(RUN);
        assertThat(prepared.codeId()).isEqualTo(CODE);
        assertThat(ids.createdAts).as("generator calls").isEmpty();
    }

    @Test
    void suppliedTimestampsAreReplacedByTheClock() {
        Instant old = Instant.parse("2000-01-01T00:00:00Z");
        CodeLog log = new CodeLog(null, RUN, CODE, LogType.INFO, "x", old, old);

        CodeLog prepared = rules.prepareCreate(log);

        assertThat(prepared.createdAt()).isEqualTo(NOW);
        assertThat(prepared.updatedAt()).isEqualTo(NOW);
    }

    @Test
    void contentIsLimitedBeforeStoring() {
        CodeLog prepared = rules.prepareCreate(CodeLog.of(RUN, CODE, LogType.INFO, "x".repeat(9_000)));

        assertThat(prepared.content()).hasSize(ContentRules.DEFAULT_MAX_LENGTH);
    }

    static Stream<Arguments> invalidLogs() {
        return Stream.of(
                Arguments.of("log", null),
                Arguments.of("id", new CodeLog("../x", RUN, CODE, LogType.INFO, "x", null, null)),
                Arguments.of("id", new CodeLog("", RUN, CODE, LogType.INFO, "x", null, null)),
                Arguments.of("run_id", CodeLog.of(null, CODE, LogType.INFO, "x")),
                Arguments.of("run_id", CodeLog.of("%2F", CODE, LogType.INFO, "x")),
                Arguments.of("run_id", CodeLog.of(RUN + "/", CODE, LogType.INFO, "x")),
                Arguments.of("code_id", CodeLog.of(RUN, null, LogType.INFO, "x")),
                Arguments.of("code_id", CodeLog.of(RUN, "..", LogType.INFO, "x")),
                Arguments.of("type", CodeLog.of(RUN, CODE, null, "x")),
                Arguments.of("content", CodeLog.of(RUN, CODE, LogType.INFO, null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidLogs")
    void invalidInputIsRejectedBeforeTheClockOrGeneratorIsUsed(String field, CodeLog log) {
        assertThatThrownBy(() -> rules.prepareCreate(log))
                .isInstanceOfSatisfying(
                        InvalidCodeLogException.class,
                        e -> assertThat(e.field()).isEqualTo(field));

        assertThat(clock.calls.get()).as("clock calls").isZero();
        assertThat(ids.createdAts).as("generator calls").isEmpty();
    }

    @Test
    void contentOverTheLimitUnderRejectIsRefusedBeforeTheClockIsUsed() {
        CodeLogRules rejecting = new CodeLogRules(new ContentRules(3, ContentPolicy.REJECT), clock, ids);

        assertThatThrownBy(() -> rejecting.prepareCreate(CodeLog.of(RUN, CODE, LogType.INFO, "abcd")))
                .isInstanceOfSatisfying(
                        InvalidCodeLogException.class,
                        e -> assertThat(e.field()).isEqualTo("content"));
        assertThat(clock.calls.get()).isZero();
        assertThat(ids.createdAts).isEmpty();
    }

    @Test
    void aClockThatStepsBackIsHeldAtTheLastCreationTime() {
        Instant t10 = Instant.parse("2024-12-10T18:00:10Z");
        Instant t12 = Instant.parse("2024-12-10T18:00:12Z");
        SequenceClock steppingBack = new SequenceClock(
                t10, Instant.parse("2024-12-10T18:00:05Z"), t12, Instant.parse("2024-12-10T18:00:11.999Z"), t12);
        CodeLogRules held = new CodeLogRules(ContentRules.DEFAULT, steppingBack, IdGenerator.objectIds());

        List<CodeLog> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(held.prepareCreate(CodeLog.of(RUN, CODE, LogType.INFO, "x")));
        }

        assertThat(created).extracting(CodeLog::createdAt).containsExactly(t10, t10, t12, t12, t12);
        assertThat(created).extracting(CodeLog::id).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void updateTimeIsNowWhenTheClockIsAhead() {
        assertThat(rules.updateTime(NOW.minusSeconds(5))).isEqualTo(NOW);
        assertThat(rules.updateTime(NOW)).isEqualTo(NOW);
        assertThat(rules.updateTime(null)).isEqualTo(NOW);
    }

    @Test
    void updateTimeNeverPrecedesCreatedAt() {
        Instant createdInTheFuture = NOW.plusSeconds(30);

        assertThat(rules.updateTime(createdInTheFuture)).isEqualTo(createdInTheFuture);
    }

    @Test
    void prepareContentAppliesTheContentRules() {
        CodeLogRules small = new CodeLogRules(new ContentRules(3, ContentPolicy.TRUNCATE), clock, ids);

        assertThat(small.prepareContent("abcdef")).isEqualTo("abc");
        assertThatThrownBy(() -> small.prepareContent(null))
                .isInstanceOfSatisfying(
                        InvalidCodeLogException.class,
                        e -> assertThat(e.field()).isEqualTo("content"));
    }

    @Test
    void checkDeleteOlderRequiresACutoff() {
        assertThatThrownBy(() -> CodeLogRules.checkDeleteOlder(null, 10))
                .isInstanceOfSatisfying(
                        InvalidCodeLogException.class,
                        e -> assertThat(e.field()).isEqualTo("cutoff"));
    }

    @ParameterizedTest
    @ValueSource(longs = {0L, -1L, Long.MIN_VALUE})
    void checkDeleteOlderRequiresAPositiveLimit(long limit) {
        assertThatThrownBy(() -> CodeLogRules.checkDeleteOlder(NOW, limit))
                .isInstanceOfSatisfying(
                        InvalidCodeLogException.class,
                        e -> assertThat(e.field()).isEqualTo("limit"))
                .hasMessageContaining(String.valueOf(limit));
    }

    @ParameterizedTest
    @ValueSource(longs = {1L, 1_000L, Long.MAX_VALUE})
    void checkDeleteOlderAcceptsAnyPositiveLimit(long limit) {
        assertThatCode(() -> CodeLogRules.checkDeleteOlder(Instant.EPOCH, limit))
                .doesNotThrowAnyException();
    }

    @Test
    void accessorsReturnWhatWasGiven() {
        assertThat(rules.clock()).isSameAs(clock);
        assertThat(rules.content()).isEqualTo(ContentRules.DEFAULT);
        assertThat(CodeLogRules.defaults().content()).isEqualTo(ContentRules.DEFAULT);
        assertThat(CodeLogRules.defaults().clock().getZone()).isEqualTo(ZoneOffset.UTC);
    }

    /** A fixed clock that counts how often it is read. */
    private static final class RecordingClock extends Clock {
        private final Instant now;
        private final AtomicInteger calls = new AtomicInteger();

        RecordingClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            calls.incrementAndGet();
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    /** An id generator that records the creation times it was asked for. */
    private static final class RecordingIdGenerator implements IdGenerator {
        private final List<Instant> createdAts = new ArrayList<>();

        @Override
        public String newId(Instant createdAt) {
            createdAts.add(createdAt);
            return "generated-" + createdAts.size();
        }
    }

    /** A clock that returns the given instants in turn. */
    private static final class SequenceClock extends Clock {
        private final Queue<Instant> instants;

        SequenceClock(Instant... instants) {
            this.instants = new ArrayDeque<>(Arrays.asList(instants));
        }

        @Override
        public Instant instant() {
            return instants.remove();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
