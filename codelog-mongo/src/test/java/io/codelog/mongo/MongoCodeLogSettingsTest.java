package io.codelog.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codelog.core.CodeLogRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Settings are checked when built, so a misconfigured store fails at startup. */
class MongoCodeLogSettingsTest {

    @Test
    void defaultsMatchTheGoService() {
        MongoCodeLogSettings defaults = MongoCodeLogSettings.defaults();

        assertThat(defaults.collection()).isEqualTo("codelog");
        assertThat(defaults.createIndexes()).isTrue();
        assertThat(defaults.deleteBatchSize()).isEqualTo(1_000);
        assertThat(defaults.rules()).isNotNull();
    }

    @Test
    void withersChangeOnlyTheirField() {
        CodeLogRules rules = CodeLogRules.defaults();
        MongoCodeLogSettings settings = MongoCodeLogSettings.defaults()
                .withCollection("logs")
                .withCreateIndexes(false)
                .withRules(rules)
                .withDeleteBatchSize(10_000);

        assertThat(settings).isEqualTo(new MongoCodeLogSettings("logs", false, rules, 10_000));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "a$b", "nul\0name", "system.logs"})
    void rejectsUnusableCollectionNames(String name) {
        assertThatThrownBy(() -> MongoCodeLogSettings.defaults().withCollection(name))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("collection ");
    }

    @Test
    void rejectsAMissingCollectionName() {
        assertThatThrownBy(() -> MongoCodeLogSettings.defaults().withCollection(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("collection is required");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 10_001})
    void rejectsBatchSizesOutOfRange(int batchSize) {
        assertThatThrownBy(() -> MongoCodeLogSettings.defaults().withDeleteBatchSize(batchSize))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("deleteBatchSize must be from 1 to 10000");
    }

    @Test
    void requiresRules() {
        assertThatThrownBy(() -> MongoCodeLogSettings.defaults().withRules(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("rules");
    }
}
