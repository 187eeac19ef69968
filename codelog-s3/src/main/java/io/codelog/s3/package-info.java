/**
 * The S3 store: {@link io.codelog.s3.S3CodeLogRepository}, its settings and key layout, with the helpers that
 * list, read and write its objects kept package-private. Non-null unless marked
 * {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package io.codelog.s3;

import org.jspecify.annotations.NullMarked;
