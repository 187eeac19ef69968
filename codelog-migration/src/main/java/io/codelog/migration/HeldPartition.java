package io.codelog.migration;

import java.time.Instant;

/**
 * A partition that another worker of the job held when this worker, with nothing left to claim, looked: what a
 * progress display shows while the worker waits, and what the summary of a job it could not finish names.
 *
 * @param partition the UTC day {@code yyyy-MM-dd}, or {@code undated}
 * @param owner the worker that holds it
 * @param leaseExpiresAt when the claim lapses unless its owner renews it
 * @param renewed whether the owner renewed the lease while this worker waited: the owner is alive and working
 *     on it (a dead worker's lease never moves)
 */
public record HeldPartition(String partition, String owner, Instant leaseExpiresAt, boolean renewed) {}
