package org.scorescope.metrics;

import org.apache.commons.rng.core.source64.SplitMix64;
import org.scorescope.distribution.GaussianMixture;
import org.scorescope.distribution.Target;
import org.scorescope.schedule.Grid;

/**
 * Where a run stopped being a sample of anything: the first step after which a sampler's particles
 * (or its exact law) are not finite, or their root-mean-square size is more than
 * {@value #SCALE_FACTOR} times that of the target's law at the same level, or more than
 * 1/k² = 1% of the particles lie further than k = {@value #TAIL_K} standard deviations from the mean
 * of the target's law at that level (see {@link #ofParticles(String, Grid, int, int, int, double, double, int, double)}),
 * or (exact laws) the law is further from the target in W2 than the target's own rms size. The
 * error a run reports after that is the blow-up, not a discretization error, and every summary,
 * sweep row and rate plot point says so.
 *
 * <p>A step with β_t = 1 − ᾱ_t/ᾱ_{t−1} close to 1 is the usual cause: a coarse grid subsampled from
 * 1000 fine steps merges them (cosine at T = 640: β_T = 0.99975 although every fine β is capped at
 * 0.999), and a first-order update such as 001 eq. 8 multiplies by 1/√α_t ≈ 63 there. The remedy
 * named then is the schedule parameter {@code betaMax}, which truncates the grid at a maximum β.
 *
 * @param sampler the sampler's canonical id
 * @param step the step t that moved Y_t to Y_{t−1} and left the scale (or produced NaN)
 * @param abar ᾱ_{t−1}, the level reached
 * @param beta β_t of that step
 * @param reason what was seen
 * @param remedy what would avoid it, or empty
 */
public record Divergence(String sampler, int step, double abar, double beta, String reason, String remedy) {
    /** A cloud (or law) this many times larger than the target's, in root mean square, has diverged. */
    public static final double SCALE_FACTOR = 10;
    /**
     * k of the tail rule: by Chebyshev's inequality (Markov's on |X − m|²) no law with mean m and
     * E|X − m|² = σ² puts more than 1/k² of its mass at distance ≥ kσ from m — whatever its shape, so
     * for every target. A cloud with more than {@link #TAIL_FRACTION} of its particles there is not
     * on the scale of the target's law at that level, even when its rms is (a ring of radius 30
     * around a ring8 of radius 4: rms ratio 7–8, 70–100% of the particles beyond 10σ).
     */
    public static final double TAIL_K = 10;
    /** The largest fraction beyond {@link #TAIL_K} standard deviations any law allows: 1/k². */
    public static final double TAIL_FRACTION = 1 / (TAIL_K * TAIL_K);
    /** A step with β above this is named as the likely cause. */
    static final double LARGE_BETA = 0.9;

    /** One line for a summary or a log. */
    public String message() {
        return sampler + " diverged at step t=" + step + " (β_t = " + String.format(java.util.Locale.ROOT, "%.5g", beta) + ", to ᾱ = "
                + String.format(java.util.Locale.ROOT, "%.3g", abar) + "): " + reason + (remedy.isEmpty() ? "" : "; " + remedy);
    }

    /**
     * The check for an exact law after step t.
     *
     * @param level the level index reached (t − 1)
     * @return the divergence, or null when the law is finite and within the scale
     */
    public static Divergence ofLaw(String sampler, Grid grid, int level, boolean finite, double lawScale, double truthScale) {
        return ofLaw(sampler, grid, level, finite, lawScale, truthScale, 0);
    }

    /**
     * The check for an exact law after step t, also flagging a law whose W2 distance to the truth
     * exceeds the truth's own rms size (it is then further from the target than a point mass at
     * the origin is: an unstable step, such as UniPC-3 at full order on 3 to 6 steps).
     *
     * @param w2 the W2 distance to the truth at that level
     */
    public static Divergence ofLaw(String sampler, Grid grid, int level, boolean finite, double lawScale, double truthScale, double w2) {
        if (!finite || !Double.isFinite(lawScale)) {
            return at(sampler, grid, level, "the law is not finite (NaN or ∞)");
        }
        if (w2 > truthScale) {
            return at(sampler, grid, level, String.format(java.util.Locale.ROOT, "the law's W2 distance to the target, %.3g, exceeds the target's own rms size %.3g",
                    w2, truthScale));
        }
        if (lawScale > SCALE_FACTOR * truthScale) {
            return at(sampler, grid, level, String.format(java.util.Locale.ROOT, "the law's rms size is %.3g, %.0f× the target's %.3g", lawScale,
                    lawScale / truthScale, truthScale));
        }
        return null;
    }

