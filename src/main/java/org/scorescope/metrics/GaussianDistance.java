package org.scorescope.metrics;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;

/**
 * Closed-form distances between Gaussian laws (docs/algorithms.md §6), computed so that a small
 * distance is not lost in rounding, and defined on singular laws.
 *
 * <p><b>W2.</b> W2² = |m1 − m2|² + B², with the Bures term B² = tr S1 + tr S2 − 2 tr (S1^½ S2 S1^½)^½.
 * Written that way, B² is a difference of O(1) traces and its rounding error is about
 * 1e-16 · tr S, so W2 could not go below ~1e-8 (and ~1e-6 near singular covariances). Here, in the
 * eigenbasis S1 = V L Vᵀ of the better-conditioned of the two and with E = Vᵀ(S2 − S1)V,
 * Y = (S1^½ S2 S1^½)^½ − S1 solves the Riccati equation (l_i + l_j) Y_ij + (Y²)_ij = √l_i E_ij √l_j,
 * whose diagonal gives B² = Σ_ij Y_ij² / l_i exactly: a sum of squares, with no cancellation. Y is
 * found by Newton's method from the eigen-decomposition estimate; for a singular S1 (both laws
 * singular) the trace formula is used, and its floor is reported. {@link #w2Floor} estimates the smallest W2 the whole computation
 * (propagation and formula) resolves.
 *
 * <p><b>KL.</b> KL(P1 ‖ P2) is finite exactly when P1 ≪ P2: both laws live on the same affine
 * subspace (range S1 = range S2, m1 − m2 in it). It is then computed on that subspace, so an
 * output law on the same line as a singular truth has a finite KL; otherwise it is +∞.
 */
public final class GaussianDistance {
    /** Unit roundoff of double precision. */
    static final double U = 0x1.0p-53;
    /** Eigenvalues below this fraction of the largest count as zero (rank decisions). */
    static final double RANK_TOLERANCE = 1e-12;

    private GaussianDistance() {
    }

    /** The 2-Wasserstein distance between N(m1, S1) and N(m2, S2); NaN when an input is not finite. */
    public static double w2(double[] m1, double[][] s1, double[] m2, double[][] s2) {
        if (!finite(m1, s1) || !finite(m2, s2)) {
            return Double.NaN;
        }
        int d = m1.length;
        double mean = 0;
        for (int a = 0; a < d; a++) {
            mean += (m1[a] - m2[a]) * (m1[a] - m2[a]);
        }
        return Math.sqrt(mean + bures2(s1, s2));
    }

    /** The squared Bures distance B² between two covariances. */
    static double bures2(double[][] s1, double[][] s2) {
        int d = s1.length;
        if (d == 1) {
            double a = Math.max(0, s1[0][0]);
            double b = Math.max(0, s2[0][0]);
            double root = Math.sqrt(a) + Math.sqrt(b);
            return root == 0 ? 0 : (a - b) * (a - b) / (root * root);
        }
        Eigen e1 = Eigen.of(s1);
        Eigen e2 = Eigen.of(s2);
        boolean firstIsBase = e1.min() >= e2.min();
        Eigen base = firstIsBase ? e1 : e2;
        double[][] other = firstIsBase ? s2 : s1;
        double[][] self = firstIsBase ? s1 : s2;
        if (base.min() > RANK_TOLERANCE * base.max()) {
            double stable = riccati(base, self, other);
            if (!Double.isNaN(stable)) {
                return stable;
            }
        }
        return traceFormula(s1, s2);
    }

