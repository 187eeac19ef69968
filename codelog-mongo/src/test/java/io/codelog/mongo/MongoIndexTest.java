package io.codelog.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import io.codelog.core.CodeLog;
import io.codelog.core.LogType;
import io.codelog.core.RunFilter;
import io.codelog.test.TestServers;
import io.codelog.testservers.MongoTestServer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;

/** The store creates its named indexes once, idempotently, and only when asked to. */
@ExtendWith(TestServers.class)
class MongoIndexTest {

    private static final String RUN = "65f1a2b3c4d5e6f708192a3b";
    private static final String CODE = "65f1a2b3c4d5e6f708192a3c";
    private static final String OTHER_RUN = "65f1a2b3c4d5e6f708192a3d";
    private static final String OTHER_CODE = "0f8fad5b-d9cb-469f-a165-70867728950e";

    private static MongoTestDatabase database;

    private String collection;

    @BeforeAll
    static void connect(MongoTestServer server) {
        database = new MongoTestDatabase(server.connectionString());
    }

    @AfterAll
    static void disconnect() {
        database.close();
    }

    @BeforeEach
    void newCollection() {
        collection = database.newCollectionName();
    }

    @Test
    void createsTheListingAndRetentionIndexesOnConstruction() {
        new MongoCodeLogRepository(database.template(), settings());

        Map<String, List<String>> keysByName = indexKeysByName();

        assertThat(keysByName)
                .containsOnlyKeys(
                        "_id_", "codelog_run_id_created_at", "codelog_code_id_created_at", "codelog_created_at");
        assertThat(keysByName.get("codelog_run_id_created_at")).isEqualTo(listingKeys("run_id"));
        assertThat(keysByName.get("codelog_code_id_created_at")).isEqualTo(listingKeys("code_id"));
        assertThat(keysByName.get("codelog_created_at")).containsExactly("created_at:1");
    }

    @Test
    void creatingTheIndexesAgainChangesNothing() {
        new MongoCodeLogRepository(database.template(), settings());
        Map<String, List<String>> first = indexKeysByName();

        MongoCodeLogRepository second = new MongoCodeLogRepository(database.template(), settings());

        assertThat(indexKeysByName()).isEqualTo(first);
        assertThat(second.create(CodeLog.of(RUN, CODE, LogType.INFO, "x")).id()).isNotNull();
    }

    @Test
    void createsNoIndexWhenToldNotTo() {
        MongoCodeLogRepository repository =
                new MongoCodeLogRepository(database.template(), settings().withCreateIndexes(false));
        repository.create(CodeLog.of(RUN, CODE, LogType.INFO, "x"));

        assertThat(indexKeysByName()).containsOnlyKeys("_id_");
    }

    @Test
    @EnabledIf("serverPlansQueries")
    void listingsAndRetentionWalkTheirIndexesWithoutSortingInMemory() {
        MongoCodeLogRepository repository = new MongoCodeLogRepository(database.template(), settings());
        for (int i = 0; i < 20; i++) {
            repository.create(
                    CodeLog.of(i % 2 == 0 ? RUN : OTHER_RUN, i % 3 == 0 ? CODE : OTHER_CODE, LogType.INFO, "x"));
        }
        MongoCollection<Document> raw = database.documents(collection);

        Document byRun = listingPlan(raw, new RunFilter(RUN, null));
        Document byCode = listingPlan(raw, new RunFilter(null, CODE));
        Document byBoth = listingPlan(raw, new RunFilter(RUN, CODE));
        Document retention = raw.find(CodeLogFilters.createdBefore(Instant.now().plusNanos(1)))
                .sort(CodeLogFilters.RETENTION_ORDER)
                .limit(3)
                .explain();

        assertThat(values("indexName", byRun)).containsOnly("codelog_run_id_created_at");
        assertThat(values("indexName", byCode)).containsOnly("codelog_code_id_created_at");
        assertThat(values("indexName", byBoth))
                .isNotEmpty()
                .isSubsetOf("codelog_run_id_created_at", "codelog_code_id_created_at");
        assertThat(values("indexName", retention)).containsOnly("codelog_created_at");
        assertThat(List.of(byRun, byCode, byBoth, retention)).allSatisfy(plan -> {
            assertThat(values("stage", plan)).contains("IXSCAN").doesNotContain("SORT");
        });
    }

    /** Whether the server has a query planner: mongo-java-server accepts secondary indexes but never uses them. */
    static boolean serverPlansQueries() {
        return !"embedded".equals(TestServers.mongo().kind());
    }

    /** The winning plan of the query a listing sends. */
    private static Document listingPlan(MongoCollection<Document> raw, RunFilter filter) {
        Document explained = raw.find(CodeLogFilters.byRun(filter))
                .sort(CodeLogFilters.OLDEST_FIRST)
                .skip(2)
                .limit(5)
                .explain();
        return explained.get("queryPlanner", Document.class).get("winningPlan", Document.class);
    }

    /** Every value of the key anywhere in the plan tree, as text. */
    private static List<String> values(String key, Object node) {
        List<String> found = new ArrayList<>();
        if (node instanceof Map<?, ?> map) {
            map.forEach((name, value) -> {
                if (key.equals(name)) {
                    found.add(String.valueOf(value));
                }
                found.addAll(values(key, value));
            });
        } else if (node instanceof List<?> list) {
            list.forEach(item -> found.addAll(values(key, item)));
        }
        return found;
    }

    private MongoCodeLogSettings settings() {
        return MongoCodeLogSettings.defaults().withCollection(collection);
    }

    private Map<String, List<String>> indexKeysByName() {
        List<Document> indexes = database.documents(collection).listIndexes().into(new ArrayList<>());
        return indexes.stream()
                .collect(Collectors.toMap(
                        index -> index.getString("name"), index -> normalized(index.get("key", Document.class))));
    }

    /**
     * The keys in order as {@code field:direction}, the direction as an int: servers answer 1, 1L or 1.0 for
     * the same index, and a Document's equality would ignore the order that makes a compound index.
     */
    private static List<String> normalized(Document keys) {
        return keys.entrySet().stream()
                .map(key -> key.getKey() + ":" + ((Number) key.getValue()).intValue())
                .toList();
    }

    private static List<String> listingKeys(String idField) {
        return List.of(idField + ":1", "created_at:1", "created_at_ns:1", "_id:1");
    }
}
