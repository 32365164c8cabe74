package org.scorescope.score;

/**
 * A score model s(x, γ) evaluated on n particles in structure-of-arrays form. Implementations
 * are thread-safe; samplers call them through their step context, which counts every
 * evaluation, each weighted by {@link #evaluationCost}.
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

    /**
     * The score of n particles, particle i at its own level {@code gammas[i]} (randomized
     * midpoint). The default evaluates one particle at a time through one-column views.
     */
    default void evalLevels(double[][] x, int n, double[] gammas, double[][] out) {
        int d = x.length;
        double[][] one = new double[d][1];
        double[][] s = new double[d][1];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < d; a++) {
                one[a][0] = x[a][i];
            }
            eval(one, 1, gammas[i], s);
            for (int a = 0; a < d; a++) {
                out[a][i] = s[a][0];
            }
        }
    }

    /**
     * Model evaluations one call costs per particle at level γ: 1 for a plain score model; a
     * classifier-free guided score needs the conditional and the unconditional model, 2. The NFE
     * of a run counts this, not calls.
     */
    default int evaluationCost(double gamma) {
        return 1;
    }
}
