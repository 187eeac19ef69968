package io.codelog.it;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import io.codelog.mongo.MongoCodeLogIdIndex;
import io.codelog.testservers.MongoTestServer;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A MongoDB client of the test server on a database of its own (dropped on close) that counts the commands it sends
 * by name ({@code insert}, {@code find}, {@code update}, {@code delete}, ...) and can run a hook as each starts, and
 * id indexes in fresh collections of that database.
 */
final class MongoIndexConnection implements AutoCloseable {

    private final Map<String, LongAdder> commands = new ConcurrentHashMap<>();
    private final MongoClient client;
    private final String database = "codelog_it_" + UUID.randomUUID().toString().replace("-", "");
    private final MongoTemplate template;
    private volatile Consumer<String> onCommand = name -> {};

    MongoIndexConnection(MongoTestServer server) {
        CommandListener counter = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                commands.computeIfAbsent(event.getCommandName(), name -> new LongAdder())
                        .increment();
                onCommand.accept(event.getCommandName());
            }
        };
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(server.connectionString()))
                .addCommandListener(counter)
                .build());
        template = new MongoTemplate(client, database);
    }

    /** An index in a collection no other index uses, expiring after 30 days. */
    MongoCodeLogIdIndex newIndex() {
        return new MongoCodeLogIdIndex(
                template, "ids_" + UUID.randomUUID().toString().replace("-", ""), Duration.ofDays(30));
    }

    MongoTemplate template() {
        return template;
    }

    /** The commands sent since the last reset, by name, commands not sent left out. */
    Map<String, Long> commands() {
        Map<String, Long> counts = new TreeMap<>();
        commands.forEach((name, count) -> {
            if (count.sum() > 0) {
                counts.put(name, count.sum());
            }
        });
        return counts;
    }

    void resetCommands() {
        commands.values().forEach(LongAdder::reset);
    }

    /** Runs the hook on the sending thread as each command starts, before it goes out. */
    void onCommand(Consumer<String> hook) {
        onCommand = hook;
    }

    @Override
    public void close() {
        try {
            client.getDatabase(database).drop();
        } finally {
            client.close();
        }
    }
}
