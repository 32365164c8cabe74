package org.scorescope.distribution;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * A mixture of uniform laws on axis-aligned boxes (checkerboards, letters), in any dimension
 * (docs/algorithms.md §2). Each coordinate of a noised uniform is a difference of normal CDFs
 * ({@link NoisedUniform}), so density, score, Jacobian and box masses are closed form; the
 * mixture over boxes is combined in log space.
 */
public final class BoxMixture implements Target {
    private final int d;
    private final double[] weights;
    private final double[] logWeights;
    private final double[][] lo;
    private final double[][] hi;
    private final double[] cumulative;
    /** Per axis, the distinct intervals of the boxes ({a, b}) and, per box, which one it uses: built once. */
    private final double[][][] intervals;
    private final int[][] intervalOf;
    /** In 2D, the axes' endpoints and intervals for the linear-space kernel ({@link BoxScoreKernel}). */
    private final BoxScoreKernel.Geometry geometry;
    /** The last level's constants for the 2D kernel, built once per level (immutable; any thread may replace it). */
    private volatile BoxScoreKernel.Level level;

    /**
     * @param weights non-negative weights, one per box (normalised here)
     * @param lo lower corners, lo[j][axis]
     * @param hi upper corners, hi[j][axis] &gt; lo[j][axis]
     */
    public BoxMixture(double[] weights, double[][] lo, double[][] hi) {
        int k = weights.length;
        if (k == 0 || lo.length != k || hi.length != k) {
            throw new IllegalArgumentException("weights, lo and hi must have the same, non-zero length");
        }
        d = lo[0].length;
        this.weights = new double[k];
        this.logWeights = new double[k];
        this.cumulative = new double[k];
        this.lo = new double[k][];
        this.hi = new double[k][];
        double total = Arrays.stream(weights).sum();
        if (!(total > 0) || !Double.isFinite(total)) {
            throw new IllegalArgumentException("box weights must be finite and not all zero");
        }
        double acc = 0;
        for (int j = 0; j < k; j++) {
            if (!(weights[j] >= 0)) {
                throw new IllegalArgumentException("weights[" + j + "] must be >= 0, was " + weights[j]);
            }
            if (lo[j].length != d || hi[j].length != d) {
                throw new IllegalArgumentException("box " + j + " must have " + d + " coordinates");
            }
            for (int a = 0; a < d; a++) {
                if (!(hi[j][a] > lo[j][a]) || !Double.isFinite(lo[j][a]) || !Double.isFinite(hi[j][a])) {
                    throw new IllegalArgumentException("box " + j + " axis " + a + ": need finite lo < hi, was ["
                            + lo[j][a] + ", " + hi[j][a] + "]");
                }
            }
            this.weights[j] = weights[j] / total;
            this.logWeights[j] = Math.log(this.weights[j]);
            acc += this.weights[j];
            cumulative[j] = acc;
            this.lo[j] = lo[j].clone();
            this.hi[j] = hi[j].clone();
        }
        cumulative[k - 1] = 1;
        intervals = new double[d][][];
        intervalOf = new int[d][k];
        for (int a = 0; a < d; a++) {
            java.util.List<double[]> distinct = new java.util.ArrayList<>();
            for (int j = 0; j < k; j++) {
                int found = -1;
                for (int q = 0; q < distinct.size() && found < 0; q++) {
                    if (distinct.get(q)[0] == this.lo[j][a] && distinct.get(q)[1] == this.hi[j][a]) {
                        found = q;
                    }
                }
                if (found < 0) {
                    distinct.add(new double[] {this.lo[j][a], this.hi[j][a]});
                    found = distinct.size() - 1;
                }
                intervalOf[a][j] = found;
            }
            intervals[a] = distinct.toArray(new double[0][]);
        }
        geometry = d == 2 ? BoxScoreKernel.Geometry.of(this.weights, this.lo, this.hi) : null;
    }

    @Override
    public int dim() {
        return d;
    }

    /** Number of boxes. */
    public int boxes() {
        return weights.length;
    }

    /** Normalised weight of box j. */
    public double weight(int j) {
        return weights[j];
    }

    /** A copy of the lower corner of box j. */
    public double[] lower(int j) {
        return lo[j].clone();
    }

    /** A copy of the upper corner of box j. */
    public double[] upper(int j) {
        return hi[j].clone();
    }

