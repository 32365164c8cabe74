package org.scorescope.schedule;

import java.util.Arrays;

/**
 * A discrete noise schedule ᾱ_0 &gt; ᾱ_1 &gt; … &gt; ᾱ_T (docs/algorithms.md §1): ᾱ_0 is the output level
 * (1 or just below), ᾱ_T the noise level where sampling starts. Samplers run t = T, …, 1 and
 * produce Y_{t−1} at level ᾱ_{t−1}.
 *
 * @param abar the levels, index 0 = output, index T = noise; strictly decreasing in (0, 1]
 * @param abarBeyond ᾱ_{T+1} when the schedule's own rule defines it (the theory schedule), else NaN
 * @param label how the grid was made, for captions and file headers
 */
public record Grid(double[] abar, double abarBeyond, String label) {

    /** Checks the levels and copies them. */
    public Grid {
        abar = abar.clone();
        validate(abar);
        if (!Double.isNaN(abarBeyond) && !(abarBeyond > 0 && abarBeyond < abar[abar.length - 1])) {
            throw new IllegalArgumentException("abarBeyond must lie in (0, abar[T]), was " + abarBeyond);
        }
    }

    /** A grid with no ᾱ_{T+1}. */
    public Grid(double[] abar, String label) {
        this(abar, Double.NaN, label);
    }

    /**
     * @throws IllegalArgumentException naming the first bad index when the values are not strictly
     *     decreasing inside (0, 1] (only ᾱ_0 may equal 1) or there are fewer than two
     */
    public static void validate(double[] abar) {
        if (abar.length < 2) {
            throw new IllegalArgumentException("a grid needs at least 2 levels (T >= 1), got " + abar.length);
        }
        for (int i = 0; i < abar.length; i++) {
            double v = abar[i];
            boolean inRange = i == 0 ? (v > 0 && v <= 1) : (v > 0 && v < 1);
            if (!inRange || Double.isNaN(v)) {
                throw new IllegalArgumentException("alpha-bar[" + i + "] = " + v + " must lie in "
                        + (i == 0 ? "(0, 1]" : "(0, 1)"));
            }
            if (i > 0 && !(v < abar[i - 1])) {
                throw new IllegalArgumentException("alpha-bar must be strictly decreasing from the output level to the noise level: "
                        + "alpha-bar[" + i + "] = " + v + " is not below alpha-bar[" + (i - 1) + "] = " + abar[i - 1]);
            }
        }
    }

    /** Number of steps T. */
    public int steps() {
        return abar.length - 1;
    }

    /** ᾱ_t; for t = T+1 the schedule's extension, NaN if it has none. */
    public double abar(int t) {
        return t == abar.length ? abarBeyond : abar[t];
    }

    /** α_t = ᾱ_t / ᾱ_{t−1}, for 1 ≤ t ≤ T (and T+1 when {@link #abarBeyond} is defined). */
    public double alpha(int t) {
        return abar(t) / abar(t - 1);
    }

    /** Whether ᾱ_{T+1} is defined. */
    public boolean hasBeyond() {
        return !Double.isNaN(abarBeyond);
    }

    /** A copy of the levels. */
    @Override
    public double[] abar() {
        return abar.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Grid g && Arrays.equals(abar, g.abar)
                && Double.compare(abarBeyond, g.abarBeyond) == 0 && label.equals(g.label);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(abar) * 31 + Double.hashCode(abarBeyond);
    }

    @Override
    public String toString() {
        return label + " (T=" + steps() + ", abar from " + abar[0] + " to " + abar[steps()] + ")";
    }
}