    /**
     * The check for particles after step t.
     *
     * @param nonFinite particles that are NaN or ∞
     * @param rms root mean square of |Y| over the finite particles
     * @param targetRms root mean square of |X(ᾱ)| at the level reached
     * @return the divergence, or null
     */
    public static Divergence ofParticles(String sampler, Grid grid, int level, int nonFinite, int particles, double rms, double targetRms) {
        return ofParticles(sampler, grid, level, nonFinite, particles, rms, targetRms, 0, Double.NaN);
    }

    /**
     * The check for particles after step t, with the tail rule: more than {@link #TAIL_FRACTION} of
     * the particles further than {@link #TAIL_K} σ from the mean of the target's law at the level
     * reached, where σ² = E|X(ᾱ) − E X(ᾱ)|² is that law's total variance.
     *
     * @param beyond particles further than {@link #TAIL_K} σ from the law's mean
     * @param sd σ of the target's law at the level reached (NaN: no tail rule)
     */
    public static Divergence ofParticles(String sampler, Grid grid, int level, int nonFinite, int particles, double rms, double targetRms,
            int beyond, double sd) {
        if (nonFinite > 0) {
            return at(sampler, grid, level, nonFinite + " of " + particles + " particles are NaN or ∞");
        }
        if (!(rms <= SCALE_FACTOR * targetRms)) {
            return at(sampler, grid, level, String.format(java.util.Locale.ROOT, "the cloud's rms size is %.3g, %.0f× the target's %.3g", rms, rms / targetRms, targetRms));
        }
        if (beyond > TAIL_FRACTION * particles) {
            return atOutput(sampler, grid, String.format(java.util.Locale.ROOT, "at the output %d of %d particles (%.1f%%) lie further than "
                    + "%.0f sd (%.3g) from the target law's mean, where no law with its mean and variance puts more than %.0f%% (Chebyshev)",
                    beyond, particles, 100.0 * beyond / particles, TAIL_K, TAIL_K * sd, 100 * TAIL_FRACTION));
        }
        return null;
    }

    /**
     * A cloud found off the scale at the output (level 0): the step named is the grid's largest β
     * step when it is above {@link #LARGE_BETA} (the likely cause, with its remedy), otherwise the
     * last step, with "take more steps".
     */
    private static Divergence atOutput(String sampler, Grid grid, String reason) {
        int worst = 1;
        for (int t = 1; t <= grid.steps(); t++) {
            if (1 - grid.alpha(t) > 1 - grid.alpha(worst)) {
                worst = t;
            }
        }
        double beta = 1 - grid.alpha(worst);
        if (beta > LARGE_BETA) {
            Divergence d = at(sampler, grid, worst - 1, reason);
            return new Divergence(sampler, worst, grid.abar(worst - 1), beta, reason, d.remedy());
        }
        return new Divergence(sampler, 1, grid.abar(0), 1 - grid.alpha(1), reason, "take more steps");
    }

    /**
     * The particle check of one run's target: its mean and second moment, computed once, and the
     * check of a sampler's cloud after each step (rms, non-finite particles, the tail rule).
     */
    public static final class ParticleCheck {
        private final double[] mean;
        private final double secondMoment;
        private final int dim;

        /** The moments of a target ({@link #moments}). */
        public ParticleCheck(Target target) {
            double[] m = moments(target);
            this.dim = target.dim();
            this.mean = java.util.Arrays.copyOf(m, dim);
            this.secondMoment = m[dim];
        }

        /** E|X₀|². */
        public double secondMoment() {
            return secondMoment;
        }

        /** σ of the target's law at level γ: √(γ (E|X₀|² − |E X₀|²) + (1 − γ) d). */
        public double sd(double gamma) {
            double mu2 = 0;
            for (double v : mean) {
                mu2 += v * v;
            }
            return Math.sqrt(Math.max(0, gamma * (secondMoment - mu2)) + (1 - gamma) * dim);
        }

