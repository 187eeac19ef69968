package io.codelog.cli;

import com.mongodb.client.MongoCollection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * Writes the MongoDB history the demo migrates, straight into the collection in the shapes services left there:
 * the Go service's (ObjectId {@code _id}, {@code run_id} and {@code code_id}; millisecond dates, no nanosecond
 * fields), the Java store's (ids as strings, {@code created_at_ns}/{@code updated_at_ns} beside the dates), and
 * UUID ids. Runs of 40 logs a few seconds apart, spread evenly over the days; deterministic for a seed.
 */
final class DemoHistory {

    static final int LOGS_PER_RUN = 40;
    private static final int BATCH = 1_000;
    private static final String[] TYPES = {"info", "info", "debug", "error"};

    private final Random random;
    private final DemoContent content;
    private int counter;

    DemoHistory(long seed) {
        this.random = new Random(seed);
        this.content = new DemoContent(random);
    }

    /** What was written, by shape, and a run of each shape to read back. */
    record Seeded(long goShape, long stringShape, long uuidShape, int runs, String goRunId, String stringRunId) {}

    /** Inserts {@code logs} logs over the days [first, first + days). */
    Seeded seed(MongoCollection<Document> collection, LocalDate first, int days, int logs) {
        int runs = (logs + LOGS_PER_RUN - 1) / LOGS_PER_RUN;
        long[] byShape = new long[3];
        String goRun = null;
        String stringRun = null;
        List<Document> batch = new ArrayList<>(BATCH);
        int written = 0;
        for (int run = 0; run < runs; run++) {
            int shape = run % 3;
            LocalDate day = first.plusDays((long) run * days / runs);
            Instant start = day.atStartOfDay(ZoneOffset.UTC)
                    .toInstant()
                    .plusSeconds(random.nextInt(86_400 - 3_600))
                    .truncatedTo(ChronoUnit.SECONDS);
            Object runId = shape == 2 ? uuid() : new ObjectId(Date.from(start), next());
            Object codeId = shape == 2 ? uuid() : new ObjectId(Date.from(start.minus(30, ChronoUnit.DAYS)), next());
            if (shape == 1) {
                runId = ((ObjectId) runId).toHexString();
                codeId = ((ObjectId) codeId).toHexString();
            }
            if (shape == 0 && goRun == null) {
                goRun = runId.toString();
            }
            if (shape == 1 && stringRun == null) {
                stringRun = runId.toString();
            }
            Instant created = start;
            for (int line = 0; line < LOGS_PER_RUN && written < logs; line++, written++) {
                created = created.plusMillis(1 + random.nextInt(5_000)).plusNanos(random.nextInt(1_000_000));
                batch.add(document(shape, runId, codeId, created));
                byShape[shape]++;
                if (batch.size() == BATCH) {
                    collection.insertMany(batch);
                    batch = new ArrayList<>(BATCH);
                }
            }
        }
        if (!batch.isEmpty()) {
            collection.insertMany(batch);
        }
        return new Seeded(byShape[0], byShape[1], byShape[2], runs, goRun, stringRun);
    }

    private Document document(int shape, Object runId, Object codeId, Instant created) {
        Object id = shape == 2 ? uuid() : new ObjectId(Date.from(created), next());
        boolean edited = random.nextInt(10) == 0;
        Instant updated = edited ? created.plusSeconds(30) : created;
        Document document = new Document("_id", id)
                .append("run_id", runId)
                .append("code_id", codeId)
                .append("type", TYPES[random.nextInt(TYPES.length)])
                .append("content", content.next())
                .append("created_at", Date.from(created))
                .append("updated_at", Date.from(updated));
        if (shape == 0) {
            return document;
        }
        int nanos = created.getNano() % 1_000_000;
        return document.append("created_at_ns", nanos).append("updated_at_ns", edited ? 0 : nanos);
    }

    private int next() {
        counter = (counter + 1) & 0xFFFFFF;
        return counter;
    }

    private String uuid() {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }
}
