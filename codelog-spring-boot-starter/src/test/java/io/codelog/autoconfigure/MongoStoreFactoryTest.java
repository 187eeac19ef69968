package io.codelog.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codelog.core.CodeLogRules;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The one place the starter and the command line build their MongoDB side: each bad setting names its property
 * before a client exists, and the connection string's password never reaches a message.
 */
class MongoStoreFactoryTest {

    private static final String PASSWORD = "s3cr3t-Pa55word";

    private static MongoStoreFactory factory(String uri, String databaseName, String collection) {
        CodeLogMongoProperties properties = new CodeLogMongoProperties();
        properties.setUri(uri);
        properties.setDatabaseName(databaseName);
        if (collection != null) {
            properties.setCollection(collection);
        }
        return new MongoStoreFactory(properties);
    }

    @Test
    void anInvalidConnectionStringIsNamedWithoutItsValue() {
        assertThatThrownBy(() -> factory("mongodb://user:" + PASSWORD + "@host:notaport/db", null, null)
                        .openClient(null))
                .isInstanceOfSatisfying(
                        CodeLogConfigurationException.class,
                        e -> assertThat(e.property()).isEqualTo("codelog.mongo.uri"))
                .hasMessageContaining("FLOWS_CODE_ACTIONS_MONGO_DB_URI")
                .hasMessageNotContaining(PASSWORD);
    }

    @Test
    void aUriWithoutDatabaseNeedsTheDatabaseName() {
        assertThatThrownBy(() -> factory("mongodb://user:" + PASSWORD + "@127.0.0.1:1", null, null)
                        .openClient(null))
                .isInstanceOfSatisfying(
                        CodeLogConfigurationException.class,
                        e -> assertThat(e.property()).isEqualTo("codelog.mongo.database-name"))
                .hasMessageNotContaining(PASSWORD);
    }

    @Test
    void anInvalidDatabaseNameIsNamed() {
        assertThatThrownBy(
                        () -> factory("mongodb://127.0.0.1:1", "logs.v2", null).openClient(null))
                .isInstanceOfSatisfying(
                        CodeLogConfigurationException.class,
                        e -> assertThat(e.property()).isEqualTo("codelog.mongo.database-name"));
    }

    @Test
    void aMissingUriIsNamed() {
        MongoStoreFactory factory = factory(" ", null, null);

        assertThat(factory.hasUri()).isFalse();
        assertThatThrownBy(() -> factory.openClient(null))
                .isInstanceOfSatisfying(
                        CodeLogConfigurationException.class,
                        e -> assertThat(e.property()).isEqualTo("codelog.mongo.uri"));
    }

    @Test
    void theDatabaseNamePropertyWinsOverTheUris() {
        try (MongoStoreFactory.OwnedMongoClient owned =
                factory("mongodb://127.0.0.1:1/fromuri", " chosen ", null).openClient(null)) {
            assertThat(owned.databaseName()).isEqualTo("chosen");
            assertThat(owned.template().getDb().getName()).isEqualTo("chosen");
        }
        try (MongoStoreFactory.OwnedMongoClient owned =
                factory("mongodb://127.0.0.1:1/fromuri", null, null).openClient(null)) {
            assertThat(owned.databaseName()).isEqualTo("fromuri");
        }
    }

    @Test
    void theDefaultServerSelectionTimeoutAppliesOnlyWhenTheUriSetsNone() {
        try (MongoStoreFactory.OwnedMongoClient owned =
                factory("mongodb://127.0.0.1:1/logs", null, null).openClient(Duration.ofSeconds(10))) {
            assertThat(serverSelectionMillis(owned)).isEqualTo(10_000);
        }
        try (MongoStoreFactory.OwnedMongoClient owned = factory(
                        "mongodb://127.0.0.1:1/logs?serverSelectionTimeoutMS=2500", null, null)
                .openClient(Duration.ofSeconds(10))) {
            assertThat(serverSelectionMillis(owned)).isEqualTo(2_500);
        }
        try (MongoStoreFactory.OwnedMongoClient owned =
                factory("mongodb://127.0.0.1:1/logs", null, null).openClient(null)) {
            assertThat(serverSelectionMillis(owned)).isEqualTo(30_000);
        }
    }

    @Test
    void aBlankCollectionIsNamed() {
        assertThatThrownBy(() -> factory(null, null, " ").settings(CodeLogRules.defaults()))
                .isInstanceOfSatisfying(
                        CodeLogConfigurationException.class,
                        e -> assertThat(e.property()).isEqualTo("codelog.mongo.collection"));
    }

    @Test
    void rulesBelowOneCharacterAreNamed() {
        CodeLogContentProperties content = new CodeLogContentProperties();
        content.setMaxLength(0);

        assertThatThrownBy(() -> new CodeLogRulesFactory(content).build(Clock.systemUTC()))
                .isInstanceOfSatisfying(
                        CodeLogConfigurationException.class,
                        e -> assertThat(e.property()).isEqualTo("codelog.content.max-length"))
                .hasMessageContaining("FLOWS_CODE_ACTIONS_");
    }

    private static long serverSelectionMillis(MongoStoreFactory.OwnedMongoClient owned) {
        return owned.client()
                .getClusterDescription()
                .getClusterSettings()
                .getServerSelectionTimeout(TimeUnit.MILLISECONDS);
    }
}
