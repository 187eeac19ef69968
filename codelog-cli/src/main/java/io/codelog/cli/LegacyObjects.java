package io.codelog.cli;

import io.codelog.s3.S3ObjectFormat;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.bson.types.ObjectId;

/**
 * S3 objects byte for byte as the two services before codelog wrote them. The Go service: ObjectId ids,
 * {@code json.Marshal} of its struct (HTML characters escaped) with times in its local zone (-03:00), the
 * metadata {@code run-id}, {@code code-id}, {@code log-type}, {@code created-at}, and the key dated by its local
 * day, so a log written before 03:00 UTC sits under the previous day. The Python engine: UUID4 ids, {@code
 * json.dumps} with its default separators and ASCII escapes, {@code isoformat()} times with or without an
 * offset, fields of its own, no metadata.
 */
final class LegacyObjects {

    static final ZoneOffset GO_SERVICE_ZONE = ZoneOffset.ofHours(-3);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final String[] TYPES = {"info", "info", "debug", "error"};

    private final S3ObjectFormat format;
    private final Random random;
    private final DemoContent content;

    LegacyObjects(S3ObjectFormat format, long seed) {
        this.format = format;
        this.random = new Random(seed);
        this.content = new DemoContent(random);
    }

    /** One object to PUT. */
    record LegacyObject(String key, byte[] body, Map<String, String> metadata, LocalDate keyDay, LocalDate utcDay) {

        /** Whether the key's day is not the UTC day of the log's created_at. */
        boolean keyDayDiffers() {
            return !keyDay.equals(utcDay);
        }
    }

    /** {@code runs} runs of the Go service, of {@code perRun} logs, spread over [first, first + days). */
    List<LegacyObject> goService(LocalDate first, int days, int runs, int perRun) {
        List<LegacyObject> objects = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            Instant start = start(first, days, run, runs);
            String runId = new ObjectId(Date.from(start)).toHexString();
            String codeId = new ObjectId(Date.from(start.minus(10, ChronoUnit.DAYS))).toHexString();
            Instant created = start;
            for (int line = 0; line < perRun; line++) {
                created = created.plusMillis(1 + random.nextInt(3_000)).plusNanos(random.nextInt(1_000_000));
                String id = new ObjectId(Date.from(created)).toHexString();
                String type = TYPES[random.nextInt(TYPES.length)];
                String time = goTime(created, true);
                String body = "{\"id\":\"" + id + "\",\"run_id\":\"" + runId + "\",\"code_id\":\"" + codeId
                        + "\",\"type\":\"" + type + "\",\"content\":\"" + goEscape(content.next())
                        + "\",\"created_at\":\"" + time + "\",\"updated_at\":\"" + time + "\"}";
                LocalDate localDay = LocalDate.ofInstant(created, GO_SERVICE_ZONE);
                objects.add(new LegacyObject(
                        format.dayPrefix(localDay, false) + runId + "/" + codeId + "/" + id + ".json",
                        body.getBytes(StandardCharsets.UTF_8),
                        Map.of(
                                "run-id",
                                runId,
                                "code-id",
                                codeId,
                                "log-type",
                                type,
                                "created-at",
                                goTime(created, false)),
                        localDay,
                        LocalDate.ofInstant(created, ZoneOffset.UTC)));
            }
        }
        return objects;
    }

    /** {@code runs} runs of the Python engine, of {@code perRun} logs, spread over [first, first + days). */
    List<LegacyObject> pythonEngine(LocalDate first, int days, int runs, int perRun) {
        List<LegacyObject> objects = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            Instant start = start(first, days, run, runs);
            String runId = uuid4();
            String codeId = uuid4();
            Instant created = start;
            for (int line = 0; line < perRun; line++) {
                created = created.plusMillis(1 + random.nextInt(3_000)).plusNanos(random.nextInt(1_000) * 1_000L);
                String id = uuid4();
                boolean aware = line % 2 == 0;
                String body = "{\"id\": \"" + id + "\", \"run_id\": \"" + runId + "\", \"code_id\": \"" + codeId
                        + "\", \"type\": \"" + TYPES[random.nextInt(TYPES.length)] + "\", \"content\": \""
                        + asciiEscape(content.next()) + "\", \"created_at\": \"" + isoformat(created, aware)
                        + "\", \"engine\": \"python\", \"attempt\": 1, \"tags\": [\"demo\"]}";
                LocalDate day = LocalDate.ofInstant(created, ZoneOffset.UTC);
                objects.add(new LegacyObject(
                        format.dayPrefix(day, false) + runId + "/" + codeId + "/" + id + ".json",
                        body.getBytes(StandardCharsets.UTF_8),
                        Map.of(),
                        day,
                        day));
            }
        }
        return objects;
    }

    private Instant start(LocalDate first, int days, int run, int runs) {
        // Some runs start just after midnight UTC, when the Go service's local day was still the day before.
        int second = run % 4 == 0 ? random.nextInt(3 * 3_600 - 600) : random.nextInt(86_400 - 3_600);
        return first.plusDays((long) run * days / runs)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant()
                .plusSeconds(second);
    }

    /** Go's RFC 3339 with nanoseconds, trailing zeros dropped, in the service's zone; or without the fraction. */
    private static String goTime(Instant instant, boolean withFraction) {
        String base = SECONDS.format(instant.atOffset(GO_SERVICE_ZONE));
        String fraction = "";
        if (withFraction && instant.getNano() != 0) {
            fraction = "." + String.format("%09d", instant.getNano()).replaceAll("0+$", "");
        }
        return base + fraction + GO_SERVICE_ZONE.getId();
    }

    /** Python's {@code datetime.isoformat()}: microseconds unless zero, {@code +00:00} when aware. */
    private static String isoformat(Instant instant, boolean aware) {
        String base = SECONDS.format(instant.atOffset(ZoneOffset.UTC));
        int micros = instant.getNano() / 1_000;
        String fraction = micros == 0 ? "" : String.format(".%06d", micros);
        return base + fraction + (aware ? "+00:00" : "");
    }

    /** Go's encoding/json escaping: quotes, backslashes and controls, and HTML characters as {@code \\u003c}. */
    private static String goEscape(String text) {
        return escape(text, false)
                .replace("<", "\\u003c")
                .replace(">", "\\u003e")
                .replace("&", "\\u0026");
    }

    /** Python's {@code json.dumps} with {@code ensure_ascii}: everything beyond ASCII as {@code \\uXXXX}. */
    private static String asciiEscape(String text) {
        return escape(text, true);
    }

    private static String escape(String text, boolean asciiOnly) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c < 0x20 || (asciiOnly && c > 0x7e)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private String uuid4() {
        long most = (random.nextLong() & 0xFFFFFFFFFFFF0FFFL) | 0x0000000000004000L;
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least).toString();
    }
}
