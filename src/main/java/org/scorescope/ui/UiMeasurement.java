package org.scorescope.ui;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.util.Duration;
import org.scorescope.ui.lab.RunView;
import org.scorescope.ui.model.SessionModel;

/**
 * {@code --measure-ui SECONDS}: measures the FX thread's time per pulse (wall and CPU), the late
 * pulses and the GC pauses (GC MXBeans) in four phases, prints a line for each and exits:
 * <ol>
 * <li>while the run computes (playback in a loop follows the computed steps; until the run has finished);
 * <li>SECONDS of playing the computed run in a loop (every frame from memory);
 * <li>SECONDS/2 (at least 5 s) of scrubbing: the step swept back and forth over the whole run, two
 *     steps per pulse, as a fast drag of the timeline's slider;
 * <li>parameter changes (the seed) at the run's own N, then at 100,000 particles: the time from the
 *     change to the first frame of the new run on screen.
 * </ol>
 */
final class UiMeasurement {
    private static final int CHANGES = 5;
    private final MainWindow window;
    private final UiOptions options;
    private GcPauses gc;
    /** Every stop-the-world pause, remark and cleanup included (the MXBeans of JDK 17 leave those out). */
    private final org.scorescope.engine.GcPauseLog pauses = new org.scorescope.engine.GcPauseLog();
    private final List<String> phases = new ArrayList<>();
    private final List<double[]> phaseTimes = new ArrayList<>();
    private double phaseStart;

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
            phaseStart = pauses.now();
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
        phaseStart = pauses.now();
        window.meter().start();
        after(options.measureSeconds(), () -> {
            UiMeter m = window.meter();
            m.stop();
            gc.close();
            print(window.run().finished().isDone() ? "playing the computed run" : "playing", m, options.measureSeconds());
            window.session().playing.set(false);
            measureScrub();
        });
    }

    /** Sweeps the step over the whole run and back, two steps per pulse (a fast drag of the slider). */
    private void measureScrub() {
        SessionModel s = window.session();
        int steps = window.run().steps();
        AnimationTimer sweep = new AnimationTimer() {
            private int at = steps;
            private int dir = -2;

            @Override
            public void handle(long now) {
                at += dir;
                if (at <= 0 || at >= steps) {
                    at = Math.max(0, Math.min(steps, at));
                    dir = -dir;
                }
                s.step.set(at);
            }
        };
        double seconds = Math.max(5, options.measureSeconds() / 2);
        gc = new GcPauses();
        phaseStart = pauses.now();
        window.meter().start();
        sweep.start();
        after(seconds, () -> {
            sweep.stop();
            UiMeter m = window.meter();
            m.stop();
            gc.close();
            print("scrubbing the computed run", m, seconds);
            gc = new GcPauses();
            phaseStart = pauses.now();
            change(CHANGES, new ArrayList<>(), () -> {
                gc.close();
                endPhase("parameter changes at N=" + String.format(Locale.ROOT, "%,d", window.run().particles()));
                window.session().setParticles(100_000);
                after(2.0, () -> {
                    gc = null;
                    phaseStart = pauses.now();
                    change(CHANGES, new ArrayList<>(), () -> {
                        endPhase("parameter changes at N=100,000");
                        pauses.sync();
                        for (int i = 0; i < phases.size(); i++) {
                            System.out.printf(Locale.ROOT, "measure-ui: GC, %s: %s%n", phases.get(i),
                                    pauses.summary(phaseTimes.get(i)[0], phaseTimes.get(i)[1]));
                        }
                        pauses.close();
                        window.close();
                        Platform.exit();
                    });
                });
            });
        });
    }

    private void endPhase(String phase) {
        phases.add(phase);
        phaseTimes.add(new double[] {phaseStart, pauses.now()});
    }

    private void print(String phase, UiMeter m, double seconds) {
        endPhase(phase);
        RunView c = window.run();
        System.out.printf(Locale.ROOT, "measure-ui: %d panel(s)%s, N=%,d, T=%d, %s: %d frames%s; FX-thread time per frame p50 %.2f ms, "
                        + "p95 %.2f ms, p99 %.2f ms, max %.2f ms; CPU p50 %.2f ms, p95 %.2f ms, max %.2f ms; pulses later than 50 ms: %d; "
                        + "longest GC pause %d ms (%d pauses, MXBeans: no remark pauses); load average %.1f%n",
                c.labels().size(), options.noMetrics() ? ", metrics pane hidden" : ", metrics pane shown", c.particles(),
                c.steps(), phase, m.frames(), seconds > 0 ? String.format(Locale.ROOT, " in %.1f s", seconds) : "",
                m.percentile(0.5), m.percentile(0.95), m.percentile(0.99), m.max(), m.cpuPercentile(0.5), m.cpuPercentile(0.95), m.maxCpu(),
                m.late(), gc.longestMillis(), gc.count(), java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /**
     * Changes the seed {@code left} times; each time waits for the new run's first frame on screen
     * (at most 20 s) and one more second, then reports the latencies and runs {@code then}.
     */
    private void change(int left, List<Double> latencies, Runnable then) {
        if (left == 0) {
            List<Double> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            System.out.printf(Locale.ROOT, "measure-ui: parameter change to first new frame on screen (N=%,d, %d panel(s)): median %.0f ms, "
                    + "max %.0f ms over %d changes (%s ms)%s%n", window.run().particles(), window.run().labels().size(), sorted.get(sorted.size() / 2),
                    sorted.get(sorted.size() - 1), sorted.size(), latencies.stream().map(v -> String.format(Locale.ROOT, "%.0f", v)).toList(),
                    gc == null ? "" : String.format(Locale.ROOT, "; longest GC pause %d ms (%d pauses, MXBeans)", gc.longestMillis(), gc.count()));
            then.run();
            return;
        }
        long t0 = System.nanoTime();
        boolean[] shown = {false};
        window.pump().whenNextRunShown(() -> {
            if (shown[0]) {
                return; // already given up on after 20 s
            }
            shown[0] = true;
            latencies.add((System.nanoTime() - t0) * 1e-6);
            after(1.0, () -> change(left - 1, latencies, then));
        });
        window.session().setSeed(window.session().scenario().seed() + 1);
        after(20.0, () -> {
            if (!shown[0]) {
                shown[0] = true;
                latencies.add(Double.POSITIVE_INFINITY);
                change(left - 1, latencies, then);
            }
        });
    }

    private static void after(double seconds, Runnable r) {
        PauseTransition p = new PauseTransition(Duration.seconds(seconds));
        p.setOnFinished(e -> r.run());
        p.play();
    }
}
