package io.codelog.it.history;

import io.codelog.core.CodeLog;
import io.codelog.core.CodeLogAlreadyExistsException;
import io.codelog.core.CodeLogNotFoundException;
import io.codelog.core.CodeLogRepository;
import io.codelog.core.CodeLogStorageException;
import io.codelog.core.LogType;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Makes one call on the store and records it: {@link System#nanoTime()} around it, and its value or the kind of
 * exception it threw. Exceptions other than the store's typed ones are kept apart as unexpected.
 */
final class Invoker {

    static final String CODE = "3f1e8c2a-7b4d-4e9f-a1c2-5d6e7f8a9b0c";

    private final CodeLogRepository store;
    private final Queue<String> unexpected = new ConcurrentLinkedQueue<>();

    Invoker(CodeLogRepository store) {
        this.store = store;
    }

    /** Makes the call and returns how it went; never throws for what the store does. */
    Invocation invoke(long index, int client, Call call) {
        long start = System.nanoTime();
        try {
            return switch (call.kind()) {
                case CREATE -> {
                    CodeLog stored = store.create(
                            new CodeLog(call.id(), call.run(), CODE, LogType.INFO, call.content(), null, null));
                    yield Invocation.returned(
                            index, client, call, start, System.nanoTime(), Seen.of(stored), null, 0, false);
                }
                case UPDATE -> {
                    CodeLog updated = store.update(call.id(), call.content());
                    yield Invocation.returned(
                            index, client, call, start, System.nanoTime(), Seen.of(updated), null, 0, false);
                }
                case DELETE -> {
                    boolean deleted = store.delete(call.id());
                    yield Invocation.returned(index, client, call, start, System.nanoTime(), null, null, 0, deleted);
                }
                case FIND -> {
                    Optional<CodeLog> found = store.findById(call.id());
                    long end = System.nanoTime();
                    yield Invocation.returned(
                            index, client, call, start, end, found.map(Seen::of).orElse(null), null, 0, false);
                }
                case PAGE, LIST -> {
                    List<CodeLog> logs = store.listRunLogs(call.run(), null, call.limit(), call.page());
                    long end = System.nanoTime();
                    yield Invocation.returned(
                            index,
                            client,
                            call,
                            start,
                            end,
                            null,
                            logs.stream().map(Seen::of).toList(),
                            0,
                            false);
                }
                case COUNT -> {
                    long count = store.count(call.run(), null);
                    yield Invocation.returned(index, client, call, start, System.nanoTime(), null, null, count, false);
                }
            };
        } catch (CodeLogAlreadyExistsException | CodeLogNotFoundException refused) {
            long end = System.nanoTime();
            boolean answers = refused instanceof CodeLogAlreadyExistsException
                    ? call.kind() == Call.Kind.CREATE
                    : call.kind() == Call.Kind.UPDATE;
            if (!answers) {
                unexpected.add(call + " threw " + refused);
            }
            return Invocation.threw(
                    index, client, call, start, end, answers ? Outcome.REJECTED : Outcome.FAILED, name(refused));
        } catch (CodeLogStorageException failure) {
            long end = System.nanoTime();
            return Invocation.threw(
                    index,
                    client,
                    call,
                    start,
                    end,
                    timedOut(failure) ? Outcome.TIMED_OUT : Outcome.FAILED,
                    name(failure));
        } catch (RuntimeException e) {
            long end = System.nanoTime();
            unexpected.add(call + " threw " + e);
            return Invocation.threw(index, client, call, start, end, Outcome.FAILED, name(e));
        }
    }

    /** Calls that threw something other than the store's typed exceptions, with what they threw. */
    Queue<String> unexpected() {
        return unexpected;
    }

    private static boolean timedOut(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause.getClass().getSimpleName().contains("Timeout")) {
                return true;
            }
        }
        return false;
    }

    /** The exception's simple name, and its root cause's when it has one. */
    private static String name(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e
                ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + "(" + root.getClass().getSimpleName() + ")";
    }
}
