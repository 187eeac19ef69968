package io.codelog.autoconfigure;

import static io.codelog.autoconfigure.StartupFailures.configurationFailure;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.codelog.core.CodeLog;
import io.codelog.core.CodeLogIdIndex;
import io.codelog.core.CodeLogRepository;
import io.codelog.core.LogType;
import io.codelog.mongo.MongoCodeLogIdIndex;
import io.codelog.s3.S3CodeLogSettings;
import io.codelog.s3.S3IdIndex;
import io.codelog.s3.S3ObjectFormat;
import io.codelog.test.TestServers;
import io.codelog.testservers.MongoTestServer;
import io.codelog.testservers.S3TestServer;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexInfo;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code FLOWS_CODE_ACTIONS_S3_ID_INDEX} takes s3, mongo and none (true and false as before); mongo keeps the index
 * in codelog's MongoDB, with a TTL that follows the retention period, and fails start-up naming the variables when
 * there is no MongoDB to keep it in.
 */
@ExtendWith(TestServers.class)
class S3IdIndexAutoConfigurationTest {

    private static final String RUN = "65f2c3a1b4d5e6f708192a3b";
    private static final String CODE = "3f1e8c2a-7b4d-4e9f-a1c2-5d6e7f8a9b0c";

    private static TestStores stores;
    private static MongoTestServer mongo;
    private static MongoClient raw;

    @BeforeAll
    static void servers(MongoTestServer mongoServer, S3TestServer s3) {
        stores = new TestStores(mongoServer, s3);
        mongo = mongoServer;
        raw = MongoClients.create(mongoServer.connectionString());
    }

    @AfterAll
    static void close() {
        raw.close();
    }

    /** S3 as the only store, with the given id index and, when a database is named, codelog's MongoDB there. */
    private static Map<String, Object> s3Only(String idIndex, String database) {
        Map<String, Object> variables = new HashMap<>(stores.s3Variables());
        variables.put("FLOWS_CODE_ACTIONS_S3_ENABLED", "true");
        variables.put("FLOWS_CODE_ACTIONS_S3_ID_INDEX", idIndex);
        if (database != null) {
            variables.put("FLOWS_CODE_ACTIONS_MONGO_DB_URI", mongo.connectionString());
            variables.put("FLOWS_CODE_ACTIONS_MONGO_DB_NAME", database);
        }
        return variables;
    }

    private static S3IdIndex idIndex(AssertableApplicationContext context) {
        return context.getBean(S3CodeLogSettings.class).idIndex();
    }

    private static Optional<IndexInfo> ttlIndex(String database, String collection) {
        return new MongoTemplate(raw, database)
                .indexOps(collection).getIndexInfo().stream()
                        .filter(index -> MongoCodeLogIdIndex.TTL_INDEX.equals(index.getName()))
                        .findFirst();
    }

    @Nested
    class Values {

        @ParameterizedTest
        @CsvSource({"s3, POINTERS", "true, POINTERS", "S3, POINTERS", "none, NONE", "false, NONE", "' none ', NONE"})
        void s3AndTrueArePointersNoneAndFalseNoIndex(String value, S3IdIndex.Kind kind) {
            stores.runnerWithoutMongoDb(s3Only(value, null)).run(context -> {
                assertThat(context).hasNotFailed();
                assertThat(idIndex(context).kind()).isEqualTo(kind);
                assertThat(context).doesNotHaveBean(CodeLogIdIndex.class);
            });
        }

        @Test
        void unsetIsPointers() {
            Map<String, Object> variables = s3Only("s3", null);
            variables.remove("FLOWS_CODE_ACTIONS_S3_ID_INDEX");
            stores.runnerWithoutMongoDb(variables)
                    .run(context -> assertThat(idIndex(context)).isEqualTo(S3IdIndex.pointers()));
        }
    }

    @Nested
    class Mongo {

        @Test
        void keepsTheIndexInACollectionOfCodelogsMongoDbAndWritesNoPointer() {
            String database = TestStores.uniqueName();
            stores.runnerWithoutMongoDb(s3Only("mongo", database)).run(context -> {
                assertThat(context).hasNotFailed();
                MongoCodeLogIdIndex index = context.getBean(MongoCodeLogIdIndex.class);
                assertThat(idIndex(context).external()).isSameAs(index);
                assertThat(index.collection()).isEqualTo("codelog_id_index");

                CodeLog created =
                        context.getBean(CodeLogRepository.class).create(CodeLog.of(RUN, CODE, LogType.INFO, "hi"));

                S3CodeLogSettings settings = context.getBean(S3CodeLogSettings.class);
                Document entry = raw.getDatabase(database)
                        .getCollection("codelog_id_index")
                        .find(new Document("_id", created.id()))
                        .first();
                assertThat(entry).isNotNull();
                assertThat(entry.getString("key")).isEqualTo(new S3ObjectFormat(settings).logKey(created));
                try (S3Client client = stores.client()) {
                    assertThat(client.listObjectsV2(request -> request.bucket(settings.bucket()))
                                    .contents())
                            .as("the log only, no pointer")
                            .hasSize(1);
                }
                assertThat(context.getBean(CodeLogRepository.class).findById(created.id()))
                        .contains(created);
            });
        }

        @Test
        void entriesExpireAfterTheRetentionPeriodInACollectionOfTheConfiguredName() {
            String database = TestStores.uniqueName();
            Map<String, Object> variables = s3Only("mongo", database);
            variables.put("FLOWS_CODE_ACTIONS_CLEANER_RETENTION_PERIOD", "7");
            variables.put("FLOWS_CODE_ACTIONS_MONGO_DB_ID_INDEX_COLLECTION", "log_keys");
            stores.runnerWithoutMongoDb(variables).run(context -> {
                assertThat(context).hasNotFailed();
                assertThat(context.getBean(MongoCodeLogIdIndex.class).collection())
                        .isEqualTo("log_keys");
                assertThat(ttlIndex(database, "log_keys"))
                        .hasValueSatisfying(
                                ttl -> assertThat(ttl.getExpireAfter()).contains(Duration.ofDays(7)));
            });
        }

