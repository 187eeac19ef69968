package io.codelog.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import io.codelog.test.TestServers;
import io.codelog.testservers.S3TestServer;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Variables that cannot work stop start-up with Spring Boot's failure report, whose Description and Action name
 * the variable to fix (and the dependency to add, when one is missing), and never show a secret.
 */
@ExtendWith(TestServers.class)
@DisplayName("Misconfigured services fail start-up naming the variable")
class AcceptanceMisconfigurationTest {

    /** A MongoDB connection string with a password, as a deployment would set it; no server is reached. */
    private static final String MONGO_URI_WITH_PASSWORD =
            "mongodb://codelog:Mongo-Pa55word-acceptance@127.0.0.1:27017/code-actions";

    @RegisterExtension
    final ChildProcesses children = new ChildProcesses();

    /**
     * One mistake.
     *
     * @param title the test's name
     * @param classpath the application's class path
     * @param mongoJars whether the MongoDB jars are on it
     * @param variables the environment, given the S3 server's settings
     * @param named what the failure report must name
     */
    record Mistake(
            String title,
            Supplier<List<Path>> classpath,
            boolean mongoJars,
            Function<S3Place, Variables> variables,
            List<String> named) {
        @Override
        public String toString() {
            return title;
        }
    }

    static Stream<Mistake> mistakes() {
        return Stream.of(
                new Mistake(
                        "S3 enabled without a bucket",
                        ApplicationClasspath::full,
                        true,
                        place -> Variables.none()
                                .s3(place)
                                .unset("S3_BUCKET_NAME")
                                .set("S3_ENABLED", "true"),
                        List.of("FLOWS_CODE_ACTIONS_S3_BUCKET_NAME")),
                new Mistake(
                        "S3_ENABLED=yes please",
                        ApplicationClasspath::full,
                        true,
                        place -> Variables.none().s3(place).set("S3_ENABLED", "yes please"),
                        List.of("FLOWS_CODE_ACTIONS_S3_ENABLED")),
                new Mistake(
                        "MongoDB selected by an absent flag, codelog-mongo excluded",
                        ApplicationClasspath::withoutMongo,
                        false,
                        place -> Variables.none().mongoUri(MONGO_URI_WITH_PASSWORD),
                        List.of("FLOWS_CODE_ACTIONS_S3_ENABLED", "io.codelog:codelog-mongo")),
                new Mistake(
                        "MongoDB selected by S3_ENABLED=false, codelog-mongo excluded",
                        ApplicationClasspath::withoutMongo,
                        false,
                        place -> Variables.none()
                                .s3(place)
                                .mongoUri(MONGO_URI_WITH_PASSWORD)
                                .set("S3_ENABLED", "false"),
                        List.of("FLOWS_CODE_ACTIONS_S3_ENABLED", "io.codelog:codelog-mongo")),
                new Mistake(
                        "MODE=fallback, codelog-mongo excluded",
                        ApplicationClasspath::withoutMongo,
                        false,
                        place -> Variables.none()
                                .s3(place)
                                .mongoUri(MONGO_URI_WITH_PASSWORD)
                                .set("S3_ENABLED", "true")
                                .set("MODE", "fallback"),
                        List.of("FLOWS_CODE_ACTIONS_MODE", "io.codelog:codelog-mongo")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void failsStartUp(Mistake mistake, S3TestServer s3Server) {
        Variables variables = mistake.variables().apply(new S3Place(s3Server, "acceptance-unused", "codeactions"));
        String runId = ObjectIds.now();
        String codeId = ObjectIds.now();

        ChildApplication child = children.start("app", mistake.classpath().get(), variables, List.of(runId, codeId));
        String report = Outcomes.assertFailedToStart(child, variables);

        assertThat(report).as("the failure report").contains(mistake.named());
        ScriptRun run = ScriptRun.of(child);
        assertThat(run.mongoClientLoads()).as("MongoClient loads").isEqualTo(mistake.mongoJars());
        assertThat(run.mongoTemplateLoads()).as("MongoTemplate loads").isEqualTo(mistake.mongoJars());
    }
}
