package io.codelog.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CodeLogOrderTest {

    @Test
    void oldestFirstThenById() {
        Instant early = Instant.parse("2024-12-10T18:04:05.000000001Z");
        Instant late = Instant.parse("2024-12-10T18:04:05.000000002Z");
        CodeLog lateA = log("000000000000000000000001", late);
        CodeLog earlyB = log("000000000000000000000002", early);
        CodeLog earlyA = log("000000000000000000000003", early);
        List<CodeLog> logs = new ArrayList<>(List.of(lateA, earlyA, earlyB));

        logs.sort(CodeLogOrder.OLDEST_FIRST);

        assertThat(logs).containsExactly(earlyB, earlyA, lateA);
    }

    private static CodeLog log(String id, Instant createdAt) {
        return new CodeLog(
                id, "507f1f77bcf86cd799439011", "507f191e810c19729de860ea", LogType.INFO, "", createdAt, createdAt);
    }
}
