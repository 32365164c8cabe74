package org.scorescope.metrics;

import org.apache.commons.rng.core.source64.SplitMix64;
import org.scorescope.distribution.GaussianMixture;
import org.scorescope.distribution.Target;
import org.scorescope.schedule.Grid;

/**
 * Where a run stopped being a sample of anything: the first step after which a sampler's particles
 * (or its exact law) are not finite, or their root-mean-square size is more than
 * {@value #SCALE_FACTOR} times that of the target's law at the same level, or (exact laws) the law
 * is further from the target in W2 than the target's own rms size. The error a run reports
 * after that is the blow-up, not a discretization error, and every summary, sweep row and rate plot
 * point says so.
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
    /** A step with β above this is named as the likely cause. */
    static final double LARGE_BETA = 0.9;

    /** One line for a summary or a log. */
    public String message() {
        return sampler + " diverged at step t=" + step + " (β_t = " + String.format("%.5g", beta) + ", to ᾱ = "
                + String.format("%.3g", abar) + "): " + reason + (remedy.isEmpty() ? "" : "; " + remedy);
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
            return at(sampler, grid, level, String.format("the law's W2 distance to the target, %.3g, exceeds the target's own rms size %.3g",
                    w2, truthScale));
        }
        if (lawScale > SCALE_FACTOR * truthScale) {
            return at(sampler, grid, level, String.format("the law's rms size is %.3g, %.0f× the target's %.3g", lawScale,
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
        if (nonFinite > 0) {
            return at(sampler, grid, level, nonFinite + " of " + particles + " particles are NaN or ∞");
        }
        if (!(rms <= SCALE_FACTOR * targetRms)) {
            return at(sampler, grid, level, String.format("the cloud's rms size is %.3g, %.0f× the target's %.3g", rms, rms / targetRms, targetRms));
        }
        return null;
    }

    private static Divergence at(String sampler, Grid grid, int level, String reason) {
        int step = Math.min(level + 1, grid.steps());
        double beta = 1 - grid.alpha(step);
        String remedy = "";
        if (beta > LARGE_BETA) {
            boolean discrete = grid.label().startsWith("linear") || grid.label().startsWith("cosine");
            remedy = String.format("this step has β_t = %.5g: ", beta) + (discrete
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
        if (target instanceof GaussianMixture g) {
            double m2 = 0;
            for (int c = 0; c < g.components(); c++) {
                double[] mu = g.mean(c);
                double[][] cov = g.covariance(c);
                double v = 0;
                for (int a = 0; a < mu.length; a++) {
                    v += mu[a] * mu[a] + cov[a][a];
                }
                m2 += g.weight(c) * v;
            }
            return m2;
        }
        int n = 20_000;
        double[][] x = new double[target.dim()][n];
        target.sample(0.5, new SplitMix64(12345), x, 0, n);
        double s = 0;
        for (double[] axis : x) {
            for (double v : axis) {
                s += v * v;
            }
        }
        return Math.max(0, 2 * s / n - target.dim());
    }

    /** √E|X(γ)|² = √(γ E|X₀|² + (1 − γ) d). */
    public static double targetRms(double secondMoment, int dim, double gamma) {
        return Math.sqrt(gamma * secondMoment + (1 - gamma) * dim);
    }

    /** Root mean square of |y| over the finite particles, and the count of non-finite ones. */
    static double[] rms(double[][] y, int n) {
        double s = 0;
        int bad = 0;
        int good = 0;
        for (int i = 0; i < n; i++) {
            double r = 0;
            for (double[] axis : y) {
                r += axis[i] * axis[i];
            }
            if (Double.isFinite(r)) {
                s += r;
                good++;
            } else {
                bad++;
            }
        }
        return new double[] {good == 0 ? Double.NaN : Math.sqrt(s / good), bad};
    }
}
