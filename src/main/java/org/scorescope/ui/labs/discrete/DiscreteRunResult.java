package org.scorescope.ui.labs.discrete;

import java.util.List;
import org.scorescope.discrete.DiscreteScenario;
import org.scorescope.discrete.DiscreteTarget;
import org.scorescope.discrete.StepSchedule;

/**
 * A finished discrete run: every sampler's frames, step by step. Immutable once built (frames are
 * snapshots), read by the FX thread and the drawing lane alike.
 *
 * @param scenario what was run
 * @param target p_data
 * @param samplers the samplers' ids, by slot
 * @param schedule the forward times τ_0 = T … τ_N = 0
 * @param frames [slot][step]
 * @param nfePerParticle score evaluations per particle of each sampler
 * @param seconds wall time of the whole run
 * @param outputLaws [slot]: the sampler's exact output law on {@code [K]^d} (after step N), or null for a
 *     product target or a table over the exact limit (the last frame's coordinate laws hold it then)
 * @param outputFrequencies [slot]: the particles' frequencies on {@code [K]^d} after step N, or null for a
 *     product target
 */
record DiscreteRunResult(DiscreteScenario scenario, DiscreteTarget target, List<String> samplers, StepSchedule schedule,
        DiscreteFrame[][] frames, double[] nfePerParticle, double seconds, double[][] outputLaws, double[][] outputFrequencies) {

    /** N. */
    int steps() {
        return schedule.steps();
    }

    /** K: S, or S + 1 with MASK. */
    int alphabet() {
        return scenario.process().alphabet(target.states());
    }

    /** Whether the alphabet has a MASK value (the masking process). */
    boolean masking() {
        return alphabet() > target.states();
    }

    /** One sampler's frame at step k (clamped to 0 … N). */
    DiscreteFrame frame(int slot, int step) {
        DiscreteFrame[] f = frames[Math.max(0, Math.min(frames.length - 1, slot))];
        return f[Math.max(0, Math.min(f.length - 1, step))];
    }
}
