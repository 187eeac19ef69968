package io.codelog.core;

import java.util.Comparator;

/** The one order of every listing: oldest first by {@code createdAt}, then by {@code id}. */
public final class CodeLogOrder {

    /** Oldest first, ties broken by id. */
    public static final Comparator<CodeLog> OLDEST_FIRST =
            Comparator.comparing(CodeLog::createdAt).thenComparing(CodeLog::id);

    private CodeLogOrder() {}
}
