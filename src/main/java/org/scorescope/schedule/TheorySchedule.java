package org.scorescope.schedule;

/**
 * The learning-rate schedule of the theory (001 eq. 13; docs/algorithms.md §3): β_1 = T^{−c0},
 * β_t = (c1 log T / T) · min{β_1 (1 + c1 log T / T)^t, 1} for t &gt; 1, each capped at
 * {@value #BETA_CAP}; ᾱ_t = Π_{i≤t} (1 − β_i), and the same rule gives ᾱ_{T+1}, which the
 * accelerated ODE sampler (001 eq. 15) needs at its first step.
 *
 * <p><b>Output level.</b> 001's theorems (3.1, 3.2) compare Y_1 with X_1: the sampler runs
 * t = T, …, 2 and stops at ᾱ_1 = 1 − T^{−c0}. That is the default here: the grid's levels are
 * ᾱ_1, …, ᾱ_T, so a run of eq. 13's T makes T − 1 steps and its output level is ᾱ_1. With
 * {@code denoise} the grid also has ᾱ_0 = 1 and the last step (t = 1) is the final denoising step
 * to the data, shown as such in the grid's label; samplers whose update needs λ(1) = ∞ or the score
 * at γ = 1 take Tweedie's D(Y_1, ᾱ_1) there (docs/algorithms.md §1).
 *
 * <p>Why it matters: a log-SNR sampler (DPM-Solver, Lagrange, UniPC) on a last interval ending at
 * γ = 1 has an infinite step in λ, and the K-th order Lagrange sampler measured order 2 instead of
 * K when that step was forced through a λ cap. Measured at ᾱ_1 the slope in T is about
 * K(1 − 1/ln T) (the steps shrink like c1 log T / T).
 *
 * @param c0 exponent of β_1 = T^{−c0}
 * @param c1 growth constant
 * @param denoise whether the grid ends at ᾱ_0 = 1 with a final denoising step (otherwise at ᾱ_1)
 */
public record TheorySchedule(double c0, double c1, boolean denoise) implements Schedule {
    /** Largest β allowed, so that every α_t stays positive. */
    public static final double BETA_CAP = 0.999;

    /** Checks c0 &gt; 0 and c1 &gt; 0. */
    public TheorySchedule {
        if (!(c0 > 0) || !(c1 > 0) || !Double.isFinite(c0) || !Double.isFinite(c1)) {
            throw new IllegalArgumentException("theory schedule needs c0 > 0 and c1 > 0, got c0=" + c0 + ", c1=" + c1);
        }
    }

    /** The schedule with output level ᾱ_1, as the theorems measure. */
    public TheorySchedule(double c0, double c1) {
        this(c0, c1, false);
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

    /** ᾱ_t of eq. 13, t = 0 … T + 1, for a run of T steps. */
    public double[] levels(int steps) {
        double[] abar = new double[steps + 2];
        abar[0] = 1;
        for (int t = 1; t <= steps + 1; t++) {
            abar[t] = abar[t - 1] * (1 - beta(t, steps));
        }
        return abar;
    }

    @Override
    public Grid grid(int steps) {
        if (steps < 2) {
            throw new IllegalArgumentException("theory schedule needs T >= 2 (log T must be positive), got " + steps);
        }
        double[] all = levels(steps);
        int first = denoise ? 0 : 1;
        double[] abar = java.util.Arrays.copyOfRange(all, first, steps + 1);
        String label = "theory(c0=" + c0 + ", c1=" + c1 + ")" + (denoise
                ? " + final denoising step to ᾱ_0 = 1"
                : ", output level ᾱ_1 = 1 − T^−c0 = " + all[1] + " (001 Thms 3.1, 3.2)");
        return new Grid(abar, all[steps + 1], label);
    }
}
