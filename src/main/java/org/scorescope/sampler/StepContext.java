package org.scorescope.sampler;

import org.scorescope.schedule.Grid;

/**
 * What a sampler sees while it moves one chunk of particles from level ᾱ_t to ᾱ_{t−1}. The engine
 * provides it; every score evaluation goes through {@link #score} and is counted, and every random
 * number comes from the chunk's deterministic stream for this step.
 */
public interface StepContext {
    /** The run's grid. */
    Grid grid();

    /** The step: the sampler moves Y_t to Y_{t−1}. */
    int t();

    /** Dimension d. */
    int dim();

    /** s(x, γ) for n particles; counts n evaluations. */
    void score(double[][] x, int n, double gamma, double[][] out);

    /**
     * s(x_i, γ_i) for n particles each at its own level (randomized midpoint); counts n
     * evaluations. The default scores one particle at a time through {@link #score}.
     */
    default void scoreLevels(double[][] x, int n, double[] gammas, double[][] out) {
        int d = x.length;
        double[][] one = new double[d][1];
        double[][] s = new double[d][1];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < d; a++) {
                one[a][0] = x[a][i];
            }
            score(one, 1, gammas[i], s);
            for (int a = 0; a < d; a++) {
                out[a][i] = s[a][0];
            }
        }
    }

    /**
     * Several independent score batches (one parallel round: PIADM's M evaluations of one iterate):
     * out[j] = s(x[j], γ_j). Counts n per batch. The engine may run them concurrently; the results
     * are the same either way.
     */
    default void scoreAll(double[][][] x, int n, double[] gammas, double[][][] out) {
        for (int j = 0; j < gammas.length; j++) {
            score(x[j], n, gammas[j], out[j]);
        }
    }

    /**
     * J_s(x, γ) v for n particles, J_s the Jacobian of the run's score model (a backward pass through
     * the model, as DPS takes it): counts n evaluations, as many as the forward pass.
     *
     * @throws UnsupportedOperationException when the run's score model has no Jacobian
     */
    default void scoreJacobianProduct(double[][] x, int n, double gamma, double[][] v, double[][] out) {
        throw new UnsupportedOperationException("this run's score model gives no Jacobian products");
    }

    /**
     * Another score model at n particles, counted like {@link #score} (n evaluations): the oracle
     * posterior score that {@code posterior-exact} runs its base sampler on.
     *
     * @throws UnsupportedOperationException where only the run's own score model can be evaluated
     */
    default void scoreOf(org.scorescope.score.ScoreFunction model, double[][] x, int n, double gamma, double[][] out) {
        throw new UnsupportedOperationException("this context evaluates only the run's score model");
    }

    /** Fills out[axis][i], i &lt; n, with the next independent standard normal vector of each particle. */
    void gaussian(double[][] out, int n);

    /**
     * Fills out[i], i &lt; n, with the next uniform draw in [0, 1) of each particle, from the same
     * keyed stream as {@link #gaussian}. Samplers that use it cannot be propagated exactly.
     */
    void uniform(double[] out, int n);

    /** A reusable d × capacity buffer, one per slot number (0, 1, 2, …), private to this chunk. */
    double[][] buffer(int slot);

    /** The run-wide index of this chunk's first particle, or −1 when particles are not real ones (exact propagation). */
    default long firstParticle() {
        return -1;
    }

    /** The sampler's per-chunk memory made by {@link Sampler#newMemory}. */
    Object memory();

    /**
     * The recorder of one particle's terms (docs/algorithms.md; issue 18), or null — which it is in
     * every normal run. Only a tracer replaying the chunk that holds a chosen particle provides one.
     */
    default StepRecorder recorder() {
        return null;
    }
}
