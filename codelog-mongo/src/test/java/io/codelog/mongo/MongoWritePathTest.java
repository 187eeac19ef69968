package io.codelog.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.codelog.core.CodeLog;
import io.codelog.core.CodeLogAlreadyExistsException;
import io.codelog.core.CodeLogRules;
import io.codelog.core.LogType;
import io.codelog.test.MutableClock;
import io.codelog.test.TestServers;
import io.codelog.testservers.MongoTestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bson.BsonDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Creates refuse a taken id, and updates take two round trips and never date a change before its log. */
@ExtendWith(TestServers.class)
class MongoWritePathTest {

    private static final String RUN = "65f1a2b3c4d5e6f708192a3b";
    private static final String CODE = "65f1a2b3c4d5e6f708192a3c";
    private static final Instant T0 = Instant.parse("2025-03-14T09:26:53.589123456Z");

    private static MongoTestDatabase database;

    private MutableClock clock;
    private String collection;
    private MongoCodeLogRepository repository;

    @BeforeAll
    static void connect(MongoTestServer server) {
        database = new MongoTestDatabase(server.connectionString());
    }

    @AfterAll
    static void disconnect() {
        database.close();
    }

    @BeforeEach
    void newStore() {
        clock = MutableClock.at(T0);
        collection = database.newCollectionName();
        repository = new MongoCodeLogRepository(
                database.template(),
                MongoCodeLogSettings.defaults().withCollection(collection).withRules(CodeLogRules.withClock(clock)));
    }

    @Test
    void refusesASuppliedIdThatIsTakenAndKeepsTheFirstLog() {
        String id = "9a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
        CodeLog first =
                repository.create(CodeLog.of(RUN, CODE, LogType.INFO, "first").withId(id));

        CodeLogAlreadyExistsException refused = catchThrowableOfType(
                CodeLogAlreadyExistsException.class,
                () -> repository.create(
                        CodeLog.of(RUN, CODE, LogType.ERROR, "second").withId(id.toUpperCase())));

        assertThat(refused).isNotNull();
        assertThat(refused.id()).isEqualTo(id);
        assertThat(refused.getMessage()).contains("already exists").doesNotContain("second");
        assertThat(repository.findById(id)).contains(first);
        assertThat(repository.count(RUN, null)).isEqualTo(1);
    }

    @Test
    void neverDatesAnUpdateBeforeTheLogWasCreated() {
        CodeLog created = repository.create(CodeLog.of(RUN, CODE, LogType.INFO, "before"));
        clock.set(T0.minus(Duration.ofHours(1)));

        CodeLog updated = repository.update(created.id(), "after");

        assertThat(updated.updatedAt()).isEqualTo(created.createdAt());
        assertThat(repository.findById(created.id())).contains(updated);
    }

    @Test
    void updatesInTwoRoundTrips() {
        CodeLog created = repository.create(CodeLog.of(RUN, CODE, LogType.INFO, "before"));
        int before = commandsOnCollection().size();

        repository.update(created.id(), "after");

        assertThat(commandsOnCollection().subList(before, commandsOnCollection().size()))
                .extracting(command -> command.getFirstKey())
                .containsExactly("find", "findAndModify");
    }

    private List<BsonDocument> commandsOnCollection() {
        return database.commands(collection);
    }
}
