package org.scorescope.metrics;

import org.scorescope.distribution.GaussianMixture;
import org.scorescope.distribution.Target;
import org.scorescope.inverse.InverseProblem;

/**
 * How far a cloud of particles is from the exact posterior p(x₀ | y) (issue 15): histogram TV to the
 * posterior's noised marginal at the particles' level, the mass the cloud puts on each posterior
 * component, and the error of its mean.
 *
 * <p>Component masses are mean responsibilities, m̂_k = (1/N) Σ_i w_k(x_i), with
 * w_k(x) = π'_k N(x; √γ μ'_k, C'_k) / Σ_j π'_j N(x; √γ μ'_j, C'_j) the posterior's own component
 * probabilities at level γ (log space). For exact draws E[w_k(X)] = π'_k exactly, so m̂ is an unbiased
 * estimate of the weights whatever the overlap of the components, and ½ Σ_k |m̂_k − π'_k| is a TV
 * between weight vectors: 0 for a sampler that finds every mode in the right proportion, near 1 for
 * one that lands in the wrong mode (a DPS failure mode). Particles that are not finite count in no
 * component, so their share shows up as missing mass.
 */
public final class PosteriorMetrics {
    private PosteriorMetrics() {
    }

    /** Histogram TV of the particles (first one or two axes) against the exact noised posterior at γ. */
    public static double tv(Target posterior, double[][] x, int n, Binning binning, double gamma) {
        Target marginal = posterior.dim() <= 2 ? posterior : posterior.marginal(0, 1);
        double[] masses = ExactBinMasses.compute(marginal, binning, gamma);
        return TotalVariation.of(Histogram.of(x, n, binning), masses);
    }

    /** The mean responsibilities m̂_k of the posterior's components at level γ. */
    public static double[] componentMasses(GaussianMixture posterior, double[][] x, int n, double gamma) {
        int k = posterior.components();
        int d = posterior.dim();
        GaussianMixture.Level l = posterior.level(gamma);
        double[] mass = new double[k];
        double[] logw = new double[k];
        double[] diff = new double[d];
        for (int i = 0; i < n; i++) {
            boolean finite = true;
            for (int a = 0; a < d; a++) {
                finite &= Double.isFinite(x[a][i]);
            }
            if (!finite) {
                continue;
            }
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                double[] p = l.precision[c];
                for (int a = 0; a < d; a++) {
                    diff[a] = x[a][i] - l.mean[c][a];
                }
                double q = 0;
                for (int a = 0; a < d; a++) {
                    double g = 0;
                    for (int b = 0; b < d; b++) {
                        g += p[a * d + b] * diff[b];
                    }
                    q += diff[a] * g;
                }
                logw[c] = l.logNorm[c] - 0.5 * q;
                max = Math.max(max, logw[c]);
            }
            double sum = 0;
            for (int c = 0; c < k; c++) {
                logw[c] = Math.exp(logw[c] - max);
                sum += logw[c];
            }
            for (int c = 0; c < k; c++) {
                mass[c] += logw[c] / sum;
            }
        }
        for (int c = 0; c < k; c++) {
            mass[c] /= n;
        }
        return mass;
    }

    /** ½ Σ_k |m̂_k − π'_k|. */
    public static double weightError(double[] masses, double[] exact) {
        double s = 0;
        double missing = 1;
        for (int c = 0; c < masses.length; c++) {
            s += Math.abs(masses[c] - exact[c]);
            missing -= masses[c];
        }
        return 0.5 * (s + Math.max(0, missing));
    }

    /** ‖mean of the particles − E[X(γ) | y]‖ with E[X(γ) | y] = √γ E[x₀ | y]; non-finite particles make it NaN. */
    public static double meanError(InverseProblem problem, double[][] x, int n, double gamma) {
        double[] m = problem.posteriorMean();
        double sg = Math.sqrt(gamma);
        double s = 0;
        for (int a = 0; a < m.length; a++) {
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += x[a][i];
            }
            double e = mean / n - sg * m[a];
            s += e * e;
        }
        return Math.sqrt(s);
    }
}
