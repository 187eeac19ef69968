package io.codelog.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code codelog stats}: logs per UTC day in each store, side by side. */
@Command(
        name = "stats",
        header = "Logs per UTC day in each store.",
        description = {
            "Prints the logs of each UTC day in MongoDB (a count query on created_at) and in S3 (keys listed under"
                    + " the day's prefix, no object read), and their difference."
        })
final class StatsCommand implements Callable<Integer> {

    private static final int DEFAULT_DAYS = 30;

    /** Which stores to count. */
    enum Stores {
        BOTH,
        MONGO,
        S3
    }

    @ParentCommand
    private CodelogCommand root;

    @Option(
            names = "--from",
            paramLabel = "yyyy-MM-dd",
            description = "First UTC day (default: " + DEFAULT_DAYS + " days before --to).")
    private @Nullable LocalDate from;

    @Option(names = "--to", paramLabel = "yyyy-MM-dd", description = "Last UTC day, included (default: today).")
    private @Nullable LocalDate to;

    @Option(
            names = "--store",
            paramLabel = "STORE",
            defaultValue = "both",
            description = "both, mongo or s3 (default: ${DEFAULT-VALUE}).")
    private Stores stores;

    @Override
    public Integer call() {
        LocalDate last =
                to != null ? to : LocalDate.ofInstant(root.context().clock().instant(), ZoneOffset.UTC);
        LocalDate first = from != null ? from : last.minusDays(DEFAULT_DAYS - 1L);
        DayRangeOptions.checked(first, last);
        S3CommandConnection s3 = stores == Stores.MONGO ? null : root.s3("stats");
        MongoCommandConnection mongo = stores == Stores.S3 ? null : root.mongo("stats");
        long listsBefore = s3 == null ? 0 : s3.counter().count("ListObjectsV2");
        MongoDayCounts mongoCounts = mongo == null ? null : new MongoDayCounts(mongo);
        S3DayCounts s3Counts = s3 == null ? null : new S3DayCounts(s3);

        PrintWriter out = root.context().out();
        out.println("stats " + (mongo == null ? "" : mongo.describe()) + (mongo != null && s3 != null ? "; " : "")
                + (s3 == null ? "" : s3.describe()) + "; UTC days " + first + ".." + last);
        StatsTable table = new StatsTable(out, mongo != null, s3 != null);
        table.header();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            Long inMongo = mongoCounts == null ? null : mongoCounts.count(day);
            Long inS3 = s3Counts == null ? null : s3Counts.count(day).keys();
            table.row(day.toString(), inMongo, inS3);
        }
        table.total();
        if (mongoCounts != null) {
            out.println("MongoDB documents without a usable created_at (in no day): "
                    + HumanReadable.count(mongoCounts.undated()));
        }
        if (s3 != null) {
            out.println("S3 counts keys by the day in the key: the Go service dated keys by its local time, so logs"
                    + " near midnight may count a day off.");
        }
        out.println("requests: "
                + (mongoCounts == null ? "" : "MongoDB " + HumanReadable.count(mongoCounts.queries()) + " counts")
                + (mongoCounts != null && s3 != null ? ", " : "")
                + (s3 == null
                        ? ""
                        : "S3 " + HumanReadable.count(s3.counter().count("ListObjectsV2") - listsBefore)
                                + " ListObjectsV2"));
        return ExitCode.OK;
    }
}
