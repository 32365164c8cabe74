package org.scorescope.score;

/**
 * A score model s(x, γ) evaluated on n particles in structure-of-arrays form. Implementations
 * are thread-safe; samplers call them through their step context, which counts every
 * evaluation.
 */
@FunctionalInterface
public interface ScoreFunction {
    /**
     * @param x positions, x[axis][i], i &lt; n
     * @param n number of particles
     * @param gamma the level γ ∈ (0, 1)
     * @param out the score, out[axis][i]; may not alias {@code x}
     */
    void eval(double[][] x, int n, double gamma, double[][] out);
}
