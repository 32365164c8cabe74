package org.scorescope.metrics;

import org.scorescope.distribution.GaussianMixture;
import org.scorescope.distribution.Target;
import org.scorescope.sampler.Sampler;
import org.scorescope.schedule.Grid;

/**
 * The exact error of a sampler's output law on a single-Gaussian target: W2 and KL against the
 * true X(ᾱ_0) = N(√ᾱ_0 μ, ᾱ_0 Σ + (1−ᾱ_0) I). KL is KL(X(ᾱ_0) ‖ law of the output), the direction
 * the seed's analysis bounds (001 §3, Pinsker's inequality turns it into TV). Each distance is
 * computed only when asked for (a W2 study never pays for, or fails on, a KL), and both are defined
 * on singular laws ({@link GaussianDistance}); a non-finite law gives NaN, never an exception.
 */
public final class ExactGaussianError {
    private final double[] truthMean;
    private final double[][] truthCovariance;
    private final GaussianPropagation.Result law;
    private final int steps;

    private ExactGaussianError(double[] truthMean, double[][] truthCovariance, GaussianPropagation.Result law, int steps) {
        this.truthMean = truthMean;
        this.truthCovariance = truthCovariance;
        this.law = law;
        this.steps = steps;
    }

    /** Propagates the sampler exactly from X(ᾱ_T) and compares with the truth. */
    public static ExactGaussianError of(Target target, Sampler sampler, Grid grid) {
        return of(target, sampler, grid, GaussianPropagation.Start.EXACT_MARGINAL);
    }

    /** Propagates the sampler exactly from the given start and compares with the truth. */
    public static ExactGaussianError of(Target target, Sampler sampler, Grid grid, GaussianPropagation.Start start) {
        return compare(target, GaussianPropagation.run(target, sampler, grid, start), grid.abar(0), grid.steps());
    }

    /** The error of a propagated law against X(γ). */
    public static ExactGaussianError compare(Target target, GaussianPropagation.Result r, double gamma) {
        return compare(target, r, gamma, 0);
    }

    /**
     * The error of a law propagated through {@code steps} steps against X(γ) (the step count sets
     * the precision floor).
     */
    public static ExactGaussianError compare(Target target, GaussianPropagation.Result r, double gamma, int steps) {
        GaussianMixture g = (GaussianMixture) target;
        GaussianMixture.Level l = g.level(gamma);
        int d = g.dim();
        double[][] s = new double[d][d];
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                s[a][b] = l.covariance[0][a * d + b];
            }
        }
        return new ExactGaussianError(l.mean[0].clone(), s, r, steps);
    }

    /** 2-Wasserstein distance (NaN for a non-finite law). */
    public double w2() {
        return GaussianDistance.w2(law.mean(), law.covariance(), truthMean, truthCovariance);
    }

    /** KL(truth ‖ sampler): +∞ when the output's support misses the truth's, NaN for a non-finite law. */
    public double kl() {
        return GaussianDistance.kl(truthMean, truthCovariance, law.mean(), law.covariance());
    }

    /** The smallest W2 this comparison resolves ({@link GaussianDistance#w2Floor}). */
    public double w2Floor() {
        return GaussianDistance.w2Floor(truthMean, truthCovariance, steps);
    }

    /** Score evaluations per particle. */
    public long nfe() {
        return law.nfe();
    }

    /** The propagated law. */
    public GaussianPropagation.Result law() {
        return law;
    }

    /** Whether the law is finite. */
    public boolean finite() {
        return GaussianDistance.finite(law.mean(), law.covariance());
    }

    /** √(|m|² + tr S) of the output law. */
    public double lawScale() {
        return GaussianPropagation.scale(law.mean(), law.covariance());
    }

    /** √(|m|² + tr S) of the truth. */
    public double truthScale() {
        return GaussianPropagation.scale(truthMean, truthCovariance);
    }
}
