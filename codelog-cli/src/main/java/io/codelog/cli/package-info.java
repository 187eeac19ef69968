/**
 * The {@code codelog} command line: migrate, verify, roll back, repair dual writes, cost, statistics, lifecycle rules and a demo, run from
 * {@link io.codelog.cli.CodelogMain}; everything else is package-private. Non-null unless marked
 * {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package io.codelog.cli;

import org.jspecify.annotations.NullMarked;
