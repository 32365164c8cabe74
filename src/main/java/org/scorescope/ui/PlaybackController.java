package org.scorescope.ui;

import java.util.function.Supplier;
import org.scorescope.ui.lab.RunView;
import org.scorescope.ui.model.SessionModel;

/**
 * Playback: advances the displayed step on the frame pulse while playing (never past what is
 * computed), and moves it on request — step, Home, End, scrub. A step asked for before it is
 * computed is approached as the run computes (End during a run follows it to the end).
 */
final class PlaybackController {
    private final SessionModel model;
    private final Supplier<RunView> run;
    private int pendingStep = -1;
    private long lastAdvance;

    PlaybackController(SessionModel model, Supplier<RunView> run) {
        this.model = model;
        this.run = run;
        model.scenarioProperty().addListener((o, a, b) -> pendingStep = -1);
    }

    /** Called every pulse with the pulse time (ns). */
    void pulse(long now) {
        RunView c = run.get();
        if (c == null) {
            return;
        }
        int steps = c.steps();
        int computedDown = c.computedDown();
        if (model.playing.get()) {
            pendingStep = -1;
            if (now - lastAdvance >= 1e9 / Math.max(0.1, model.speed.get())) {
                int next = model.step.get() - 1;
                if (next < 0) {
                    if (model.loop.get()) {
                        model.step.set(steps);
                        lastAdvance = now;
                    } else {
                        model.playing.set(false);
                    }
                } else if (next >= computedDown) {
                    model.step.set(next);
                    lastAdvance = now;
                }
            }
        }
        if (pendingStep >= 0) {
            // Follow the computation down to the step asked for.
            model.step.set(Math.max(pendingStep, Math.min(steps, computedDown)));
            if (pendingStep >= computedDown) {
                pendingStep = -1;
            }
        }
    }

    /** Play or pause. */
    void togglePlay() {
        model.playing.set(!model.playing.get());
    }

    /**
     * Shows step t, or, while it is not computed yet, the lowest computed step and then t as soon as
     * it is.
     */
    void scrubTo(int t) {
        RunView c = run.get();
        if (c == null) {
            return;
        }
        int computedDown = Math.min(c.steps(), c.computedDown());
        int wanted = Math.max(0, Math.min(c.steps(), t));
        pendingStep = wanted < computedDown ? wanted : -1;
        model.step.set(Math.max(computedDown, wanted));
    }

    /** Moves the displayed step by dt (positive: towards noise) and pauses. */
    void stepBy(int dt) {
        model.playing.set(false);
        scrubTo(model.step.get() + dt);
    }

    /** Back to T (noise). */
    void home() {
        model.playing.set(false);
        RunView c = run.get();
        if (c != null) {
            scrubTo(c.steps());
        }
    }

    /** To 0 (output), as soon as it is computed. */
    void end() {
        model.playing.set(false);
        scrubTo(0);
    }
}
