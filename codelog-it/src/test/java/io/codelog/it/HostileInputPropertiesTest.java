package io.codelog.it;

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
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;

/**
 * Hostile ids, contents and prefixes against the real S3 store: each is refused before any request is made,
 * or it is stored under {@code {prefix}/logs/} (seen with a raw listing of the whole bucket) and reads back
 * identical. jqwik has no per-property timeout: every request is bounded by the client's call timeout and
 * the test JVM by surefire's fork timeout.
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

    @AfterContainer
    static void report() {
        System.out.printf(
                "Hostile input: %d ids (%d accepted and stored), %d contents, %d prefixes (%d accepted)%n",
                IDS_TRIED.get(), IDS_STORED.get(), CONTENTS_TRIED.get(), PREFIXES_TRIED.get(), PREFIXES_STORED.get());
        List.of(UNPREFIXED, IDS, LANDING, TRUNCATING, REJECTING).forEach(S3CodeLogRepository::close);
        S3.close();
    }

    @Property(tries = 6_000)
    void hostileIdsAreRefusedBeforeAnyRequest(@ForAll("hostileIds") String id) {
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

    @Property(tries = 2_000)
    void idsThatPassValidationLandUnderThePrefix(
            @ForAll("idLike") String id, @ForAll("idLike") String runId, @ForAll("idLike") String codeId) {
        IDS_TRIED.addAndGet(3);
        S3CodeLogRepository store = LANDING;
        CodeLog log = new CodeLog(id, runId, codeId, LogType.DEBUG, "line", null, null);
        Optional<CodeLog> stored = storedOrRefused(() -> store.create(log));
        if (stored.isPresent()) {
            IDS_STORED.incrementAndGet();
            assertOnlyUnder("landing", stored.get());
            assertThat(store.findById(id)).contains(stored.get());
            clearBucket();
        }
    }

    @Property(tries = 1_000)
    void contentsReadBackIdenticalOrAreRefused(@ForAll("contents") String content, @ForAll ContentPolicy policy) {
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

    @Property(tries = 2_000)
    void prefixesAreRefusedOrHoldEveryKey(@ForAll("prefixes") String prefix) {
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

    @Provide
    Arbitrary<String> hostileIds() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(60),
                Arbitraries.strings()
                        .withCharRange('\uD800', '\uDFFF')
                        .ofMinLength(1)
                        .ofMaxLength(30),
                Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMaxLength(30),
                pieces(),
                mutated(validIds()),
                Arbitraries.strings()
                        .withChars("0123456789abcdef/.%-")
                        .ofMinLength(20)
                        .ofMaxLength(40),
                Arbitraries.strings().ofMinLength(1_000).ofMaxLength(20_000),
                Arbitraries.of("", " ", "..", "../", "/", "%2F", "..%2F..%2Fetc", "\u0000", "null"));
    }

    @Provide
    Arbitrary<String> idLike() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, validIds()),
                net.jqwik.api.Tuple.of(1, mutated(validIds())),
                net.jqwik.api.Tuple.of(1, pieces()));
    }

    @Provide
    Arbitrary<String> contents() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(200),
                Arbitraries.strings().withCharRange('\uD800', '\uDFFF').ofMaxLength(100),
                Arbitraries.strings().all().ofMinLength(MAX_CONTENT - 10).ofMaxLength(MAX_CONTENT + 10),
                Arbitraries.strings().all().ofMinLength(MAX_CONTENT + 1).ofMaxLength(4 * MAX_CONTENT),
                Arbitraries.of("", "\"", "\\", "\u0000", "\uD83D\uDE00", "\uD800", "</script>", "\u2028")
                        .list()
                        .ofMaxSize(3_000)
                        .map(parts -> String.join("", parts)));
    }

    @Provide
    Arbitrary<String> prefixes() {
        Arbitrary<String> segment = Arbitraries.strings()
                .withCharRange('a', 'z')
                .withChars("0123456789._-")
                .ofMinLength(1)
                .ofMaxLength(12);
        Arbitrary<String> validish = segment.list().ofMinSize(1).ofMaxSize(4).map(parts -> String.join("/", parts));
        return Arbitraries.oneOf(
                validish,
                validish.map(p -> "/" + p + "/"),
                validish.map(p -> p + "/../escape"),
                validish.map(p -> p + "//double"),
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.strings().withChars("/.%2Fab\\ ").ofMaxLength(30),
                Arbitraries.strings().withChars("ab/").ofMinLength(500).ofMaxLength(600),
                Arbitraries.of("", "/", "..", ".", "a/./b", "%2F", "logs", "index", "a\u0000b"));
    }

    private static Arbitrary<String> validIds() {
        Arbitrary<String> objectIds =
                Arbitraries.strings().withChars("0123456789abcdefABCDEF").ofLength(24);
        Arbitrary<String> uuids =
                Arbitraries.randomValue(random -> new UUID(random.nextLong(), random.nextLong()).toString());
        return Arbitraries.oneOf(objectIds, uuids, uuids.map(String::toUpperCase));
    }

    private static Arbitrary<String> mutated(Arbitrary<String> ids) {
        return Combinators.combine(
                        ids,
                        Arbitraries.integers().between(0, 36),
                        Arbitraries.of("/", "..", "%2F", "\u0000", " ", "\n", "\uff10", "g", "-", "\\", "\uD800"))
                .as((id, at, insert) -> {
                    int position = Math.min(at, id.length());
                    return id.substring(0, position) + insert + id.substring(position);
                });
    }

    private static Arbitrary<String> pieces() {
        return Arbitraries.of("/", "..", ".", "%2F", "%2e%2e", "\\", "\u0000", "a", "f", "0", "-", "\u202e", "\uD83D")
                .list()
                .ofMaxSize(40)
                .map(parts -> String.join("", parts));
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
}
