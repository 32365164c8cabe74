package org.scorescope.engine;

import java.util.List;
import org.scorescope.schedule.Grid;
import org.scorescope.score.ExactScore;
import org.scorescope.score.ScoreFunction;
import org.scorescope.distribution.Target;

/**
 * Everything a run needs. Immutable.
 *
 * @param target the data law (for metrics and the exact score)
 * @param score the score model the samplers use
 * @param grid the levels
 * @param slots the samplers, all started from the same Y_T
 * @param particles N
 * @param seed the run's seed
 * @param initial optional Y_T, initial[axis][i] with N columns; null draws N(0, I) from the seed
 */
public record RunSpec(Target target, ScoreFunction score, Grid grid, List<SamplerSlot> slots, int particles,
        long seed, double[][] initial) {

    /** Checks sizes. */
    public RunSpec {
        slots = List.copyOf(slots);
        if (slots.isEmpty()) {
            throw new IllegalArgumentException("a run needs at least one sampler");
        }
        if (particles < 1) {
            throw new IllegalArgumentException("particles must be >= 1, was " + particles);
        }
        if (initial != null && (initial.length != target.dim() || initial[0].length != particles)) {
            throw new IllegalArgumentException("initial particles must be " + target.dim() + " x " + particles);
        }
    }

    /** A run with the target's exact score and N(0, I) initial particles. */
    public static RunSpec of(Target target, Grid grid, List<SamplerSlot> slots, int particles, long seed) {
        return new RunSpec(target, new ExactScore(target), grid, slots, particles, seed, null);
    }
}
