package org.scorescope.schedule;

/**
 * The learning-rate schedule of the theory (001 eq. 13): β_1 = T^{−c0},
 * β_t = (c1 log T / T) · min{β_1 (1 + c1 log T / T)^t, 1} for t &gt; 1, capped below 1.
 * ᾱ_0 = 1 and ᾱ_t = Π_{i≤t} (1 − β_i); the same rule gives ᾱ_{T+1}, which the accelerated
 * ODE sampler (001 eq. 15) needs at its first step.
 */
public record TheorySchedule(double c0, double c1) implements Schedule {
    /** Largest β allowed, so that every α_t stays positive. */
    public static final double BETA_CAP = 0.999;

    /** Checks c0 &gt; 0 and c1 &gt; 0. */
    public TheorySchedule {
        if (!(c0 > 0) || !(c1 > 0) || !Double.isFinite(c0) || !Double.isFinite(c1)) {
            throw new IllegalArgumentException("theory schedule needs c0 > 0 and c1 > 0, got c0=" + c0 + ", c1=" + c1);
        }
    }

    @Override
    public String id() {
        return "theory";
    }

    /** β_t of 001 eq. 13 for a run of T steps. */
    public double beta(int t, int steps) {
        double beta1 = Math.pow(steps, -c0);
        if (t == 1) {
            return Math.min(beta1, BETA_CAP);
        }
        double r = c1 * Math.log(steps) / steps;
        return Math.min(BETA_CAP, r * Math.min(beta1 * Math.pow(1 + r, t), 1));
    }

    @Override
    public Grid grid(int steps) {
        if (steps < 2) {
            throw new IllegalArgumentException("theory schedule needs T >= 2 (log T must be positive), got " + steps);
        }
        double[] abar = new double[steps + 1];
        abar[0] = 1;
        for (int t = 1; t <= steps; t++) {
            abar[t] = abar[t - 1] * (1 - beta(t, steps));
        }
        double beyond = abar[steps] * (1 - beta(steps + 1, steps));
        return new Grid(abar, beyond, "theory(c0=" + c0 + ", c1=" + c1 + ")");
    }
}
