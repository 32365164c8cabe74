package org.scorescope.metrics;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/** Closed-form distances between Gaussian laws (ALGORITHMS.md §6). */
public final class GaussianDistance {
    private GaussianDistance() {
    }

    /**
     * The 2-Wasserstein distance:
     * W2² = |m1 − m2|² + tr(S1 + S2 − 2 (S2^{½} S1 S2^{½})^{½}).
     */
    public static double w2(double[] m1, double[][] s1, double[] m2, double[][] s2) {
        int d = m1.length;
        double mean = 0;
        for (int a = 0; a < d; a++) {
            mean += (m1[a] - m2[a]) * (m1[a] - m2[a]);
        }
        if (d == 1) {
            double sd = Math.sqrt(Math.max(0, s1[0][0])) - Math.sqrt(Math.max(0, s2[0][0]));
            return Math.sqrt(mean + sd * sd);
        }
        RealMatrix a = new Array2DRowRealMatrix(s1);
        RealMatrix root2 = sqrt(new Array2DRowRealMatrix(s2));
        RealMatrix cross = sqrt(root2.multiply(a).multiply(root2));
        double tr = a.getTrace() + new Array2DRowRealMatrix(s2).getTrace() - 2 * cross.getTrace();
        return Math.sqrt(mean + Math.max(0, tr));
    }

    /**
     * KL(N(m1, S1) ‖ N(m2, S2)) = ½ (tr(S2⁻¹S1) + (m2−m1)ᵀS2⁻¹(m2−m1) − d + log det S2 − log det S1).
     * Infinite when S1 is singular and S2 is not.
     */
    public static double kl(double[] m1, double[][] s1, double[] m2, double[][] s2) {
        int d = m1.length;
        RealMatrix a = new Array2DRowRealMatrix(s1);
        RealMatrix b = new Array2DRowRealMatrix(s2);
        RealMatrix bInv = new LUDecomposition(b).getSolver().getInverse();
        double tr = bInv.multiply(a).getTrace();
        double q = 0;
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                q += (m2[i] - m1[i]) * bInv.getEntry(i, j) * (m2[j] - m1[j]);
            }
        }
        double detA = new LUDecomposition(a).getDeterminant();
        double detB = new LUDecomposition(b).getDeterminant();
        if (!(detA > 0)) {
            return Double.POSITIVE_INFINITY;
        }
        return 0.5 * (tr + q - d + Math.log(detB) - Math.log(detA));
    }

    private static RealMatrix sqrt(RealMatrix m) {
        RealMatrix sym = m.add(m.transpose()).scalarMultiply(0.5);
        EigenDecomposition e = new EigenDecomposition(sym);
        int d = m.getRowDimension();
        double[][] r = new double[d][d];
        for (int k = 0; k < d; k++) {
            double l = Math.sqrt(Math.max(0, e.getRealEigenvalue(k)));
            double[] v = e.getEigenvector(k).toArray();
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    r[i][j] += l * v[i] * v[j];
                }
            }
        }
        return new Array2DRowRealMatrix(r);
    }
}
