package org.scorescope.score;

import org.scorescope.distribution.Target;

/** The closed-form score of a target, with its exact Jacobian: no model error. */
public record ExactScore(Target target) implements DifferentiableScore {
    @Override
    public void eval(double[][] x, int n, double gamma, double[][] out) {
        target.scoreBatch(x, n, gamma, out);
    }

    @Override
    public void evalLevels(double[][] x, int n, double[] gammas, double[][] out) {
        target.scoreBatchLevels(x, n, gammas, out);
    }

    /** The target's closed-form score Jacobian times v, particle by particle (a mixture's level is prepared once). */
    @Override
    public void jacobianProduct(double[][] x, int n, double gamma, double[][] v, double[][] out) {
        if (target instanceof org.scorescope.distribution.GaussianMixture g) {
            mixtureJacobianProduct(g.level(gamma), g.components(), g.dim(), x, n, v, out);
            return;
        }
        int d = target.dim();
        double[] p = new double[d];
        double[][] j = new double[d][d];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < d; a++) {
                p[a] = x[a][i];
            }
            target.scoreJacobian(p, gamma, j);
            for (int a = 0; a < d; a++) {
                double s = 0;
                for (int b = 0; b < d; b++) {
                    s += j[a][b] * v[b][i];
                }
                out[a][i] = s;
            }
        }
    }

    /**
     * J v with J = Σ_k w_k (−C_k⁻¹ + g_k g_kᵀ) − s sᵀ, g_k = −C_k⁻¹(x − m_k), s = Σ_k w_k g_k, w_k the
     * components' posterior weights in log space (the Hessian of the log of a mixture, as
     * {@code GaussianMixture.scoreJacobian}).
     */
    private static void mixtureJacobianProduct(org.scorescope.distribution.GaussianMixture.Level l, int k, int d, double[][] x, int n,
            double[][] v, double[][] out) {
        double[] logw = new double[k];
        double[][] g = new double[k][d];
        double[] diff = new double[d];
        double[] s = new double[d];
        double[] vi = new double[d];
        for (int i = 0; i < n; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                double[] p = l.precision[c];
                for (int a = 0; a < d; a++) {
                    diff[a] = x[a][i] - l.mean[c][a];
                }
                double q = 0;
                for (int a = 0; a < d; a++) {
                    double ga = 0;
                    for (int b = 0; b < d; b++) {
                        ga -= p[a * d + b] * diff[b];
                    }
                    g[c][a] = ga;
                    q -= diff[a] * ga;
                }
                logw[c] = l.logNorm[c] - 0.5 * q;
                max = Math.max(max, logw[c]);
            }
            double sum = 0;
            for (int c = 0; c < k; c++) {
                logw[c] = Math.exp(logw[c] - max);
                sum += logw[c];
            }
            java.util.Arrays.fill(s, 0);
            for (int a = 0; a < d; a++) {
                vi[a] = v[a][i];
                out[a][i] = 0;
            }
            for (int c = 0; c < k; c++) {
                double w = logw[c] / sum;
                double gv = 0;
                for (int a = 0; a < d; a++) {
                    gv += g[c][a] * vi[a];
                    s[a] += w * g[c][a];
                }
                double[] p = l.precision[c];
                for (int a = 0; a < d; a++) {
                    double pv = 0;
                    for (int b = 0; b < d; b++) {
                        pv += p[a * d + b] * vi[b];
                    }
                    out[a][i] += w * (-pv + g[c][a] * gv);
                }
            }
            double sv = 0;
            for (int a = 0; a < d; a++) {
                sv += s[a] * vi[a];
            }
            for (int a = 0; a < d; a++) {
                out[a][i] -= s[a] * sv;
            }
        }
    }
}
