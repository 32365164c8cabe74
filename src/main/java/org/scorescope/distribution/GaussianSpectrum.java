package org.scorescope.distribution;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;

/**
 * A single Gaussian N(m, Σ) in R^d by its spectrum: r orthonormal directions w_j with variances λ_j
 * and mean components μ_j = w_jᵀm, and the variance λ⊥ shared by every direction of the orthogonal
 * complement (dimension d − r), on which the mean is zero:
 * Σ = Σ_j λ_j w_j w_jᵀ + λ⊥ (I − Σ_j w_j w_jᵀ), m = Σ_j μ_j w_j.
 *
 * <p>Every sampler is affine with particle-independent coefficients that are the same on every axis
 * and its noise is N(0, I), so on such a target the law of every sampler's output factorises over
 * these directions: d one-dimensional problems, of which the d − r complementary ones are identical
 * (docs/imperfect-scores.md, "exact W2 in any dimension"). A d × d covariance is never formed.
 *
 * @param dim d
 * @param directions w_j, each of length d (r of them)
 * @param variances λ_j
 * @param means μ_j
 * @param restVariance λ⊥ (irrelevant when r = d)
 */
public record GaussianSpectrum(int dim, double[][] directions, double[] variances, double[] means, double restVariance) {

    /** Number of complementary directions d − r. */
    public int restDimension() {
        return dim - directions.length;
    }

    /**
     * The spectrum of a single-Gaussian target: a one-component {@link GaussianMixture} (eigenvectors
     * of Σ), or a {@link FramedTarget} or {@link EmbeddedTarget} whose base is one; null otherwise.
     */
    public static GaussianSpectrum of(Target target) {
        if (target instanceof GaussianMixture g && g.isSingleGaussian()) {
            return ofGaussian(g);
        }
        if (target instanceof FramedTarget f) {
            GaussianSpectrum b = of(f.base());
            if (b == null || b.restDimension() != 0) {
                return null;
            }
            return lift(b, f.frame(), f.normalVariance());
        }
        if (target instanceof EmbeddedTarget e) {
            GaussianSpectrum b = of(e.base());
            if (b == null || b.restDimension() != 0) {
                return null;
            }
            return lift(b, OrthonormalFrame.axes(e.dim(), e.base().dim()), 0);
        }
        return null;
    }

    private static GaussianSpectrum ofGaussian(GaussianMixture g) {
        int d = g.dim();
        double[] mu = g.mean(0);
        EigenDecomposition e = new EigenDecomposition(new Array2DRowRealMatrix(g.covariance(0)));
        double[][] w = new double[d][];
        double[] lambda = new double[d];
        double[] m = new double[d];
        for (int j = 0; j < d; j++) {
            w[j] = e.getEigenvector(j).toArray();
            lambda[j] = Math.max(0, e.getRealEigenvalue(j));
            double s = 0;
            for (int a = 0; a < d; a++) {
                s += w[j][a] * mu[a];
            }
            m[j] = s;
        }
        return new GaussianSpectrum(d, w, lambda, m, 0);
    }

    private static GaussianSpectrum lift(GaussianSpectrum b, OrthonormalFrame frame, double rest) {
        int k = b.dim;
        double[][] w = new double[k][];
        double[] z = new double[k];
        for (int j = 0; j < k; j++) {
            w[j] = new double[frame.ambient()];
            System.arraycopy(b.directions[j], 0, z, 0, k);
            frame.fromPlane(z, w[j]);
        }
        return new GaussianSpectrum(frame.ambient(), w, b.variances.clone(), b.means.clone(), rest);
    }
}
