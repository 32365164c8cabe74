package org.scorescope.cli;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import org.scorescope.distribution.Target;
import org.scorescope.engine.Engine;
import org.scorescope.engine.FrameRecorder;
import org.scorescope.engine.RunSpec;
import org.scorescope.engine.SamplerSlot;
import org.scorescope.sampler.SamplerRegistry;
import org.scorescope.schedule.Grid;

/**
 * {@code bench --frames}: the window's recording path without a window — runs of the given samplers
 * on one engine with the window's {@link FrameRecorder} (default budget) — and the garbage
 * collector's stop-the-world pauses during each run, from the GC MXBeans' notifications (the
 * figures {@code --measure-ui} reports; concurrent phases are not pauses). The first run is cold (new
 * particle arrays, JIT); later runs of the same size reuse the engine's arrays, as a parameter
 * change in the window does.
 */
final class BenchFrames {
    private BenchFrames() {
    }

    /** Every stop-the-world pause: {start, duration} in ms of JVM uptime. */
    private static final class Pauses implements NotificationListener {
        final List<long[]> all = new ArrayList<>();

        @Override
        public synchronized void handleNotification(Notification n, Object handback) {
            if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
                return;
            }
            GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
            String s = (info.getGcName() + " " + info.getGcAction()).toLowerCase(Locale.ROOT);
            if (!s.contains("cycles") && !s.contains("concurrent")) {
                all.add(new long[] {info.getGcInfo().getStartTime(), info.getGcInfo().getDuration()});
            }
        }

        /** The pauses that started in [from, to). */
        synchronized String summary(long from, long to) {
            List<Long> millis = all.stream().filter(p -> p[0] >= from && p[0] < to).map(p -> p[1]).toList();
            long longest = millis.stream().mapToLong(Long::longValue).max().orElse(0);
            long total = millis.stream().mapToLong(Long::longValue).sum();
            long over = millis.stream().filter(m -> m > 50).count();
            return String.format(Locale.ROOT, "%d pauses, longest %d ms, %d over 50 ms, %d ms in all", millis.size(), longest, over, total);
        }
    }

    static void run(String targetId, Target target, Grid grid, List<String> samplerIds, int particles, int threads, int runs) throws InterruptedException {
        List<SamplerSlot> slots = new ArrayList<>();
        for (String id : samplerIds) {
            slots.add(SamplerSlot.of(SamplerRegistry.create(id)));
        }
        System.out.printf(Locale.ROOT, "frames: %s, N=%,d, T=%d, %d sampler(s) %s, threads=%d, history budget %d MiB, heap max %d MiB; "
                        + "GC pauses per run; load average %.1f%n", targetId, particles, grid.steps(), slots.size(), String.join(",", samplerIds), threads,
                FrameRecorder.DEFAULT_BUDGET >> 20, Runtime.getRuntime().maxMemory() >> 20, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        Pauses p = new Pauses();
        List<NotificationEmitter> emitters = new ArrayList<>();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter e) {
                e.addNotificationListener(p, null, null);
                emitters.add(e);
            }
        }
        var clock = ManagementFactory.getRuntimeMXBean();
        List<String> lines = new ArrayList<>();
        long[] bounds = new long[runs + 1];
        double[] jfrBounds = new double[runs + 1];
        org.scorescope.engine.GcPauseLog log = new org.scorescope.engine.GcPauseLog();
        try (Engine engine = new Engine(threads)) {
            for (int r = 0; r < runs; r++) {
                bounds[r] = clock.getUptime();
                jfrBounds[r] = log.now();
                long t0 = System.nanoTime();
                FrameRecorder rec = new FrameRecorder();
                engine.submit(RunSpec.of(target, grid, slots, particles, 1 + r), rec).await();
                lines.add(String.format(Locale.ROOT, "run %d (%s, %.1f s, %,d particles per history frame): ", r + 1,
                        r == 0 ? "cold" : "same size again", (System.nanoTime() - t0) * 1e-9, rec.stored()));
            }
            bounds[runs] = clock.getUptime();
            jfrBounds[runs] = log.now();
        }
        log.sync();
        log.close();
        // notifications arrive on their own thread: the last ones may come after the run; taken by start time
        for (int r = 0; r < runs; r++) {
            System.out.println(lines.get(r) + "GC MXBeans: " + p.summary(bounds[r], bounds[r + 1]));
            System.out.println("    every stop-the-world pause (flight recorder, with G1's remark and cleanup pauses, which JDK 17's MXBeans leave out): "
                    + log.summary(jfrBounds[r], jfrBounds[r + 1]));
        }
        for (NotificationEmitter e : emitters) {
            try {
                e.removeNotificationListener(p);
            } catch (javax.management.ListenerNotFoundException ignored) {
                // gone
            }
        }
    }
}
