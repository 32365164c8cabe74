package org.scorescope.ui;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.util.Duration;

/**
 * {@code --measure-ui SECONDS}: plays the scenario in a loop, measures the FX thread's time per
 * frame and the late pulses, then measures the time from a parameter change (the seed) to the first
 * new frame on screen with 100,000 particles, prints both and exits.
 */
final class UiMeasurement {
    private final MainWindow window;
    private final UiOptions options;
    private final List<Double> latencies = new ArrayList<>();

    UiMeasurement(MainWindow window, UiOptions options) {
        this.window = window;
        this.options = options;
    }

    void start() {
        Session s = window.session;
        s.loop.set(true);
        s.speed.set(30);
        s.playing.set(true);
        after(2.0, () -> {
            window.meter().start();
            after(options.measureSeconds(), this::reportFrames);
        });
    }

    private void reportFrames() {
        UiMeter m = window.meter();
        m.stop();
        RunContext c = window.context();
        System.out.printf("measure-ui: %d panel(s)%s, N=%,d, T=%d: %d frames in %.1f s; FX-thread time per frame p50 %.2f ms, "
                        + "p95 %.2f ms, p99 %.2f ms, max %.2f ms; pulses later than 50 ms: %d%n",
                c.labels().size(), options.noMetrics() ? ", metrics pane hidden" : ", metrics pane shown", c.particles(),
                c.grid().steps(), m.frames(), options.measureSeconds(),
                m.percentile(0.5), m.percentile(0.95), m.percentile(0.99), m.max(), m.late());
        window.session.playing.set(false);
        window.session.particles.set(100_000);
        after(2.0, () -> change(5));
    }

    private void change(int left) {
        if (left == 0) {
            List<Double> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            System.out.printf("measure-ui: parameter change to first new frame on screen (N=100,000, %d panel(s)): median %.0f ms, "
                    + "max %.0f ms over %d changes%n", window.context().labels().size(), sorted.get(sorted.size() / 2),
                    sorted.get(sorted.size() - 1), sorted.size());
            window.close();
            Platform.exit();
            return;
        }
        long t0 = System.nanoTime();
        window.whenNextRunShown(() -> latencies.add((System.nanoTime() - t0) * 1e-6));
        window.session.seed.set(window.session.seed.get() + 1);
        after(1.0, () -> change(left - 1));
    }

    private static void after(double seconds, Runnable r) {
        PauseTransition p = new PauseTransition(Duration.seconds(seconds));
        p.setOnFinished(e -> r.run());
        p.play();
    }
}
