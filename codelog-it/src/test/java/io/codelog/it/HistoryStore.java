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
 * @param atomicWrites whether its S3 server writes atomically: racing conditional writes, and a PUT seen whole or not
 *     at all. S3Mock does neither; there each id is written by one client only, and anomalies of an object it served
 *     part-written are told apart
 * @param unreadable the keys of the objects its S3 store skipped as unreadable
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
