package org.scorescope.discrete;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;

/** The few random draws the discrete samplers need, from a caller's stream. */
final class Draws {
    private Draws() {
    }

    /** Poisson(mean): inversion below mean 20, Commons RNG's sampler above. */
    static int poisson(UniformRandomProvider rng, double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean >= 20) {
            return PoissonSampler.of(rng, mean).sample();
        }
        double u = rng.nextDouble();
        double p = Math.exp(-mean);
        double cdf = p;
        int k = 0;
        while (u > cdf && k < 1000) {
            k++;
            p *= mean / k;
            cdf += p;
        }
        return k;
    }

    /**
     * The index c with {@code Σ_{j<c} w_j ≤ target < Σ_{j≤c} w_j}; round-off past the end gives the last
     * positive weight.
     */
    static int pick(double[] w, int n, double target) {
        double cum = 0;
        int last = -1;
        for (int c = 0; c < n; c++) {
            if (w[c] > 0) {
                cum += w[c];
                last = c;
                if (target < cum) {
                    return c;
                }
            }
        }
        return last;
    }
}
