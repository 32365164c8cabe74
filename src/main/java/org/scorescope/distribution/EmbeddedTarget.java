package org.scorescope.distribution;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.scorescope.math.Normal;

/**
 * A target of low dimension embedded in R^d by zero padding (docs/algorithms.md §2, "product /
 * embedding"; 003 Part 2, low-dimensional adaptation): X₀ = (B, 0, …, 0). The padded coordinates
 * of X(γ) are independent N(0, 1−γ); their score is −x/(1−γ).
 */
public final class EmbeddedTarget implements Target {
    private final Target base;
    private final int d;

    /**
     * @param base the low-dimensional target (its coordinates come first)
     * @param dim the ambient dimension, at least {@code base.dim()}
     */
    public EmbeddedTarget(Target base, int dim) {
        if (dim < base.dim() || dim > GaussianMixture.MAX_DIM) {
            throw new IllegalArgumentException("ambient dimension must be in " + base.dim() + ".." + GaussianMixture.MAX_DIM + ", was " + dim);
        }
        this.base = base;
        this.d = dim;
    }

    /** The embedded low-dimensional target. */
    public Target base() {
        return base;
    }

    @Override
    public int dim() {
        return d;
    }

    private double[] head(double[] x) {
        double[] h = new double[base.dim()];
        System.arraycopy(x, 0, h, 0, h.length);
        return h;
    }

    @Override
    public double logDensity(double[] x, double gamma) {
        double v = 1 - gamma;
        double l = base.logDensity(head(x), gamma);
        for (int a = base.dim(); a < d; a++) {
            l += -0.5 * x[a] * x[a] / v - 0.5 * Math.log(v) - Normal.HALF_LOG_2PI;
        }
        return l;
    }

    @Override
    public void score(double[] x, double gamma, double[] out) {
        double[] s = new double[base.dim()];
        base.score(head(x), gamma, s);
        System.arraycopy(s, 0, out, 0, s.length);
        for (int a = base.dim(); a < d; a++) {
            out[a] = -x[a] / (1 - gamma);
        }
    }

    @Override
    public void scoreJacobian(double[] x, double gamma, double[][] out) {
        int b = base.dim();
        double[][] j = new double[b][b];
        base.scoreJacobian(head(x), gamma, j);
        for (int r = 0; r < d; r++) {
            java.util.Arrays.fill(out[r], 0);
        }
        for (int r = 0; r < b; r++) {
            System.arraycopy(j[r], 0, out[r], 0, b);
        }
        for (int a = b; a < d; a++) {
            out[a][a] = -1 / (1 - gamma);
        }
    }

    @Override
    public void scoreBatch(double[][] x, int n, double gamma, double[][] out) {
        int b = base.dim();
        double[][] hx = new double[b][];
        double[][] ho = new double[b][];
        System.arraycopy(x, 0, hx, 0, b);
        System.arraycopy(out, 0, ho, 0, b);
        base.scoreBatch(hx, n, gamma, ho);
        double inv = 1 / (1 - gamma);
        for (int a = b; a < d; a++) {
            for (int i = 0; i < n; i++) {
                out[a][i] = -x[a][i] * inv;
            }
        }
    }

    @Override
    public void sample(double gamma, UniformRandomProvider rng, double[][] out, int from, int to) {
        int b = base.dim();
        double[][] head = new double[b][];
        System.arraycopy(out, 0, head, 0, b);
        base.sample(gamma, rng, head, from, to);
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        double sigma = Math.sqrt(1 - gamma);
        for (int a = b; a < d; a++) {
            for (int p = from; p < to; p++) {
                out[a][p] = sigma * g.sample();
            }
        }
    }

    @Override
    public double boxMass(double[] lo, double[] hi, double gamma) {
        double m = base.boxMass(head(lo), head(hi), gamma);
        double sigma = Math.sqrt(1 - gamma);
        for (int a = base.dim(); a < d && m > 0; a++) {
            m *= Normal.cdf(hi[a] / sigma) - Normal.cdf(lo[a] / sigma);
        }
        return m;
    }

    @Override
    public Target marginal(int... axes) {
        boolean headOnly = true;
        for (int i = 0; i < axes.length; i++) {
            headOnly &= axes[i] == i && i < base.dim();
        }
        if (headOnly && axes.length == base.dim()) {
            return base;
        }
        if (headOnly) {
            return base.marginal(axes);
        }
        throw new UnsupportedOperationException("marginals of an embedded target are taken on its leading coordinates");
    }

    @Override
    public double[][] bounds() {
        double[][] bb = base.bounds();
        double[][] out = new double[2][d];
        for (int a = 0; a < d; a++) {
            out[0][a] = a < base.dim() ? bb[0][a] : -4;
            out[1][a] = a < base.dim() ? bb[1][a] : 4;
        }
        return out;
    }
}
