package io.codelog.migration;

import java.time.LocalDate;

/**
 * What a job id stands for; workers that share a job id must agree on it.
 *
 * @param jobId the job id
 * @param source the source store's name
 * @param target the target store's name
 * @param from the first UTC day
 * @param toExclusive the day after the last
 */
record JobDefinition(String jobId, String source, String target, LocalDate from, LocalDate toExclusive) {}