    /**
     * B² = Σ Y²/l from the Riccati equation L Y + Y L + Y² = √L E √L in the base's eigenbasis,
     * solved by Newton's method from the eigen-decomposition estimate Y₀ = (√L(L + E)√L)^½ − L
     * (each Newton step is a Sylvester equation in the eigenbasis of L + Y); NaN when it does not settle.
     */
    private static double riccati(Eigen base, double[][] self, double[][] other) {
        int d = base.values.length;
        double[][] diff = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                diff[i][j] = 0.5 * ((other[i][j] - self[i][j]) + (other[j][i] - self[j][i]));
            }
        }
        double[][] e = rotate(base.vectors, diff);
        double[] l = base.values;
        double[][] rhs = new double[d][d];
        double[][] m = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                rhs[i][j] = Math.sqrt(l[i]) * e[i][j] * Math.sqrt(l[j]);
                m[i][j] = rhs[i][j] + (i == j ? l[i] * l[i] : 0);
            }
        }
        double[][] y = Eigen.of(m).sqrt();
        for (int i = 0; i < d; i++) {
            y[i][i] -= l[i];
        }
        double previous = Double.POSITIVE_INFINITY;
        for (int iter = 0; iter < 60; iter++) {
            double[][] residual = new double[d][d];
            double size = 0;
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    double sq = 0;
                    for (int k = 0; k < d; k++) {
                        sq += y[i][k] * y[k][j];
                    }
                    residual[i][j] = (l[i] + l[j]) * y[i][j] + sq - rhs[i][j];
                    size = Math.max(size, Math.abs(residual[i][j]));
                }
            }
            if (!Double.isFinite(size)) {
                return Double.NaN;
            }
            if (size == 0 || size >= previous) {
                break;
            }
            previous = size;
            double[][] a = new double[d][d];
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    a[i][j] = 0.5 * (y[i][j] + y[j][i]) + (i == j ? l[i] : 0);
                }
            }
            Eigen ea = Eigen.ofSigned(a);
            double[][] f = rotate(ea.vectors, residual);
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    double den = ea.values[i] + ea.values[j];
                    if (!(den > 0)) {
                        return Double.NaN;
                    }
                    f[i][j] = -f[i][j] / den;
                }
            }
            double[][] delta = rotateBack(ea.vectors, f);
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    y[i][j] += 0.5 * (delta[i][j] + delta[j][i]);
                }
            }
        }
        double b2 = 0;
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                b2 += y[i][j] * y[i][j] / l[i];
            }
        }
        return b2;
    }

    /** tr S1 + tr S2 − 2 tr (S2^½ S1 S2^½)^½, clipped at 0. */
    private static double traceFormula(double[][] s1, double[][] s2) {
        int d = s1.length;
        double[][] root2 = Eigen.of(s2).sqrt();
        double[][] m = multiply(multiply(root2, s1), root2);
        double[][] cross = Eigen.of(m).sqrt();
        double tr = 0;
        for (int i = 0; i < d; i++) {
            tr += s1[i][i] + s2[i][i] - 2 * cross[i][i];
        }
        return Math.max(0, tr);
    }

    /**
     * The smallest W2 to a truth N(m, S) that a propagation of T steps and this W2 resolve: the
     * propagated moments carry about one unit roundoff u per step (δ = u (T + 1), accumulated at
     * worst linearly), which moves W2 by about δ (|m| + √tr S), plus the formula's own floor
     * (u √tr S on the stable path, √(8 u tr S) when both laws are singular and the trace formula
     * has to be used). It is an upper estimate: rotating {@code line} by 30° changes W2 at T = 800
     * by at most 1e-14 where this floor says 2.4e-13. Points of a rate study under it are not fitted.
     *
     * @param steps T, the number of steps the law was propagated through
     */
    public static double w2Floor(double[] m, double[][] s, int steps) {
        if (!finite(m, s)) {
            return Double.NaN;
        }
        double delta = U * (steps + 1);
        double norm = 0;
        for (double v : m) {
            norm += v * v;
        }
        Eigen e = Eigen.of(s);
        double tr = 0;
        for (double l : e.values) {
            tr += l;
        }
        double big = Math.max(e.max(), Double.MIN_NORMAL);
        boolean stable = s.length == 1 || e.min() > RANK_TOLERANCE * big;
        double formula = stable ? U * Math.sqrt(tr) : Math.sqrt(8 * U * tr);
        return delta * (Math.sqrt(norm) + Math.sqrt(tr)) + formula;
    }

    /**
     * KL(N(m1, S1) ‖ N(m2, S2)) = ½ (tr(S2⁺S1) + (m2−m1)ᵀS2⁺(m2−m1) − r + log det S2 − log det S1) on the
     * common support of rank r; +∞ when N(m1, S1) is not absolutely continuous with respect to
     * N(m2, S2); NaN when an input is not finite.
     */
    public static double kl(double[] m1, double[][] s1, double[] m2, double[][] s2) {
        if (!finite(m1, s1) || !finite(m2, s2)) {
            return Double.NaN;
        }
        int d = m1.length;
        Eigen e2 = Eigen.of(s2);
        Eigen e1 = Eigen.of(s1);
        double scale = Math.max(Math.max(e1.max(), e2.max()), Double.MIN_NORMAL);
        double tol = RANK_TOLERANCE * scale;
        int r = 0;
        for (double l : e2.values) {
            r += l > tol ? 1 : 0;
        }
        int r1 = 0;
        for (double l : e1.values) {
            r1 += l > tol ? 1 : 0;
        }
        if (r1 != r || r == 0) {
            return r1 == 0 && r == 0 && distance(m1, m2) <= Math.sqrt(tol) ? 0 : Double.POSITIVE_INFINITY;
        }
        double[][] basis = new double[d][r];
        double[] lambda = new double[r];
        int k = 0;
        for (int j = 0; j < d; j++) {
            if (e2.values[j] > tol) {
                lambda[k] = e2.values[j];
                for (int i = 0; i < d; i++) {
                    basis[i][k] = e2.vectors[i][j];
                }
                k++;
            }
        }
        // S1 and m1 − m2 must not reach outside range(S2).
        double outside = 0;
        double[] dm = new double[d];
        for (int i = 0; i < d; i++) {
            dm[i] = m2[i] - m1[i];
        }
        double[] inside = new double[r];
        for (int c = 0; c < r; c++) {
            for (int i = 0; i < d; i++) {
                inside[c] += basis[i][c] * dm[i];
            }
        }
        for (int i = 0; i < d; i++) {
            double proj = 0;
            for (int c = 0; c < r; c++) {
                proj += basis[i][c] * inside[c];
            }
            outside = Math.max(outside, Math.abs(dm[i] - proj));
        }
        double[][] s1r = new double[r][r];
        for (int a = 0; a < r; a++) {
            for (int b = 0; b < r; b++) {
                double v = 0;
                for (int i = 0; i < d; i++) {
                    for (int j = 0; j < d; j++) {
                        v += basis[i][a] * s1[i][j] * basis[j][b];
                    }
                }
                s1r[a][b] = v;
            }
        }
        double tr1 = 0;
        for (int i = 0; i < d; i++) {
            tr1 += s1[i][i];
        }
        double trR = 0;
        for (int a = 0; a < r; a++) {
            trR += s1r[a][a];
        }
        if (tr1 - trR > Math.sqrt(tol) * scale || outside > Math.sqrt(tol * scale)) {
            return Double.POSITIVE_INFINITY;
        }
        Eigen er = Eigen.of(s1r);
        double logDet1 = 0;
        for (double l : er.values) {
            if (!(l > tol)) {
                return Double.POSITIVE_INFINITY;
            }
            logDet1 += Math.log(l);
        }
        double tr = 0;
        double q = 0;
        double logDet2 = 0;
        for (int a = 0; a < r; a++) {
            tr += s1r[a][a] / lambda[a];
            q += inside[a] * inside[a] / lambda[a];
            logDet2 += Math.log(lambda[a]);
        }
        return Math.max(0, 0.5 * (tr + q - r + logDet2 - logDet1));
    }

    private static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(s);
    }

    static boolean finite(double[] m, double[][] s) {
        for (double v : m) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        for (double[] row : s) {
            for (double v : row) {
                if (!Double.isFinite(v)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static double[][] rotate(double[][] v, double[][] m) {
        int d = m.length;
        double[][] out = new double[d][d];
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                double s = 0;
                for (int i = 0; i < d; i++) {
                    for (int j = 0; j < d; j++) {
                        s += v[i][a] * m[i][j] * v[j][b];
                    }
                }
                out[a][b] = s;
            }
        }
        return out;
    }

    /** V M Vᵀ. */
    private static double[][] rotateBack(double[][] v, double[][] m) {
        int d = m.length;
        double[][] out = new double[d][d];
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                double s = 0;
                for (int i = 0; i < d; i++) {
                    for (int j = 0; j < d; j++) {
                        s += v[a][i] * m[i][j] * v[b][j];
                    }
                }
                out[a][b] = s;
            }
        }
        return out;
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        int d = a.length;
        double[][] c = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int k = 0; k < d; k++) {
                for (int j = 0; j < d; j++) {
                    c[i][j] += a[i][k] * b[k][j];
                }
            }
        }
        return c;
    }

    /** A symmetric eigen-decomposition (of the symmetrised input), eigenvalues clipped at 0. */
    private record Eigen(double[] values, double[][] vectors) {
        static Eigen of(double[][] s) {
            Eigen e = ofSigned(s);
            for (int k = 0; k < e.values.length; k++) {
                e.values[k] = Math.max(0, e.values[k]);
            }
            return e;
        }

        /** Without clipping. */
        static Eigen ofSigned(double[][] s) {
            int d = s.length;
            double[][] sym = new double[d][d];
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    sym[i][j] = 0.5 * (s[i][j] + s[j][i]);
                }
            }
            EigenDecomposition e = new EigenDecomposition(new Array2DRowRealMatrix(sym));
            double[] values = new double[d];
            double[][] vectors = new double[d][d];
            for (int k = 0; k < d; k++) {
                values[k] = e.getRealEigenvalue(k);
                double[] v = e.getEigenvector(k).toArray();
                for (int i = 0; i < d; i++) {
                    vectors[i][k] = v[i];
                }
            }
            return new Eigen(values, vectors);
        }

        double min() {
            double m = Double.POSITIVE_INFINITY;
            for (double v : values) {
                m = Math.min(m, v);
            }
            return m;
        }

        double max() {
            double m = 0;
            for (double v : values) {
                m = Math.max(m, v);
            }
            return m;
        }

        double[][] sqrt() {
            int d = values.length;
            double[][] r = new double[d][d];
            for (int k = 0; k < d; k++) {
                double l = Math.sqrt(values[k]);
                for (int i = 0; i < d; i++) {
                    for (int j = 0; j < d; j++) {
                        r[i][j] += l * vectors[i][k] * vectors[j][k];
                    }
                }
            }
            return r;
        }
    }
}
