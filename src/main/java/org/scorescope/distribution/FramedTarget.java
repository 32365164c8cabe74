package org.scorescope.distribution;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.scorescope.math.Normal;

/**
 * A target of intrinsic dimension k placed in R^d by an orthonormal frame U ∈ R^{d×k}
 * (docs/imperfect-scores.md, "high ambient dimension"; 003 Part 2, lines ~1180–1260: data on a
 * k-dimensional subspace of R^d): X₀ = U B + N⊥ with B from the k-dimensional base target and,
 * optionally, N⊥ ~ N(0, λ⊥ P⊥) on the orthogonal complement (λ⊥ = 0: rank k; λ⊥ &gt; 0: full rank).
 * It generalises {@link EmbeddedTarget} (zero padding is the frame of the first k axes).
 *
 * <p>At level γ the plane coordinate z = Uᵀx carries the base target's noised law and the residual
 * r = P⊥x = x − Uz is independent N(0, v⊥ P⊥), v⊥ = γλ⊥ + 1 − γ. So
 * log p_γ(x) = log p^base_γ(z) − ‖r‖²/(2v⊥) − (d−k)/2 · log(2π v⊥), the score is
 * U s^base_γ(z) − r/v⊥ and its Jacobian U J^base Uᵀ − P⊥/v⊥; a batch of scores costs O(n d k).
 */
public final class FramedTarget implements Target {
    /** The largest ambient dimension (particles × d doubles must fit in memory). */
    public static final int MAX_DIM = 1024;

    private final Target base;
    private final OrthonormalFrame frame;
    private final double normalVariance;
    private final int d;
    private final int k;

    /**
     * @param base the k-dimensional target
     * @param frame a d × k frame, k = base.dim()
     * @param normalVariance λ⊥ ≥ 0, the data variance in each direction orthogonal to the plane
     */
    public FramedTarget(Target base, OrthonormalFrame frame, double normalVariance) {
        if (frame.plane() != base.dim()) {
            throw new IllegalArgumentException("the frame has " + frame.plane() + " columns but the target has dimension " + base.dim());
        }
        if (frame.ambient() > MAX_DIM) {
            throw new IllegalArgumentException("ambient dimension must be at most " + MAX_DIM + ", was " + frame.ambient());
        }
        if (!(normalVariance >= 0) || !Double.isFinite(normalVariance)) {
            throw new IllegalArgumentException("normalVariance must be a finite number >= 0, was " + normalVariance);
        }
        this.base = base;
        this.frame = frame;
        this.normalVariance = normalVariance;
        this.d = frame.ambient();
        this.k = frame.plane();
    }

    /** The k-dimensional target on the plane. */
    public Target base() {
        return base;
    }

    /** The frame U. */
    public OrthonormalFrame frame() {
        return frame;
    }

    /** λ⊥, the data variance orthogonal to the plane. */
    public double normalVariance() {
        return normalVariance;
    }

    /** v⊥ = γλ⊥ + 1 − γ, the variance of each residual coordinate at level γ. */
    public double residualVariance(double gamma) {
        return gamma * normalVariance + (1 - gamma);
    }

    @Override
    public int dim() {
        return d;
    }

    /** The plane coordinates z = Uᵀx of n particles (k × n). */
    public double[][] toPlane(double[][] x, int n) {
        double[][] z = new double[k][n];
        frame.toPlane(x, n, z);
        return z;
    }

    /** ‖P⊥ x_i‖ for n particles. */
    public double[] residualNorms(double[][] x, int n) {
        double[][] z = toPlane(x, n);
        double[] r = new double[n];
        for (int a = 0; a < d; a++) {
            for (int i = 0; i < n; i++) {
                r[i] += x[a][i] * x[a][i];
            }
        }
        for (int j = 0; j < k; j++) {
            for (int i = 0; i < n; i++) {
                r[i] -= z[j][i] * z[j][i];
            }
        }
        for (int i = 0; i < n; i++) {
            r[i] = Math.sqrt(Math.max(0, r[i]));
        }
        return r;
    }

    @Override
    public double logDensity(double[] x, double gamma) {
        double[] z = new double[k];
        frame.toPlane(x, z);
        double r2 = 0;
        for (double v : x) {
            r2 += v * v;
        }
        for (double v : z) {
            r2 -= v * v;
        }
        double v = residualVariance(gamma);
        return base.logDensity(z, gamma) - 0.5 * Math.max(0, r2) / v - 0.5 * (d - k) * Math.log(v) - (d - k) * Normal.HALF_LOG_2PI;
    }

    @Override
    public void score(double[] x, double gamma, double[] out) {
        double[] z = new double[k];
        frame.toPlane(x, z);
        double[] s = new double[k];
        base.score(z, gamma, s);
        double inv = 1 / residualVariance(gamma);
        for (int j = 0; j < k; j++) {
            s[j] += z[j] * inv;
        }
        frame.fromPlane(s, out);
        for (int a = 0; a < d; a++) {
            out[a] -= x[a] * inv;
        }
    }

