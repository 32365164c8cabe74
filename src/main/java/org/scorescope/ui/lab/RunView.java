package org.scorescope.ui.lab;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.scorescope.distribution.Target;
import org.scorescope.engine.Frame;
import org.scorescope.engine.FrameRecorder;
import org.scorescope.engine.RunResult;
import org.scorescope.metrics.Binning;
import org.scorescope.metrics.RunMetrics;
import org.scorescope.scenario.Scenario;
import org.scorescope.schedule.Grid;

/**
 * The run the window shows, as views and labs may read it from any thread: immutable but for the
 * recorder and the metrics, which publish immutable snapshots.
 *
 * @param runId the engine's run id (frames and snapshots of older runs carry other ids)
 * @param scenario the scenario that was started
 * @param target the target
 * @param view2d the target shown in the plane (its first two axes), or null for a 1D target
 * @param grid the levels
 * @param labels the samplers' labels, by slot
 * @param canonicalIds the samplers' canonical ids ({@code lagrange:K=3}), by slot
 * @param particles N
 * @param recorder the frames
 * @param binning the histogram bins of the TV metric
 * @param metrics the live metrics (TV, noise floor, NFE, exact W2/KL)
 * @param labMetrics the metrics labs contributed
 * @param finished completes when the run has computed every step (exceptionally when it failed or was cancelled)
 */
public record RunView(long runId, Scenario scenario, Target target, Target view2d, Grid grid, List<String> labels,
        List<String> canonicalIds, int particles, FrameRecorder recorder, Binning binning, RunMetrics metrics,
        LabMetricSeries labMetrics, CompletableFuture<RunResult> finished) {

    /** Whether the target is one-dimensional (space–time view). */
    public boolean oneDimensional() {
        return target.dim() == 1;
    }

    /** T. */
    public int steps() {
        return grid.steps();
    }

    /** The smallest step computed so far (T + 1 before the first frame). */
    public int computedDown() {
        Frame latest = recorder.latest();
        return latest != null && latest.runId() == runId ? latest.t() : grid.steps() + 1;
    }

    /** The frame of step t of this run (all N particles for the newest step), or null when not computed. */
    public Frame frameAt(int t) {
        Frame latest = recorder.latest();
        if (latest != null && latest.t() == t && latest.runId() == runId) {
            return latest;
        }
        Frame f = recorder.at(t);
        return f != null && f.runId() == runId ? f : null;
    }

    /** The stored frames of steps T … lowest (index = step; null below lowest or where not computed). */
    public Frame[] history(int lowest) {
        Frame[] h = new Frame[grid.steps() + 1];
        for (int t = grid.steps(); t >= Math.max(0, lowest); t--) {
            Frame f = recorder.at(t);
            h[t] = f != null && f.runId() == runId ? f : null;
        }
        return h;
    }
}
