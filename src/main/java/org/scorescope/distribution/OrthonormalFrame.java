package org.scorescope.distribution;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * k orthonormal vectors in R^d, U ∈ R^{d×k} with UᵀU = I_k: the plane a target of intrinsic
 * dimension k is embedded in (docs/imperfect-scores.md; 003 Part 2, "intrinsic dimension k").
 * Either the first k coordinate axes (zero padding) or a seeded random frame, the Q of a QR
 * factorisation of a d × k matrix of independent standard normals (Gram–Schmidt applied twice,
 * so the columns are orthonormal to rounding even for d = 1024).
 *
 * <p>Stored column by column: {@code column(j)[a] = U_{aj}}. Immutable.
 */
public final class OrthonormalFrame {
    private final int d;
    private final int k;
    private final double[][] columns;
    private final boolean axes;
    private final long seed;

    private OrthonormalFrame(int d, int k, double[][] columns, boolean axes, long seed) {
        this.d = d;
        this.k = k;
        this.columns = columns;
        this.axes = axes;
        this.seed = seed;
    }

    /** The first k coordinate axes of R^d: embedding by zero padding. */
    public static OrthonormalFrame axes(int d, int k) {
        check(d, k);
        double[][] c = new double[k][d];
        for (int j = 0; j < k; j++) {
            c[j][j] = 1;
        }
        return new OrthonormalFrame(d, k, c, true, -1);
    }

    /** A random orthonormal frame drawn from the seed (the same seed gives the same frame on every machine). */
    public static OrthonormalFrame random(int d, int k, long seed) {
        check(d, k);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        double[][] c = new double[k][d];
        for (int j = 0; j < k; j++) {
            for (int a = 0; a < d; a++) {
                c[j][a] = g.sample();
            }
            for (int pass = 0; pass < 2; pass++) {
                for (int i = 0; i < j; i++) {
                    double dot = dot(c[i], c[j]);
                    for (int a = 0; a < d; a++) {
                        c[j][a] -= dot * c[i][a];
                    }
                }
            }
            double norm = Math.sqrt(dot(c[j], c[j]));
            for (int a = 0; a < d; a++) {
                c[j][a] /= norm;
            }
        }
        return new OrthonormalFrame(d, k, c, false, seed);
    }

    private static void check(int d, int k) {
        if (k < 1 || d < k) {
            throw new IllegalArgumentException("a frame needs 1 <= k <= d, was k = " + k + ", d = " + d);
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** Ambient dimension d. */
    public int ambient() {
        return d;
    }

    /** Plane dimension k. */
    public int plane() {
        return k;
    }

    /** Whether this is the zero-padding frame (the first k axes). */
    public boolean isAxes() {
        return axes;
    }

    /** The seed of a random frame, −1 for the axes. */
    public long seed() {
        return seed;
    }

    /** A copy of column j (a unit vector in R^d). */
    public double[] column(int j) {
        return columns[j].clone();
    }

    /** z = Uᵀ x for one point. */
    public void toPlane(double[] x, double[] z) {
        for (int j = 0; j < k; j++) {
            z[j] = dot(columns[j], x);
        }
    }

    /** x = U z for one point. */
    public void fromPlane(double[] z, double[] x) {
        java.util.Arrays.fill(x, 0);
        for (int j = 0; j < k; j++) {
            double[] u = columns[j];
            for (int a = 0; a < d; a++) {
                x[a] += u[a] * z[j];
            }
        }
    }

    /** z[j][i] = (Uᵀ x_i)_j for n particles in structure-of-arrays form. */
    public void toPlane(double[][] x, int n, double[][] z) {
        for (int j = 0; j < k; j++) {
            double[] u = columns[j];
            double[] zj = z[j];
            java.util.Arrays.fill(zj, 0, n, 0);
            for (int a = 0; a < d; a++) {
                double ua = u[a];
                if (ua == 0) {
                    continue;
                }
                double[] xa = x[a];
                for (int i = 0; i < n; i++) {
                    zj[i] += ua * xa[i];
                }
            }
        }
    }

    /** x[a][i] += (U z_i)_a · c for n particles. */
    public void addFromPlane(double[][] z, int n, double c, double[][] x) {
        for (int j = 0; j < k; j++) {
            double[] u = columns[j];
            double[] zj = z[j];
            for (int a = 0; a < d; a++) {
                double ua = c * u[a];
                if (ua == 0) {
                    continue;
                }
                double[] xa = x[a];
                for (int i = 0; i < n; i++) {
                    xa[i] += ua * zj[i];
                }
            }
        }
    }
}