    /** Per box: log weight + log density (into logw), gradient (grad) and diagonal Hessian (hess). */
    private void components(double[] x, double gamma, double[] logw, double[][] grad, double[][] hess) {
        double[] tmp = new double[3];
        for (int j = 0; j < weights.length; j++) {
            double lw = logWeights[j];
            for (int a = 0; a < d; a++) {
                NoisedUniform.logDensityAndDerivatives(x[a], lo[j][a], hi[j][a], gamma, tmp);
                lw += tmp[0];
                grad[j][a] = tmp[1];
                if (hess != null) {
                    hess[j][a] = tmp[2];
                }
            }
            logw[j] = lw;
        }
    }

    private double normalise(double[] logw) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : logw) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (int j = 0; j < logw.length; j++) {
            logw[j] = logw[j] == Double.NEGATIVE_INFINITY ? 0 : Math.exp(logw[j] - max);
            sum += logw[j];
        }
        for (int j = 0; j < logw.length; j++) {
            logw[j] /= sum;
        }
        return max + Math.log(sum);
    }

    @Override
    public double logDensity(double[] x, double gamma) {
        int k = weights.length;
        double[] logw = new double[k];
        components(x, gamma, logw, new double[k][d], null);
        return normalise(logw);
    }

    /**
     * The score; in 2D from {@link BoxScoreKernel} (as {@link #scoreBatch}: the same bits, and
     * accurate in the far tails), otherwise {@link #scoreClosedForm}.
     */
    @Override
    public void score(double[] x, double gamma, double[] out) {
        if (geometry != null) {
            double[][] o = new double[2][1];
            BoxScoreKernel.score(level(gamma), new double[] {x[0]}, new double[] {x[1]}, 1, o[0], o[1]);
            out[0] = o[0][0];
            out[1] = o[1][0];
            return;
        }
        scoreClosedForm(x, gamma, out);
    }

    /**
     * The score in log space from {@link NoisedUniform}'s per-axis log-densities and slopes, box by
     * box: the independent closed form the 2D kernel is tested against. It subtracts log-CDFs of
     * size z²/2, so far in the tails it loses about z²·2⁻⁵³ relative.
     */
    void scoreClosedForm(double[] x, double gamma, double[] out) {
        int k = weights.length;
        double[] w = new double[k];
        double[][] grad = new double[k][d];
        components(x, gamma, w, grad, null);
        normalise(w);
        Arrays.fill(out, 0);
        for (int j = 0; j < k; j++) {
            for (int a = 0; a < d; a++) {
                out[a] += w[j] * grad[j][a];
            }
        }
    }

    @Override
    public void scoreJacobian(double[] x, double gamma, double[][] out) {
        int k = weights.length;
        double[] w = new double[k];
        double[][] grad = new double[k][d];
        double[][] hess = new double[k][d];
        components(x, gamma, w, grad, hess);
        normalise(w);
        double[] s = new double[d];
        for (int j = 0; j < k; j++) {
            for (int a = 0; a < d; a++) {
                s[a] += w[j] * grad[j][a];
            }
        }
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                double h = -s[a] * s[b];
                for (int j = 0; j < k; j++) {
                    h += w[j] * ((a == b ? hess[j][a] : 0) + grad[j][a] * grad[j][b]);
                }
                out[a][b] = h;
            }
        }
    }

    /** The 2D kernel's constants at level γ: the cached ones when γ is the last level asked for. */
    private BoxScoreKernel.Level level(double gamma) {
        BoxScoreKernel.Level l = level;
        if (l == null || l.gamma() != gamma) {
            l = BoxScoreKernel.Level.of(geometry, gamma);
            level = l;
        }
        return l;
    }

    /**
     * The batch score. In 2D, {@link BoxScoreKernel}: linear space, one exponential and one Mills
     * ratio per distinct endpoint, vectorised, within 1e-13 of 60-digit values where the score is
     * well conditioned, far tails included (tested; more accurate there than {@link #score}).
     * Otherwise per axis each distinct interval's log-density and slope is computed once per
     * particle, from the interval's level constants prepared once per call (the interval table
     * itself is built once, in the constructor); no second derivative; then the boxes combine them
     * in log space. Nothing is allocated per particle.
     */
    @Override
    public void scoreBatch(double[][] x, int n, double gamma, double[][] out) {
        if (geometry != null) {
            BoxScoreKernel.score(level(gamma), x[0], x[1], n, out[0], out[1]);
            return;
        }
        int k = weights.length;
        double sg = Math.sqrt(gamma);
        double sigma = Math.sqrt(1 - gamma);
        double[][][] level = new double[d][][];
        for (int a = 0; a < d; a++) {
            level[a] = new double[intervals[a].length][];
            for (int q = 0; q < intervals[a].length; q++) {
                double l = sg * intervals[a][q][0];
                double h = sg * intervals[a][q][1];
                double width = h - l;
                double eps = width / sigma;
                level[a][q] = new double[] {l, h, eps, Math.log(width), Math.log(eps)};
            }
        }
        double[][] logp = new double[d][];
        double[][] dlog = new double[d][];
        for (int a = 0; a < d; a++) {
            logp[a] = new double[intervals[a].length];
            dlog[a] = new double[intervals[a].length];
        }
        double[] tmp = new double[2];
        double[] lw = new double[k];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < d; a++) {
                double xa = x[a][i];
                for (int q = 0; q < level[a].length; q++) {
                    double[] c = level[a][q];
                    NoisedUniform.logDensityAndSlope(xa, c[0], c[1], sigma, c[2], c[3], c[4], tmp);
                    logp[a][q] = tmp[0];
                    dlog[a][q] = tmp[1];
                }
            }
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < k; j++) {
                double v = logWeights[j];
                for (int a = 0; a < d; a++) {
                    v += logp[a][intervalOf[a][j]];
                }
                lw[j] = v;
                max = Math.max(max, v);
            }
            double sw = 0;
            for (int a = 0; a < d; a++) {
                out[a][i] = 0;
            }
            for (int j = 0; j < k; j++) {
                double e = Math.exp(lw[j] - max);
                sw += e;
                for (int a = 0; a < d; a++) {
                    out[a][i] += e * dlog[a][intervalOf[a][j]];
                }
            }
            for (int a = 0; a < d; a++) {
                out[a][i] /= sw;
            }
        }
    }

    /**
     * log p_γ at n particles, with each distinct interval of each axis (the table built once, in
     * the constructor) evaluated once per particle; used by density heat maps and the tilted-law
     * quadrature.
     */
    @Override
    public void logDensityBatch(double[][] x, int n, double gamma, double[] out) {
        int k = weights.length;
        double[][] logp = new double[d][];
        for (int a = 0; a < d; a++) {
            logp[a] = new double[intervals[a].length];
        }
        double[] tmp = new double[3];
        double[] lw = new double[k];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < d; a++) {
                for (int q = 0; q < intervals[a].length; q++) {
                    NoisedUniform.logDensityAndDerivatives(x[a][i], intervals[a][q][0], intervals[a][q][1], gamma, tmp);
                    logp[a][q] = tmp[0];
                }
            }
            for (int j = 0; j < k; j++) {
                double v = logWeights[j];
                for (int a = 0; a < d; a++) {
                    v += logp[a][intervalOf[a][j]];
                }
                lw[j] = v;
            }
            out[i] = normalise(lw);
        }
    }

    @Override
    public void sample(double gamma, UniformRandomProvider rng, double[][] out, int from, int to) {
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        double sg = Math.sqrt(gamma);
        double sigma = Math.sqrt(1 - gamma);
        for (int p = from; p < to; p++) {
            double u = rng.nextDouble();
            int j = 0;
            while (j < weights.length - 1 && u >= cumulative[j]) {
                j++;
            }
            for (int a = 0; a < d; a++) {
                double v = lo[j][a] + (hi[j][a] - lo[j][a]) * rng.nextDouble();
                out[a][p] = sg * v + sigma * gauss.sample();
            }
        }
    }

    @Override
    public double boxMass(double[] l, double[] u, double gamma) {
        double mass = 0;
        for (int j = 0; j < weights.length; j++) {
            double m = weights[j];
            for (int a = 0; a < d && m > 0; a++) {
                m *= NoisedUniform.mass(l[a], u[a], lo[j][a], hi[j][a], gamma);
            }
            mass += m;
        }
        return Math.min(1, mass);
    }

    @Override
    public Target marginal(int... axes) {
        int k = weights.length;
        double[][] l = new double[k][axes.length];
        double[][] h = new double[k][axes.length];
        for (int j = 0; j < k; j++) {
            for (int i = 0; i < axes.length; i++) {
                l[j][i] = lo[j][axes[i]];
                h[j][i] = hi[j][axes[i]];
            }
        }
        return new BoxMixture(weights, l, h);
    }

    @Override
    public double[][] bounds() {
        double[][] b = new double[2][d];
        for (int a = 0; a < d; a++) {
            double l = -4;
            double h = 4;
            for (int j = 0; j < weights.length; j++) {
                l = Math.min(l, lo[j][a] - 1);
                h = Math.max(h, hi[j][a] + 1);
            }
            b[0][a] = l;
            b[1][a] = h;
        }
        return b;
    }
}
