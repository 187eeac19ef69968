package io.codelog.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import io.codelog.test.TestServers;
import io.codelog.testservers.S3TestServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A service that uses S3 alone: no MongoDB variable, with and without the MongoDB jars. Two instances run on the
 * same bucket and prefix; their retention cleaners meet at the same moment, and the lock in the bucket lets
 * exactly one of them clean.
 *
 * <p>The instances are lined up through their gates, never by timing: both start together; the first runs its
 * script (its {@code deleteOlder} deletes the one old log seeded for it), then a second old log is seeded for the
 * second; then {@value #CLEAN_LOGS} more old logs, and both are let go to clean at once. With a cleaner batch of
 * one log, the winner holds the lock for {@value #CLEAN_LOGS} rounds of S3 requests while the other tries once.
 */
@ExtendWith(TestServers.class)
@DisplayName("S3 alone, two instances on one bucket")
class AcceptanceS3OnlyTest {

    private static final int CLEAN_LOGS = 40;

    @RegisterExtension
    final ChildProcesses children = new ChildProcesses();

    /**
     * How the service is built.
     *
     * @param title the test's name
     * @param classpath the application's class path
     * @param mongoJars whether the MongoDB jars are on it
     */
    record Build(String title, Supplier<List<Path>> classpath, boolean mongoJars) {
        @Override
        public String toString() {
            return title;
        }
    }

    static Stream<Build> builds() {
        return Stream.of(
                new Build("no MongoDB variable, MongoDB jars present", ApplicationClasspath::full, true),
                new Build("no MongoDB variable, codelog-mongo excluded", ApplicationClasspath::withoutMongo, false));
    }

    @ParameterizedTest(name = "{0}: both run, one cleans, the other skips, the lock is in the bucket")
    @MethodSource("builds")
    void twoInstances(Build build, S3TestServer s3Server) {
        try (RawS3 s3 = new RawS3(s3Server)) {
            S3Place place = new S3Place(s3Server, s3.newBucket("acceptance-s3only"), "codeactions");
            Variables variables =
                    Variables.none().s3(place).set("S3_ENABLED", "true").set("CLEANER_BATCH_SIZE", "1");
            List<String> firstIds = List.of(ObjectIds.now(), ObjectIds.now());
            List<String> secondIds = List.of(ObjectIds.now(), ObjectIds.now());
            GoWrittenLog oldForFirst = GoWrittenLog.writtenDaysAgo(40, "old, for the first");
            oldForFirst.writeTo(s3, place);

            ChildApplication first = children.start("first", build.classpath().get(), variables, paced(firstIds));
            ChildApplication second = children.start("second", build.classpath().get(), variables, paced(secondIds));
            first.awaitGate("script");
            second.awaitGate("script");
            first.go();
            first.awaitGate("clean");
            GoWrittenLog oldForSecond = GoWrittenLog.writtenDaysAgo(40, "old, for the second");
            oldForSecond.writeTo(s3, place);
            second.go();
            second.awaitGate("clean");
            List<GoWrittenLog> toClean = new ArrayList<>();
            for (int i = 0; i < CLEAN_LOGS; i++) {
                GoWrittenLog log = GoWrittenLog.writtenDaysAgo(35, "old, for the cleaner");
                log.writeTo(s3, place);
                toClean.add(log);
            }
            first.go();
            second.go();
            ScriptRun firstRun = Outcomes.assertRan(first, variables);
            ScriptRun secondRun = Outcomes.assertRan(second, variables);

            for (ScriptRun run : List.of(firstRun, secondRun)) {
                assertThat(run.mongoClientLoads()).as("MongoClient loads").isEqualTo(build.mongoJars());
                assertThat(run.mongoTemplateLoads()).as("MongoTemplate loads").isEqualTo(build.mongoJars());
            }
            firstRun.assertEveryStep(firstIds.get(0), firstIds.get(1), 1);
            secondRun.assertEveryStep(secondIds.get(0), secondIds.get(1), 1);
            assertThat(List.of(firstRun.clean(), secondRun.clean()))
                    .as("what the two cleaners did")
                    .containsExactlyInAnyOrder("cleaned " + CLEAN_LOGS, "skipped");
            StoredLogs stored = new StoredLogs(s3, place, null, null);
            stored.assertUpdatedInS3(firstRun.idA(), firstIds.get(0), firstIds.get(1));
            stored.assertUpdatedInS3(secondRun.idA(), secondIds.get(0), secondIds.get(1));
            stored.assertNotInS3(firstRun.idB());
            stored.assertNotInS3(secondRun.idB());
            stored.assertNotInS3(oldForFirst.id());
            stored.assertNotInS3(oldForSecond.id());
            toClean.forEach(log -> stored.assertNotInS3(log.id()));
            stored.assertLockInS3();
        }
    }

    private static List<String> paced(List<String> runAndCode) {
        return List.of(runAndCode.get(0), runAndCode.get(1), "paced");
    }
}
