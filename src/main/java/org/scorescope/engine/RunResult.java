package org.scorescope.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of a run: final particles (at level ᾱ_0) and counts per sampler.
 *
 * @param runId the run's id
 * @param positions per sampler, positions[axis][i]
 * @param nfe per sampler, score evaluations per particle
 * @param diverged per sampler, particles flagged NaN/infinite
 * @param seconds wall time of the run
 */
public record RunResult(long runId, List<double[][]> positions, long[] nfe, int[] diverged, double seconds) {

    static RunResult from(StepView v) {
        List<double[][]> pos = new ArrayList<>();
        long[] nfe = new long[v.samplers()];
        int[] div = new int[v.samplers()];
        for (int s = 0; s < v.samplers(); s++) {
            pos.add(v.positions(s));
            nfe[s] = v.nfe(s);
            div[s] = v.diverged(s);
        }
        return new RunResult(v.runId(), pos, nfe, div, v.seconds());
    }
}