        @Test
        void withTheCleanerOffEntriesNeverExpire() {
            String database = TestStores.uniqueName();
            Map<String, Object> variables = s3Only("mongo", database);
            variables.put("FLOWS_CODE_ACTIONS_CLEANER_ENABLED", "false");
            stores.runnerWithoutMongoDb(variables).run(context -> {
                assertThat(context).hasNotFailed();
                assertThat(context).hasSingleBean(MongoCodeLogIdIndex.class);
                assertThat(ttlIndex(database, "codelog_id_index")).isEmpty();
            });
        }

        @Test
        void usesTheApplicationsMongoTemplateWithoutAUri() {
            stores.runner(s3Only("mongo", null)).run(context -> {
                assertThat(context).hasNotFailed();
                MongoCodeLogIdIndex index = context.getBean(MongoCodeLogIdIndex.class);
                assertThat(idIndex(context).external()).isSameAs(index);
                CodeLog created =
                        context.getBean(CodeLogRepository.class).create(CodeLog.of(RUN, CODE, LogType.INFO, "hi"));
                assertThat(context.getBean(MongoTemplate.class)
                                .getCollection("codelog_id_index")
                                .countDocuments(new Document("_id", created.id())))
                        .isEqualTo(1);
            });
        }

        @Test
        void anIdIndexOfTheApplicationsOwnReplacesTheCollection() {
            CodeLogIdIndex own = new CodeLogIdIndex() {
                @Override
                public boolean insert(Entry entry) {
                    return true;
                }

                @Override
                public void upsert(Entry entry) {}

                @Override
                public Optional<Entry> find(String id) {
                    return Optional.empty();
                }

                @Override
                public void delete(Collection<String> ids) {}

                @Override
                public String whereIs(String id) {
                    return "the application's index";
                }
            };
            stores.runnerWithoutMongoDb(s3Only("mongo", TestStores.uniqueName()))
                    .withBean("ownIdIndex", CodeLogIdIndex.class, () -> own)
                    .run(context -> {
                        assertThat(context).hasNotFailed();
                        assertThat(context).doesNotHaveBean(MongoCodeLogIdIndex.class);
                        assertThat(idIndex(context).external()).isSameAs(own);
                    });
        }

        @Test
        void buildsNothingWhenS3IsNotUsed() {
            stores.runner(Map.of("FLOWS_CODE_ACTIONS_S3_ID_INDEX", "mongo")).run(context -> {
                assertThat(context).hasNotFailed();
                assertThat(context).doesNotHaveBean(CodeLogIdIndex.class);
                assertThat(context).doesNotHaveBean(S3CodeLogSettings.class);
            });
        }
    }

    @Nested
    class Failures {

        private void assertNamesBothVariables(CodeLogConfigurationException failure) {
            assertThat(failure.property()).isEqualTo("codelog.s3.id-index");
            assertThat(failure.getMessage())
                    .contains("FLOWS_CODE_ACTIONS_S3_ID_INDEX")
                    .contains("FLOWS_CODE_ACTIONS_MONGO_DB_URI")
                    .contains("s3 or none");
        }

        @Test
        void mongoWithoutAnyMongoDbFailsStartUpNamingTheVariables() {
            stores.runnerWithoutMongoDb(s3Only("mongo", null)).run(context -> {
                CodeLogConfigurationException failure = configurationFailure(context);
                assertNamesBothVariables(failure);
                assertThat(failure.description()).contains("is mongo but the application has no MongoTemplate");
            });
        }

        @Test
        void mongoWithoutTheMongoDbJarsFailsStartUpNamingTheVariablesAndTheDependency() {
            stores.runnerWithoutMongoDb(s3Only("mongo", null))
                    .withClassLoader(CleanerLockAutoConfigurationTest.WITHOUT_MONGODB_JARS)
                    .run(context -> {
                        CodeLogConfigurationException failure = configurationFailure(context);
                        assertNamesBothVariables(failure);
                        assertThat(failure.description())
                                .contains("codelog-mongo")
                                .contains("not on the classpath");
                        assertThat(failure.action()).contains("io.codelog:codelog-mongo");
                    });
        }

        @Test
        void anUnknownValueIsRefusedNamingTheVariableAndTheValues() {
            stores.runnerWithoutMongoDb(s3Only("dynamo", null)).run(context -> {
                CodeLogConfigurationException failure = configurationFailure(context);
                assertThat(failure.property()).isEqualTo("codelog.s3.id-index");
                assertThat(failure.description())
                        .contains("FLOWS_CODE_ACTIONS_S3_ID_INDEX")
                        .contains("\"dynamo\"")
                        .contains("s3, mongo or none");
            });
        }

        @Test
        void aBlankCollectionIsRefusedNamingItsVariable() {
            Map<String, Object> variables = s3Only("mongo", TestStores.uniqueName());
            variables.put("FLOWS_CODE_ACTIONS_MONGO_DB_ID_INDEX_COLLECTION", " ");
            stores.runnerWithoutMongoDb(variables).run(context -> {
                CodeLogConfigurationException failure = configurationFailure(context);
                assertThat(failure.property()).isEqualTo("codelog.mongo.id-index-collection");
                assertThat(failure.getMessage()).contains("FLOWS_CODE_ACTIONS_MONGO_DB_ID_INDEX_COLLECTION");
            });
        }
    }
}
