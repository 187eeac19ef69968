package io.codelog.it;

import io.codelog.core.CodeLogRepository;
import java.util.ArrayList;
import java.util.List;

/**
 * A store or composite a history runs against, with the handles its faults need and what to close after.
 *
 * @param name the store as the table shows it
 * @param repository the store the clients call
 * @param proxy the fault proxy in front of its S3 server, or null without S3
 * @param mongo its MongoDB server, or null without MongoDB
 * @param oldLogs the store to put old logs in before the history (a fallback's secondary), or null
 * @param atomicConditionalWrites whether its S3 server applies racing conditional writes atomically; when not,
 *     supplied ids are not raced
 * @param resources closed in reverse order after the history
 */
record HistoryStore(
        String name,
        CodeLogRepository repository,
        FaultProxy proxy,
        RestartableMongoServer mongo,
        CodeLogRepository oldLogs,
        boolean atomicConditionalWrites,
        List<AutoCloseable> resources)
        implements AutoCloseable {

    @Override
    public void close() throws Exception {
        Exception failure = null;
        List<AutoCloseable> reversed = new ArrayList<>(resources);
        java.util.Collections.reverse(reversed);
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
