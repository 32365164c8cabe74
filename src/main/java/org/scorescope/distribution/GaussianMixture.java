package org.scorescope.distribution;

import java.util.Arrays;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.scorescope.math.BivariateNormal;
import org.scorescope.math.Normal;

/**
 * A Gaussian mixture Σ_k π_k N(μ_k, Σ_k) in any dimension d ≤ 10, with full, singular or zero
 * covariances (docs/algorithms.md §2). Its noised law is the mixture
 * Σ_k π_k N(√γ μ_k, C_k), C_k = γ Σ_k + (1−γ) I.
 *
 * <p>Each Σ_k is eigendecomposed once, Σ_k = U_k diag(λ_k) U_kᵀ, so that C_k⁻¹ and log det C_k
 * at any γ come from the eigenvalues γλ + (1−γ): exact even for singular Σ_k with γ within
 * 1e-12 of 1, where inverting C_k directly would lose most digits.
 */
public final class GaussianMixture implements Target {
    /** The largest dimension a mixture may have. */
    public static final int MAX_DIM = 10;

    private final int d;
    private final int k;
    private final double[] weights;
    private final double[] logWeights;
    private final double[][] means;
    private final double[][][] covariances;
    private final double[][] eigenvalues;
    /** eigenvectors[k][i][j]: component i of eigenvector j of Σ_k. */
    private final double[][][] eigenvectors;
    private final double[] cumulative;
    /** Recently used levels (a step's chunks all ask for the same few γ), by a hash of γ's bits. */
    private final java.util.concurrent.atomic.AtomicReferenceArray<Level> recent = new java.util.concurrent.atomic.AtomicReferenceArray<>(16); // slots: the top 4 bits of a hash

    /**
     * @param weights non-negative mixture weights (normalised here), one per component
     * @param means μ_k, each of length d
     * @param covariances Σ_k, each symmetric positive semi-definite d × d
     * @throws IllegalArgumentException with the offending field when the arrays disagree or a
     *     covariance is not positive semi-definite
     */
    public GaussianMixture(double[] weights, double[][] means, double[][][] covariances) {
        k = weights.length;
        if (k == 0 || means.length != k || covariances.length != k) {
            throw new IllegalArgumentException("weights, means and covariances must have the same, non-zero length");
        }
        d = means[0].length;
        if (d < 1 || d > MAX_DIM) {
            throw new IllegalArgumentException("dimension must be in 1.." + MAX_DIM + ", was " + d);
        }
        double total = 0;
        for (int c = 0; c < k; c++) {
            if (!(weights[c] >= 0) || !Double.isFinite(weights[c])) {
                throw new IllegalArgumentException("weights[" + c + "] must be a finite number >= 0, was " + weights[c]);
            }
            total += weights[c];
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("weights must not all be zero");
        }
        this.weights = new double[k];
        this.logWeights = new double[k];
        this.means = new double[k][];
        this.covariances = new double[k][][];
        this.eigenvalues = new double[k][d];
        this.eigenvectors = new double[k][d][d];
        this.cumulative = new double[k];
        double acc = 0;
        for (int c = 0; c < k; c++) {
            this.weights[c] = weights[c] / total;
            this.logWeights[c] = Math.log(this.weights[c]);
            acc += this.weights[c];
            cumulative[c] = acc;
            if (means[c].length != d) {
                throw new IllegalArgumentException("means[" + c + "] must have length " + d);
            }
            for (double m : means[c]) {
                if (!Double.isFinite(m)) {
                    throw new IllegalArgumentException("means[" + c + "] must be finite, was " + Arrays.toString(means[c]));
                }
            }
            this.means[c] = means[c].clone();
            this.covariances[c] = checkCovariance(covariances[c], c);
            decompose(c);
        }
        cumulative[k - 1] = 1.0;
        levelFree = d == 2 ? LevelFree2.of(this) : null;
    }

