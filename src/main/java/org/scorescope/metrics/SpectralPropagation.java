package org.scorescope.metrics;

import java.util.ArrayList;
import java.util.List;
import org.scorescope.distribution.GaussianSpectrum;
import org.scorescope.distribution.Target;
import org.scorescope.sampler.Sampler;
import org.scorescope.sampler.StepContext;
import org.scorescope.schedule.Grid;
import org.scorescope.score.PerturbedScore;

/**
 * The exact law of any sampler's output on a single Gaussian in any dimension d ≤ 1024, one
 * eigen-direction at a time (docs/imperfect-scores.md, "exact W2 in any dimension").
 *
 * <p>Every sampler step is affine in (state, scores, Gaussian draws) with particle-independent
 * coefficients that are the same on every axis ({@link Sampler}), the noise is N(0, I), and the
 * exact score −C⁻¹(x − √γ μ) of a Gaussian acts on each eigen-direction w_j of Σ separately (so do
 * the bias, scale and noise-level errors of {@link PerturbedScore}). So the output law is the
 * product of d one-dimensional Gaussians, each pushed through the sampler exactly as in
 * {@link GaussianPropagation} (an offset column with the affine score, unit columns for the start
 * and every draw, with the homogeneous score) but with one coordinate: O(T² draws) per direction
 * instead of O(d² T² draws) for the whole space. The d − r directions orthogonal to a rank-r
 * target's plane are all the same problem: one propagation serves them all, and a bias is rotated
 * inside that subspace onto a single direction.
 */
public final class SpectralPropagation {
    private SpectralPropagation() {
    }

    /**
     * The output law along one class of directions.
     *
     * @param mean output mean along the direction
     * @param variance output variance
     * @param trueMean mean of X(ᾱ_0) along it
     * @param trueVariance variance of X(ᾱ_0) along it
     * @param count how many directions share this law (1 in the plane, d − r − (0 or 1) for the complement)
     */
    public record DirectionLaw(double mean, double variance, double trueMean, double trueVariance, int count) {
        /** The squared W2 contribution, count · ((m − m*)² + (√v − √v*)²). */
        public double w2Squared() {
            double dm = mean - trueMean;
            double ds = (variance - trueVariance) / (Math.sqrt(Math.max(0, variance)) + Math.sqrt(trueVariance));
            if (variance == 0 && trueVariance == 0) {
                ds = 0;
            }
            return count * (dm * dm + ds * ds);
        }

        /** The KL(truth ‖ output) contribution, count · ½ (r − 1 − log r + (m − m*)²/v), r = v* / v. */
        public double kl() {
            if (!(variance > 0)) {
                return trueVariance > 0 || mean != trueMean ? Double.POSITIVE_INFINITY : 0;
            }
            double x = (trueVariance - variance) / variance;
            double dm = mean - trueMean;
            return count * 0.5 * (x - Math.log1p(x) + dm * dm / variance);
        }
    }

    /**
     * The output law of a propagation.
     *
     * @param directions the law along every class of directions
     * @param nfe score evaluations per particle
     */
    public record Result(List<DirectionLaw> directions, long nfe) {
        /** Exact W2 to X(ᾱ_0). */
        public double w2() {
            double s = 0;
            for (DirectionLaw l : directions) {
                s += l.w2Squared();
            }
            return Math.sqrt(s);
        }

        /** Exact KL(X(ᾱ_0) ‖ output). */
        public double kl() {
            double s = 0;
            for (DirectionLaw l : directions) {
                s += l.kl();
            }
            return s;
        }
    }

    /** Whether a target is a single Gaussian this class can propagate (any dimension). */
    public static boolean applies(Target target) {
        return GaussianSpectrum.of(target) != null;
    }

    /**
     * Propagates the sampler exactly.
     *
     * @param target a single Gaussian ({@link GaussianSpectrum#of} not null)
     * @param score the perturbed score, or null for the exact one
     * @param sampler any sampler whose randomness is Gaussian
     * @param grid the levels
     * @param start the law of Y_T
     * @throws IllegalArgumentException for other targets, or errors that are not affine (field)
     */
    public static Result run(Target target, PerturbedScore score, Sampler sampler, Grid grid, GaussianPropagation.Start start) {
        GaussianSpectrum spec = GaussianSpectrum.of(target);
        if (spec == null) {
            throw new IllegalArgumentException("exact propagation needs a single-Gaussian target");
        }
        if (score != null && !score.isAffineOnGaussians()) {
            throw new IllegalArgumentException(score.error().type() + " errors are not affine: measure them with particles (tv)");
        }
        double[] b = score == null ? new double[spec.dim()] : score.bias();
        double[] rest = b.clone();
        List<DirectionLaw> laws = new ArrayList<>();
        long nfe = 0;
        for (int j = 0; j < spec.directions().length; j++) {
            double[] w = spec.directions()[j];
            double beta = 0;
            for (int a = 0; a < w.length; a++) {
                beta += b[a] * w[a];
            }
            for (int a = 0; a < w.length; a++) {
                rest[a] -= beta * w[a];
            }
            Line line = propagate(spec.variances()[j], spec.means()[j], beta, score, sampler, grid, start);
            laws.add(line.law(1));
            nfe = line.nfe;
        }
        int restDim = spec.restDimension();
        if (restDim > 0) {
            double betaRest = 0;
            for (double v : rest) {
                betaRest += v * v;
            }
            betaRest = Math.sqrt(betaRest);
            int plain = restDim;
            if (betaRest > 0) {
                Line line = propagate(spec.restVariance(), 0, betaRest, score, sampler, grid, start);
                laws.add(line.law(1));
                plain--;
                nfe = line.nfe;
            }
            if (plain > 0) {
                Line line = propagate(spec.restVariance(), 0, 0, score, sampler, grid, start);
                laws.add(line.law(plain));
                nfe = line.nfe;
            }
        }
        return new Result(List.copyOf(laws), nfe);
    }

