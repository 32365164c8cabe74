package org.scorescope.distribution;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * A mixture of targets with closed-form noised laws, p_γ = Σ_i w_i p_{i,γ} (for example Gaussians and
 * uniform boxes drawn together in the editor). Every quantity stays exact: the log-density by
 * log-sum-exp over parts, the score as the posterior-weighted part scores, the Jacobian as
 * Σ_i w_i(x)(H_i + g_i g_iᵀ) − s sᵀ, exact sampling by choosing a part, box masses as weighted sums.
 */
public final class CompositeTarget implements Target {
    private final Target[] parts;
    private final double[] logWeights;
    private final double[] cumulative;
    private final int d;

    /**
     * @param parts targets of one dimension
     * @param weights non-negative weights, one per part (normalised here)
     */
    public CompositeTarget(Target[] parts, double[] weights) {
        if (parts.length == 0 || parts.length != weights.length) {
            throw new IllegalArgumentException("a composite target needs as many weights as parts, at least one");
        }
        d = parts[0].dim();
        double total = 0;
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].dim() != d) {
                throw new IllegalArgumentException("all parts must have dimension " + d);
            }
            if (!(weights[i] >= 0) || !Double.isFinite(weights[i])) {
                throw new IllegalArgumentException("weights[" + i + "] must be a finite number >= 0, was " + weights[i]);
            }
            total += weights[i];
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("weights must not all be zero");
        }
        this.parts = parts.clone();
        logWeights = new double[parts.length];
        cumulative = new double[parts.length];
        double acc = 0;
        for (int i = 0; i < parts.length; i++) {
            logWeights[i] = Math.log(weights[i] / total);
            acc += weights[i] / total;
            cumulative[i] = acc;
        }
        cumulative[parts.length - 1] = 1;
    }

    @Override
    public int dim() {
        return d;
    }

    /** Number of parts. */
    public int parts() {
        return parts.length;
    }

    /** Part i. */
    public Target part(int i) {
        return parts[i];
    }

    /** The normalised weight of part i. */
    public double partWeight(int i) {
        return Math.exp(logWeights[i]);
    }

    /** Posterior weights of the parts at x (into w); returns log p_γ(x). */
    private double posterior(double[] x, double gamma, double[] w) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < parts.length; i++) {
            w[i] = logWeights[i] + parts[i].logDensity(x, gamma);
            max = Math.max(max, w[i]);
        }
        double sum = 0;
        for (int i = 0; i < parts.length; i++) {
            w[i] = w[i] == Double.NEGATIVE_INFINITY ? 0 : Math.exp(w[i] - max);
            sum += w[i];
        }
        for (int i = 0; i < parts.length; i++) {
            w[i] /= sum;
        }
        return max + Math.log(sum);
    }

    @Override
    public double logDensity(double[] x, double gamma) {
        return posterior(x, gamma, new double[parts.length]);
    }

    @Override
    public void score(double[] x, double gamma, double[] out) {
        double[] w = new double[parts.length];
        posterior(x, gamma, w);
        double[] g = new double[d];
        java.util.Arrays.fill(out, 0);
        for (int i = 0; i < parts.length; i++) {
            parts[i].score(x, gamma, g);
            for (int a = 0; a < d; a++) {
                out[a] += w[i] * g[a];
            }
        }
    }

    @Override
    public void scoreJacobian(double[] x, double gamma, double[][] out) {
        double[] w = new double[parts.length];
        posterior(x, gamma, w);
        double[] s = new double[d];
        double[][] g = new double[parts.length][d];
        double[][] h = new double[d][d];
        for (double[] row : out) {
            java.util.Arrays.fill(row, 0);
        }
        for (int i = 0; i < parts.length; i++) {
            parts[i].score(x, gamma, g[i]);
            parts[i].scoreJacobian(x, gamma, h);
            for (int a = 0; a < d; a++) {
                s[a] += w[i] * g[i][a];
                for (int b = 0; b < d; b++) {
                    out[a][b] += w[i] * (h[a][b] + g[i][a] * g[i][b]);
                }
            }
        }
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                out[a][b] -= s[a] * s[b];
            }
        }
    }

    @Override
    public void sample(double gamma, UniformRandomProvider rng, double[][] out, int from, int to) {
        double[][] one = new double[d][1];
        for (int p = from; p < to; p++) {
            double u = rng.nextDouble();
            int i = 0;
            while (i < parts.length - 1 && u >= cumulative[i]) {
                i++;
            }
            parts[i].sample(gamma, rng, one, 0, 1);
            for (int a = 0; a < d; a++) {
                out[a][p] = one[a][0];
            }
        }
    }

    @Override
    public double boxMass(double[] lo, double[] hi, double gamma) {
        double m = 0;
        for (int i = 0; i < parts.length; i++) {
            m += Math.exp(logWeights[i]) * parts[i].boxMass(lo, hi, gamma);
        }
        return Math.min(1, m);
    }

    @Override
    public Target marginal(int... axes) {
        Target[] m = new Target[parts.length];
        double[] w = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            m[i] = parts[i].marginal(axes);
            w[i] = Math.exp(logWeights[i]);
        }
        return new CompositeTarget(m, w);
    }

    @Override
    public double[][] bounds() {
        double[][] b = parts[0].bounds();
        for (int i = 1; i < parts.length; i++) {
            double[][] c = parts[i].bounds();
            for (int a = 0; a < d; a++) {
                b[0][a] = Math.min(b[0][a], c[0][a]);
                b[1][a] = Math.max(b[1][a], c[1][a]);
            }
        }
        return b;
    }
}
