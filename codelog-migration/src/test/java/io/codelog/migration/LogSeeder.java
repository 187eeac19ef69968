package io.codelog.migration;

import com.mongodb.client.MongoCollection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * Writes raw documents straight into the MongoDB collection, in the shapes the store has met: the Go service's
 * (ObjectId ids, no nanosecond fields), the Java store's (string run and code ids, nanoseconds beside), UUID
 * ids, and updated logs. Deterministic for a seed.
 */
final class LogSeeder {

    private static final int BATCH = 1_000;
    private static final int LOGS_PER_RUN = 40;
    private static final String[] TYPES = {"debug", "info", "error", "INFO"};

    private final Random random;

    LogSeeder(long seed) {
        this.random = new Random(seed);
    }

    /** Inserts {@code count} logs spread over the days [from, from + days), in batches. */
    void seed(MongoCollection<Document> collection, LocalDate from, int days, int count) {
        List<Document> batch = new ArrayList<>(BATCH);
        Object runId = null;
        Object codeId = null;
        for (int i = 0; i < count; i++) {
            int shape = (i / LOGS_PER_RUN) % 4;
            if (i % LOGS_PER_RUN == 0) {
                runId = shape == 0 || shape == 3 ? new ObjectId() : shape == 1 ? new ObjectId().toHexString() : uuid();
                codeId = shape == 0 ? new ObjectId() : shape == 2 ? uuid() : new ObjectId().toHexString();
            }
            Instant created = from.plusDays(i % days)
                    .atStartOfDay(ZoneOffset.UTC)
                    .toInstant()
                    .plusMillis(random.nextInt(86_400_000));
            batch.add(document(shape, runId, codeId, created, i));
            if (batch.size() == BATCH) {
                collection.insertMany(batch);
                batch = new ArrayList<>(BATCH);
            }
        }
        if (!batch.isEmpty()) {
            collection.insertMany(batch);
        }
    }

    private Document document(int shape, Object runId, Object codeId, Instant created, int i) {
        Object id = shape == 2 ? uuid() : new ObjectId(Date.from(created), random.nextInt(1 << 24));
        Document document = new Document("_id", id)
                .append("run_id", runId)
                .append("code_id", codeId)
                .append("type", TYPES[i % TYPES.length])
                .append("content", "line " + i + " of the run: résultat ✓ " + "x".repeat(random.nextInt(200)))
                .append("created_at", Date.from(created));
        if (shape == 0) {
            return document.append("updated_at", Date.from(created));
        }
        int nanos = random.nextInt(1_000_000);
        Instant updated = shape == 3 ? created.plusSeconds(30) : created;
        return document.append("updated_at", Date.from(updated))
                .append("created_at_ns", nanos)
                .append("updated_at_ns", shape == 3 ? 0 : nanos);
    }

    private String uuid() {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }
}