    /** One direction's propagated law. */
    private record Line(double mean, double variance, double trueMean, double trueVariance, long nfe) {
        DirectionLaw law(int count) {
            return new DirectionLaw(mean, variance, trueMean, trueVariance, count);
        }
    }

    private static Line propagate(double lambda, double mu, double beta, PerturbedScore score, Sampler sampler, Grid grid,
            GaussianPropagation.Start start) {
        int draws = sampler.info().gaussianDrawsPerStep();
        int steps = grid.steps();
        int capacity = 2 + steps * draws;
        double[][] columns = new double[1][capacity];
        if (start == GaussianPropagation.Start.STANDARD_NORMAL) {
            columns[0][1] = 1;
        } else {
            double g = grid.abar(steps);
            columns[0][0] = Math.sqrt(g) * mu;
            columns[0][1] = Math.sqrt(g * lambda + 1 - g);
        }
        int used = 2;
        Ctx ctx = new Ctx(grid, capacity, sampler.newMemory(1, capacity), lambda, mu, beta, score);
        for (int t = steps; t >= 1; t--) {
            ctx.begin(t, used);
            used += draws;
            sampler.step(ctx, columns, used);
            if (ctx.draw != draws) {
                throw new IllegalStateException(sampler.info().id() + " declared " + draws + " draws per step but made " + ctx.draw);
            }
        }
        double var = 0;
        for (int j = 1; j < used; j++) {
            var += columns[0][j] * columns[0][j];
        }
        double g0 = grid.abar(0);
        return new Line(columns[0][0], var, Math.sqrt(g0) * mu, g0 * lambda + 1 - g0, ctx.calls);
    }

    /** One coordinate: column 0 is the offset (affine score, no noise), columns 1… the linear part. */
    private static final class Ctx implements StepContext {
        private final Grid grid;
        private final int capacity;
        private final Object memory;
        private final double lambda;
        private final double mu;
        private final double beta;
        private final PerturbedScore score;
        private final double[][][] buffers = new double[16][][];
        private int t;
        private int firstNew;
        int draw;
        long calls;

        Ctx(Grid grid, int capacity, Object memory, double lambda, double mu, double beta, PerturbedScore score) {
            this.grid = grid;
            this.capacity = capacity;
            this.memory = memory;
            this.lambda = lambda;
            this.mu = mu;
            this.beta = beta;
            this.score = score;
        }

        void begin(int step, int firstNewColumn) {
            t = step;
            firstNew = firstNewColumn;
            draw = 0;
        }

        @Override
        public Grid grid() {
            return grid;
        }

        @Override
        public int t() {
            return t;
        }

        @Override
        public int dim() {
            return 1;
        }

        @Override
        public void score(double[][] x, int n, double gamma, double[][] out) {
            calls++;
            double[] ac = score == null ? exact(gamma) : score.along(lambda, mu, beta, gamma);
            double[] xs = x[0];
            double[] o = out[0];
            for (int i = 0; i < n; i++) {
                o[i] = ac[0] * xs[i];
            }
            if (n > 0) {
                o[0] += ac[1];
            }
        }

        private double[] exact(double gamma) {
            double v = gamma * lambda + (1 - gamma);
            return new double[] {-1 / v, Math.sqrt(gamma) * mu / v};
        }

        @Override
        public void gaussian(double[][] out, int n) {
            java.util.Arrays.fill(out[0], 0, n, 0);
            out[0][firstNew + draw] = 1;
            draw++;
        }

        @Override
        public void uniform(double[] out, int n) {
            throw new UnsupportedOperationException("exact propagation needs a sampler whose only randomness is Gaussian noise");
        }

        @Override
        public double[][] buffer(int slot) {
            if (buffers[slot] == null) {
                buffers[slot] = new double[1][capacity];
            }
            return buffers[slot];
        }

        @Override
        public Object memory() {
            return memory;
        }
    }
}
