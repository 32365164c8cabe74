package org.scorescope.ui;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Measures the FX thread: time per pulse from the start of the window's animation timer to the end
 * of layout (the FX thread's share of a frame; drawing to the screen happens on the render thread),
 * wall and CPU time, and the pulses that came more than 50 ms after the previous one.
 */
final class UiMeter {
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();
    private final List<Double> millis = new ArrayList<>();
    private final List<Double> cpuMillis = new ArrayList<>();
    private double maxCpuMillis;
    private long pulseStart;
    private long pulseCpuStart;
    private long lastPulse;
    private int late;
    private long frames;
    private boolean recording;

    void start() {
        millis.clear();
        cpuMillis.clear();
        maxCpuMillis = 0;
        late = 0;
        frames = 0;
        lastPulse = 0;
        recording = true;
    }

    void stop() {
        recording = false;
    }

    /** Called first thing in the animation timer. */
    void beginPulse(long now) {
        if (recording && lastPulse != 0 && now - lastPulse > 50_000_000L) {
            late++;
        }
        lastPulse = now;
        pulseStart = System.nanoTime();
        pulseCpuStart = THREADS.getCurrentThreadCpuTime();
    }

    /** Called after layout. */
    void endPulse() {
        if (recording && pulseStart != 0) {
            millis.add((System.nanoTime() - pulseStart) * 1e-6);
            double cpu = (THREADS.getCurrentThreadCpuTime() - pulseCpuStart) * 1e-6;
            cpuMillis.add(cpu);
            maxCpuMillis = Math.max(maxCpuMillis, cpu);
            frames++;
        }
        pulseStart = 0;
    }

    /** The most recent pulse's FX time. */
    double last() {
        return millis.isEmpty() ? 0 : millis.get(millis.size() - 1);
    }

    double percentile(double p) {
        return percentile(millis, p);
    }

    /**
     * A percentile of the FX thread's CPU time per pulse (ms): on a loaded machine the wall-time
     * percentiles include the time the thread waited for a core; this is what the window itself costs.
     */
    double cpuPercentile(double p) {
        return percentile(cpuMillis, p);
    }

    private static double percentile(List<Double> values, double p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> s = new ArrayList<>(values);
        Collections.sort(s);
        return s.get(Math.min(s.size() - 1, (int) Math.floor(p * s.size())));
    }

    double max() {
        return millis.isEmpty() ? Double.NaN : Collections.max(millis);
    }

    /**
     * The most CPU time the FX thread spent in one pulse (ms): what the FX thread itself computed,
     * without the time it waited for a core or for a GC pause (on a loaded machine the wall time of a
     * pulse says more about the other processes than about the window).
     */
    double maxCpu() {
        return maxCpuMillis;
    }

    int late() {
        return late;
    }

    long frames() {
        return frames;
    }
}