    @Override
    public void scoreJacobian(double[] x, double gamma, double[][] out) {
        double[] z = new double[k];
        frame.toPlane(x, z);
        double[][] jb = new double[k][k];
        base.scoreJacobian(z, gamma, jb);
        double inv = 1 / residualVariance(gamma);
        for (int j = 0; j < k; j++) {
            jb[j][j] += inv;
        }
        double[][] u = new double[k][];
        for (int j = 0; j < k; j++) {
            u[j] = frame.column(j);
        }
        double[][] ju = new double[d][k];
        for (int a = 0; a < d; a++) {
            for (int j = 0; j < k; j++) {
                double s = 0;
                for (int l = 0; l < k; l++) {
                    s += u[l][a] * jb[l][j];
                }
                ju[a][j] = s;
            }
        }
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                double s = a == b ? -inv : 0;
                for (int j = 0; j < k; j++) {
                    s += ju[a][j] * u[j][b];
                }
                out[a][b] = s;
            }
        }
    }

    @Override
    public void scoreBatch(double[][] x, int n, double gamma, double[][] out) {
        double[][] z = new double[k][n];
        frame.toPlane(x, n, z);
        double[][] s = new double[k][n];
        base.scoreBatch(z, n, gamma, s);
        double inv = 1 / residualVariance(gamma);
        for (int j = 0; j < k; j++) {
            for (int i = 0; i < n; i++) {
                s[j][i] += z[j][i] * inv;
            }
        }
        for (int a = 0; a < d; a++) {
            double[] xa = x[a];
            double[] oa = out[a];
            for (int i = 0; i < n; i++) {
                oa[i] = -xa[i] * inv;
            }
        }
        frame.addFromPlane(s, n, 1, out);
    }

    @Override
    public void sample(double gamma, UniformRandomProvider rng, double[][] out, int from, int to) {
        int n = to - from;
        double[][] z = new double[k][to];
        base.sample(gamma, rng, z, from, to);
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        double sd = Math.sqrt(residualVariance(gamma));
        double[][] noise = new double[d][n];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < d; a++) {
                noise[a][i] = sd * g.sample();
            }
        }
        double[][] zn = new double[k][n];
        frame.toPlane(noise, n, zn);
        for (int j = 0; j < k; j++) {
            for (int i = 0; i < n; i++) {
                zn[j][i] = z[j][from + i] - zn[j][i];
            }
        }
        frame.addFromPlane(zn, n, 1, noise);
        for (int a = 0; a < d; a++) {
            System.arraycopy(noise[a], 0, out[a], from, n);
        }
    }

    @Override
    public double boxMass(double[] lo, double[] hi, double gamma) {
        if (d > 2) {
            throw new UnsupportedOperationException("box masses are computed in 1 or 2 dimensions; measure on the target's plane");
        }
        int[] all = new int[d];
        for (int a = 0; a < d; a++) {
            all[a] = a;
        }
        return marginal(all).boxMass(lo, hi, gamma);
    }

    /**
     * The law of the listed coordinates: for a Gaussian-mixture base the mixture with means U_A μ_c and
     * covariances U_A Σ_c U_Aᵀ + λ⊥ (I − U_A U_Aᵀ) (A the rows of the axes), which is exact at every
     * level. Other bases have no closed-form coordinate marginal unless the frame is the axes.
     */
    @Override
    public Target marginal(int... axes) {
        GaussianMixture g = base instanceof GaussianMixture gm ? gm : base instanceof EmpiricalTarget e ? e.mixture() : null;
        if (g == null) {
            if (frame.isAxes() && normalVariance == 0) {
                return new EmbeddedTarget(base, d).marginal(axes);
            }
            throw new UnsupportedOperationException("coordinate marginals of a framed target need a Gaussian-mixture base; measure on the plane");
        }
        int m = axes.length;
        double[][] ua = new double[m][k];
        for (int j = 0; j < k; j++) {
            double[] col = frame.column(j);
            for (int i = 0; i < m; i++) {
                ua[i][j] = col[axes[i]];
            }
        }
        int kc = g.components();
        double[] w = new double[kc];
        double[][] means = new double[kc][m];
        double[][][] covs = new double[kc][m][m];
        for (int c = 0; c < kc; c++) {
            w[c] = g.weight(c);
            double[] mu = g.mean(c);
            double[][] s = g.covariance(c);
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < k; j++) {
                    means[c][i] += ua[i][j] * mu[j];
                }
                for (int l = 0; l < m; l++) {
                    double v = 0;
                    double uu = 0;
                    for (int j = 0; j < k; j++) {
                        uu += ua[i][j] * ua[l][j];
                        for (int q = 0; q < k; q++) {
                            v += ua[i][j] * s[j][q] * ua[l][q];
                        }
                    }
                    covs[c][i][l] = v + normalVariance * ((i == l ? 1 : 0) - uu);
                }
            }
            for (int i = 0; i < m; i++) {
                for (int l = 0; l < i; l++) {
                    double avg = 0.5 * (covs[c][i][l] + covs[c][l][i]);
                    covs[c][i][l] = avg;
                    covs[c][l][i] = avg;
                }
            }
        }
        return new GaussianMixture(w, means, covs);
    }

    @Override
    public double[][] bounds() {
        double[][] bb = base.bounds();
        double[][] out = new double[2][d];
        double pad = 4 * Math.sqrt(Math.max(1, normalVariance));
        double[][] u = new double[k][];
        for (int j = 0; j < k; j++) {
            u[j] = frame.column(j);
        }
        for (int a = 0; a < d; a++) {
            double lo = 0;
            double hi = 0;
            for (int j = 0; j < k; j++) {
                double c = u[j][a];
                lo += Math.min(c * bb[0][j], c * bb[1][j]);
                hi += Math.max(c * bb[0][j], c * bb[1][j]);
            }
            out[0][a] = Math.min(lo, -pad);
            out[1][a] = Math.max(hi, pad);
        }
        return out;
    }
}
