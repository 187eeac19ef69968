package io.codelog.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Watches this JVM's heap three ways while something runs, from the GC notifications of its collectors: the
 * live heap, which is the heap used right after a full GC forced now and then ({@link #sampleLive()}); the heap
 * used right after any GC, forced or not (a young GC leaves live data plus garbage not yet collected in the old
 * generation); and the sum of each heap pool's peak use (an upper bound: the pools peak at different moments).
 */
final class HeapWatch implements AutoCloseable {

    private static final String FORCED_CAUSE = "System.gc()";
    private static final int NOTIFICATION_TIMEOUT_SECONDS = 30;

    private final Set<String> heapPools;
    private final AtomicLong maxAfterGc = new AtomicLong();
    private final AtomicLong maxLive = new AtomicLong();
    private final AtomicLong liveSamples = new AtomicLong();
    private final Semaphore forcedGcDone = new Semaphore(0);
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = this::onNotification;

    HeapWatch() {
        heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getName)
                .collect(Collectors.toUnmodifiableSet());
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                emitters.add(emitter);
            }
        }
    }

    /**
     * Forces a full GC and waits until its notification has recorded the heap used right after it.
     *
     * @throws IllegalStateException when no notification comes within {@value #NOTIFICATION_TIMEOUT_SECONDS} s
     */
    void sampleLive() {
        forcedGcDone.drainPermits();
        System.gc();
        try {
            if (!forcedGcDone.tryAcquire(NOTIFICATION_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the JVM sent no notification of the forced GC");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a GC notification", e);
        }
        liveSamples.incrementAndGet();
    }

    /** The largest live heap {@link #sampleLive()} found, in bytes. */
    long maxLive() {
        return maxLive.get();
    }

    /** How many times {@link #sampleLive()} ran. */
    long liveSamples() {
        return liveSamples.get();
    }

    /** The largest heap used right after any GC, in bytes. */
    long maxAfterGc() {
        return maxAfterGc.get();
    }

    /** The sum of the heap pools' peak use since the JVM started, in bytes. */
    long sumOfPoolPeaks() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> heapPools.contains(pool.getName()))
                .map(MemoryPoolMXBean::getPeakUsage)
                .mapToLong(MemoryUsage::getUsed)
                .sum();
    }

    private void onNotification(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info =
                GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        long used = 0;
        for (Map.Entry<String, MemoryUsage> pool :
                info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            if (heapPools.contains(pool.getKey())) {
                used += pool.getValue().getUsed();
            }
        }
        maxAfterGc.accumulateAndGet(used, Math::max);
        if (FORCED_CAUSE.equals(info.getGcCause())) {
            maxLive.accumulateAndGet(used, Math::max);
            forcedGcDone.release();
        }
    }

    @Override
    public void close() {
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(listener);
            } catch (ListenerNotFoundException e) {
                // Registered in the constructor; nothing to remove means nothing is left to stop.
            }
        }
    }
}
