package org.scorescope.ui;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.util.Duration;
import org.scorescope.ui.lab.RunView;
import org.scorescope.ui.model.SessionModel;

/**
 * {@code --measure-ui SECONDS}: plays the scenario in a loop, measures the FX thread's time per
 * frame, the late pulses and the longest GC pause (GC MXBeans) — first while the run computes (a line
 * "while computing", until the run has finished), then for SECONDS while the computed run plays
 * (every frame from memory) — then the time from a parameter change (the seed) to the first new
 * frame on screen with 100,000 particles; prints each and exits.
 */
final class UiMeasurement {
    private final MainWindow window;
    private final UiOptions options;
    private final List<Double> latencies = new ArrayList<>();
    private GcPauses gc;

    UiMeasurement(MainWindow window, UiOptions options) {
        this.window = window;
        this.options = options;
    }

    void start() {
        SessionModel s = window.session();
        s.loop.set(true);
        s.speed.set(30);
        s.playing.set(true);
        after(2.0, () -> {
            RunView run = window.run();
            if (run == null || run.finished().isDone()) {
                measurePlay();
                return;
            }
            // while the run computes: playback follows the computed steps
            gc = new GcPauses();
            window.meter().start();
            run.finished().whenComplete((r, e) -> Platform.runLater(() -> {
                UiMeter m = window.meter();
                m.stop();
                gc.close();
                print("while computing", m, -1);
                measurePlay();
            }));
        });
    }

    /** Plays the computed run in a loop (every frame from memory) for the measuring time. */
    private void measurePlay() {
        gc = new GcPauses();
        window.meter().start();
        after(options.measureSeconds(), this::reportFrames);
    }

    private void print(String phase, UiMeter m, double seconds) {
        RunView c = window.run();
        System.out.printf(java.util.Locale.ROOT, "measure-ui: %d panel(s)%s, N=%,d, T=%d, %s: %d frames%s; FX-thread time per frame p50 %.2f ms, "
                        + "p95 %.2f ms, p99 %.2f ms, max %.2f ms (max CPU %.2f ms); pulses later than 50 ms: %d; longest GC pause %d ms (%d pauses)%n",
                c.labels().size(), options.noMetrics() ? ", metrics pane hidden" : ", metrics pane shown", c.particles(),
                c.steps(), phase, m.frames(), seconds > 0 ? String.format(java.util.Locale.ROOT, " in %.1f s", seconds) : "",
                m.percentile(0.5), m.percentile(0.95), m.percentile(0.99), m.max(), m.maxCpu(), m.late(), gc.longestMillis(), gc.count());
    }

    private void reportFrames() {
        UiMeter m = window.meter();
        m.stop();
        gc.close();
        print(window.run().finished().isDone() ? "playing the computed run" : "playing", m, options.measureSeconds());
        window.session().playing.set(false);
        window.session().setParticles(100_000);
        after(2.0, () -> change(5));
    }

    private void change(int left) {
        if (left == 0) {
            List<Double> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            System.out.printf(java.util.Locale.ROOT, "measure-ui: parameter change to first new frame on screen (N=100,000, %d panel(s)): median %.0f ms, "
                    + "max %.0f ms over %d changes%n", window.run().labels().size(), sorted.get(sorted.size() / 2),
                    sorted.get(sorted.size() - 1), sorted.size());
            window.close();
            Platform.exit();
            return;
        }
        long t0 = System.nanoTime();
        window.pump().whenNextRunShown(() -> latencies.add((System.nanoTime() - t0) * 1e-6));
        window.session().setSeed(window.session().scenario().seed() + 1);
        after(1.0, () -> change(left - 1));
    }

    private static void after(double seconds, Runnable r) {
        PauseTransition p = new PauseTransition(Duration.seconds(seconds));
        p.setOnFinished(e -> r.run());
        p.play();
    }
}
