package org.scorescope.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jdk.jfr.consumer.RecordingStream;

/**
 * Every stop-the-world pause of the collector while it is open, from the JVM's flight-recorder
 * events ({@code jdk.GCPhasePause}), for the measurements of issue 19 ({@code bench --frames},
 * {@code --measure-ui}). Unlike the GC MXBeans, it includes G1's Remark and Cleanup pauses, which the
 * MXBeans of JDK 17 do not report (on a loaded machine remark pauses of 50–200 ms were the most
 * frequent long pauses in the window's 1M runs).
 */
public final class GcPauseLog implements AutoCloseable {
    /** One pause: what it was, when it started (ms since the log opened) and how long it took. */
    public record Pause(String name, double startMillis, double millis) {
    }

    private final RecordingStream stream;
    private final List<Pause> pauses = new ArrayList<>();
    private final long opened = System.nanoTime();
    private final java.time.Instant openedAt = java.time.Instant.now();

    /** Starts listening (a flight recording of the GC pause events only). */
    public GcPauseLog() {
        RecordingStream s = new RecordingStream();
        s.enable("jdk.GCPhasePause").withThreshold(Duration.ZERO);
        s.onEvent("jdk.GCPhasePause", e -> add(new Pause(e.getString("name"), Duration.between(openedAt, e.getStartTime()).toNanos() * 1e-6,
                e.getDuration().toNanos() * 1e-6)));
        s.onFlush(this::flushed);
        s.startAsync();
        stream = s;
    }

    private synchronized void add(Pause p) {
        pauses.add(p);
    }

    /** Milliseconds since the log opened (a time to pass to {@link #between}). */
    public double now() {
        return (System.nanoTime() - opened) * 1e-6;
    }

    /** The pauses that started in [from, to) ms since the log opened. */
    public synchronized List<Pause> between(double from, double to) {
        return pauses.stream().filter(p -> p.startMillis() >= from && p.startMillis() < to).toList();
    }

    /** "n pauses, longest x ms (kind), k over 50 ms, t ms in all" of the pauses in [from, to). */
    public String summary(double from, double to) {
        List<Pause> ps = between(from, to);
        Pause longest = ps.stream().max(java.util.Comparator.comparingDouble(Pause::millis)).orElse(null);
        double total = ps.stream().mapToDouble(Pause::millis).sum();
        long over = ps.stream().filter(p -> p.millis() > 50).count();
        long remarks = ps.stream().filter(p -> p.name().toLowerCase(Locale.ROOT).contains("remark")).count();
        return String.format(Locale.ROOT, "%d pauses (%d remark), longest %.0f ms%s, %d over 50 ms, %.0f ms in all", ps.size(), remarks,
                longest == null ? 0 : longest.millis(), longest == null ? "" : " (" + longest.name() + ")", over, total);
    }

    /**
     * Waits (at most 5 s) until the recorder has delivered the pauses so far: it delivers them in
     * batches, about once a second; this waits for the second batch flushed after the call.
     */
    public void sync() {
        java.util.concurrent.CountDownLatch two = new java.util.concurrent.CountDownLatch(2);
        synchronized (this) {
            flushWaiters.add(two);
        }
        try {
            two.await(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            flushWaiters.remove(two);
        }
    }

    private final List<java.util.concurrent.CountDownLatch> flushWaiters = new ArrayList<>();

    private synchronized void flushed() {
        flushWaiters.forEach(java.util.concurrent.CountDownLatch::countDown);
    }

    @Override
    public void close() {
        stream.close();
    }
}
