package io.codelog.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import io.codelog.test.TestServers;
import io.codelog.testservers.EmbeddedS3Server;
import io.codelog.testservers.MongoTestServer;
import java.net.URI;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The seed design's "Environment Variables" block, verbatim but for where the servers are: the endpoint added
 * (the seed has none: it meant AWS) and MongoDB's host and port. The S3 server accepts the seed's own example
 * keys. S3 receives the logs; MongoDB, configured "for other data", holds the cleaner's lock and no log.
 */
@ExtendWith(TestServers.class)
@DisplayName("The seed's exact variable block")
class AcceptanceSeedBlockTest {

    private static final String ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE";
    private static final String SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final String BUCKET = "my-codeactions-logs";
    private static final String PREFIX = "codeactions";
    private static final String DATABASE = "code-actions";
    /** The variant's database: the two cases run at the same time on one MongoDB server. */
    private static final String ID_INDEX_DATABASE = "code-actions-id-index";

    @RegisterExtension
    final ChildProcesses children = new ChildProcesses();

    @Test
    @DisplayName("starts, writes to S3 under codeactions/, and locks the cleaner in MongoDB")
    void seedBlock(MongoTestServer mongoServer) {
        try (EmbeddedS3Server s3Server = EmbeddedS3Server.start(ACCESS_KEY_ID, SECRET_ACCESS_KEY);
                RawS3 s3 = new RawS3(s3Server);
                RawMongo mongo = new RawMongo(mongoServer.connectionString())) {
            GoWrittenLog old = prepare(s3, mongo, s3Server, DATABASE);
            Variables variables = seedBlock(mongoServer, s3Server, DATABASE);
            String runId = ObjectIds.now();
            String codeId = ObjectIds.now();

            ScriptRun run = runScript(variables, runId, codeId);

            StoredLogs stored = stored(s3, mongo, s3Server, mongoServer, DATABASE);
            stored.assertUpdatedInS3(run.idA(), runId, codeId);
            stored.assertNotInS3(run.idB());
            stored.assertNotInS3(old.id());
            stored.assertNoLogsInMongo();
            stored.assertLockInMongo();
        }
    }

    @Test
    @DisplayName("with FLOWS_CODE_ACTIONS_S3_ID_INDEX=mongo, keeps the S3 id index in that MongoDB: no pointer object")
    void seedBlockWithTheIdIndexInMongoDb(MongoTestServer mongoServer) {
        try (EmbeddedS3Server s3Server = EmbeddedS3Server.start(ACCESS_KEY_ID, SECRET_ACCESS_KEY);
                RawS3 s3 = new RawS3(s3Server);
                RawMongo mongo = new RawMongo(mongoServer.connectionString())) {
            GoWrittenLog old = prepare(s3, mongo, s3Server, ID_INDEX_DATABASE);
            Variables variables =
                    seedBlock(mongoServer, s3Server, ID_INDEX_DATABASE).set("S3_ID_INDEX", "mongo");
            String runId = ObjectIds.now();
            String codeId = ObjectIds.now();

            ScriptRun run = runScript(variables, runId, codeId);

            StoredLogs stored = stored(s3, mongo, s3Server, mongoServer, ID_INDEX_DATABASE);
            stored.assertUpdatedInS3(run.idA(), runId, codeId);
            stored.assertNotInS3(run.idB());
            stored.assertNotInS3(old.id());
            stored.assertNoLogsInMongo();
            assertThat(s3.keys(BUCKET, PREFIX + "/index/"))
                    .as("pointer objects")
                    .isEmpty();
            List<Document> entries = mongo.all(ID_INDEX_DATABASE, "codelog_id_index");
            assertThat(entries)
                    .as("entries of %s.codelog_id_index: A's, B's deleted with it", ID_INDEX_DATABASE)
                    .singleElement()
                    .satisfies(entry -> {
                        assertThat(entry.get("_id")).isEqualTo(run.idA());
                        assertThat(entry.getString("key"))
                                .startsWith(PREFIX + "/logs/")
                                .endsWith("/" + runId + "/" + codeId + "/" + run.idA() + ".json");
                    });
        }
    }

    private static GoWrittenLog prepare(RawS3 s3, RawMongo mongo, EmbeddedS3Server s3Server, String database) {
        s3.createBucket(BUCKET);
        mongo.drop(database);
        GoWrittenLog old = GoWrittenLog.writtenDaysAgo(40, "written by the Go service");
        old.writeTo(s3, new S3Place(s3Server, BUCKET, PREFIX));
        return old;
    }

    /** The seed's block, verbatim but for the servers' addresses (and the database of the variant). */
    private static Variables seedBlock(MongoTestServer mongoServer, EmbeddedS3Server s3Server, String database) {
        URI mongoAddress = URI.create(mongoServer.connectionString());
        return Variables.none()
                .set("S3_ENABLED", "true")
                .set("S3_REGION", "us-east-1")
                .set("S3_BUCKET_NAME", BUCKET)
                .secret("S3_ACCESS_KEY_ID", ACCESS_KEY_ID)
                .secret("S3_SECRET_ACCESS_KEY", SECRET_ACCESS_KEY)
                .set("S3_PREFIX", PREFIX)
                .mongoUri("mongodb://localhost:27017"
                        .replace("localhost:27017", mongoAddress.getHost() + ":" + mongoAddress.getPort()))
                .set("MONGO_DB_NAME", database)
                .set("S3_ENDPOINT", s3Server.endpoint().toString());
    }

    /** Runs the script in an application of its own configured by the variables; every step as expected. */
    private ScriptRun runScript(Variables variables, String runId, String codeId) {
        ChildApplication child = children.start("app", ApplicationClasspath.full(), variables, List.of(runId, codeId));
        ScriptRun run = Outcomes.assertRan(child, variables);
        run.assertEveryStep(runId, codeId, 1);
        assertThat(run.clean()).as("the retention cleaner after deleteOlder").isEqualTo("cleaned 0");
        return run;
    }

    private static StoredLogs stored(
            RawS3 s3, RawMongo mongo, EmbeddedS3Server s3Server, MongoTestServer mongoServer, String database) {
        return new StoredLogs(
                s3,
                new S3Place(s3Server, BUCKET, PREFIX),
                mongo,
                new MongoPlace(mongoServer.connectionString(), database));
    }
}
