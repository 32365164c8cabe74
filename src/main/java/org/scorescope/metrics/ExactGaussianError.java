package org.scorescope.metrics;

import org.scorescope.sampler.Sampler;
import org.scorescope.schedule.Grid;
import org.scorescope.distribution.GaussianMixture;
import org.scorescope.distribution.Target;

/**
 * The exact error of a sampler's output law on a single-Gaussian target: W2 and KL against the
 * true X(ᾱ_0) = N(√ᾱ_0 μ, ᾱ_0 Σ + (1−ᾱ_0) I). KL is KL(X(ᾱ_0) ‖ law of the output), the direction
 * the seed's analysis bounds (001 §3, Pinsker's inequality turns it into TV).
 *
 * @param w2 2-Wasserstein distance
 * @param kl KL(truth ‖ sampler)
 * @param nfe score evaluations per particle
 */
public record ExactGaussianError(double w2, double kl, long nfe) {

    /** Propagates the sampler exactly from X(ᾱ_T) and compares with the truth. */
    public static ExactGaussianError of(Target target, Sampler sampler, Grid grid) {
        return of(target, sampler, grid, GaussianPropagation.Start.EXACT_MARGINAL);
    }

    /** Propagates the sampler exactly from the given start and compares with the truth. */
    public static ExactGaussianError of(Target target, Sampler sampler, Grid grid, GaussianPropagation.Start start) {
        return compare(target, GaussianPropagation.run(target, sampler, grid, start), grid.abar(0));
    }

    /** The error of a propagated law against X(γ). */
    public static ExactGaussianError compare(Target target, GaussianPropagation.Result r, double gamma) {
        GaussianMixture g = (GaussianMixture) target;
        GaussianMixture.Level l = g.level(gamma);
        int d = g.dim();
        double[] m = l.mean[0].clone();
        double[][] s = new double[d][d];
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                s[a][b] = l.covariance[0][a * d + b];
            }
        }
        double w2 = GaussianDistance.w2(r.mean(), r.covariance(), m, s);
        double kl = GaussianDistance.kl(m, s, r.mean(), r.covariance());
        return new ExactGaussianError(w2, kl, r.nfe());
    }
}
