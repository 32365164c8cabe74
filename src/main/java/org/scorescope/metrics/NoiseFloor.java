package org.scorescope.metrics;

import org.apache.commons.math3.special.Gamma;

/**
 * The histogram TV that N exact samples of X(γ) give on the same bins (docs/algorithms.md §6): a
 * sampler's TV is only meaningful above it.
 *
 * <p>The mean is exact: by linearity E[TV] = ½ Σ_k E|p̂_k − p_k| over the bins and the outside
 * cell, and each count is Binomial(N, p_k), whose mean absolute deviation has de Moivre's closed
 * form E|X − Np| = 2 m C(N, m) p^m (1−p)^{N−m+1}, m = ⌊Np⌋ + 1. The spread uses the per-cell
 * variances Var|p̂ − p| = p(1−p)/N − (E|p̂ − p|)², summed as if cells were independent; the
 * multinomial's negative correlations make this an over-estimate, so the band is conservative.
 *
 * @param mean expected TV of N exact samples
 * @param sd standard deviation (conservative) of that TV
 */
public record NoiseFloor(double mean, double sd) {

    /** The band for N particles on bins with these exact masses. */
    public static NoiseFloor of(double[] masses, long particles) {
        double mean = 0;
        double var = 0;
        double inside = 0;
        for (double p : masses) {
            inside += p;
            double e = meanAbsoluteDeviation(particles, p) / particles;
            mean += e;
            var += Math.max(0, p * (1 - p) / particles - e * e);
        }
        double out = Math.max(0, 1 - inside);
        double e = meanAbsoluteDeviation(particles, out) / particles;
        mean += e;
        var += Math.max(0, out * (1 - out) / particles - e * e);
        return new NoiseFloor(0.5 * mean, 0.5 * Math.sqrt(var));
    }

    /** E|X − np| for X ~ Binomial(n, p), de Moivre's formula in log space. */
    public static double meanAbsoluteDeviation(long n, double p) {
        if (p <= 0 || p >= 1) {
            return 0;
        }
        long m = (long) Math.floor(n * p) + 1;
        if (m > n) {
            return 0;
        }
        double log = Math.log(2) + Math.log(m) + Gamma.logGamma(n + 1.0) - Gamma.logGamma(m + 1.0)
                - Gamma.logGamma(n - m + 1.0) + m * Math.log(p) + (n - m + 1) * Math.log1p(-p);
        return Math.exp(log);
    }

    /** Upper edge of the band, mean + 2 sd. */
    public double upper() {
        return mean + 2 * sd;
    }

    /** Lower edge of the band, max(0, mean − 2 sd). */
    public double lower() {
        return Math.max(0, mean - 2 * sd);
    }
}
