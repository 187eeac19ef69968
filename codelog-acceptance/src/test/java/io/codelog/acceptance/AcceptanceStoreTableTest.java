package io.codelog.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import io.codelog.test.TestServers;
import io.codelog.testservers.MongoTestServer;
import io.codelog.testservers.S3TestServer;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every row of docs/configuration.md's "Which store" table, and the flag left out altogether, in a plain
 * application configured only by variables. Both stores' variables are set in every row, as the seed's block
 * sets them, so that plain clients can tell which store received the logs and that the other did not.
 */
@ExtendWith(TestServers.class)
@DisplayName("configuration.md's \"Which store\" table, row by row, in a plain application")
class AcceptanceStoreTableTest {

    @RegisterExtension
    final ChildProcesses children = new ChildProcesses();

    /**
     * One row of the table.
     *
     * @param title what the row sets and expects, as the test's name
     * @param s3Enabled {@code FLOWS_CODE_ACTIONS_S3_ENABLED}, or null to leave it out
     * @param mode {@code FLOWS_CODE_ACTIONS_MODE}, or null to leave it out
     * @param primary the store new logs go to
     * @param copyInOther whether the other store gets a copy of every write (dual-write)
     * @param otherBuilt whether the other store is built at all
     */
    record TableRow(
            String title, String s3Enabled, String mode, Store primary, boolean copyInOther, boolean otherBuilt) {
        @Override
        public String toString() {
            return title;
        }
    }

    static Stream<TableRow> rows() {
        return Stream.of(
                new TableRow(
                        "S3_ENABLED=false, no MODE (single): logs in MongoDB, S3 not built",
                        "false",
                        null,
                        Store.MONGO,
                        false,
                        false),
                new TableRow(
                        "no S3_ENABLED at all, no MODE: logs in MongoDB, S3 not built",
                        null,
                        null,
                        Store.MONGO,
                        false,
                        false),
                new TableRow(
                        "S3_ENABLED=true, MODE=single: logs in S3, MongoDB store not built",
                        "true",
                        "single",
                        Store.S3,
                        false,
                        false),
                new TableRow(
                        "S3_ENABLED=true, MODE=fallback: logs in S3, MongoDB read after it",
                        "true",
                        "fallback",
                        Store.S3,
                        false,
                        true),
                new TableRow(
                        "S3_ENABLED=false, MODE=fallback: logs in MongoDB, S3 read after it",
                        "false",
                        "fallback",
                        Store.MONGO,
                        false,
                        true),
                new TableRow(
                        "S3_ENABLED=true, MODE=dual-write: logs in S3, copies in MongoDB",
                        "true",
                        "dual-write",
                        Store.S3,
                        true,
                        true),
                new TableRow(
                        "S3_ENABLED=false, MODE=dual-write: logs in MongoDB, copies in S3",
                        "false",
                        "dual-write",
                        Store.MONGO,
                        true,
                        true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void row(TableRow row, MongoTestServer mongoServer, S3TestServer s3Server) {
        try (RawS3 s3 = new RawS3(s3Server);
                RawMongo mongo = new RawMongo(mongoServer.connectionString())) {
            S3Place s3Place = new S3Place(s3Server, s3.newBucket("acceptance-table"), "codeactions");
            MongoPlace mongoPlace = new MongoPlace(mongoServer.connectionString(), RawMongo.newDatabaseName());
            GoWrittenLog old = GoWrittenLog.writtenDaysAgo(40, "written by the Go service");
            if (row.primary() == Store.S3) {
                old.writeTo(s3, s3Place);
            } else {
                old.writeTo(mongo, mongoPlace);
            }
            Variables variables = Variables.none().s3(s3Place).mongo(mongoPlace);
            if (row.s3Enabled() != null) {
                variables.set("S3_ENABLED", row.s3Enabled());
            }
            if (row.mode() != null) {
                variables.set("MODE", row.mode());
            }
            String runId = ObjectIds.now();
            String codeId = ObjectIds.now();

            ChildApplication child =
                    children.start("app", ApplicationClasspath.full(), variables, List.of(runId, codeId));
            ScriptRun run = Outcomes.assertRan(child, variables);

            run.assertEveryStep(runId, codeId, 1);
            assertThat(run.clean())
                    .as("the retention cleaner after deleteOlder")
                    .isEqualTo("cleaned 0");
            StoredLogs stored = new StoredLogs(s3, s3Place, mongo, mongoPlace);
            for (Store store : Store.values()) {
                boolean holdsA = store == row.primary() || row.copyInOther();
                if (store == Store.S3) {
                    if (holdsA) {
                        stored.assertUpdatedInS3(run.idA(), runId, codeId);
                    } else {
                        stored.assertNotInS3(run.idA());
                    }
                    stored.assertNotInS3(run.idB());
                    stored.assertNotInS3(old.id());
                } else {
                    if (holdsA) {
                        stored.assertUpdatedInMongo(run.idA(), runId, codeId);
                    } else {
                        stored.assertNotInMongo(run.idA());
                    }
                    stored.assertNotInMongo(run.idB());
                    stored.assertNotInMongo(old.id());
                }
            }
            if (!row.otherBuilt()) {
                if (row.primary() == Store.MONGO) {
                    stored.assertS3Untouched();
                } else {
                    stored.assertNoLogsInMongo();
                }
            }
            if (row.copyInOther()) {
                stored.assertNoDualWriteFailures();
            }
            stored.assertLockInMongo();
        }
    }
}
