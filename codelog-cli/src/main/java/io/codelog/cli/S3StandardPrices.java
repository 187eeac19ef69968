package io.codelog.cli;

import io.codelog.migration.CostEstimate;

/**
 * S3 list prices used by {@code cost} and {@code lifecycle}. Source: the Amazon S3 pricing page, region US East
 * (N. Virginia), storage class S3 Standard (first 50 TB per month) and S3 Standard-Infrequent Access. The
 * Standard figures are the migration engine's own, so that every estimate of codelog agrees.
 */
final class S3StandardPrices {

    /** US dollars per 1,000 PUT, COPY, POST or LIST requests (S3 Standard). */
    static final double PUT_USD_PER_1000 = CostEstimate.PUT_USD_PER_1000;
    /** US dollars per 1,000 GET, SELECT and other read requests (S3 Standard). */
    static final double GET_USD_PER_1000 = CostEstimate.GET_USD_PER_1000;
    /** US dollars per GB stored for a month, first 50 TB (S3 Standard). */
    static final double STORAGE_USD_PER_GB_MONTH = CostEstimate.STORAGE_USD_PER_GB_MONTH;
    /** US dollars per GB stored for a month (S3 Standard-IA). */
    static final double IA_STORAGE_USD_PER_GB_MONTH = 0.0125;
    /** US dollars per 1,000 lifecycle transitions into S3 Standard-IA. */
    static final double IA_TRANSITION_USD_PER_1000 = 0.01;
    /** The smallest object size S3 Standard-IA bills: a smaller object is billed as 128 KB. */
    static final long IA_MINIMUM_BILLED_BYTES = 128 * 1024;
    /** Bytes in a GB as S3 bills storage. */
    static final double BYTES_PER_GB = 1024.0 * 1024 * 1024;
    /** Days in the month of an estimate. */
    static final int DAYS_PER_MONTH = 30;

    private S3StandardPrices() {}
}
