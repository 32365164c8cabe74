package org.scorescope.metrics;

import org.scorescope.sampler.Sampler;
import org.scorescope.sampler.StepContext;
import org.scorescope.schedule.Grid;
import org.scorescope.distribution.GaussianMixture;
import org.scorescope.distribution.Target;

/**
 * Pushes the law of Y_T ~ N(0, I) exactly through any sampler on a single-Gaussian target
 * (docs/algorithms.md §6, "exact errors for Gaussian targets"). No Monte Carlo.
 *
 * <p>With one Gaussian component the score s(x, γ) = −C⁻¹(x − √γ μ) is affine, and every sampler
 * step is affine in (state, scores, Gaussian draws) with particle-independent coefficients (the
 * {@link Sampler} contract). So the state is always Y = c + Σ_j A_j ξ_j with independent standard
 * normals ξ_j. The sampler itself is run once per step on all columns together, as on one chunk
 * of particles: column 0 is the offset c, moved with the full affine score and zero noise; every
 * linear column A_j is moved with the homogeneous score −C⁻¹x and a noise that is 1 on exactly the
 * coordinate of the draw that created the column. Before each step, d new zero columns are added
 * per Gaussian draw the sampler declares. At the end, mean = c and covariance = Σ_j A_j A_jᵀ.
 * Memory a sampler keeps (a previous ε) is carried per column, so multistep samplers are exact too.
 * The NFE is the number of score calls per column, exactly what a particle would be charged.
 *
 * <p>By default the start is the exact marginal X(ᾱ_T), so that the result measures the sampler's
 * own discretization error; starting from N(0, I) adds the initialisation error, a floor that does
 * not shrink with T (about 3e-3 in W2 on {@code gaussian1d} with the vp-continuous schedule).
 */
public final class GaussianPropagation {
    private GaussianPropagation() {
    }

    /**
     * The output law's mean and covariance.
     *
     * @param mean the mean at level ᾱ_0
     * @param covariance the covariance at level ᾱ_0
     * @param nfe score evaluations per particle
     */
    public record Result(double[] mean, double[][] covariance, long nfe) {
    }

    /** Where the sampler starts. */
    public enum Start {
        /** Y_T ~ X(ᾱ_T), the exact marginal: the result is the pure discretization error. */
        EXACT_MARGINAL,
        /** Y_T ~ N(0, I), as a particle run starts. */
        STANDARD_NORMAL
    }

    /** From the exact marginal X(ᾱ_T). */
    public static Result run(Target target, Sampler sampler, Grid grid) {
        return run(target, sampler, grid, Start.EXACT_MARGINAL);
    }

    /**
     * @param target a single Gaussian (possibly singular)
     * @param sampler any sampler
     * @param grid the levels
     * @param start the law of Y_T
     */
    public static Result run(Target target, Sampler sampler, Grid grid, Start start) {
        return run(target, sampler, grid, start, null);
    }

    /**
     * The same, also handing the law at every level ᾱ_t (t = T … 0) to {@code perStep}.
     */
    public static Result run(Target target, Sampler sampler, Grid grid, Start start, java.util.function.BiConsumer<Integer, Result> perStep) {
        return run(target, sampler, grid, start, perStep, gamma -> 1);
    }

    /**
     * The same, counting each score call at level γ as {@code evaluationCost(γ)} model evaluations
     * ({@link org.scorescope.score.ScoreFunction#evaluationCost}: 2 for a guided score), so that the
     * reported NFE is the one a particle run of that score model counts.
     */
    public static Result run(Target target, Sampler sampler, Grid grid, Start start, java.util.function.BiConsumer<Integer, Result> perStep,
            java.util.function.DoubleToIntFunction evaluationCost) {
        if (!(target instanceof GaussianMixture g) || !g.isSingleGaussian()) {
            throw new IllegalArgumentException("exact propagation needs a single-Gaussian target");
        }
        int d = g.dim();
        int draws = sampler.info().gaussianDrawsPerStep();
        int steps = grid.steps();
        int capacity = 1 + d + steps * draws * d;
        double[][] columns = new double[d][capacity];
        if (start == Start.STANDARD_NORMAL) {
            for (int a = 0; a < d; a++) {
                columns[a][1 + a] = 1;
            }
        } else {
            GaussianMixture.Level l = g.level(grid.abar(steps));
            double[][] root = symmetricSqrt(l.covariance[0], d);
            for (int a = 0; a < d; a++) {
                columns[a][0] = l.mean[0][a];
                for (int b = 0; b < d; b++) {
                    columns[a][1 + b] = root[a][b];
                }
            }
        }
        int used = 1 + d;
        Ctx ctx = new Ctx(g, grid, d, capacity, sampler.newMemory(d, capacity), evaluationCost);
        if (perStep != null) {
            perStep.accept(steps, moments(columns, used, d, 0));
        }
        for (int t = steps; t >= 1; t--) {
            ctx.begin(t, used);
            used += draws * d;
            sampler.step(ctx, columns, used);
            if (ctx.draw != draws) {
                throw new IllegalStateException(sampler.info().id() + " declared " + draws + " draws per step but made " + ctx.draw);
            }
            if (perStep != null) {
                perStep.accept(t - 1, moments(columns, used, d, ctx.calls));
            }
        }
        return moments(columns, used, d, ctx.calls);
    }

