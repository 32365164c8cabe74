package org.scorescope.discrete;

import org.scorescope.metrics.NoiseFloor;

/**
 * The particles' total variation to p_data over every state of {@code [S]^d} (a particle with a MASK
 * left counts against it), beside the noise floor of N exact samples of p_data on the same cells
 * ({@link NoiseFloor}, de Moivre's binomial mean absolute deviation): a sampler's TV means something only
 * above that band.
 *
 * @param tv ½ Σ_x |n_x/N − p(x)| + ½ (masked particles)/N
 * @param floor the TV of N exact samples (mean and sd)
 */
public record EmpiricalTv(double tv, NoiseFloor floor) {
    /** Largest S^d the histogram covers. */
    public static final long MAX_CELLS = DiscreteTarget.MAX_TABLE;

    /** Whether the histogram fits. */
    public static boolean supports(DiscreteTarget target) {
        return target.size() <= MAX_CELLS;
    }

    /** The TV of these particles to p_data and its floor. */
    public static EmpiricalTv of(DiscreteTarget target, DiscreteStates states) {
        if (!supports(target)) {
            throw new IllegalArgumentException("the histogram TV needs S^d <= " + MAX_CELLS);
        }
        int s = target.states();
        int d = target.dims();
        double[] p = masses(target);
        long[] counts = new long[p.length];
        long masked = 0;
        int[] x = new int[d];
        outer:
        for (int j = 0; j < states.particles(); j++) {
            states.state(j, x);
            for (int v : x) {
                if (v < 0 || v >= s) {
                    masked++;
                    continue outer;
                }
            }
            counts[StateIndex.encode(x, s)]++;
        }
        double n = states.particles();
        double tv = masked / n;
        for (int c = 0; c < p.length; c++) {
            tv += Math.abs(counts[c] / n - p[c]);
        }
        return new EmpiricalTv(0.5 * tv, NoiseFloor.of(p, states.particles()));
    }

    /**
     * The TV of these particles to an exact law on the whole state space (MASK included) and the floor
     * of N samples of that law: how a sampler's particles are checked against its own exact law.
     */
    public static EmpiricalTv against(DiscreteLaw.Joint law, DiscreteStates states) {
        long[] counts = states.counts(law.alphabet());
        double n = states.particles();
        double tv = 0;
        double[] p = law.p();
        for (int c = 0; c < p.length; c++) {
            tv += Math.abs(counts[c] / n - p[c]);
        }
        return new EmpiricalTv(0.5 * tv, NoiseFloor.of(p, states.particles()));
    }

    /** p_data over [S]^d, row-major. */
    static double[] masses(DiscreteTarget target) {
        if (target instanceof JointTarget j) {
            return j.tableView();
        }
        return ((ProductTarget) target).toJoint().tableView();
    }
}
