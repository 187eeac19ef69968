package io.codelog.migration;

import org.jspecify.annotations.Nullable;

/**
 * How far a partition is done: every entry up to {@code position} in source order, with these counts.
 *
 * @param position the source position to resume after, or null when nothing is done
 * @param lastId the source key of the entry at that position, or null
 * @param counts the counts of the entries done, earlier claims included
 */
record Checkpoint(@Nullable String position, @Nullable String lastId, PartitionCounts counts) {}
