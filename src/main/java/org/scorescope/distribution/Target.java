package org.scorescope.distribution;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * A data distribution whose noised marginals {@code X(γ) = √γ X₀ + √(1−γ) Z} are known in closed
 * form at every noise level γ ∈ (0, 1) (docs/algorithms.md §1–2).
 *
 * <p>Batch methods work on structure-of-arrays particles: {@code x[axis][i]} for i in
 * {@code [0, n)}. Implementations are immutable and thread-safe.
 */
public interface Target {

    /** Dimension d of the space. */
    int dim();

    /** log p_γ(x). */
    double logDensity(double[] x, double gamma);

    /** p_γ(x). */
    default double density(double[] x, double gamma) {
        return Math.exp(logDensity(x, gamma));
    }

    /** The score s(x, γ) = ∇ log p_γ(x), written into {@code out}. */
    void score(double[] x, double gamma, double[] out);

    /** The Jacobian of the score (Hessian of log p_γ), written into {@code out[i][j] = ∂s_i/∂x_j}. */
    void scoreJacobian(double[] x, double gamma, double[][] out);

    /**
     * The score of n particles at one level. The default loops over {@link #score}; mixtures
     * override it with a kernel that prepares the level once.
     */
    default void scoreBatch(double[][] x, int n, double gamma, double[][] out) {
        int d = dim();
        double[] p = new double[d];
        double[] s = new double[d];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < d; a++) {
                p[a] = x[a][i];
            }
            score(p, gamma, s);
            for (int a = 0; a < d; a++) {
                out[a][i] = s[a];
            }
        }
    }

    /**
     * The score of n particles, particle i at its own level {@code gammas[i]}. The default scores one
     * particle at a time through a one-column view (allocating per call, not per particle); mixtures
     * override it.
     */
    default void scoreBatchLevels(double[][] x, int n, double[] gammas, double[][] out) {
        int d = dim();
        double[][] one = new double[d][1];
        double[][] s = new double[d][1];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < d; a++) {
                one[a][0] = x[a][i];
            }
            scoreBatch(one, 1, gammas[i], s);
            for (int a = 0; a < d; a++) {
                out[a][i] = s[a][0];
            }
        }
    }

    /** log p_γ at n particles into {@code out[i]}. The default loops; mixtures prepare the level once. */
    default void logDensityBatch(double[][] x, int n, double gamma, double[] out) {
        int d = dim();
        double[] p = new double[d];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < d; a++) {
                p[a] = x[a][i];
            }
            out[i] = logDensity(p, gamma);
        }
    }

    /** Tweedie's data prediction D(x, γ) = (x + (1−γ) s(x, γ)) / √γ (docs/algorithms.md §1). */
    default void denoise(double[] x, double gamma, double[] out) {
        score(x, gamma, out);
        double sg = Math.sqrt(gamma);
        for (int a = 0; a < x.length; a++) {
            out[a] = (x[a] + (1 - gamma) * out[a]) / sg;
        }
    }

    /** Exact draws of X(γ) into particles [from, to) of {@code out}. */
    void sample(double gamma, UniformRandomProvider rng, double[][] out, int from, int to);

    /**
     * The exact probability that X(γ) falls in the axis-aligned box [lo, hi] (bounds may be
     * infinite). Supported for d ≤ 2 and for targets whose marginals factor; others throw
     * {@link UnsupportedOperationException}.
     */
    double boxMass(double[] lo, double[] hi, double gamma);

    /** The marginal law of the listed coordinates, itself a target with closed-form noised law. */
    Target marginal(int... axes);

    /** An axis-aligned box holding nearly all of the mass of X(γ) for every γ: a default view. */
    double[][] bounds();

    /** Whether this is a single Gaussian (possibly singular): then every sampler is exactly analysable. */
    default boolean isSingleGaussian() {
        return false;
    }
}
