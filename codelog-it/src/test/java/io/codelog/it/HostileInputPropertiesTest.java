package io.codelog.it;

import static io.codelog.test.generators.Generators.elements;
import static io.codelog.test.generators.Generators.enums;
import static io.codelog.test.generators.Generators.integers;
import static io.codelog.test.generators.Generators.joined;
import static io.codelog.test.generators.Generators.oneOf;
import static io.codelog.test.generators.Generators.strings;
import static io.codelog.test.generators.Generators.weighted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codelog.core.CodeLog;
import io.codelog.core.CodeLogIds;
import io.codelog.core.CodeLogRules;
import io.codelog.core.ContentPolicy;
import io.codelog.core.ContentRules;
import io.codelog.core.IdGenerator;
import io.codelog.core.InvalidCodeLogException;
import io.codelog.core.LogType;
import io.codelog.s3.S3CodeLogRepository;
import io.codelog.s3.S3CodeLogSettings;
import io.codelog.s3.S3RequestCounter;
import io.codelog.test.generators.Chars;
import io.codelog.test.generators.Generator;
import io.codelog.test.generators.Property;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;

/**
 * Hostile ids, contents and prefixes against the real S3 store: each is refused before any request is made,
 * or it is stored under {@code {prefix}/logs/} (seen with a raw listing of the whole bucket) and reads back
 * identical. Every request is bounded by the client's call timeout and the test JVM by surefire's fork timeout.
 */
class HostileInputPropertiesTest {

    private static final String RUN = "65f1a2b3c4d5e6f708192a3b";
    private static final String CODE = "3f1e8c2a-7b4d-4e9f-a1c2-5d6e7f8a9b0c";
    private static final int MAX_CONTENT = ContentRules.DEFAULT_MAX_LENGTH;
    private static final S3Connection S3 = S3Connection.through(
            io.codelog.test.TestServers.s3().endpoint(), io.codelog.test.TestServers.s3(), ClientBudget.SHORT);
    private static final String BUCKET = S3.newBucket("codelog-hostile-input");
    private static final S3RequestCounter REQUESTS = S3.counter();
    private static final S3CodeLogRepository UNPREFIXED = storeIn("");
    private static final S3CodeLogRepository IDS = storeIn("ids");
    private static final S3CodeLogRepository LANDING = storeIn("landing");
    private static final S3CodeLogRepository TRUNCATING = contentStore(ContentPolicy.TRUNCATE);
    private static final S3CodeLogRepository REJECTING = contentStore(ContentPolicy.REJECT);
    private static final AtomicLong IDS_TRIED = new AtomicLong();
    private static final AtomicLong IDS_STORED = new AtomicLong();
    private static final AtomicLong CONTENTS_TRIED = new AtomicLong();
    private static final AtomicLong PREFIXES_TRIED = new AtomicLong();
    private static final AtomicLong PREFIXES_STORED = new AtomicLong();

    @AfterAll
    static void report() {
        System.out.printf(
                "Hostile input: %d ids (%d accepted and stored), %d contents, %d prefixes (%d accepted)%n",
                IDS_TRIED.get(), IDS_STORED.get(), CONTENTS_TRIED.get(), PREFIXES_TRIED.get(), PREFIXES_STORED.get());
        List.of(UNPREFIXED, IDS, LANDING, TRUNCATING, REJECTING).forEach(S3CodeLogRepository::close);
        S3.close();
    }

    @TestFactory
    Stream<DynamicTest> hostileIdsAreRefusedBeforeAnyRequest() {
        return Property.forAll(hostileIds()).tries(6_000).check(this::hostileIdIsRefusedBeforeAnyRequest);
    }

    private void hostileIdIsRefusedBeforeAnyRequest(String id) {
        IDS_TRIED.incrementAndGet();
        if (CodeLogIds.isObjectId(id) || CodeLogIds.isUuid(id)) {
            assertThat(UNPREFIXED.findById(id)).isEmpty();
            return;
        }
        S3CodeLogRepository store = IDS;
        Instant now = Instant.now();
        long before = REQUESTS.total();
        assertRefused(() -> store.findById(id));
        assertRefused(() -> store.update(id, "x"));
        assertRefused(() -> store.delete(id));
        assertRefused(() -> store.listRunLogs(id, null, 10, 1));
        assertRefused(() -> store.count(RUN, id));
        assertRefused(() -> store.create(CodeLog.of(id, CODE, LogType.INFO, "x")));
        assertRefused(() -> store.create(new CodeLog(id, RUN, CODE, LogType.INFO, "x", null, null)));
        assertRefused(() -> store.put(new CodeLog(id, RUN, CODE, LogType.ERROR, "x", now, now)));
        assertThat(REQUESTS.total()).as("requests made for a refused id").isEqualTo(before);
    }