    private static Result moments(double[][] columns, int used, int d, long nfe) {
        double[] mean = new double[d];
        double[][] cov = new double[d][d];
        for (int a = 0; a < d; a++) {
            mean[a] = columns[a][0];
            for (int b = 0; b < d; b++) {
                double s = 0;
                for (int j = 1; j < used; j++) {
                    s += columns[a][j] * columns[b][j];
                }
                cov[a][b] = s;
            }
        }
        return new Result(mean, cov, nfe);
    }

    /** √(|m|² + tr S): the root mean square of |X| under N(m, S); NaN when not finite. */
    public static double scale(double[] m, double[][] s) {
        double v = 0;
        for (int a = 0; a < m.length; a++) {
            v += m[a] * m[a] + s[a][a];
        }
        return Math.sqrt(v);
    }

    private static double[][] symmetricSqrt(double[] rowMajor, int d) {
        double[][] m = new double[d][d];
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                m[a][b] = rowMajor[a * d + b];
            }
        }
        var e = new org.apache.commons.math3.linear.EigenDecomposition(new org.apache.commons.math3.linear.Array2DRowRealMatrix(m));
        double[][] r = new double[d][d];
        for (int k = 0; k < d; k++) {
            double l = Math.sqrt(Math.max(0, e.getRealEigenvalue(k)));
            double[] v = e.getEigenvector(k).toArray();
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    r[a][b] += l * v[a] * v[b];
                }
            }
        }
        return r;
    }

    /**
     * The step context of the propagation: column 0 is the offset, moved with the full affine score
     * and no noise; columns 1… are the linear part, moved with the homogeneous score −C⁻¹x and a
     * noise that is 1 on exactly the coordinate of the draw that created the column. All columns go
     * through one call of the sampler, like the particles of one chunk, so an iterative sampler
     * (F-DDIM) iterates the law as it iterates particles, and the NFE is the number of score calls
     * (each call evaluates every column once).
     */
    private static final class Ctx implements StepContext {
        private final GaussianMixture target;
        private final Grid grid;
        private final int d;
        private final Object memory;
        private final double[][][] buffers = new double[16][][];
        private final int capacity;
        private final java.util.function.DoubleToIntFunction cost;
        private int t;
        private int firstNew;
        int draw;
        long calls;

        Ctx(GaussianMixture target, Grid grid, int d, int capacity, Object memory, java.util.function.DoubleToIntFunction cost) {
            this.cost = cost;
            this.target = target;
            this.grid = grid;
            this.d = d;
            this.capacity = capacity;
            this.memory = memory;
        }

        void begin(int step, int firstNewColumn) {
            this.t = step;
            this.firstNew = firstNewColumn;
            this.draw = 0;
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
            return d;
        }

        @Override
        public void score(double[][] x, int n, double gamma, double[][] out) {
            calls += cost.applyAsInt(gamma);
            GaussianMixture.Level l = target.level(gamma);
            double[] p = l.precision[0];
            double[] m = l.mean[0];
            for (int i = 0; i < n; i++) {
                boolean affine = i == 0;
                for (int a = 0; a < d; a++) {
                    double s = 0;
                    for (int b = 0; b < d; b++) {
                        s -= p[a * d + b] * (x[b][i] - (affine ? m[b] : 0));
                    }
                    out[a][i] = s;
                }
            }
        }

        @Override
        public void gaussian(double[][] out, int n) {
            for (double[] axis : out) {
                java.util.Arrays.fill(axis, 0, n, 0);
            }
            int base = firstNew + draw * d;
            for (int a = 0; a < d; a++) {
                out[a][base + a] = 1;
            }
            draw++;
        }

        @Override
        public void uniform(double[] out, int n) {
            throw new UnsupportedOperationException("exact propagation needs a sampler whose only randomness is Gaussian noise");
        }

        @Override
        public double[][] buffer(int slot) {
            if (buffers[slot] == null) {
                buffers[slot] = new double[d][capacity];
            }
            return buffers[slot];
        }

        @Override
        public Object memory() {
            return memory;
        }
    }
}
