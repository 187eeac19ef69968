package io.codelog.acceptance;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A plain Spring Boot application with the codelog starter and nothing else, started as a service starts it:
 * configured only by its environment. {@link AcceptanceScript} runs every repository operation once and prints
 * one {@code codelog-acceptance {...}} line per step; the process exits 0 when every step ran, 1 otherwise.
 *
 * <p>Arguments: {@code <runId> <codeId> [paced]}; {@code paced} waits for a line {@code go} on standard input
 * before the script and before the clean step, so that a test can line several instances up.
 */
@SpringBootApplication
public class AcceptanceApplication {

    /** Prints which MongoDB classes load, runs the application and exits with its outcome. */
    public static void main(String[] args) {
        StepLine.of("classpath")
                .put("mongoClient", ClassPresence.loads("com.mongodb.client.MongoClient"))
                .put("mongoTemplate", ClassPresence.loads("org.springframework.data.mongodb.core.MongoTemplate"))
                .print();
        int exitCode;
        try {
            exitCode = SpringApplication.exit(SpringApplication.run(AcceptanceApplication.class, args));
        } catch (RuntimeException e) {
            // SpringApplication has reported it already: the failure analysis, or the stack trace of the run.
            exitCode = 1;
        }
        System.exit(exitCode);
    }
}
