package io.codelog.migration;

import java.util.Iterator;

/**
 * The entries of one partition in a fixed order, read lazily so that memory stays bounded however large the
 * partition. Not thread-safe; close it when done.
 */
interface SourceCursor extends Iterator<SourceEntry>, AutoCloseable {

    /** Releases the server-side cursor or listing; never throws. */
    @Override
    void close();
}
