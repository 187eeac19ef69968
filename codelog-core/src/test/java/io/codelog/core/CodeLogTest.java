package io.codelog.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CodeLogTest {

    private static final String SECRET_CONTENT = "password=hunter2";
    private static final Instant CREATED = Instant.parse("2024-12-10T18:04:05.123456789Z");
    private static final Instant UPDATED = Instant.parse("2024-12-10T18:05:00Z");

    private final CodeLog log = new CodeLog(
            "507f1f77bcf86cd799439012",
            "507f1f77bcf86cd799439011",
            "507f191e810c19729de860ea",
            LogType.INFO,
            SECRET_CONTENT,
            CREATED,
            UPDATED);

    @Test
    void toStringNeverContainsTheContent() {
        String text = log.toString();

        assertThat(text).doesNotContain(SECRET_CONTENT).doesNotContain("hunter2");
        assertThat(text).contains("content=" + SECRET_CONTENT.length() + " chars");
        assertThat(text).contains("507f1f77bcf86cd799439012", "507f1f77bcf86cd799439011", "INFO");
    }

    @Test
    void toStringOfALogWithoutContentSaysNull() {
        assertThat(log.withContent(null, UPDATED).toString()).contains("content=null");
    }

    @Test
    void ofLeavesIdAndTimestampsForTheStore() {
        CodeLog fresh = CodeLog.of("507f1f77bcf86cd799439011", "507f191e810c19729de860ea", LogType.ERROR, "x");

        assertThat(fresh.id()).isNull();
        assertThat(fresh.createdAt()).isNull();
        assertThat(fresh.updatedAt()).isNull();
        assertThat(fresh.type()).isEqualTo(LogType.ERROR);
        assertThat(fresh.content()).isEqualTo("x");
    }

    @Test
    void withersReplaceOnlyTheirFields() {
        Instant later = UPDATED.plusSeconds(60);

        assertThat(log.withId("507f1f77bcf86cd799439099"))
                .isEqualTo(new CodeLog(
                        "507f1f77bcf86cd799439099",
                        log.runId(),
                        log.codeId(),
                        log.type(),
                        log.content(),
                        CREATED,
                        UPDATED));
        assertThat(log.withContent("new", later))
                .isEqualTo(new CodeLog(log.id(), log.runId(), log.codeId(), log.type(), "new", CREATED, later));
        assertThat(log.withTimestamps(later, later))
                .isEqualTo(new CodeLog(log.id(), log.runId(), log.codeId(), log.type(), log.content(), later, later));
    }
}
