package io.codelog.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The day-by-day table of {@code codelog stats}, with a total row. */
final class StatsTable {

    private static final String ROW = "%-10s %12s %12s %12s%n";

    private final PrintWriter out;
    private final boolean mongo;
    private final boolean s3;
    private long mongoTotal;
    private long s3Total;

    StatsTable(PrintWriter out, boolean mongo, boolean s3) {
        this.out = out;
        this.mongo = mongo;
        this.s3 = s3;
    }

    void header() {
        out.printf(
                Locale.ROOT, ROW, "UTC day", mongo ? "MongoDB" : "", s3 ? "S3" : "", mongo && s3 ? "S3-MongoDB" : "");
    }

    /** One day; a null count is a store not counted. */
    void row(String day, @Nullable Long inMongo, @Nullable Long inS3) {
        mongoTotal += inMongo == null ? 0 : inMongo;
        s3Total += inS3 == null ? 0 : inS3;
        print(day, inMongo, inS3);
    }

    void total() {
        print("total", mongo ? mongoTotal : null, s3 ? s3Total : null);
    }

    private void print(String label, @Nullable Long inMongo, @Nullable Long inS3) {
        String difference = inMongo != null && inS3 != null ? signed(inS3 - inMongo) : "";
        out.printf(Locale.ROOT, ROW, label, text(inMongo), text(inS3), difference);
    }

    private static String text(@Nullable Long count) {
        return count == null ? "" : HumanReadable.count(count);
    }

    private static String signed(long value) {
        return value > 0 ? "+" + HumanReadable.count(value) : HumanReadable.count(value);
    }
}