    /** In 2D, the constants of the per-particle-level kernel; null otherwise. */
    private final LevelFree2 levelFree;

    /**
     * What the 2D score at per-particle levels needs, independent of γ: per component the mean,
     * the outer products of the two unit eigenvectors (a = u₁u₁ᵀ, b = u₂u₂ᵀ: C⁻¹ = a/ev₁ + b/ev₂
     * with ev = γλ + 1 − γ), log π − log 2π and its eigenvalue group; per group the eigenvalues.
     * Components whose eigenvalue pairs agree to 1e-13 (relative) share a group and its log det, so
     * ring8's eight rotated copies cost one logarithm per particle, not eight.
     */
    record LevelFree2(double[] mu0, double[] mu1, double[] a00, double[] a01, double[] a11, double[] b00, double[] b01,
            double[] b11, double[] lnc, int[] group, double[] lambda1, double[] lambda2) {
        static LevelFree2 of(GaussianMixture g) {
            int k = g.k;
            double[][] v = new double[12][k];
            int[] group = new int[k];
            java.util.List<double[]> groups = new java.util.ArrayList<>();
            for (int c = 0; c < k; c++) {
                double[][] u = g.eigenvectors[c];
                double l1 = g.eigenvalues[c][0];
                double l2 = g.eigenvalues[c][1];
                v[0][c] = g.means[c][0];
                v[1][c] = g.means[c][1];
                v[2][c] = u[0][0] * u[0][0];
                v[3][c] = u[0][0] * u[1][0];
                v[4][c] = u[1][0] * u[1][0];
                v[5][c] = u[0][1] * u[0][1];
                v[6][c] = u[0][1] * u[1][1];
                v[7][c] = u[1][1] * u[1][1];
                v[8][c] = g.logWeights[c] - 2 * Normal.HALF_LOG_2PI;
                int found = -1;
                for (int h = 0; h < groups.size() && found < 0; h++) {
                    if (close(groups.get(h)[0], l1) && close(groups.get(h)[1], l2)) {
                        found = h;
                    }
                }
                if (found < 0) {
                    groups.add(new double[] {l1, l2});
                    found = groups.size() - 1;
                }
                group[c] = found;
            }
            double[] l1s = new double[groups.size()];
            double[] l2s = new double[groups.size()];
            for (int h = 0; h < groups.size(); h++) {
                l1s[h] = groups.get(h)[0];
                l2s[h] = groups.get(h)[1];
            }
            return new LevelFree2(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], group, l1s, l2s);
        }

