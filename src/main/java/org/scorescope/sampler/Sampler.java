package org.scorescope.sampler;

/**
 * One sampling algorithm of docs/algorithms.md §4–5. A sampler is stateless and thread-safe; what it
 * remembers between steps (a previous ε, a step counter) lives in the per-chunk memory it makes.
 *
 * <p>Every step must be affine in the particle positions, the scores and the Gaussian draws, with
 * coefficients that do not depend on the particles: that is what the exact Gaussian propagation of
 * {@code metrics.GaussianPropagation} relies on, and it holds for every sampler of the seeds.
 */
public interface Sampler {
    /** The sampler's metadata. */
    SamplerInfo info();

    /**
     * Per-chunk memory, created once per chunk before the first step.
     *
     * @param dim dimension d
     * @param capacity particles in the chunk
     */
    default Object newMemory(int dim, int capacity) {
        return null;
    }

    /**
     * Moves the chunk's particles {@code y[axis][i]}, i &lt; n, from Y_t to Y_{t−1} in place.
     */
    void step(StepContext ctx, double[][] y, int n);
}
