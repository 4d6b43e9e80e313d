package org.hhw.schedules.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The most heap in use at any one moment while it is open. The heap is fullest just before a
 * collection, so every collection's "before" figures are taken, all pools at the same instant:
 * adding up each pool's own peak instead counts pools that peaked at different times, and read
 * more than {@code -Xmx}.
 */
final class HeapPeak implements AutoCloseable {

    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP)
            .map(MemoryPoolMXBean::getName)
            .collect(Collectors.toSet());
    private final List<NotificationEmitter> emitters = ManagementFactory.getGarbageCollectorMXBeans().stream()
            .filter(NotificationEmitter.class::isInstance)
            .map(NotificationEmitter.class::cast)
            .toList();
    private final AtomicLong peak = new AtomicLong();
    private final NotificationListener listener = this::collected;

    private HeapPeak() {}

    /** Starts watching from the heap in use now. */
    static HeapPeak start() {
        HeapPeak watch = new HeapPeak();
        watch.peak.set(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        watch.emitters.forEach(e -> e.addNotificationListener(watch.listener, null, null));
        return watch;
    }

    private void collected(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        Map<String, MemoryUsage> before = GarbageCollectionNotificationInfo.from(
                        (CompositeData) notification.getUserData())
                .getGcInfo()
                .getMemoryUsageBeforeGc();
        long used = before.entrySet().stream()
                .filter(e -> heapPools.contains(e.getKey()))
                .mapToLong(e -> e.getValue().getUsed())
                .sum();
        peak.accumulateAndGet(used, Math::max);
    }

    /** Bytes: the fullest the heap was before any collection so far, or now if that is more. */
    long bytes() {
        return Math.max(
                peak.get(),
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }

    @Override
    public void close() {
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(listener);
            } catch (ListenerNotFoundException e) {
                // added to every emitter at the start, so this cannot happen; nothing to remove anyway
            }
        }
    }
}
