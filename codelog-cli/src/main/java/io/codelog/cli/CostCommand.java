package io.codelog.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code codelog cost}: a monthly estimate of the S3 store from measured sizes and counts. */
@Command(
        name = "cost",
        header = "Monthly S3 cost estimate from measured sizes and counts.",
        description = {
            "Estimates a month of the S3 store at S3 Standard list prices (us-east-1): storage of what the store"
                    + " holds now, PUTs of new logs, GETs and LISTs of reads. Sizes and counts are measured by listing"
                    + " the store's keys (1 LIST per 1,000 objects, no object read); writes per day are measured"
                    + " from the last complete days unless given."
        })
final class CostCommand implements Callable<Integer> {

    @ParentCommand
    private CodelogCommand root;

    @Option(
            names = "--writes-per-day",
            paramLabel = "N",
            description = "New logs per day (default: measured from the key days of the last --measure-days).")
    private Long writesPerDay;

    @Option(
            names = "--measure-days",
            paramLabel = "N",
            defaultValue = "7",
            description = "Complete UTC days before today that measure the writes per day (default: ${DEFAULT-VALUE}).")
    private int measureDays;

    @Option(
            names = "--gets-per-day",
            paramLabel = "N",
            defaultValue = "0",
            description =
                    "GET requests per day of the service's reads; a lookup by id is 2 (default: ${DEFAULT-VALUE}).")
    private long getsPerDay;

    @Option(
            names = "--lists-per-day",
            paramLabel = "N",
            defaultValue = "0",
            description = "LIST requests per day of the service's listings and counts (default: ${DEFAULT-VALUE}).")
    private long listsPerDay;

    @Override
    public Integer call() {
        if (measureDays < 1) {
            throw new CliUsageException("--measure-days must be 1 or more, was " + measureDays + ".");
        }
        if (writesPerDay != null && writesPerDay < 0 || getsPerDay < 0 || listsPerDay < 0) {
            throw new CliUsageException("--writes-per-day, --gets-per-day and --lists-per-day must be 0 or more.");
        }
        S3CommandConnection s3 = root.s3("cost");
        PrintWriter out = root.context().out();
        out.println("cost " + s3.describe() + " (S3 Standard, us-east-1 list prices; a month is "
                + S3StandardPrices.DAYS_PER_MONTH + " days)");
        BucketInventory inventory = BucketInventory.measure(s3);
        out.println("measured by listing " + HumanReadable.count(inventory.logs() + inventory.index()) + " objects in "
                + HumanReadable.count(inventory.listRequests()) + " ListObjectsV2 requests:");
        out.printf(
                Locale.ROOT,
                "  %-10s %12s objects %10s  average %s%n",
                "logs",
                HumanReadable.count(inventory.logs()),
                HumanReadable.bytes(inventory.logBytes()),
                HumanReadable.bytes(inventory.averageLogBytes()));
        out.printf(
                Locale.ROOT,
                "  %-10s %12s objects %10s  average %s%n",
                "id index",
                HumanReadable.count(inventory.index()),
                HumanReadable.bytes(inventory.indexBytes()),
                HumanReadable.bytes(inventory.averageIndexBytes()));
        double writes = writesPerDay != null ? writesPerDay : measuredWrites(inventory, out);
        if (writesPerDay != null) {
            out.println("  writes per day: " + HumanReadable.count(writesPerDay) + " (given)");
        }
        int putsPerWrite = s3.settings().idIndex().putsPerWrite();
        MonthlyCost cost = new MonthlyCost(
                inventory.logBytes() + inventory.indexBytes(), writes, putsPerWrite, getsPerDay, listsPerDay);
        out.println("monthly estimate:");
        for (MonthlyCost.LineItem item : cost.items()) {
            out.printf(Locale.ROOT, "  %-14s %-72s %12s%n", item.name(), item.basis(), HumanReadable.usd(item.usd()));
        }
        out.printf(Locale.ROOT, "  %-14s %-72s %12s%n", "total", "", HumanReadable.usd(cost.totalUsd()));
        printSteadyState(out, inventory, writes, putsPerWrite);
        return ExitCode.OK;
    }

    private double measuredWrites(BucketInventory inventory, PrintWriter out) {
        LocalDate today = LocalDate.ofInstant(root.context().clock().instant(), ZoneOffset.UTC);
        LocalDate first = today.minusDays(measureDays);
        double writes = inventory.logsBetween(first, today) / (double) measureDays;
        out.println("  writes per day: " + HumanReadable.rate(writes) + " (average of the " + measureDays
                + " complete UTC days " + first + ".." + today.minusDays(1) + ", by the day in the key"
                + (writes == 0 ? "; none found: give --writes-per-day" : "") + ")");
        return writes;
    }

    /** With the retention period applied (cleaner or lifecycle rule), storage stops growing at this size. */
    private void printSteadyState(PrintWriter out, BucketInventory inventory, double writes, int putsPerWrite) {
        Duration retention = root.settings().cleaner().getRetentionPeriod();
        long days = Math.max(1, retention.toDays());
        double perLog = inventory.averageLogBytes() + (putsPerWrite == 2 ? inventory.averageIndexBytes() : 0);
        double bytes = writes * days * perLog;
        out.println("at the " + days + "-day retention (codelog.cleaner.retention-period) storage levels off at "
                + HumanReadable.bytes(bytes) + " = "
                + HumanReadable.usd(bytes / S3StandardPrices.BYTES_PER_GB * S3StandardPrices.STORAGE_USD_PER_GB_MONTH)
                + " per month");
    }
}
