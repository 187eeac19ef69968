package io.codelog.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * A month of the S3 store at S3 Standard list prices, one line item per charge: storage of what is stored,
 * the PUTs of new logs (the object, and its id index pointer when the index is on), GETs and LISTs of reads.
 * Expiration by a lifecycle rule is free.
 *
 * @param storedBytes what the bucket holds under the store's prefix now
 * @param writesPerDay new logs per day
 * @param putsPerWrite PUT requests per new log
 * @param getsPerDay GET requests per day
 * @param listsPerDay LIST requests per day
 */
record MonthlyCost(long storedBytes, double writesPerDay, int putsPerWrite, long getsPerDay, long listsPerDay) {

    /** One charge of the month. */
    record LineItem(String name, String basis, double usd) {}

    /** The charges, in the order printed. */
    List<LineItem> items() {
        int days = S3StandardPrices.DAYS_PER_MONTH;
        List<LineItem> items = new ArrayList<>();
        items.add(new LineItem(
                "storage",
                HumanReadable.bytes(storedBytes) + " x "
                        + HumanReadable.unitPrice(S3StandardPrices.STORAGE_USD_PER_GB_MONTH) + " per GB-month",
                storedBytes / S3StandardPrices.BYTES_PER_GB * S3StandardPrices.STORAGE_USD_PER_GB_MONTH));
        double puts = writesPerDay * days * putsPerWrite;
        items.add(new LineItem(
                "PUT requests",
                HumanReadable.rate(writesPerDay) + " logs/day x " + days + " days x " + putsPerWrite + " PUT = "
                        + HumanReadable.rate(puts) + " x " + HumanReadable.unitPrice(S3StandardPrices.PUT_USD_PER_1000)
                        + " per 1,000",
                puts / 1000 * S3StandardPrices.PUT_USD_PER_1000));
        long gets = getsPerDay * days;
        items.add(new LineItem(
                "GET requests",
                HumanReadable.count(getsPerDay) + "/day x " + days + " days = " + HumanReadable.count(gets) + " x "
                        + HumanReadable.unitPrice(S3StandardPrices.GET_USD_PER_1000) + " per 1,000",
                gets / 1000.0 * S3StandardPrices.GET_USD_PER_1000));
        long lists = listsPerDay * days;
        items.add(new LineItem(
                "LIST requests",
                HumanReadable.count(listsPerDay) + "/day x " + days + " days = " + HumanReadable.count(lists) + " x "
                        + HumanReadable.unitPrice(S3StandardPrices.PUT_USD_PER_1000) + " per 1,000",
                lists / 1000.0 * S3StandardPrices.PUT_USD_PER_1000));
        items.add(new LineItem("expiration", "deletes by a lifecycle rule are free", 0));
        return items;
    }

    /** The sum of the line items. */
    double totalUsd() {
        return items().stream().mapToDouble(LineItem::usd).sum();
    }
}
