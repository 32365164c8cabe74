package org.scorescope.distribution;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.scorescope.math.Normal;

/**
 * The empirical law of n training points x_1 … x_n drawn from a population target with a seed: what
 * a perfectly trained score network learns from a finite training set (docs/imperfect-scores.md,
 * "memorisation"). Its noised law is the exact Gaussian mixture (1/n) Σ_i N(√γ x_i, (1−γ) I)
 * (the mixture of §2 with Σ = 0), so its score is exact at every level γ &lt; 1 and sampling with it
 * reproduces the training points: the model memorises.
 *
 * <p>Everything but box masses is the zero-covariance {@link GaussianMixture}; box masses are
 * computed here so that the atoms at γ = 1 are counted exactly (a point on [lo, hi) of every axis).
 */
public final class EmpiricalTarget implements Target {
    /** The largest training set: every score evaluation costs O(n). */
    public static final int MAX_POINTS = 10_000;

    private final Target population;
    private final double[][] points;
    private final long seed;
    private final GaussianMixture mixture;

    /**
     * @param population the law the training points are drawn from (at level γ = 1)
     * @param n the number of training points, 1 … {@value #MAX_POINTS}
     * @param seed the seed of the draw
     */
    public EmpiricalTarget(Target population, int n, long seed) {
        if (n < 1 || n > MAX_POINTS) {
            throw new IllegalArgumentException("n must be in 1.." + MAX_POINTS + ", was " + n);
        }
        if (population.dim() > GaussianMixture.MAX_DIM) {
            throw new IllegalArgumentException("the population must have dimension at most " + GaussianMixture.MAX_DIM
                    + " (embed the empirical target instead), was " + population.dim());
        }
        this.population = population;
        this.seed = seed;
        int d = population.dim();
        double[][] soa = new double[d][n];
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        population.sample(1.0, rng, soa, 0, n);
        points = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < d; a++) {
                points[i][a] = soa[a][i];
            }
        }
        this.mixture = atoms(points);
    }

    /** An empirical target on given points (each a vector of the same dimension ≤ 10). */
    public EmpiricalTarget(double[][] points) {
        if (points.length < 1 || points.length > MAX_POINTS) {
            throw new IllegalArgumentException("the number of points must be in 1.." + MAX_POINTS + ", was " + points.length);
        }
        this.population = null;
        this.seed = -1;
        this.points = new double[points.length][];
        for (int i = 0; i < points.length; i++) {
            this.points[i] = points[i].clone();
        }
        this.mixture = atoms(this.points);
    }

    private static GaussianMixture atoms(double[][] points) {
        int n = points.length;
        int d = points[0].length;
        double[] w = new double[n];
        java.util.Arrays.fill(w, 1);
        double[][][] zero = new double[n][d][d];
        return new GaussianMixture(w, points, zero);
    }

    /** The population the points were drawn from, or null for given points. */
    public Target population() {
        return population;
    }

    /** The seed of the draw (−1 for given points). */
    public long seed() {
        return seed;
    }

    /** Number of training points n. */
    public int size() {
        return points.length;
    }

    /** A copy of the training points, points[i][axis]. */
    public double[][] points() {
        double[][] out = new double[points.length][];
        for (int i = 0; i < points.length; i++) {
            out[i] = points[i].clone();
        }
        return out;
    }

    /** The law as a mixture of n zero-covariance Gaussians. */
    public GaussianMixture mixture() {
        return mixture;
    }

    @Override
    public int dim() {
        return mixture.dim();
    }

    @Override
    public double logDensity(double[] x, double gamma) {
        return mixture.logDensity(x, gamma);
    }

    @Override
    public void logDensityBatch(double[][] x, int n, double gamma, double[] out) {
        mixture.logDensityBatch(x, n, gamma, out);
    }

    @Override
    public void score(double[] x, double gamma, double[] out) {
        mixture.score(x, gamma, out);
    }

    @Override
    public void scoreJacobian(double[] x, double gamma, double[][] out) {
        mixture.scoreJacobian(x, gamma, out);
    }

    @Override
    public void scoreBatch(double[][] x, int n, double gamma, double[][] out) {
        mixture.scoreBatch(x, n, gamma, out);
    }

    @Override
    public void sample(double gamma, UniformRandomProvider rng, double[][] out, int from, int to) {
        mixture.sample(gamma, rng, out, from, to);
    }

    /** Σ_i (1/n) Π_axis P(√γ x_ia + √(1−γ) Z ∈ [lo_a, hi_a]); at γ = 1 the count of points in [lo, hi). */
    @Override
    public double boxMass(double[] lo, double[] hi, double gamma) {
        int d = dim();
        double sg = Math.sqrt(gamma);
        double sigma = Math.sqrt(1 - gamma);
        double mass = 0;
        for (double[] p : points) {
            double m = 1;
            for (int a = 0; a < d && m > 0; a++) {
                double c = sg * p[a];
                if (sigma == 0) {
                    m *= c >= lo[a] && c < hi[a] ? 1 : 0;
                } else {
                    m *= Math.exp(Normal.logDiffCdf((hi[a] - c) / sigma, (lo[a] - c) / sigma));
                }
            }
            mass += m;
        }
        return Math.min(1, mass / points.length);
    }

    @Override
    public Target marginal(int... axes) {
        double[][] p = new double[points.length][axes.length];
        for (int i = 0; i < points.length; i++) {
            for (int j = 0; j < axes.length; j++) {
                p[i][j] = points[i][axes[j]];
            }
        }
        return new EmpiricalTarget(p);
    }

    @Override
    public double[][] bounds() {
        return population != null ? population.bounds() : mixture.bounds();
    }
}
