package org.scorescope.inverse;

import java.util.Arrays;
import org.scorescope.distribution.GaussianMixture;
import org.scorescope.distribution.Target;

/**
 * A prior and a linear observation of it, with the exact posterior p(x₀ | y) (ALGORITHMS.md §7,
 * "linear-Gaussian observation of a Gaussian mixture"; 003 Part 5, "Goal: sample from posterior").
 * Immutable.
 *
 * <p>For a prior Σ_k π_k N(μ_k, Σ_k), with S_k = A Σ_k Aᵀ + σ² I (symmetric positive definite since
 * σ &gt; 0) and the gain K_k = Σ_k Aᵀ S_k⁻¹ (from a Cholesky solve, never an inverse), the posterior is
 * the mixture Σ_k π'_k N(μ'_k, Σ'_k) with
 * <pre>
 * μ'_k = μ_k + K_k (y − A μ_k)
 * Σ'_k = (I − K_k A) Σ_k (I − K_k A)ᵀ + σ² K_k K_kᵀ      (Joseph form of Σ_k − K_k A Σ_k: symmetric and
 *                                                          positive semi-definite by construction, and
 *                                                          valid for singular Σ_k)
 * log π'_k = log π_k + log N(y; A μ_k, S_k) − log p(y),   log p(y) by log-sum-exp
 * </pre>
 * Its noised marginals at every level γ are those of a Gaussian mixture (ALGORITHMS.md §2), so
 * {@link #posterior()} is a {@link Target} with exact score, Jacobian, sampling and bin masses.
 * Component k of the posterior is the posterior of prior component k (weights may be tiny, never
 * dropped), so per-component masses can be compared with π'_k.
 */
public final class InverseProblem {
    /**
     * Largest Mahalanobis distance of y from its nearest prior prediction A μ_k (in the metric S_k)
     * that is still accepted: beyond it the likelihood of y is below e^{−700} for every component
     * and the posterior would rest on underflowed numbers.
     */
    public static final double MAX_DISTANCE = Math.sqrt(1400);

    private final GaussianMixture prior;
    private final LinearObservation observation;
    private final GaussianMixture posterior;
    private final double[] logWeights;
    private final double logEvidence;
    private final double[] distance;

    private InverseProblem(GaussianMixture prior, LinearObservation observation) {
        this.prior = prior;
        this.observation = observation;
        int k = prior.components();
        int d = prior.dim();
        double[][] means = new double[k][];
        double[][][] covs = new double[k][][];
        double[] lw = new double[k];
        distance = new double[k];
        for (int c = 0; c < k; c++) {
            Component post = component(prior.weight(c), prior.mean(c), prior.covariance(c), observation, d);
            means[c] = post.mean;
            covs[c] = post.covariance;
            lw[c] = post.logWeight;
            distance[c] = post.distance;
        }
        double nearest = Arrays.stream(distance).min().orElseThrow();
        if (!(nearest <= MAX_DISTANCE)) {
            int c = argmin(distance);
            throw new ObservationException("y", String.format(
                    "has essentially zero likelihood under the prior: y = %s is %.1f standard deviations from the nearest prediction "
                            + "A mu_k (component %d), so p(y | x) is below e^-700 wherever the prior has mass; choose y within a few sigma "
                            + "of A x for an x the prior can produce", Arrays.toString(observation.y()), nearest, c));
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double v : lw) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (double v : lw) {
            sum += Math.exp(v - max);
        }
        logEvidence = max + Math.log(sum);
        logWeights = new double[k];
        double[] w = new double[k];
        for (int c = 0; c < k; c++) {
            logWeights[c] = lw[c] - logEvidence;
            w[c] = Math.exp(logWeights[c]);
        }
        posterior = new GaussianMixture(w, means, covs);
    }

    private static int argmin(double[] a) {
        int best = 0;
        for (int i = 1; i < a.length; i++) {
            if (a[i] < a[best]) {
                best = i;
            }
        }
        return best;
    }

    /**
     * The exact posterior of a prior under an observation.
     *
     * @param prior a Gaussian mixture (presets such as ring8, gaussian, line; explicit gaussian-mixture targets)
     * @param observation A (with as many columns as the prior's dimension), y, σ
     * @throws ObservationException with field {@code target} for a prior that has no exact posterior
     *     here, {@code A} for a width that does not match, {@code y} when y has essentially zero
     *     likelihood under the prior
     */
    public static InverseProblem of(Target prior, LinearObservation observation) {
        if (!(prior instanceof GaussianMixture g)) {
            throw new ObservationException("target", "the exact posterior is computed for Gaussian-mixture priors (gaussian-mixture "
                    + "targets and the Gaussian presets); a " + prior.getClass().getSimpleName() + " prior is not supported: a box "
                    + "times a Gaussian likelihood is a truncated Gaussian whose noised bin masses need more than the bivariate "
                    + "normal CDF unless A is axis-aligned");
        }
        if (observation.dim() != prior.dim()) {
            throw new ObservationException("A", "must have " + prior.dim() + " columns (the target's dimension), had " + observation.dim());
        }
        return new InverseProblem(g, observation);
    }

    private record Component(double[] mean, double[][] covariance, double logWeight, double distance) {
    }

