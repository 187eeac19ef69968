package io.codelog.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class MigrationJobTest {

    private static final LocalDate DAY = LocalDate.of(2024, 1, 1);

    @Test
    void defaultsAreUsable() {
        MigrationJob job = MigrationJob.of("job-1", DAY, DAY.plusDays(1));
        assertThat(job.concurrency()).isEqualTo(16);
        assertThat(job.maxRequestsPerSecond()).isZero();
        assertThat(job.lease()).isEqualTo(Duration.ofMinutes(2));
        assertThat(job.includeUndated()).isTrue();
        assertThat(job.dryRun()).isFalse();
        assertThat(job.owner())
                .startsWith("worker-")
                .isNotEqualTo(MigrationJob.of("job-1", DAY, DAY.plusDays(1)).owner());
    }

    @Test
    void rejectsWhatCannotRun() {
        MigrationJob job = MigrationJob.of("job-1", DAY, DAY.plusDays(1));
        assertThatThrownBy(() -> MigrationJob.of("job/../x", DAY, DAY.plusDays(1)))
                .hasMessageContaining("jobId must be 1 to 100 characters of [A-Za-z0-9._:-]");
        assertThatThrownBy(() -> MigrationJob.of("job", DAY, DAY)).hasMessageContaining("must be before");
        assertThatThrownBy(() -> job.withConcurrency(0)).hasMessageContaining("concurrency must be from 1 to 256");
        assertThatThrownBy(() -> job.withMaxRequestsPerSecond(-1)).hasMessageContaining("maxRequestsPerSecond");
        assertThatThrownBy(() -> job.withMaxRequestsPerSecond(Double.NaN)).hasMessageContaining("maxRequestsPerSecond");
        assertThatThrownBy(() -> job.withBatchSize(1_001)).hasMessageContaining("batchSize");
        assertThatThrownBy(() -> job.withCheckpointEvery(0)).hasMessageContaining("checkpointEvery");
        assertThatThrownBy(() -> job.withLease(Duration.ofSeconds(1))).hasMessageContaining("lease");
        assertThatThrownBy(() -> job.withOwner(" ")).hasMessageContaining("owner");
        assertThatThrownBy(() -> VerifyJob.of(DAY, DAY.plusDays(1)).withMaxDifferences(-1))
                .hasMessageContaining("maxDifferences");
    }

    @Test
    void pricesRequestsAndStorageAtListPrices() {
        CostEstimate estimate = CostEstimate.of(
                new RequestCounts(java.util.Map.of(
                        RequestKind.S3_PUT, 2_000_000L,
                        RequestKind.S3_LIST, 1_000L,
                        RequestKind.S3_HEAD, 1_000_000L,
                        RequestKind.S3_DELETE, 5L,
                        RequestKind.MONGO, 9L)),
                1024L * 1024 * 1024);
        assertThat(estimate.putClassRequests()).isEqualTo(2_001_000);
        assertThat(estimate.getClassRequests()).isEqualTo(1_000_000);
        assertThat(estimate.requestsUsd()).isCloseTo(10.005 + 0.4, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(estimate.storageUsdPerMonth()).isCloseTo(0.023, org.assertj.core.api.Assertions.within(1e-12));
    }
}
