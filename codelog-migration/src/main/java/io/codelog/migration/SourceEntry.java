package io.codelog.migration;

/**
 * One object or document a {@link LogSource} listed in a partition, before it is read.
 *
 * @param partition the partition it was listed in
 * @param position where a resumed listing may start after it; positions never decrease within a partition
 * @param sourceKey the source's name for it (a MongoDB {@code _id} or an S3 key), safe to log and store
 * @param origin what the source read while listing (the raw document, the S3 ETag), for the source's own use
 */
record SourceEntry(String partition, String position, String sourceKey, Object origin) {}