        /** The check of slot {@code slot}'s particles at the step {@code v} shows (level index v.t()). */
        public Divergence check(String sampler, Grid grid, org.scorescope.engine.StepView v, int slot) {
            double gamma = v.abar();
            double sd = sd(gamma);
            double r2 = TAIL_K * TAIL_K * sd * sd;
            double root = Math.sqrt(gamma);
            double[] sum = {0, 0, 0, 0};
            v.forEachChunk(slot, (y, n) -> {
                for (int i = 0; i < n; i++) {
                    double q = 0;
                    double c = 0;
                    for (int a = 0; a < y.length; a++) {
                        double x = y[a][i];
                        q += x * x;
                        double e = x - root * mean[a];
                        c += e * e;
                    }
                    if (Double.isFinite(q)) {
                        sum[0] += q;
                        sum[1]++;
                        if (c > r2) {
                            sum[3]++;
                        }
                    } else {
                        sum[2]++;
                    }
                }
            });
            double rms = sum[1] == 0 ? Double.NaN : Math.sqrt(sum[0] / sum[1]);
            // The tail rule judges the output (level 0), the cloud that is compared with the target: on coarse grids a
            // first-order step overshoots in the middle of a run and the following steps pull it back (ddim, T = 10).
            return ofParticles(sampler, grid, v.t(), (int) sum[2], v.spec().particles(), rms, targetRms(secondMoment, dim, gamma),
                    v.t() == 0 ? (int) sum[3] : 0, sd);
        }
    }

    private static Divergence at(String sampler, Grid grid, int level, String reason) {
        int step = Math.min(level + 1, grid.steps());
        double beta = 1 - grid.alpha(step);
        String remedy = "";
        if (beta > LARGE_BETA) {
            boolean discrete = grid.label().startsWith("linear") || grid.label().startsWith("cosine");
            remedy = String.format(java.util.Locale.ROOT, "this step has β_t = %.5g: ", beta) + (discrete
                    ? "truncate the grid at a maximum β (schedule parameter betaMax, e.g. 0.5)"
                    : "take more steps, or a grid without so large a step near the noise end");
        }
        return new Divergence(sampler, step, grid.abar(level), beta, reason, remedy);
    }

    /**
     * E|X₀|² of a target: exact for Gaussian mixtures, otherwise from 20 000 exact draws of X(½) with
     * a fixed seed (E|X(½)|² = ½ E|X₀|² + ½ d). Only the order of magnitude matters here.
     */
    public static double secondMoment(Target target) {
        return moments(target)[target.dim()];
    }

    /**
     * E X₀ (d entries) followed by E|X₀|²: exact for Gaussian mixtures, otherwise from 20 000 exact
     * draws of X(½) with a fixed seed (E X(½) = √½ E X₀, E|X(½)|² = ½ E|X₀|² + ½ d).
     */
    public static double[] moments(Target target) {
        int d = target.dim();
        double[] out = new double[d + 1];
        if (target instanceof GaussianMixture g) {
            for (int c = 0; c < g.components(); c++) {
                double[] mu = g.mean(c);
                double[][] cov = g.covariance(c);
                double v = 0;
                for (int a = 0; a < mu.length; a++) {
                    v += mu[a] * mu[a] + cov[a][a];
                    out[a] += g.weight(c) * mu[a];
                }
                out[d] += g.weight(c) * v;
            }
            return out;
        }
        int n = 20_000;
        double[][] x = new double[d][n];
        target.sample(0.5, new SplitMix64(12345), x, 0, n);
        double s = 0;
        for (int a = 0; a < d; a++) {
            double m = 0;
            for (double v : x[a]) {
                s += v * v;
                m += v;
            }
            out[a] = Math.sqrt(2) * m / n;
        }
        out[d] = Math.max(0, 2 * s / n - d);
        return out;
    }

    /** √E|X(γ)|² = √(γ E|X₀|² + (1 − γ) d). */
    public static double targetRms(double secondMoment, int dim, double gamma) {
        return Math.sqrt(gamma * secondMoment + (1 - gamma) * dim);
    }
}