    /** One prior component's posterior: Cholesky of S, gain, Joseph covariance, log π N(y; Aμ, S). */
    private static Component component(double weight, double[] mu, double[][] sigmaK, LinearObservation o, int d) {
        int k = o.rows();
        double s2 = o.sigma() * o.sigma();
        double[][] p = new double[k][d];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < d; j++) {
                double v = 0;
                for (int l = 0; l < d; l++) {
                    v += o.a(i, l) * sigmaK[l][j];
                }
                p[i][j] = v;
            }
        }
        double[][] s = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j <= i; j++) {
                double v = 0;
                for (int l = 0; l < d; l++) {
                    v += p[i][l] * o.a(j, l);
                }
                s[i][j] = v;
                s[j][i] = v;
            }
            s[i][i] += s2;
        }
        double[][] chol = cholesky(s);
        double[] r = new double[k];
        for (int i = 0; i < k; i++) {
            double v = o.y(i);
            for (int l = 0; l < d; l++) {
                v -= o.a(i, l) * mu[l];
            }
            r[i] = v;
        }
        double[] whitened = forward(chol, r);
        double q = 0;
        double logDet = 0;
        for (int i = 0; i < k; i++) {
            q += whitened[i] * whitened[i];
            logDet += 2 * Math.log(chol[i][i]);
        }
        double logLik = -0.5 * q - 0.5 * logDet - 0.5 * k * Math.log(2 * Math.PI);
        // Kᵀ = S⁻¹ P, column by column of P.
        double[][] gainT = new double[k][d];
        double[] col = new double[k];
        for (int j = 0; j < d; j++) {
            for (int i = 0; i < k; i++) {
                col[i] = p[i][j];
            }
            double[] x = backward(chol, forward(chol, col));
            for (int i = 0; i < k; i++) {
                gainT[i][j] = x[i];
            }
        }
        double[] mean = mu.clone();
        for (int j = 0; j < d; j++) {
            for (int i = 0; i < k; i++) {
                mean[j] += gainT[i][j] * r[i];
            }
        }
        // M = I − K A
        double[][] m = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double v = i == j ? 1 : 0;
                for (int l = 0; l < k; l++) {
                    v -= gainT[l][i] * o.a(l, j);
                }
                m[i][j] = v;
            }
        }
        double[][] ms = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double v = 0;
                for (int l = 0; l < d; l++) {
                    v += m[i][l] * sigmaK[l][j];
                }
                ms[i][j] = v;
            }
        }
        double[][] cov = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                double v = 0;
                for (int l = 0; l < d; l++) {
                    v += ms[i][l] * m[j][l];
                }
                for (int l = 0; l < k; l++) {
                    v += s2 * gainT[l][i] * gainT[l][j];
                }
                cov[i][j] = v;
                cov[j][i] = v;
            }
        }
        double logWeight = weight > 0 ? Math.log(weight) + logLik : Double.NEGATIVE_INFINITY;
        return new Component(mean, cov, logWeight, Math.sqrt(q));
    }

    /** Lower Cholesky factor of a symmetric positive definite matrix. */
    static double[][] cholesky(double[][] s) {
        int n = s.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double v = s[i][j];
                for (int q = 0; q < j; q++) {
                    v -= l[i][q] * l[j][q];
                }
                if (i == j) {
                    if (!(v > 0)) {
                        throw new IllegalStateException("A Sigma A^T + sigma^2 I is not positive definite (pivot " + v + ")");
                    }
                    l[i][i] = Math.sqrt(v);
                } else {
                    l[i][j] = v / l[j][j];
                }
            }
        }
        return l;
    }

    /** Solves L x = b. */
    static double[] forward(double[][] l, double[] b) {
        int n = b.length;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            double v = b[i];
            for (int q = 0; q < i; q++) {
                v -= l[i][q] * x[q];
            }
            x[i] = v / l[i][i];
        }
        return x;
    }

    /** Solves Lᵀ x = b. */
    static double[] backward(double[][] l, double[] b) {
        int n = b.length;
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double v = b[i];
            for (int q = i + 1; q < n; q++) {
                v -= l[q][i] * x[q];
            }
            x[i] = v / l[i][i];
        }
        return x;
    }

    /** The prior. */
    public GaussianMixture prior() {
        return prior;
    }

    /** The observation. */
    public LinearObservation observation() {
        return observation;
    }

    /** The exact posterior p(x₀ | y), a Gaussian mixture with one component per prior component. */
    public GaussianMixture posterior() {
        return posterior;
    }

    /** log π'_k, normalised (computed in log space, so a weight that underflows still has its log). */
    public double logWeight(int c) {
        return logWeights[c];
    }

    /** π'_k. */
    public double[] weights() {
        double[] w = new double[logWeights.length];
        for (int c = 0; c < w.length; c++) {
            w[c] = posterior.weight(c);
        }
        return w;
    }

    /** log p(y) = log Σ_k π_k N(y; A μ_k, S_k). */
    public double logEvidence() {
        return logEvidence;
    }

    /** The Mahalanobis distance of y from A μ_k in the metric S_k. */
    public double distance(int c) {
        return distance[c];
    }

    /** The posterior mean E[x₀ | y] = Σ_k π'_k μ'_k. */
    public double[] posteriorMean() {
        int d = prior.dim();
        double[] m = new double[d];
        for (int c = 0; c < posterior.components(); c++) {
            double w = posterior.weight(c);
            double[] mc = posterior.mean(c);
            for (int i = 0; i < d; i++) {
                m[i] += w * mc[i];
            }
        }
        return m;
    }

    /** The same prior with another y (the GUI's drag). */
    public InverseProblem withY(double[] y) {
        return new InverseProblem(prior, observation.withY(y));
    }
}
