package io.codelog.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class LogTypeTest {

    @ParameterizedTest
    @CsvSource({"DEBUG, debug", "INFO, info", "ERROR, error"})
    void wireNamesAreLowerCase(LogType type, String wireName) {
        assertThat(type.wireName()).isEqualTo(wireName);
    }

    @ParameterizedTest
    @EnumSource(LogType.class)
    void everyWireNameReadsBack(LogType type) {
        assertThat(LogType.fromWireName(type.wireName())).isEqualTo(type);
    }

    @ParameterizedTest
    @CsvSource({"INFO, INFO", "Info, INFO", "iNfO, INFO", "DEBUG, DEBUG", "Debug, DEBUG", "eRRoR, ERROR"})
    void parsingIgnoresCase(String value, LogType expected) {
        assertThat(LogType.fromWireName(value)).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"warning", "warn", "fatal", " info", "info ", "in fo", "inf", "infos", "0", "\u0000"})
    void unknownLevelsAreRejectedNamingType(String value) {
        assertThatThrownBy(() -> LogType.fromWireName(value))
                .isInstanceOfSatisfying(
                        InvalidCodeLogException.class,
                        e -> assertThat(e.field()).isEqualTo("type"))
                .hasMessageContaining("type")
                .hasMessageContaining("debug, info, error");
    }
}
