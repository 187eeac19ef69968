/**
 * Moves code logs between the MongoDB and S3 stores by day partitions, verifies and repairs them
 * ({@link io.codelog.migration.MigrationEngine}, {@link io.codelog.migration.DualWriteRepair}); how each store is
 * read and written stays package-private. Non-null unless marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package io.codelog.migration;

import org.jspecify.annotations.NullMarked;
