package org.scorescope.inverse;

import java.util.Arrays;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.scorescope.distribution.Target;

/**
 * A linear observation y = A x₀ + ε, ε ~ N(0, σ² I_k), of a point x₀ ∈ ℝᵈ (003 Part 5, "Denoising
 * with linear observations", line ~2700; ALGORITHMS.md §7). A is k × d with 1 ≤ k ≤ d and full row
 * rank k; σ &gt; 0. Immutable.
 *
 * <p>The singular value decomposition A = U Σ Vᵀ of 003's "two sources of uncertainty" slide is
 * computed once: singular values Σ_ss &gt; 0 (descending) for s &lt; k, the left vectors u_s, and an
 * orthonormal basis v_0 … v_{d−1} of ℝᵈ whose first k vectors are the right singular vectors and
 * whose last d − k span the null space of A (the unobserved directions, 003's S^c). In these
 * coordinates the observation reads ξ_s := Σ_ss⁻¹ u_sᵀ y = v_sᵀ x₀ + N(0, σ²/Σ_ss²).
 */
public final class LinearObservation {
    /** Relative size below which a singular value makes A singular (its rows dependent). */
    public static final double SINGULAR_TOLERANCE = 1e-10;

    private final double[][] a;
    private final double[] y;
    private final double sigma;
    private final double[] singular;
    /** u[s][i]: component i of the left singular vector u_s. */
    private final double[][] u;
    /** v[s][i]: component i of the basis vector v_s (s &lt; k: right singular vectors; s ≥ k: null space). */
    private final double[][] v;
    private final double[] xi;

    private LinearObservation(double[][] a, double[] y, double sigma) {
        int k = a.length;
        int d = a[0].length;
        this.a = a;
        this.y = y;
        this.sigma = sigma;
        SingularValueDecomposition svd = new SingularValueDecomposition(new Array2DRowRealMatrix(a));
        double[] s = svd.getSingularValues();
        if (!(s[0] > 0)) {
            throw new ObservationException("A", "is all zero: the observation carries no information about x; give a non-zero row");
        }
        if (s[k - 1] < SINGULAR_TOLERANCE * s[0]) {
            throw new ObservationException("A", "is singular: its " + k + " rows are linearly dependent (singular values "
                    + Arrays.toString(s) + "); drop the dependent rows, they observe nothing new");
        }
        this.singular = s.clone();
        RealMatrix uMatrix = svd.getU();
        RealMatrix vMatrix = svd.getV();
        this.u = new double[k][k];
        this.v = new double[d][];
        for (int c = 0; c < k; c++) {
            for (int i = 0; i < k; i++) {
                u[c][i] = uMatrix.getEntry(i, c);
            }
            v[c] = new double[d];
            for (int i = 0; i < d; i++) {
                v[c][i] = vMatrix.getEntry(i, c);
            }
        }
        completeBasis(v, k, d);
        this.xi = new double[k];
        for (int c = 0; c < k; c++) {
            double p = 0;
            for (int i = 0; i < k; i++) {
                p += u[c][i] * y[i];
            }
            xi[c] = p / s[c];
        }
    }

    /** Gram–Schmidt (twice, for orthogonality to rounding) of e_0, e_1, … against v_0 … v_{k−1}. */
    private static void completeBasis(double[][] v, int k, int d) {
        int filled = k;
        for (int e = 0; e < d && filled < d; e++) {
            double[] w = new double[d];
            w[e] = 1;
            for (int pass = 0; pass < 2; pass++) {
                for (int c = 0; c < filled; c++) {
                    double p = 0;
                    for (int i = 0; i < d; i++) {
                        p += v[c][i] * w[i];
                    }
                    for (int i = 0; i < d; i++) {
                        w[i] -= p * v[c][i];
                    }
                }
            }
            double norm = 0;
            for (double x : w) {
                norm += x * x;
            }
            norm = Math.sqrt(norm);
            if (norm > 0.5) {
                for (int i = 0; i < d; i++) {
                    w[i] /= norm;
                }
                v[filled++] = w;
            }
        }
    }

    /**
     * Checks and builds an observation.
     *
     * @param a the k × d matrix A, 1 ≤ k ≤ d, finite, full row rank
     * @param y the observation, length k, finite
     * @param sigma the noise standard deviation σ &gt; 0
     * @throws ObservationException naming the field ({@code A}, {@code A[i]}, {@code A[i][j]},
     *     {@code y}, {@code y[i]}, {@code sigma}) and what is allowed
     */
    public static LinearObservation of(double[][] a, double[] y, double sigma) {
        double[][] copy = checkMatrix(a);
        int k = copy.length;
        if (y == null || y.length != k) {
            throw new ObservationException("y", "must have one entry per row of A (" + k + "), had " + (y == null ? 0 : y.length));
        }
        for (int i = 0; i < k; i++) {
            if (!Double.isFinite(y[i])) {
                throw new ObservationException("y[" + i + "]", "must be a finite number, was " + y[i]);
            }
        }
        checkSigma(sigma);
        return new LinearObservation(copy, y.clone(), sigma);
    }

