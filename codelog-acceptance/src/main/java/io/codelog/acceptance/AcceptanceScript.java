package io.codelog.acceptance;

import io.codelog.autoconfigure.CodeLogRetentionCleaner;
import io.codelog.core.CodeLog;
import io.codelog.core.CodeLogRepository;
import io.codelog.core.LogType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Runs every {@link CodeLogRepository} operation once on the run and code of the program arguments, then the
 * retention cleaner, printing one {@link StepLine} per step; or, with {@code lookup <id>}, looks one id up before and
 * after a go-ahead. It reports what happened and leaves judging it to
 * the test; any exception fails the run.
 */
@Component
class AcceptanceScript implements ApplicationRunner {

    /** The content of log A before its update, and after. */
    static final String CONTENT_A = "log A";

    static final String UPDATED = "updated";
    static final String CONTENT_B = "log B";
    static final Duration RETENTION = Duration.ofDays(30);
    static final long DELETE_OLDER_LIMIT = 1000;
    static final String LOOKUP = "lookup";

    private final CodeLogRepository repository;
    private final ObjectProvider<CodeLogRetentionCleaner> cleaner;

    AcceptanceScript(CodeLogRepository repository, ObjectProvider<CodeLogRetentionCleaner> cleaner) {
        this.repository = repository;
        this.cleaner = cleaner;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        List<String> args = arguments.getNonOptionArgs();
        if (args.size() == 2 && LOOKUP.equals(args.get(0))) {
            lookUpTwice(args.get(1));
            return;
        }
        if (args.size() < 2 || args.size() > 3 || (args.size() == 3 && !"paced".equals(args.get(2)))) {
            throw new IllegalArgumentException("arguments: <runId> <codeId> [paced] | lookup <id>, got " + args);
        }
        String runId = args.get(0);
        String codeId = args.get(1);
        Gate gate = args.size() == 3 ? Gate.standardInput() : Gate.open();

        StepLine.of("repository").put("type", repository.getClass().getName()).print();
        gate.await("script");
        CodeLog a = repository.create(CodeLog.of(runId, codeId, LogType.INFO, CONTENT_A));
        printLog("create", "A", a);
        CodeLog b = repository.create(CodeLog.of(runId, codeId, LogType.INFO, CONTENT_B));
        printLog("create", "B", b);
        repository
                .findById(a.id())
                .ifPresentOrElse(
                        found -> printLog("findById", "A", found),
                        () -> StepLine.of("findById")
                                .put("label", "A")
                                .put("found", false)
                                .print());
        StepLine.of("listRunLogs")
                .put(
                        "ids",
                        repository.listRunLogs(runId, null, 50, 1).stream()
                                .map(CodeLog::id)
                                .toList())
                .print();
        printLog("update", "A", repository.update(a.id(), UPDATED));
        StepLine.of("count").put("count", repository.count(runId, null)).print();
        StepLine.of("delete")
                .put("id", b.id())
                .put("deleted", repository.delete(b.id()))
                .print();
        Instant cutoff = Instant.now().minus(RETENTION);
        StepLine.of("deleteOlder")
                .put("cutoff", cutoff.toString())
                .put("deleted", repository.deleteOlder(cutoff, DELETE_OLDER_LIMIT))
                .print();
        gate.await("clean");
        StepLine.of("clean").put("result", clean()).print();
        StepLine.of("done").print();
    }

    /**
     * Looks an id up, waits for the go-ahead on standard input, and looks it up again: the test writes the log as
     * another service would in between, and the second answer shows how long a miss is remembered.
     */
    private void lookUpTwice(String id) {
        Gate gate = Gate.standardInput();
        StepLine.of(LOOKUP)
                .put("label", "before")
                .put("found", repository.findById(id).isPresent())
                .print();
        gate.await("second lookup");
        StepLine.of(LOOKUP)
                .put("label", "after")
                .put("found", repository.findById(id).isPresent())
                .print();
        StepLine.of("done").print();
    }

    /** {@code cleaned N}, {@code skipped} when another instance holds the lock, or {@code no cleaner}. */
    private String clean() {
        CodeLogRetentionCleaner retention = cleaner.getIfAvailable();
        if (retention == null) {
            return "no cleaner";
        }
        OptionalLong deleted = retention.clean();
        return deleted.isPresent() ? "cleaned " + deleted.getAsLong() : "skipped";
    }

    private static void printLog(String step, String label, CodeLog log) {
        StepLine.of(step)
                .put("label", label)
                .put("found", true)
                .put("id", log.id())
                .put("runId", log.runId())
                .put("codeId", log.codeId())
                .put("type", log.type().wireName())
                .put("content", log.content())
                .put("createdAt", String.valueOf(log.createdAt()))
                .put("updatedAt", String.valueOf(log.updatedAt()))
                .print();
    }
}
