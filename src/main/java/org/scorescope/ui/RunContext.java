package org.scorescope.ui;

import java.util.List;
import org.scorescope.engine.FrameRecorder;
import org.scorescope.metrics.Binning;
import org.scorescope.schedule.Grid;
import org.scorescope.distribution.Target;

/**
 * What the views need to know about the run being shown. Immutable but for the recorder, which is
 * thread-safe.
 *
 * @param runId the engine's run id (0 until the engine has started it)
 * @param target the target
 * @param view2d the target shown in the plane (its first two axes), or null for 1D
 * @param grid the levels
 * @param labels the samplers' labels
 * @param particles N
 * @param recorder the frames
 * @param binning the TV bins
 */
record RunContext(long runId, Target target, Target view2d, Grid grid, List<String> labels, int particles,
        FrameRecorder recorder, Binning binning) {
    boolean oneDimensional() {
        return target.dim() == 1;
    }
}
