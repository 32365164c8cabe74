package org.scorescope.metrics;

import java.util.Arrays;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.scorescope.distribution.FramedTarget;

/**
 * The distance of a framed target's particles from its plane, ‖P⊥y‖, against its exact law
 * (docs/imperfect-scores.md): at level γ the residual of X(γ) is N(0, v⊥ P⊥) with v⊥ = γλ⊥ + 1 − γ, so
 * ‖P⊥X‖²/v⊥ ~ χ²(d − k). Reported: the Kolmogorov–Smirnov distance of the particles' residual norms
 * to that law, its 95% critical value 1.358/√N (the floor: exact draws exceed it 5% of the time),
 * and the mean of ‖P⊥y‖ beside its exact value √(2v⊥) Γ((m+1)/2)/Γ(m/2), m = d − k.
 *
 * @param ks the KS distance
 * @param critical 1.358/√N
 * @param meanNorm the particles' mean ‖P⊥y‖
 * @param exactMeanNorm its exact value
 */
public record ResidualNorm(double ks, double critical, double meanNorm, double exactMeanNorm) {

    /**
     * @param target the framed target (d &gt; k)
     * @param y particles
     * @param n how many
     * @param gamma the level they should be at
     */
    public static ResidualNorm of(FramedTarget target, double[][] y, int n, double gamma) {
        int m = target.dim() - target.base().dim();
        if (m < 1) {
            throw new IllegalArgumentException("the target has no directions off its plane (d = k)");
        }
        double v = target.residualVariance(gamma);
        double[] r = target.residualNorms(y, n);
        double mean = 0;
        double[] q = new double[n];
        for (int i = 0; i < n; i++) {
            mean += r[i];
            q[i] = r[i] * r[i] / v;
        }
        mean /= n;
        Arrays.sort(q);
        ChiSquaredDistribution chi = new ChiSquaredDistribution(null, m);
        double ks = 0;
        for (int i = 0; i < n; i++) {
            double f = Double.isNaN(q[i]) ? 1 : chi.cumulativeProbability(q[i]);
            ks = Math.max(ks, Math.max(Math.abs(f - (double) i / n), Math.abs(f - (double) (i + 1) / n)));
        }
        double exact = Math.sqrt(2 * v) * Math.exp(org.apache.commons.math3.special.Gamma.logGamma((m + 1) / 2.0)
                - org.apache.commons.math3.special.Gamma.logGamma(m / 2.0));
        return new ResidualNorm(ks, 1.358 / Math.sqrt(n), mean, exact);
    }
}
