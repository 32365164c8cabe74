package org.scorescope.metrics;

import java.util.function.BiConsumer;
import org.scorescope.distribution.GaussianMixture;
import org.scorescope.inverse.InverseProblem;
import org.scorescope.sampler.Sampler;
import org.scorescope.sampler.StepContext;
import org.scorescope.schedule.Grid;
import org.scorescope.score.ScoreFunction;

/**
 * The exact output law of a posterior sampler on a single-Gaussian prior, without Monte Carlo
 * (issue 15: exact W2 to the Gaussian posterior). The prior score −C⁻¹(x − √γ μ) is affine, its
 * Jacobian −C⁻¹ constant, and every affine sampler step (the {@code Sampler} contract) maps
 * Y = c + Σ_j A_j ξ_j to c' + Σ_j A'_j ξ_j. Unlike {@link GaussianPropagation}, an inverse sampler's
 * step carries a constant that depends on y, so the columns are not pushed through a homogeneous
 * score; instead the sampler runs on the points c and c + A_j together, with no noise on c and a unit
 * draw on the new columns, and A'_j = step(c + A_j) − step(c): the difference of two evaluations of
 * one affine map is exactly its linear part. Oracle scores ({@code posterior-exact}) and Jacobian
 * products (DPS) are evaluated on the same points; DPS's step is not affine (it divides by
 * ‖y − A x̂₀‖), so its result is not its law and callers exclude it.
 */
public final class InversePropagation {
    private InversePropagation() {
    }

    /**
     * From Y_T ~ N(startMean, startCovariance).
     *
     * @param prior a single Gaussian (the run's score model)
     * @param sampler an affine sampler
     * @param grid the levels
     * @param startMean mean of Y_T
     * @param startCovariance covariance of Y_T
     * @param perStep receives the law at every level t = T … 0, or null
     */
    public static GaussianPropagation.Result run(GaussianMixture prior, Sampler sampler, Grid grid, double[] startMean,
            double[][] startCovariance, BiConsumer<Integer, GaussianPropagation.Result> perStep) {
        if (!prior.isSingleGaussian()) {
            throw new IllegalArgumentException("exact propagation needs a single-Gaussian prior");
        }
        int d = prior.dim();
        int draws = sampler.info().gaussianDrawsPerStep();
        int steps = grid.steps();
        int columns = d + steps * draws * d;
        int n = 1 + columns;
        double[][] x = new double[d][n];
        double[][] root = Moments.symmetricSqrt(startCovariance);
        for (int a = 0; a < d; a++) {
            for (int j = 0; j < n; j++) {
                x[a][j] = startMean[a];
            }
            for (int b = 0; b < d; b++) {
                x[a][1 + b] += root[a][b];
            }
        }
        int used = d;
        Ctx ctx = new Ctx(prior, grid, d, n, sampler.newMemory(d, n));
        if (perStep != null) {
            perStep.accept(steps, Moments.of(x, used, 0));
        }
        for (int t = steps; t >= 1; t--) {
            ctx.begin(t, 1 + used);
            for (int a = 0; a < d; a++) {
                for (int j = 1 + used; j < 1 + used + draws * d; j++) {
                    x[a][j] = x[a][0];
                }
            }
            used += draws * d;
            sampler.step(ctx, x, 1 + used);
            if (ctx.draw != draws) {
                throw new IllegalStateException(sampler.info().id() + " declared " + draws + " draws per step but made " + ctx.draw);
            }
            if (perStep != null) {
                perStep.accept(t - 1, Moments.of(x, used, ctx.evaluations));
            }
        }
        return Moments.of(x, used, ctx.evaluations);
    }

    /** From the exact noised posterior X(ᾱ_T) | y: the result is the sampler's own error. */
    public static GaussianPropagation.Result fromPosterior(InverseProblem problem, Sampler sampler, Grid grid) {
        GaussianMixture.Level l = problem.posterior().level(grid.abar(grid.steps()));
        int d = problem.prior().dim();
        double[][] cov = new double[d][d];
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                cov[a][b] = l.covariance[0][a * d + b];
            }
        }
        return run(problem.prior(), sampler, grid, l.mean[0].clone(), cov, null);
    }

    /** From N(0, I), as particle runs start. */
    public static GaussianPropagation.Result fromStandardNormal(InverseProblem problem, Sampler sampler, Grid grid,
            BiConsumer<Integer, GaussianPropagation.Result> perStep) {
        int d = problem.prior().dim();
        double[][] id = new double[d][d];
        for (int a = 0; a < d; a++) {
            id[a][a] = 1;
        }
        return run(problem.prior(), sampler, grid, new double[d], id, perStep);
    }

    /** Mean and covariance of c + Σ_j A_j ξ_j from the points c (column 0) and c + A_j. */
    private static final class Moments {
        static GaussianPropagation.Result of(double[][] x, int used, long nfe) {
            int d = x.length;
            double[] mean = new double[d];
            double[][] cov = new double[d][d];
            for (int a = 0; a < d; a++) {
                mean[a] = x[a][0];
            }
            for (int a = 0; a < d; a++) {
                for (int b = 0; b <= a; b++) {
                    double s = 0;
                    for (int j = 1; j <= used; j++) {
                        s += (x[a][j] - x[a][0]) * (x[b][j] - x[b][0]);
                    }
                    cov[a][b] = s;
                    cov[b][a] = s;
                }
            }
            return new GaussianPropagation.Result(mean, cov, nfe);
        }

        static double[][] symmetricSqrt(double[][] m) {
            int d = m.length;
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
    }

    /** Exact affine prior score; zero noise on point 0, unit draws on the new columns. */
    private static final class Ctx implements StepContext {
        private final GaussianMixture prior;
        private final Grid grid;
        private final int d;
        private final int capacity;
        private final Object memory;
        private final double[][][] buffers = new double[16][][];
        private int t;
        private int firstNew;
        int draw;
        long evaluations;

        Ctx(GaussianMixture prior, Grid grid, int d, int capacity, Object memory) {
            this.prior = prior;
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
            evaluations += 1;
            GaussianMixture.Level l = prior.level(gamma);
            double[] p = l.precision[0];
            double[] m = l.mean[0];
            for (int i = 0; i < n; i++) {
                for (int a = 0; a < d; a++) {
                    double s = 0;
                    for (int b = 0; b < d; b++) {
                        s -= p[a * d + b] * (x[b][i] - m[b]);
                    }
                    out[a][i] = s;
                }
            }
        }

        @Override
        public void scoreJacobianProduct(double[][] x, int n, double gamma, double[][] v, double[][] out) {
            evaluations += 1;
            double[] p = prior.level(gamma).precision[0];
            for (int i = 0; i < n; i++) {
                for (int a = 0; a < d; a++) {
                    double s = 0;
                    for (int b = 0; b < d; b++) {
                        s -= p[a * d + b] * v[b][i];
                    }
                    out[a][i] = s;
                }
            }
        }

        @Override
        public void scoreOf(ScoreFunction model, double[][] x, int n, double gamma, double[][] out) {
            evaluations += 1;
            model.eval(x, n, gamma, out);
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
