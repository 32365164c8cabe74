package org.scorescope.metrics;

import org.apache.commons.rng.UniformRandomProvider;
import org.scorescope.distribution.Target;
import org.scorescope.engine.RandomStreams;
import org.scorescope.schedule.Grid;
import org.scorescope.score.PerturbedScore;

/**
 * The realised size of a score error on a run's grid, by Monte Carlo over exact samples of every
 * level (001 §2, Assumptions 2.3 and 2.4; docs/imperfect-scores.md):
 * <pre>
 *   ε_score² = (1/T) Σ_{t=1..T} E_{X~q_t} ‖ŝ_t(X) − s_t(X)‖²,
 *   ε_Jacobi = (1/T) Σ_{t=1..T} E_{X~q_t} ‖Ĵ_t(X) − J_t(X)‖_F,
 * </pre>
 * q_t the law of X(ᾱ_t). Each level gets M fresh exact draws from its own keyed stream, so the
 * estimate is reproducible; its standard error comes from the per-level sample variances,
 * se(ε²)² = (1/T²) Σ_t Var_t/M, and se(ε_score) = se(ε²)/(2ε) (delta method). The Jacobian is the
 * Frobenius norm (the seed leaves the norm open); it costs O(d²) per draw, so fewer draws may be
 * used for it.
 *
 * @param epsScore ε_score
 * @param epsScoreSe its Monte Carlo standard error (0 when every draw gives the same error)
 * @param epsJacobi ε_Jacobi, NaN when not measured
 * @param epsJacobiSe its standard error
 * @param levels T
 * @param samples draws per level for ε_score
 * @param jacobianSamples draws per level for ε_Jacobi (0 when not measured)
 */
public record RealisedScoreError(double epsScore, double epsScoreSe, double epsJacobi, double epsJacobiSe, int levels,
        int samples, int jacobianSamples) {

    /** Default draws per level. */
    public static final int DEFAULT_SAMPLES = 256;
    /** The stream key of the measurement's draws. */
    private static final long KEY = RandomStreams.key("realised-score-error");
    /** Budget of Jacobian entries per measurement: draws per level shrink for large d·d·T. */
    private static final long JACOBIAN_BUDGET = 1L << 28;

    /**
     * Measures ε_score and ε_Jacobi.
     *
     * @param score the perturbed score
     * @param grid the levels ᾱ_1 … ᾱ_T
     * @param samples draws per level (≥ 2)
     * @param jacobian whether to measure ε_Jacobi too
     * @param seed the seed of the draws
     */
    public static RealisedScoreError measure(PerturbedScore score, Grid grid, int samples, boolean jacobian, long seed) {
        if (samples < 2) {
            throw new IllegalArgumentException("samples must be >= 2, was " + samples);
        }
        Target target = score.target();
        int d = target.dim();
        int steps = grid.steps();
        int jSamples = 0;
        if (jacobian) {
            long perDraw = (long) d * d * steps;
            jSamples = (int) Math.max(2, Math.min(samples, JACOBIAN_BUDGET / Math.max(1, perDraw)));
        }
        double[][] x = new double[d][samples];
        double[][] exact = new double[d][samples];
        double[][] perturbed = new double[d][samples];
        double[] point = new double[d];
        double sum2 = 0;
        double var2 = 0;
        double sumJ = 0;
        double varJ = 0;
        for (int t = 1; t <= steps; t++) {
            double gamma = grid.abar(t);
            UniformRandomProvider rng = RandomStreams.stream(seed, KEY, 0, t);
            target.sample(gamma, rng, x, 0, samples);
            score.exact().eval(x, samples, gamma, exact);
            score.eval(x, samples, gamma, perturbed);
            double m = 0;
            double q = 0;
            for (int i = 0; i < samples; i++) {
                double e = 0;
                for (int a = 0; a < d; a++) {
                    double diff = perturbed[a][i] - exact[a][i];
                    e += diff * diff;
                }
                m += e;
                q += e * e;
            }
            m /= samples;
            sum2 += m;
            var2 += Math.max(0, q / samples - m * m) / (samples - 1);
            if (jacobian) {
                double mj = 0;
                double qj = 0;
                for (int i = 0; i < jSamples; i++) {
                    for (int a = 0; a < d; a++) {
                        point[a] = x[a][i];
                    }
                    double e = score.jacobianError(point, gamma);
                    mj += e;
                    qj += e * e;
                }
                mj /= jSamples;
                sumJ += mj;
                varJ += Math.max(0, qj / jSamples - mj * mj) / (jSamples - 1);
            }
        }
        double eps2 = sum2 / steps;
        double se2 = Math.sqrt(var2) / steps;
        double eps = Math.sqrt(eps2);
        double se = eps > 0 ? se2 / (2 * eps) : Math.sqrt(se2);
        double epsJ = jacobian ? sumJ / steps : Double.NaN;
        double seJ = jacobian ? Math.sqrt(varJ) / steps : Double.NaN;
        return new RealisedScoreError(eps, se, epsJ, seJ, steps, samples, jSamples);
    }

    /** One line for a run summary. */
    public String summary() {
        String s = String.format(java.util.Locale.ROOT, "eps_score = %.5g ± %.2g", epsScore, epsScoreSe);
        if (!Double.isNaN(epsJacobi)) {
            s += String.format(java.util.Locale.ROOT, ", eps_Jacobi = %.5g ± %.2g (Frobenius)", epsJacobi, epsJacobiSe);
        }
        return s + String.format(java.util.Locale.ROOT, " (Monte Carlo: %d exact draws at each of the T = %d levels, ± one standard error)",
                samples, levels);
    }
}
