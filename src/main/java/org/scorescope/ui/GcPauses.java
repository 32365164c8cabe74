package org.scorescope.ui;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The longest garbage-collection pause while measuring, from the GC MXBeans' notifications (each
 * collection reports its duration). Concurrent cycles (G1's or ZGC's concurrent phases) are reported
 * separately by their beans as "cycles" and are not pauses; only the beans whose name says "Pause"
 * or that are stop-the-world collectors ("Young", "Old", "Copy", "MarkSweep", "Scavenge") count.
 */
final class GcPauses implements AutoCloseable {
    private final AtomicLong longestMillis = new AtomicLong();
    private final AtomicLong count = new AtomicLong();
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = this::onNotification;

    GcPauses() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter e) {
                e.addNotificationListener(listener, null, null);
                emitters.add(e);
            }
        }
    }

    private void onNotification(Notification n, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
        if (isPause(info.getGcName(), info.getGcAction())) {
            count.incrementAndGet();
            longestMillis.accumulateAndGet(info.getGcInfo().getDuration(), Math::max);
        }
    }

    static boolean isPause(String name, String action) {
        String s = (name + " " + action).toLowerCase();
        return !s.contains("cycles") && !s.contains("concurrent");
    }

    /** The longest pause so far, in milliseconds. */
    long longestMillis() {
        return longestMillis.get();
    }

    /** Pauses seen so far. */
    long count() {
        return count.get();
    }

    @Override
    public void close() {
        for (NotificationEmitter e : emitters) {
            try {
                e.removeNotificationListener(listener);
            } catch (javax.management.ListenerNotFoundException ignored) {
                // already gone
            }
        }
    }
}