    @TestFactory
    Stream<DynamicTest> idsThatPassValidationLandUnderThePrefix() {
        Generator<String> idLike = idLike();
        Generator<CodeLog> logs = random -> new CodeLog(
                idLike.next(random), idLike.next(random), idLike.next(random), LogType.DEBUG, "line", null, null);
        return Property.forAll(logs).tries(2_000).check(log -> {
            IDS_TRIED.addAndGet(3);
            S3CodeLogRepository store = LANDING;
            Optional<CodeLog> stored = storedOrRefused(() -> store.create(log));
            if (stored.isPresent()) {
                IDS_STORED.incrementAndGet();
                assertOnlyUnder("landing", stored.get());
                assertThat(store.findById(log.id())).contains(stored.get());
                clearBucket();
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> contentsReadBackIdenticalOrAreRefused() {
        Generator<String> contents = contents();
        Generator<ContentPolicy> policies = enums(ContentPolicy.class);
        Generator<ContentTry> tries = random -> new ContentTry(contents.next(random), policies.next(random));
        return Property.forAll(tries)
                .tries(1_000)
                .check(sample -> contentReadsBackIdenticalOrIsRefused(sample.content(), sample.policy()));
    }

    private void contentReadsBackIdenticalOrIsRefused(String content, ContentPolicy policy) {
        CONTENTS_TRIED.incrementAndGet();
        S3CodeLogRepository store = policy == ContentPolicy.REJECT ? REJECTING : TRUNCATING;
        Optional<CodeLog> stored = storedOrRefused(() -> store.create(CodeLog.of(RUN, CODE, LogType.INFO, content)));
        if (content.length() > MAX_CONTENT && policy == ContentPolicy.REJECT) {
            assertThat(stored).as("content over the limit under REJECT").isEmpty();
            return;
        }
        assertThat(stored).isPresent();
        String kept = stored.get().content();
        if (content.length() <= MAX_CONTENT) {
            assertThat(kept).isEqualTo(content);
        }
        assertThat(content).startsWith(kept);
        assertThat(kept.length()).isBetween(Math.min(content.length(), MAX_CONTENT - 1), MAX_CONTENT);
        assertThat(store.findById(stored.get().id())).contains(stored.get());
        clearBucket();
    }

    @TestFactory
    Stream<DynamicTest> prefixesAreRefusedOrHoldEveryKey() {
        return Property.forAll(prefixes()).tries(2_000).check(this::prefixIsRefusedOrHoldsEveryKey);
    }

    private void prefixIsRefusedOrHoldsEveryKey(String prefix) {
        PREFIXES_TRIED.incrementAndGet();
        S3CodeLogSettings settings;
        long before = REQUESTS.total();
        try {
            settings = S3CodeLogSettings.builder(BUCKET).prefix(prefix).build();
        } catch (IllegalArgumentException refused) {
            assertThat(REQUESTS.total()).isEqualTo(before);
            return;
        }
        PREFIXES_STORED.incrementAndGet();
        try (S3CodeLogRepository store = new S3CodeLogRepository(S3.client(), settings)) {
            CodeLog stored = store.create(CodeLog.of(RUN, CODE, LogType.INFO, "prefixed"));
            assertOnlyUnder(settings.prefix(), stored);
            assertThat(store.findById(stored.id())).contains(stored);
        }
        clearBucket();
    }

    private static Generator<String> hostileIds() {
        return oneOf(
                strings(Chars.all(), 0, 60),
                strings(Chars.range('\uD800', '\uDFFF'), 1, 30),
                strings(Chars.range('\u0000', '\u001f'), 0, 30),
                pieces(),
                mutated(validIds()),
                strings(Chars.of("0123456789abcdef/.%-"), 20, 40),
                strings(Chars.all(), 1_000, 20_000),
                elements("", " ", "..", "../", "/", "%2F", "..%2F..%2Fetc", "\u0000", "null"));
    }

    private static Generator<String> idLike() {
        return weighted(3, validIds()).or(1, mutated(validIds())).or(1, pieces());
    }

    private static Generator<String> contents() {
        return oneOf(
                strings(Chars.all(), 0, 200),
                strings(Chars.range('\uD800', '\uDFFF'), 0, 100),
                strings(Chars.all(), MAX_CONTENT - 10, MAX_CONTENT + 10),
                strings(Chars.all(), MAX_CONTENT + 1, 4 * MAX_CONTENT),
                joined(elements("", "\"", "\\", "\u0000", "\uD83D\uDE00", "\uD800", "</script>", "\u2028"), 0, 3_000));
    }

    private static Generator<String> prefixes() {
        Generator<String> segment = strings(Chars.range('a', 'z').and(Chars.of("0123456789._-")), 1, 12);
        Generator<String> validish = segment.list(1, 4).map(parts -> String.join("/", parts));
        return oneOf(
                validish,
                validish.map(p -> "/" + p + "/"),
                validish.map(p -> p + "/../escape"),
                validish.map(p -> p + "//double"),
                strings(Chars.all(), 0, 40),
                strings(Chars.of("/.%2Fab\\ "), 0, 30),
                strings(Chars.of("ab/"), 500, 600),
                elements("", "/", "..", ".", "a/./b", "%2F", "logs", "index", "a\u0000b"));
    }

    private static Generator<String> validIds() {
        Generator<String> objectIds = strings(Chars.of("0123456789abcdefABCDEF"), 24);
        Generator<String> uuids = random -> new UUID(random.nextLong(), random.nextLong()).toString();
        return oneOf(objectIds, uuids, uuids.map(String::toUpperCase));
    }

    /** An id with a hostile piece inserted at a position up to 36 (at its end when that is past it). */
    private static Generator<String> mutated(Generator<String> ids) {
        Generator<Integer> positions = integers(0, 36);
        Generator<String> inserts = elements("/", "..", "%2F", "\u0000", " ", "\n", "\uff10", "g", "-", "\\", "\uD800");
        return random -> {
            String id = ids.next(random);
            int position = Math.min(positions.next(random), id.length());
            return id.substring(0, position) + inserts.next(random) + id.substring(position);
        };
    }

    private static Generator<String> pieces() {
        return joined(
                elements("/", "..", ".", "%2F", "%2e%2e", "\\", "\u0000", "a", "f", "0", "-", "\u202e", "\uD83D"),
                0,
                40);
    }

    private static S3CodeLogRepository storeIn(String prefix) {
        return new S3CodeLogRepository(
                S3.client(), S3CodeLogSettings.builder(BUCKET).prefix(prefix).build());
    }

    private static S3CodeLogRepository contentStore(ContentPolicy policy) {
        return new S3CodeLogRepository(
                S3.client(),
                S3CodeLogSettings.builder(BUCKET)
                        .prefix("contents")
                        .rules(new CodeLogRules(
                                new ContentRules(MAX_CONTENT, policy), Clock.systemUTC(), IdGenerator.objectIds()))
                        .build());
    }

    /** The log as stored, or empty when refused: then no request was made. */
    private static Optional<CodeLog> storedOrRefused(Supplier<CodeLog> create) {
        long before = REQUESTS.total();
        try {
            return Optional.of(create.get());
        } catch (InvalidCodeLogException refused) {
            assertThat(REQUESTS.total()).as("requests made for refused input").isEqualTo(before);
            return Optional.empty();
        }
    }

    /** Every key in the bucket is this log's own key or its pointer, under the prefix. */
    private static void assertOnlyUnder(String prefix, CodeLog log) {
        String base = prefix.isEmpty() ? "" : prefix + "/";
        String day = log.createdAt()
                .atZone(java.time.ZoneOffset.UTC)
                .toLocalDate()
                .toString()
                .replace('-', '/');
        String logKey = base + "logs/" + day + "/" + log.runId() + "/" + log.codeId() + "/" + log.id() + ".json";
        assertThat(S3.keys(BUCKET, "")).containsExactlyInAnyOrder(logKey, base + "index/" + log.id() + ".json");
    }

    private static void assertRefused(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(InvalidCodeLogException.class);
    }

    private static void clearBucket() {
        List<ObjectIdentifier> keys = S3.keys(BUCKET, "").stream()
                .map(key -> ObjectIdentifier.builder().key(key).build())
                .toList();
        if (!keys.isEmpty()) {
            S3.client().deleteObjects(request -> request.bucket(BUCKET).delete(delete -> delete.objects(keys)));
        }
    }

    /** A content and the policy of the store it is written to. */
    private record ContentTry(String content, ContentPolicy policy) {}
}
