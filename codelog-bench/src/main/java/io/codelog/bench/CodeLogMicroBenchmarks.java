package io.codelog.bench;

import io.codelog.core.CodeLog;
import io.codelog.core.CodeLogIds;
import io.codelog.core.CodeLogJson;
import io.codelog.core.CodeLogRules;
import io.codelog.core.LogType;
import io.codelog.s3.S3CodeLogSettings;
import io.codelog.s3.S3ObjectFormat;
import java.time.Instant;
import java.util.Optional;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * JMH micro benchmarks of the CPU work codelog adds to every request: the JSON form, id validation, the
 * preparation of a new log (validation, content limit, id and timestamps), and the S3 keys of a log.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
public class CodeLogMicroBenchmarks {

    private final CodeLogJson json = new CodeLogJson();
    private final CodeLogRules rules = CodeLogRules.defaults();
    private CodeLog log;
    private CodeLog newLog;
    private byte[] encoded;
    private String objectId;
    private String uuid;
    private S3ObjectFormat format;
    private String key;

    /** Makes one stored log of 400 characters of content and its JSON. */
    @Setup
    public void setUp() {
        SampleLogs samples = new SampleLogs(51);
        Instant now = Instant.parse("2025-06-15T12:00:00.123456Z");
        objectId = samples.newId(now);
        uuid = "3f1e8c2a-7b4d-4e9f-a1c2-5d6e7f8a9b0c";
        String content = samples.content();
        log = new CodeLog(objectId, samples.newId(now), uuid, LogType.INFO, content, now, now);
        newLog = CodeLog.of(log.runId(), log.codeId(), LogType.INFO, content);
        encoded = json.write(log);
        format = new S3ObjectFormat(S3CodeLogSettings.of("bench", "codeactions"));
        key = format.logKey(log);
    }

    /** Writes a stored log as JSON. */
    @Benchmark
    public byte[] jsonEncode() {
        return json.write(log);
    }

    /** Reads a stored log from JSON, ids and timestamps validated. */
    @Benchmark
    public CodeLog jsonDecode() {
        return json.read(encoded);
    }

    /** Validates an ObjectId. */
    @Benchmark
    public String requireValidObjectId() {
        return CodeLogIds.requireValid("id", objectId);
    }

    /** Validates a UUID. */
    @Benchmark
    public String requireValidUuid() {
        return CodeLogIds.requireValid("id", uuid);
    }

    /** Prepares a new log for create: ids checked, content limited, id and timestamps assigned. */
    @Benchmark
    public CodeLog prepareCreate() {
        return rules.prepareCreate(newLog);
    }

    /** Builds the object key of a stored log. */
    @Benchmark
    public String s3LogKey() {
        return format.logKey(log);
    }

    /** Builds the key of a log's id pointer. */
    @Benchmark
    public String s3IndexKey() {
        return format.indexKey(objectId);
    }

    /** Parses a listed object key back into its day and ids. */
    @Benchmark
    public Optional<S3ObjectFormat.ParsedKey> s3ParseKey() {
        return format.parse(key);
    }
}
