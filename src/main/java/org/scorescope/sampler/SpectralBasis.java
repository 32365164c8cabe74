package org.scorescope.sampler;

import org.scorescope.inverse.LinearObservation;

/**
 * The coordinates of an observation's SVD, A = U Σ Vᵀ (003 Part 5, "two sources of uncertainty"):
 * u_s = v_sᵀ x for the orthonormal basis v_0 … v_{d−1} whose first k vectors are A's right singular
 * vectors and whose others span its null space. The inverse-problem samplers work coordinate by
 * coordinate in this basis.
 */
final class SpectralBasis {
    final int k;
    final int d;
    /** v[s][a]: component a of v_s. */
    final double[][] v;
    /** Σ_ss, s &lt; k. */
    final double[] singular;
    /** ξ_s = Σ_ss⁻¹ u_sᵀ y, s &lt; k. */
    final double[] xi;
    /** u_sᵀ y, s &lt; k. */
    final double[] uty;
    /** σ. */
    final double sigma;

    SpectralBasis(LinearObservation o) {
        k = o.rows();
        d = o.dim();
        v = new double[d][d];
        for (int s = 0; s < d; s++) {
            for (int a = 0; a < d; a++) {
                v[s][a] = o.basis(s, a);
            }
        }
        singular = new double[k];
        xi = new double[k];
        uty = new double[k];
        for (int s = 0; s < k; s++) {
            singular[s] = o.singularValue(s);
            xi[s] = o.xi(s);
            uty[s] = xi[s] * singular[s];
        }
        sigma = o.sigma();
    }

    /** out[s][i] = v_sᵀ x_i. */
    void toSpectral(double[][] x, int n, double[][] out) {
        for (int s = 0; s < d; s++) {
            double[] vs = v[s];
            double[] o = out[s];
            for (int i = 0; i < n; i++) {
                double p = 0;
                for (int a = 0; a < d; a++) {
                    p += vs[a] * x[a][i];
                }
                o[i] = p;
            }
        }
    }

    /** out[a][i] = Σ_s u[s][i] v_s[a]; {@code out} may not alias {@code u}. */
    void fromSpectral(double[][] u, int n, double[][] out) {
        for (int a = 0; a < d; a++) {
            double[] o = out[a];
            for (int i = 0; i < n; i++) {
                double p = 0;
                for (int s = 0; s < d; s++) {
                    p += v[s][a] * u[s][i];
                }
                o[i] = p;
            }
        }
    }
}
