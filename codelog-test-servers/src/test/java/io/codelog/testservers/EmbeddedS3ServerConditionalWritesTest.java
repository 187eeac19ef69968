package io.codelog.testservers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The embedded s3proxy applies conditional writes atomically, as Amazon S3 does: of {@value #CONTENDERS} PUTs
 * with the same condition released together by a barrier, exactly one succeeds and the others get 412, in every
 * one of {@value #ROUNDS} rounds, on the in-memory store and on the filesystem store.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbeddedS3ServerConditionalWritesTest {

    private static final int CONTENDERS = 8;
    private static final int ROUNDS = 100;
    private static final int OK = 200;
    private static final int PRECONDITION_FAILED = 412;

    private final Map<String, Server> servers = new TreeMap<>();
    private final ExecutorService threads = Executors.newFixedThreadPool(CONTENDERS);

    /** One running s3proxy, a client of it and a bucket on it. */
    private record Server(EmbeddedS3Server server, S3Client client, String bucket) {}

    @BeforeAll
    void startServers() {
        servers.put("transient", connect(EmbeddedS3Server.start()));
        servers.put("filesystem", connect(EmbeddedS3Server.startOnDisk()));
    }

    @AfterAll
    void stopServers() {
        threads.shutdownNow();
        servers.values().forEach(server -> {
            server.client().close();
            server.server().close();
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"transient", "filesystem"})
    @DisplayName("If-None-Match: * on a new key: exactly one of the simultaneous PUTs creates it")
    void ifNoneMatchHasOneWinnerPerRound(String store) throws Exception {
        Server s3 = servers.get(store);
        assertOneWinnerPerRound(round -> race(s3, "create/" + round, null));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"transient", "filesystem"})
    @DisplayName("If-Match on one ETag: exactly one of the simultaneous PUTs replaces the object")
    void ifMatchHasOneWinnerPerRound(String store) throws Exception {
        Server s3 = servers.get(store);
        assertOneWinnerPerRound(round -> {
            String key = "update/" + round;
            return race(s3, key, put(s3, key, "original"));
        });
    }

    /** The statuses of one round's simultaneous PUTs. */
    @FunctionalInterface
    private interface Round {
        List<Integer> race(int round) throws Exception;
    }

    private static void assertOneWinnerPerRound(Round round) throws Exception {
        List<String> badRounds = new ArrayList<>();
        for (int number = 0; number < ROUNDS; number++) {
            List<Integer> statuses = round.race(number);
            if (!oneWinnerRestPreconditionFailed(statuses)) {
                badRounds.add("round " + number + ": " + statuses);
            }
        }
        assertThat(badRounds)
                .as("rounds of %d without exactly one winner and %d x 412, of %d", CONTENDERS, CONTENDERS - 1, ROUNDS)
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"transient", "filesystem"})
    @DisplayName("one request at a time: 412 on an existing key or a stale ETag, 404 for If-Match on a missing key")
    void singleRequests(String store) {
        Server s3 = servers.get(store);
        String first = put(s3, "single", "first");

        assertThat(status(() -> conditionalPut(s3, "single", null, "again"))).isEqualTo(PRECONDITION_FAILED);
        String second = conditionalPut(s3, "single", first, "second");
        assertThat(second).isNotEqualTo(first);
        assertThat(status(() -> conditionalPut(s3, "single", first, "stale"))).isEqualTo(PRECONDITION_FAILED);
        assertThat(s3.client()
                        .getObjectAsBytes(request -> request.bucket(s3.bucket()).key("single"))
                        .asUtf8String())
                .isEqualTo("second");

        assertThatThrownBy(() -> conditionalPut(s3, "missing", first, "x"))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchKey");
                });
        assertThat(status(() -> conditionalPut(s3, "created", null, "new"))).isEqualTo(OK);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"transient", "filesystem"})
    @DisplayName("the other writes of a key still work through the lock: multipart with If-None-Match, deletes")
    void otherWrites(String store) {
        Server s3 = servers.get(store);
        put(s3, "multipart", "there");
        String upload = s3.client()
                .createMultipartUpload(request -> request.bucket(s3.bucket()).key("multipart"))
                .uploadId();
        String part = s3.client()
                .uploadPart(
                        request -> request.bucket(s3.bucket())
                                .key("multipart")
                                .uploadId(upload)
                                .partNumber(1),
                        RequestBody.fromString("part"))
                .eTag();
        assertThat(status(() -> s3.client()
                        .completeMultipartUpload(request -> request.bucket(s3.bucket())
                                .key("multipart")
                                .uploadId(upload)
                                .ifNoneMatch("*")
                                .multipartUpload(parts -> parts.parts(CompletedPart.builder()
                                        .partNumber(1)
                                        .eTag(part)
                                        .build())))
                        .eTag()))
                .isEqualTo(PRECONDITION_FAILED);

        put(s3, "deleted/a", "a");
        put(s3, "deleted/b", "b");
        s3.client().deleteObject(request -> request.bucket(s3.bucket()).key("deleted/a"));
        s3.client()
                .deleteObjects(request ->
                        request.bucket(s3.bucket()).delete(delete -> delete.objects(id -> id.key("deleted/b"))));
        assertThat(s3.client()
                        .listObjectsV2(request -> request.bucket(s3.bucket()).prefix("deleted/"))
                        .contents())
                .isEmpty();
        assertThatThrownBy(() -> s3.client()
                        .headObject(request -> request.bucket(s3.bucket()).key("deleted/a")))
                .isInstanceOf(NoSuchKeyException.class);
    }

    /** The status of each contender's PUT, {@value #OK} for a success, in the order they were submitted. */
    private List<Integer> race(Server s3, String key, String ifMatch) throws Exception {
        CyclicBarrier start = new CyclicBarrier(CONTENDERS);
        List<Future<Integer>> puts = new ArrayList<>();
        for (int i = 0; i < CONTENDERS; i++) {
            String body = "contender " + i;
            puts.add(threads.submit(() -> {
                start.await(30, TimeUnit.SECONDS);
                return status(() -> conditionalPut(s3, key, ifMatch, body));
            }));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> put : puts) {
            statuses.add(put.get(60, TimeUnit.SECONDS));
        }
        return statuses;
    }

    private static boolean oneWinnerRestPreconditionFailed(List<Integer> statuses) {
        long winners = statuses.stream().filter(status -> status == OK).count();
        long preconditionFailed = statuses.stream()
                .filter(status -> status == PRECONDITION_FAILED)
                .count();
        return winners == 1 && preconditionFailed == CONTENDERS - 1;
    }

    /** A PUT with If-Match on the ETag, or If-None-Match: * without one; returns the new ETag. */
    private static String conditionalPut(Server s3, String key, String ifMatch, String body) {
        return s3.client()
                .putObject(
                        request -> {
                            request.bucket(s3.bucket()).key(key);
                            if (ifMatch != null) {
                                request.ifMatch(ifMatch);
                            } else {
                                request.ifNoneMatch("*");
                            }
                        },
                        RequestBody.fromString(body))
                .eTag();
    }

    private static String put(Server s3, String key, String body) {
        return s3.client()
                .putObject(request -> request.bucket(s3.bucket()).key(key), RequestBody.fromString(body))
                .eTag();
    }

    /** {@value #OK} when the request succeeds, else the status of the S3 error it failed with. */
    private static int status(Runnable request) {
        try {
            request.run();
            return OK;
        } catch (S3Exception e) {
            return e.statusCode();
        }
    }

    private static Server connect(EmbeddedS3Server server) {
        S3Client client = TestS3Clients.client(server);
        client.createBucket(request -> request.bucket("conditional"));
        return new Server(server, client, "conditional");
    }
}