    /** @throws ObservationException unless σ is a finite number &gt; 0 */
    static void checkSigma(double sigma) {
        if (!(sigma > 0) || !Double.isFinite(sigma)) {
            throw new ObservationException("sigma", "must be a finite number > 0 (the observation noise), was " + sigma);
        }
    }

    private static double[][] checkMatrix(double[][] a) {
        if (a == null || a.length == 0 || a[0] == null || a[0].length == 0) {
            throw new ObservationException("A", "must be a non-empty k x d matrix");
        }
        int k = a.length;
        int d = a[0].length;
        double[][] copy = new double[k][];
        for (int i = 0; i < k; i++) {
            if (a[i] == null || a[i].length != d) {
                throw new ObservationException("A[" + i + "]", "must have " + d + " entries like row 0, had " + (a[i] == null ? 0 : a[i].length));
            }
            for (int j = 0; j < d; j++) {
                if (!Double.isFinite(a[i][j])) {
                    throw new ObservationException("A[" + i + "][" + j + "]", "must be a finite number, was " + a[i][j]);
                }
            }
            copy[i] = a[i].clone();
        }
        if (k > d) {
            throw new ObservationException("A", "has " + k + " rows but only " + d + " columns; allowed 1 <= rows <= columns (k <= d)");
        }
        return copy;
    }

    /**
     * y drawn from the prior predictive: x₀ ~ prior, y = A x₀ + σ ε, from a stream keyed by the seed
     * alone (the same seed gives the same y).
     *
     * @throws ObservationException when A or σ is not allowed
     */
    public static double[] draw(Target prior, double[][] a, double sigma, long seed) {
        double[][] m = checkMatrix(a);
        checkSigma(sigma);
        if (m[0].length != prior.dim()) {
            throw new ObservationException("A", "must have " + prior.dim() + " columns (the target's dimension), had " + m[0].length);
        }
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {seed ^ 0x6f62736572766531L, 0x9e3779b97f4a7c15L * (seed + 1)});
        double[][] x = new double[prior.dim()][1];
        prior.sample(1.0, rng, x, 0, 1);
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        double[] y = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            double s = 0;
            for (int j = 0; j < m[i].length; j++) {
                s += m[i][j] * x[j][0];
            }
            y[i] = s + sigma * g.sample();
        }
        return y;
    }

    /** The same A and σ with another y. */
    public LinearObservation withY(double[] newY) {
        return of(a, newY, sigma);
    }

    /** Rows k of A (length of y). */
    public int rows() {
        return a.length;
    }

    /** Columns d of A (dimension of x). */
    public int dim() {
        return a[0].length;
    }

    /** A copy of A. */
    public double[][] matrix() {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    /** A_{ij}. */
    public double a(int i, int j) {
        return a[i][j];
    }

    /** A copy of y. */
    public double[] y() {
        return y.clone();
    }

    /** y_i. */
    public double y(int i) {
        return y[i];
    }

    /** σ. */
    public double sigma() {
        return sigma;
    }

    /** Σ_ss, s &lt; k, descending and positive. */
    public double singularValue(int s) {
        return singular[s];
    }

    /** Component i of the basis vector v_s (s &lt; k: right singular vector; k ≤ s &lt; d: null space of A). */
    public double basis(int s, int i) {
        return v[s][i];
    }

    /** Component i of the left singular vector u_s. */
    public double left(int s, int i) {
        return u[s][i];
    }

    /** ξ_s = Σ_ss⁻¹ u_sᵀ y, the observation of v_sᵀ x₀ with noise σ/Σ_ss (s &lt; k). */
    public double xi(int s) {
        return xi[s];
    }

    /** A x. */
    public double[] apply(double[] x) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            double s = 0;
            for (int j = 0; j < x.length; j++) {
                s += a[i][j] * x[j];
            }
            r[i] = s;
        }
        return r;
    }

    /** log N(y; A x, σ² I): the log-likelihood of x. */
    public double logLikelihood(double[] x) {
        double[] ax = apply(x);
        double q = 0;
        for (int i = 0; i < ax.length; i++) {
            double r = (y[i] - ax[i]) / sigma;
            q += r * r;
        }
        return -0.5 * q - a.length * (Math.log(sigma) + 0.5 * Math.log(2 * Math.PI));
    }
}
