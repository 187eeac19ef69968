package io.codelog.migration;

/**
 * What a run's S3 requests and stored bytes cost at S3 Standard list prices (us-east-1): PUT, COPY, POST and
 * LIST $0.005 per 1,000, GET and HEAD $0.0004 per 1,000, DeleteObjects free, storage $0.023 per GB-month.
 *
 * @param putClassRequests PUT and LIST requests
 * @param getClassRequests GET and HEAD requests
 * @param storedBytes the bytes of the objects written (log bodies and id index pointers)
 * @param requestsUsd the price of the requests in US dollars
 * @param storageUsdPerMonth the price of keeping the stored bytes for one month in US dollars
 */
public record CostEstimate(
        long putClassRequests, long getClassRequests, long storedBytes, double requestsUsd, double storageUsdPerMonth) {

    /** US dollars per 1,000 PUT, COPY, POST or LIST requests. */
    public static final double PUT_USD_PER_1000 = 0.005;
    /** US dollars per 1,000 GET or HEAD requests. */
    public static final double GET_USD_PER_1000 = 0.0004;
    /** US dollars per GB (2^30 bytes) stored for a month. */
    public static final double STORAGE_USD_PER_GB_MONTH = 0.023;

    private static final double BYTES_PER_GB = 1024.0 * 1024 * 1024;

    /** The price of these requests and bytes. */
    public static CostEstimate of(RequestCounts requests, long storedBytes) {
        long puts = 0;
        long gets = 0;
        for (var entry : requests.byKind().entrySet()) {
            if (entry.getKey().billedAsPut()) {
                puts += entry.getValue();
            } else if (entry.getKey().billedAsGet()) {
                gets += entry.getValue();
            }
        }
        double requestsUsd = puts / 1000.0 * PUT_USD_PER_1000 + gets / 1000.0 * GET_USD_PER_1000;
        return new CostEstimate(
                puts, gets, storedBytes, requestsUsd, storedBytes / BYTES_PER_GB * STORAGE_USD_PER_GB_MONTH);
    }
}
