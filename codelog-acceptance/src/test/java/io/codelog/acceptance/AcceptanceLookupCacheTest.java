package io.codelog.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import io.codelog.test.TestServers;
import io.codelog.testservers.S3TestServer;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code FLOWS_CODE_ACTIONS_S3_LOOKUP_CACHE_TTL} reaches the S3 store of a plain application: a lookup that missed
 * lists the id's days, and a log the Go service writes there just after is found at once with a time to live of
 * zero, and not yet with one of a minute (the second lookup is answered by the first one's listing).
 */
@ExtendWith(TestServers.class)
@DisplayName("S3 lookup cache time to live, set by its variable")
class AcceptanceLookupCacheTest {

    @RegisterExtension
    final ChildProcesses children = new ChildProcesses();

    @ParameterizedTest(name = "FLOWS_CODE_ACTIONS_S3_LOOKUP_CACHE_TTL={0}: a log written after a miss is found: {1}")
    @CsvSource({"0s, true", "60s, false"})
    void aMissIsRememberedForTheTimeToLive(String ttl, boolean foundAfterWrite, S3TestServer s3Server) {
        try (RawS3 s3 = new RawS3(s3Server)) {
            S3Place place = new S3Place(s3Server, s3.newBucket("acceptance-lookup"), "codeactions");
            Variables variables =
                    Variables.none().s3(place).set("S3_ENABLED", "true").set("S3_LOOKUP_CACHE_TTL", ttl);
            GoWrittenLog log = GoWrittenLog.writtenDaysAgo(0, "written by the Go service after the miss");

            ChildApplication child = children.start(
                    "lookup-" + ttl,
                    ApplicationClasspath.full(),
                    variables,
                    List.of(AcceptanceScript.LOOKUP, log.id()));
            child.awaitGate("second lookup");
            log.writeTo(s3, place);
            child.go();
            ScriptRun run = Outcomes.assertRan(child, variables);

            assertThat(run.lookupFound("before"))
                    .as("the lookup before the write")
                    .isFalse();
            assertThat(run.lookupFound("after"))
                    .as("the lookup after the write")
                    .isEqualTo(foundAfterWrite);
        }
    }
}
