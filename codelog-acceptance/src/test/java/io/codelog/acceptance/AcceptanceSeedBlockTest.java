package io.codelog.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import io.codelog.test.EmbeddedS3Server;
import io.codelog.test.MongoTestServer;
import io.codelog.test.TestServers;
import java.net.URI;
import java.util.List;
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

    @RegisterExtension
    final ChildProcesses children = new ChildProcesses();

    @Test
    @DisplayName("starts, writes to S3 under codeactions/, and locks the cleaner in MongoDB")
    void seedBlock(MongoTestServer mongoServer) {
        try (EmbeddedS3Server s3Server = EmbeddedS3Server.start(ACCESS_KEY_ID, SECRET_ACCESS_KEY);
                RawS3 s3 = new RawS3(s3Server);
                RawMongo mongo = new RawMongo(mongoServer.connectionString())) {
            s3.createBucket(BUCKET);
            mongo.drop(DATABASE);
            S3Place s3Place = new S3Place(s3Server, BUCKET, PREFIX);
            MongoPlace mongoPlace = new MongoPlace(mongoServer.connectionString(), DATABASE);
            GoWrittenLog old = GoWrittenLog.writtenDaysAgo(40, "written by the Go service");
            old.writeTo(s3, s3Place);
            URI mongoAddress = URI.create(mongoServer.connectionString());
            Variables variables = Variables.none()
                    .set("S3_ENABLED", "true")
                    .set("S3_REGION", "us-east-1")
                    .set("S3_BUCKET_NAME", BUCKET)
                    .secret("S3_ACCESS_KEY_ID", ACCESS_KEY_ID)
                    .secret("S3_SECRET_ACCESS_KEY", SECRET_ACCESS_KEY)
                    .set("S3_PREFIX", PREFIX)
                    .mongoUri("mongodb://localhost:27017"
                            .replace("localhost:27017", mongoAddress.getHost() + ":" + mongoAddress.getPort()))
                    .set("MONGO_DB_NAME", DATABASE)
                    .set("S3_ENDPOINT", s3Server.endpoint().toString());
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
            stored.assertUpdatedInS3(run.idA(), runId, codeId);
            stored.assertNotInS3(run.idB());
            stored.assertNotInS3(old.id());
            stored.assertNoLogsInMongo();
            stored.assertLockInMongo();
        }
    }
}
