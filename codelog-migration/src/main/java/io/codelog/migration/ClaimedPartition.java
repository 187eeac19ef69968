package io.codelog.migration;

/**
 * A partition a worker holds, with the checkpoint it resumes from.
 *
 * @param partition the partition's name
 * @param resumeFrom the checkpoint a previous claim left
 * @param claims how many times it was claimed, this claim included
 */
record ClaimedPartition(String partition, Checkpoint resumeFrom, int claims) {}
