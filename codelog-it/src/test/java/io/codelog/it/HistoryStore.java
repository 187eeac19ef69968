package io.codelog.it;

import io.codelog.core.CodeLogRepository;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Queue;

/**
 * A store or composite a history runs against, with the handles its faults need and what to close after.
 *
 * @param name the store as the table shows it
 * @param repository the store the clients call
 * @param proxy the fault proxy in front of its S3 server, or null without S3
 * @param mongo its MongoDB server, or null without MongoDB
 * @param oldLogs the store to put old logs in before the history (a fallback's secondary), or null
 * @param atomicWrites whether its S3 server's racing conditional writes are atomic. S3Mock's are not; there each id
 *     is written by one client only. (S3Mock also serves an object part-written while a PUT of it runs; the store
 *     reads such a body again, and the history holds it to the same rules as everywhere.)
 * @param unreadable the keys of the objects its S3 store skipped as unreadable, printed with the history
 * @param resources closed in reverse order after the history
 */
record HistoryStore(
        String name,
        CodeLogRepository repository,
        FaultProxy proxy,
        RestartableMongoServer mongo,
        CodeLogRepository oldLogs,
        boolean atomicWrites,
        Queue<String> unreadable,
        List<AutoCloseable> resources)
        implements AutoCloseable {

    @Override
    public void close() throws Exception {
        Exception failure = null;
        List<AutoCloseable> reversed = new ArrayList<>(resources);
        Collections.reverse(reversed);
        for (AutoCloseable resource : reversed) {
            try {
                resource.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
