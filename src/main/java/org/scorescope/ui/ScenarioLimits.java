package org.scorescope.ui;

import java.util.ArrayList;
import java.util.List;
import org.scorescope.engine.RunSpec;
import org.scorescope.scenario.Scenario;

/**
 * What the window cannot show of a scenario exactly as it is, said in words instead of silently
 * changing the scenario; and whether a run fits in memory at all.
 */
final class ScenarioLimits {
    /** The particle slider's range (the text field beside it takes any N a scenario allows). */
    static final int SLIDER_MIN = 1_000;
    static final int SLIDER_MAX = 1_000_000;

    private ScenarioLimits() {
    }

    /** Remarks about the scenario (empty when the window shows all of it). */
    static List<String> remarks(Scenario s, RunSpec spec) {
        List<String> out = new ArrayList<>();
        int dim = spec.target().dim();
        if (dim > 2) {
            out.add("the target lives in R^" + dim + "; the panels show its first two coordinates");
        }
        if (s.particles() > SLIDER_MAX || s.particles() < SLIDER_MIN) {
            out.add(String.format("N = %,d is outside the slider's 1,000–1,000,000 (kept as in the file)", s.particles()));
        }
        return out;
    }

    /**
     * Why a run cannot start in this JVM, or null when it fits: live state (positions and up to five
     * work buffers per sampler, in doubles), the newest frame (floats) and the history budget.
     */
    static String memoryProblem(RunSpec spec, long maxHeap) {
        long n = spec.particles();
        long d = spec.target().dim();
        long s = spec.slots().size();
        long needed = s * n * d * (6 * 8 + 4) + org.scorescope.engine.FrameRecorder.DEFAULT_BUDGET;
        if (needed <= 0.85 * maxHeap) {
            return null;
        }
        return String.format("N = %,d with %d sampler(s) needs about %.1f GB; this window may use %.1f GB "
                + "(start it with a larger -Xmx, or run it headless: scorescope sample)", n, s, needed / 1e9, maxHeap / 1e9);
    }
}