        private static boolean close(double a, double b) {
            return Math.abs(a - b) <= 1e-13 * Math.max(Math.abs(a), Math.abs(b));
        }
    }

    /**
     * The score of n particles each at its own level γ_i ∈ (0, 1) (randomized midpoint): in 2D by
     * {@link MixtureScoreKernel#scoreLevels2}, which builds each particle's precisions from the
     * eigenvalues instead of a {@link Level} per particle; otherwise one level per particle.
     */
    @Override
    public void scoreBatchLevels(double[][] x, int n, double[] gammas, double[][] out) {
        boolean inside = true;
        for (int i = 0; i < n && inside; i++) {
            inside = gammas[i] > 0 && gammas[i] < 1;
        }
        if (levelFree != null && inside) {
            MixtureScoreKernel.scoreLevels2(levelFree, k, x[0], x[1], gammas, n, out[0], out[1]);
            return;
        }
        Target.super.scoreBatchLevels(x, n, gammas, out);
    }

    private double[][] checkCovariance(double[][] s, int c) {
        if (s.length != d) {
            throw new IllegalArgumentException("covariances[" + c + "] must be " + d + " x " + d);
        }
        double[][] copy = new double[d][];
        for (int i = 0; i < d; i++) {
            if (s[i].length != d) {
                throw new IllegalArgumentException("covariances[" + c + "] must be " + d + " x " + d);
            }
            for (int j = 0; j < d; j++) {
                if (!Double.isFinite(s[i][j])) {
                    throw new IllegalArgumentException("covariances[" + c + "][" + i + "][" + j + "] must be finite");
                }
                if (Math.abs(s[i][j] - s[j][i]) > 1e-12 * (1 + Math.abs(s[i][j]))) {
                    throw new IllegalArgumentException("covariances[" + c + "] must be symmetric");
                }
            }
            copy[i] = s[i].clone();
        }
        return copy;
    }

    private void decompose(int c) {
        RealMatrix m = new Array2DRowRealMatrix(covariances[c]);
        EigenDecomposition e = new EigenDecomposition(m);
        double scale = 0;
        for (int j = 0; j < d; j++) {
            scale = Math.max(scale, Math.abs(e.getRealEigenvalue(j)));
        }
        for (int j = 0; j < d; j++) {
            double l = e.getRealEigenvalue(j);
            if (l < -1e-10 * Math.max(1, scale)) {
                throw new IllegalArgumentException("covariances[" + c + "] must be positive semi-definite (eigenvalue " + l + ")");
            }
            eigenvalues[c][j] = Math.max(0, l);
            double[] v = e.getEigenvector(j).toArray();
            for (int i = 0; i < d; i++) {
                eigenvectors[c][i][j] = v[i];
            }
        }
    }

    @Override
    public int dim() {
        return d;
    }

    /** Number of components K. */
    public int components() {
        return k;
    }

    /** Normalised weight π_k. */
    public double weight(int c) {
        return weights[c];
    }

    /** A copy of μ_k. */
    public double[] mean(int c) {
        return means[c].clone();
    }

    /** A copy of Σ_k. */
    public double[][] covariance(int c) {
        double[][] out = new double[d][];
        for (int i = 0; i < d; i++) {
            out[i] = covariances[c][i].clone();
        }
        return out;
    }

    @Override
    public boolean isSingleGaussian() {
        return k == 1;
    }

    /**
     * Everything about level γ that does not depend on x: the noised means √γ μ_k, the precisions
     * C_k⁻¹ (row-major, d·d) and log π_k − ½ log det(2π C_k).
     */
    public Level level(double gamma) {
        return new Level(gamma);
    }

    /**
     * The level γ from a small cache: built once per level, not per call (every chunk of a step
     * scores at the same γ). Levels are immutable once built; a race only builds one twice.
     */
    Level cachedLevel(double gamma) {
        long bits = Double.doubleToRawLongBits(gamma);
        int slot = (int) ((bits * 0x9E3779B97F4A7C15L) >>> 60);
        Level l = recent.get(slot);
        if (l == null || Double.doubleToRawLongBits(l.gamma) != bits) {
            l = new Level(gamma);
            recent.set(slot, l);
        }
        return l;
    }

    /** The per-level constants of the noised mixture; see {@link #level(double)}. */
    public final class Level {
        /** γ. */
        public final double gamma;
        /** mean[k][i] = √γ μ_k[i]. */
        public final double[][] mean;
        /** precision[k][i*d+j] = (C_k⁻¹)_{ij}. */
        public final double[][] precision;
        /** logNorm[k] = log π_k − ½ log det(2π C_k). */
        public final double[] logNorm;
        /** covariance[k][i*d+j] = (C_k)_{ij}. */
        public final double[][] covariance;
        /** In 2D, the same as planar arrays for the kernel; null otherwise. */
        final MixtureScoreKernel.Planar2 planar;

        Level(double gamma) {
            this.gamma = gamma;
            double sg = Math.sqrt(gamma);
            double noise = 1 - gamma;
            mean = new double[k][d];
            precision = new double[k][d * d];
            covariance = new double[k][d * d];
            logNorm = new double[k];
            for (int c = 0; c < k; c++) {
                double logDet = 0;
                double[] inv = new double[d];
                double[] ev = new double[d];
                for (int j = 0; j < d; j++) {
                    ev[j] = gamma * eigenvalues[c][j] + noise;
                    inv[j] = 1 / ev[j];
                    logDet += Math.log(ev[j]);
                }
                double[][] u = eigenvectors[c];
                for (int i = 0; i < d; i++) {
                    mean[c][i] = sg * means[c][i];
                    for (int j = 0; j < d; j++) {
                        double p = 0;
                        double s = 0;
                        for (int l = 0; l < d; l++) {
                            p += u[i][l] * inv[l] * u[j][l];
                            s += u[i][l] * ev[l] * u[j][l];
                        }
                        precision[c][i * d + j] = p;
                        covariance[c][i * d + j] = s;
                    }
                }
                logNorm[c] = logWeights[c] - 0.5 * logDet - d * Normal.HALF_LOG_2PI;
            }
            planar = d == 2 ? MixtureScoreKernel.Planar2.of(this, k) : null;
        }

        /** Log of π_k N(x; m_k, C_k) for every k into {@code logw}; gradients −C_k⁻¹(x − m_k) into {@code grad[k]}. */
        void components(double[] x, double[] logw, double[][] grad) {
            double[] diff = new double[d];
            for (int c = 0; c < k; c++) {
                for (int i = 0; i < d; i++) {
                    diff[i] = x[i] - mean[c][i];
                }
                double q = 0;
                for (int i = 0; i < d; i++) {
                    double g = 0;
                    for (int j = 0; j < d; j++) {
                        g += precision[c][i * d + j] * diff[j];
                    }
                    grad[c][i] = -g;
                    q += diff[i] * g;
                }
                logw[c] = logNorm[c] - 0.5 * q;
            }
        }
    }

    @Override
    public double logDensity(double[] x, double gamma) {
        Level l = level(gamma);
        double[] logw = new double[k];
        l.components(x, logw, new double[k][d]);
        double max = Double.NEGATIVE_INFINITY;
        for (double v : logw) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (double v : logw) {
            sum += Math.exp(v - max);
        }
        return max + Math.log(sum);
    }

    @Override
    public void logDensityBatch(double[][] x, int n, double gamma, double[] out) {
        Level l = level(gamma);
        double[] p = new double[d];
        double[] logw = new double[k];
        double[][] grad = new double[k][d];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < d; a++) {
                p[a] = x[a][i];
            }
            l.components(p, logw, grad);
            double max = Double.NEGATIVE_INFINITY;
            for (double v : logw) {
                max = Math.max(max, v);
            }
            double sum = 0;
            for (double v : logw) {
                sum += Math.exp(v - max);
            }
            out[i] = max + Math.log(sum);
        }
    }

    @Override
    public void score(double[] x, double gamma, double[] out) {
        posterior(level(gamma), x, out, null);
    }

    /** Posterior weights w_k(x) in {@code w}, the score in {@code out}; returns the gradients per component. */
    private double[][] posterior(Level l, double[] x, double[] out, double[] w) {
        double[] logw = new double[k];
        double[][] grad = new double[k][d];
        l.components(x, logw, grad);
        double max = Double.NEGATIVE_INFINITY;
        for (double v : logw) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (int c = 0; c < k; c++) {
            logw[c] = Math.exp(logw[c] - max);
            sum += logw[c];
        }
        Arrays.fill(out, 0);
        for (int c = 0; c < k; c++) {
            logw[c] /= sum;
            for (int i = 0; i < d; i++) {
                out[i] += logw[c] * grad[c][i];
            }
        }
        if (w != null) {
            System.arraycopy(logw, 0, w, 0, k);
        }
        return grad;
    }

    /** H = Σ_k w_k (−C_k⁻¹ + g_k g_kᵀ) − s sᵀ, the Hessian of the log of a mixture. */
    @Override
    public void scoreJacobian(double[] x, double gamma, double[][] out) {
        Level l = level(gamma);
        double[] s = new double[d];
        double[] w = new double[k];
        double[][] grad = posterior(l, x, s, w);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double h = -s[i] * s[j];
                for (int c = 0; c < k; c++) {
                    h += w[c] * (-l.precision[c][i * d + j] + grad[c][i] * grad[c][j]);
                }
                out[i][j] = h;
            }
        }
    }

    @Override
    public void scoreBatch(double[][] x, int n, double gamma, double[][] out) {
        MixtureScoreKernel.score(cachedLevel(gamma), d, k, x, n, out);
    }

    @Override
    public void sample(double gamma, UniformRandomProvider rng, double[][] out, int from, int to) {
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        double sg = Math.sqrt(gamma);
        double[][] sd = new double[k][d];
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) {
                sd[c][j] = Math.sqrt(gamma * eigenvalues[c][j] + (1 - gamma));
            }
        }
        double[] z = new double[d];
        for (int p = from; p < to; p++) {
            double u = rng.nextDouble();
            int c = 0;
            while (c < k - 1 && u >= cumulative[c]) {
                c++;
            }
            for (int j = 0; j < d; j++) {
                z[j] = sd[c][j] * gauss.sample();
            }
            for (int i = 0; i < d; i++) {
                double v = sg * means[c][i];
                for (int j = 0; j < d; j++) {
                    v += eigenvectors[c][i][j] * z[j];
                }
                out[i][p] = v;
            }
        }
    }

    @Override
    public double boxMass(double[] lo, double[] hi, double gamma) {
        if (d > 2) {
            throw new UnsupportedOperationException("box masses are computed in 1 or 2 dimensions; take a marginal first");
        }
        Level l = level(gamma);
        double mass = 0;
        for (int c = 0; c < k; c++) {
            mass += weights[c] * componentMass(l, c, lo, hi);
        }
        return Math.min(1, Math.max(0, mass));
    }

    private double componentMass(Level l, int c, double[] lo, double[] hi) {
        double sx = Math.sqrt(l.covariance[c][0]);
        double ax = (lo[0] - l.mean[c][0]) / sx;
        double bx = (hi[0] - l.mean[c][0]) / sx;
        if (d == 1) {
            return Math.exp(Normal.logDiffCdf(bx, ax));
        }
        double sy = Math.sqrt(l.covariance[c][3]);
        double ay = (lo[1] - l.mean[c][1]) / sy;
        double by = (hi[1] - l.mean[c][1]) / sy;
        double rho = Math.max(-1, Math.min(1, l.covariance[c][1] / (sx * sy)));
        double m = BivariateNormal.cdf(bx, by, rho) - BivariateNormal.cdf(ax, by, rho)
                - BivariateNormal.cdf(bx, ay, rho) + BivariateNormal.cdf(ax, ay, rho);
        return Math.max(0, m);
    }

    @Override
    public Target marginal(int... axes) {
        double[][] m = new double[k][axes.length];
        double[][][] s = new double[k][axes.length][axes.length];
        for (int c = 0; c < k; c++) {
            for (int i = 0; i < axes.length; i++) {
                m[c][i] = means[c][axes[i]];
                for (int j = 0; j < axes.length; j++) {
                    s[c][i][j] = covariances[c][axes[i]][axes[j]];
                }
            }
        }
        return new GaussianMixture(weights, m, s);
    }

    @Override
    public double[][] bounds() {
        double[][] b = new double[2][d];
        for (int i = 0; i < d; i++) {
            double lo = -4;
            double hi = 4;
            for (int c = 0; c < k; c++) {
                double sd = Math.sqrt(covariances[c][i][i]);
                lo = Math.min(lo, means[c][i] - 4 * sd);
                hi = Math.max(hi, means[c][i] + 4 * sd);
            }
            b[0][i] = lo;
            b[1][i] = hi;
        }
        return b;
    }
}
