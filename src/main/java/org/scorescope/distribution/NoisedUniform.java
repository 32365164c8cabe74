package org.scorescope.distribution;

import org.scorescope.math.Normal;

/**
 * The one-dimensional law of √γ U + √(1−γ) Z with U uniform on [a, b] (docs/algorithms.md §2, box
 * mixture). Its density is (Φ(z_A) − Φ(z_B)) / (√γ (b−a)) with z_A = (x − √γ a)/σ,
 * z_B = (x − √γ b)/σ, σ = √(1−γ); everything is evaluated in log space. When the noised box is
 * much narrower than σ (γ → 0) the difference of CDFs is replaced by its expansion around the
 * midpoint, φ(z_m) ε (1 + (z_m² − 1) ε²/24), ε = √γ (b−a)/σ, whose next term is O(ε⁴ z⁴).
 */
final class NoisedUniform {
    private static final double EXPANSION_BELOW = 1e-3;

    private NoisedUniform() {
    }

    /** log density, d/dx log density and d²/dx² log density at x, written into {@code out[0..2]}. */
    static void logDensityAndDerivatives(double x, double a, double b, double gamma, double[] out) {
        double sg = Math.sqrt(gamma);
        double sigma = Math.sqrt(1 - gamma);
        double lo = sg * a;
        double hi = sg * b;
        double width = hi - lo;
        double eps = width / sigma;
        double zm = (x - 0.5 * (lo + hi)) / sigma;
        if (eps * (1 + Math.abs(zm)) < EXPANSION_BELOW) {
            double e2 = eps * eps / 24;
            double u = 1 + (zm * zm - 1) * e2;
            out[0] = Normal.logPdf(zm) + Math.log(eps) + Math.log(u) - Math.log(width);
            out[1] = (-zm + 2 * zm * e2 / u) / sigma;
            out[2] = (-1 + 2 * e2 * (1 - (zm * zm + 1) * e2) / (u * u)) / (sigma * sigma);
            return;
        }
        double za = (x - lo) / sigma;
        double zb = (x - hi) / sigma;
        double logD = Normal.logDiffCdf(za, zb);
        double ra = Math.exp(Normal.logPdf(za) - logD);
        double rb = Math.exp(Normal.logPdf(zb) - logD);
        double first = (ra - rb) / sigma;
        out[0] = logD - Math.log(width);
        out[1] = first;
        out[2] = (-za * ra + zb * rb) / (sigma * sigma) - first * first;
    }

    /**
     * log density and d/dx log density only, with the level's constants of the interval given
     * (noised ends lo = √γ a, hi = √γ b, σ, width = hi − lo, ε = width/σ, log width, log ε): the
     * same expressions as {@link #logDensityAndDerivatives}, for batches that prepare each interval
     * once per call and skip the second derivative.
     */
    static void logDensityAndSlope(double x, double lo, double hi, double sigma, double eps, double logWidth,
            double logEps, double[] out) {
        double zm = (x - 0.5 * (lo + hi)) / sigma;
        if (eps * (1 + Math.abs(zm)) < EXPANSION_BELOW) {
            double e2 = eps * eps / 24;
            double u = 1 + (zm * zm - 1) * e2;
            out[0] = Normal.logPdf(zm) + logEps + Math.log(u) - logWidth;
            out[1] = (-zm + 2 * zm * e2 / u) / sigma;
            return;
        }
        double za = (x - lo) / sigma;
        double zb = (x - hi) / sigma;
        double logD = Normal.logDiffCdf(za, zb);
        double ra = Math.exp(Normal.logPdf(za) - logD);
        double rb = Math.exp(Normal.logPdf(zb) - logD);
        out[0] = logD - logWidth;
        out[1] = (ra - rb) / sigma;
    }

    /** The probability of [l, u] (bounds may be infinite). */
    static double mass(double l, double u, double a, double b, double gamma) {
        double sg = Math.sqrt(gamma);
        double sigma = Math.sqrt(1 - gamma);
        double lo = sg * a;
        double hi = sg * b;
        double width = hi - lo;
        if (sigma == 0) {
            return Math.max(0, Math.min(u, hi) - Math.max(l, lo)) / width;
        }
        if (width / sigma < 0.1) {
            // Average over the centre c ∈ [lo, hi] of the normal mass of [l, u]: Gauss–Legendre, 8 points.
            double m = 0;
            for (int i = 0; i < GL8_X.length; i++) {
                double c = 0.5 * (lo + hi) + 0.5 * width * GL8_X[i];
                m += 0.5 * GL8_W[i] * normalMass(l, u, c, sigma);
            }
            return m;
        }
        return Math.max(0, Math.min(1, cdf(u, lo, hi, sigma) - cdf(l, lo, hi, sigma)));
    }

    /** F(x) = (h(x − lo) − h(x − hi)) / (hi − lo), from ∫ Φ((x−c)/σ) dx = y Φ(y/σ) + σ φ(y/σ), y = x − c. */
    private static double cdf(double x, double lo, double hi, double sigma) {
        if (x == Double.POSITIVE_INFINITY) {
            return 1;
        }
        if (x == Double.NEGATIVE_INFINITY) {
            return 0;
        }
        return (h(x - lo, sigma) - h(x - hi, sigma)) / (hi - lo);
    }

    private static double h(double y, double sigma) {
        double z = y / sigma;
        return y * Normal.cdf(z) + sigma * Normal.pdf(z);
    }

    private static double normalMass(double l, double u, double c, double sigma) {
        double zu = (u - c) / sigma;
        double zl = (l - c) / sigma;
        if (!(zu > zl)) {
            return 0;
        }
        return Math.exp(Normal.logDiffCdf(zu, zl));
    }

    private static final double[] GL8_X = {
        -0.9602898564975363, -0.7966664774136267, -0.5255324099163290, -0.1834346424956498,
        0.1834346424956498, 0.5255324099163290, 0.7966664774136267, 0.9602898564975363};
    private static final double[] GL8_W = {
        0.1012285362903763, 0.2223810344533745, 0.3137066458778873, 0.3626837833783620,
        0.3626837833783620, 0.3137066458778873, 0.2223810344533745, 0.1012285362903763};
}
