package io.codelog.autoconfigure;

import io.codelog.autoconfigure.CodeLogProperties.Store;
import io.codelog.core.CodeLogRepository;
import io.codelog.core.DualWriteCodeLogRepository;
import io.codelog.core.DualWriteFailureLog;
import io.codelog.core.FallbackCodeLogRepository;
import io.codelog.core.FallbackCodeLogRepository.FallbackListener;
import java.time.Clock;
import java.util.List;

/** Builds the {@link CodeLogRepository} a {@link StoreSelection} asks for from the configured stores. */
final class StoreComposition {

    private final StoreSelection selection;
    private final List<ConfiguredStore> stores;
    private final PropertyOrigins origins;

    /**
     * @param selection what the environment selects
     * @param stores the stores the store configurations built
     * @param origins names the selection's properties in a failure
     */
    StoreComposition(StoreSelection selection, List<ConfiguredStore> stores, PropertyOrigins origins) {
        this.selection = selection;
        this.stores = List.copyOf(stores);
        this.origins = origins;
    }

    /**
     * The primary store alone in mode single, else the fallback or dual-write composite of the primary and the
     * other store.
     *
     * @param failureLogs where dual-write records a failed copy, each in turn; WARN lines when there is none
     * @param listeners told of each read a fallback answers from the other store
     * @param clock the time of a recorded failure
     * @throws CodeLogConfigurationException when a store the selection needs is not on the classpath
     */
    CodeLogRepository compose(List<DualWriteFailureLog> failureLogs, List<FallbackListener> listeners, Clock clock) {
        CodeLogRepository primary = store(selection.primary());
        return switch (selection.mode()) {
            case SINGLE -> primary;
            case FALLBACK ->
                new FallbackCodeLogRepository(
                        primary,
                        store(selection.secondary()),
                        operation -> listeners.forEach(listener -> listener.fallbackHit(operation)));
            case DUAL_WRITE ->
                new DualWriteCodeLogRepository(primary, store(selection.secondary()), recordInEach(failureLogs), clock);
        };
    }

    /** Every failure log in turn, or WARN lines when the application has none. */
    private static DualWriteFailureLog recordInEach(List<DualWriteFailureLog> failureLogs) {
        if (failureLogs.isEmpty()) {
            return DualWriteFailureLog.warnOnly();
        }
        return failure -> failureLogs.forEach(log -> log.record(failure));
    }

    private CodeLogRepository store(Store wanted) {
        return stores.stream()
                .filter(configured -> configured.store() == wanted)
                .map(ConfiguredStore::repository)
                .findFirst()
                .orElseThrow(() -> missing(wanted));
    }

    private CodeLogConfigurationException missing(Store wanted) {
        return StoreClasses.missing(wanted, selection, origins);
    }
}
