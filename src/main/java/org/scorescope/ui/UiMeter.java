package org.scorescope.ui;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Measures the FX thread: time per pulse from the start of the window's animation timer to the end
 * of layout (the FX thread's share of a frame; drawing to the screen happens on the render thread),
 * and the pulses that came more than 50 ms after the previous one.
 */
final class UiMeter {
    private final List<Double> millis = new ArrayList<>();
    private long pulseStart;
    private long lastPulse;
    private int late;
    private long frames;
    private boolean recording;

    void start() {
        millis.clear();
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
    }

    /** Called after layout. */
    void endPulse() {
        if (recording && pulseStart != 0) {
            millis.add((System.nanoTime() - pulseStart) * 1e-6);
            frames++;
        }
        pulseStart = 0;
    }

    /** The most recent pulse's FX time. */
    double last() {
        return millis.isEmpty() ? 0 : millis.get(millis.size() - 1);
    }

    double percentile(double p) {
        if (millis.isEmpty()) {
            return Double.NaN;
        }
        List<Double> s = new ArrayList<>(millis);
        Collections.sort(s);
        return s.get(Math.min(s.size() - 1, (int) Math.floor(p * s.size())));
    }

    double max() {
        return millis.isEmpty() ? Double.NaN : Collections.max(millis);
    }

    int late() {
        return late;
    }

    long frames() {
        return frames;
    }
}
