package org.scorescope.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** docs/imperfect-scores.md, high ambient dimension: the frame, the framed law, its moments and marginals. */
class FramedTargetTest {

    @Test
    void randomFramesAreOrthonormalUpToD1024AndReproducible() {
        OrthonormalFrame u = OrthonormalFrame.random(1024, 8, 11);
        for (int i = 0; i < 8; i++) {
            for (int j = 0; j < 8; j++) {
                double dot = 0;
                double[] a = u.column(i);
                double[] b = u.column(j);
                for (int k = 0; k < 1024; k++) {
                    dot += a[k] * b[k];
                }
                assertEquals(i == j ? 1 : 0, dot, 1e-14, "UᵀU at " + i + "," + j);
            }
        }
        assertEquals(u.column(3)[500], OrthonormalFrame.random(1024, 8, 11).column(3)[500]);
        assertTrue(u.column(0)[0] != OrthonormalFrame.random(1024, 8, 12).column(0)[0]);
        assertThrows(IllegalArgumentException.class, () -> OrthonormalFrame.random(2, 3, 1));
    }

    @Test
    void theAxesFrameIsZeroPadding() {
        Target ring = Presets.get("ring8");
        Target framed = new FramedTarget(ring, OrthonormalFrame.axes(5, 2), 0);
        Target padded = new EmbeddedTarget(ring, 5);
        Random rnd = new Random(1);
        for (int trial = 0; trial < 20; trial++) {
            double gamma = 0.05 + 0.9 * rnd.nextDouble();
            double[] x = TargetCalculusTest.randomPoint(padded, gamma, rnd);
            assertEquals(padded.logDensity(x, gamma), framed.logDensity(x, gamma), 1e-12 * Math.abs(padded.logDensity(x, gamma)));
            double[] s1 = new double[5];
            double[] s2 = new double[5];
            padded.score(x, gamma, s1);
            framed.score(x, gamma, s2);
            for (int a = 0; a < 5; a++) {
                assertEquals(s1[a], s2[a], 1e-12 * (1 + Math.abs(s1[a])));
            }
        }
    }

    /** A rotation of the plane leaves the law of a rotation-invariant base unchanged: check the framed law against a d-dimensional mixture built independently. */
    @Test
    void framedGaussianMixtureEqualsTheMixtureWithRotatedComponents() {
        GaussianMixture ring = (GaussianMixture) Presets.get("ring8");
        int d = 6;
        OrthonormalFrame u = OrthonormalFrame.random(d, 2, 9);
        double rest = 0.3;
        FramedTarget framed = new FramedTarget(ring, u, rest);
        double[] w = new double[8];
        double[][] means = new double[8][d];
        double[][][] covs = new double[8][d][d];
        for (int c = 0; c < 8; c++) {
            w[c] = ring.weight(c);
            double[] mu = ring.mean(c);
            double[][] s = ring.covariance(c);
            for (int a = 0; a < d; a++) {
                means[c][a] = u.column(0)[a] * mu[0] + u.column(1)[a] * mu[1];
                for (int b = 0; b < d; b++) {
                    double v = 0;
                    double uu = 0;
                    for (int i = 0; i < 2; i++) {
                        uu += u.column(i)[a] * u.column(i)[b];
                        for (int j = 0; j < 2; j++) {
                            v += u.column(i)[a] * s[i][j] * u.column(j)[b];
                        }
                    }
                    covs[c][a][b] = v + rest * ((a == b ? 1 : 0) - uu);
                }
            }
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < a; b++) {
                    covs[c][a][b] = covs[c][b][a];
                }
            }
        }
        GaussianMixture full = new GaussianMixture(w, means, covs);
        Random rnd = new Random(3);
        for (int trial = 0; trial < 30; trial++) {
            double gamma = 0.02 + 0.97 * rnd.nextDouble();
            double[] x = TargetCalculusTest.randomPoint(full, gamma, rnd);
            assertEquals(full.logDensity(x, gamma), framed.logDensity(x, gamma), 1e-9 * (1 + Math.abs(full.logDensity(x, gamma))));
            double[] s1 = new double[d];
            double[] s2 = new double[d];
            full.score(x, gamma, s1);
            framed.score(x, gamma, s2);
            for (int a = 0; a < d; a++) {
                assertEquals(s1[a], s2[a], 1e-9 * (1 + Math.abs(s1[a])), "score axis " + a);
            }
        }
        GaussianMixture m = (GaussianMixture) framed.marginal(1, 4);
        GaussianMixture mf = (GaussianMixture) full.marginal(1, 4);
        for (int c = 0; c < 8; c++) {
            for (int a = 0; a < 2; a++) {
                assertEquals(mf.mean(c)[a], m.mean(c)[a], 1e-12);
                for (int b = 0; b < 2; b++) {
                    assertEquals(mf.covariance(c)[a][b], m.covariance(c)[a][b], 1e-12);
                }
            }
        }
        double[] lo = {-1, 0};
        double[] hi = {2, 3};
        assertEquals(full.marginal(0, 1).boxMass(lo, hi, 0.7), framed.marginal(0, 1).boxMass(lo, hi, 0.7), 1e-12);
    }

    /** Exact draws in d = 256: plane coordinates follow the base law, residual norms² /v⊥ are χ²(d − k). */
    @Test
    void exactDrawsSplitIntoThePlaneLawAndAChiResidual() {
        int d = 256;
        FramedTarget t = new FramedTarget(Presets.get("gaussian"), OrthonormalFrame.random(d, 2, 5), 0.25);
        double gamma = 0.6;
        int n = 20_000;
        double[][] x = new double[d][n];
        t.sample(gamma, RandomSource.XO_RO_SHI_RO_128_PP.create(8L), x, 0, n);
        double[][] z = t.toPlane(x, n);
        GaussianMixture g = (GaussianMixture) Presets.get("gaussian");
        GaussianMixture.Level l = g.level(gamma);
        double m0 = 0;
        double v00 = 0;
        for (int i = 0; i < n; i++) {
            m0 += z[0][i];
        }
        m0 /= n;
        for (int i = 0; i < n; i++) {
            v00 += (z[0][i] - m0) * (z[0][i] - m0);
        }
        v00 /= n - 1;
        double sd = Math.sqrt(l.covariance[0][0]);
        assertEquals(l.mean[0][0], m0, 5 * sd / Math.sqrt(n), "plane mean");
        assertEquals(l.covariance[0][0], v00, 5 * l.covariance[0][0] * Math.sqrt(2.0 / n), "plane variance");
        double[] r = t.residualNorms(x, n);
        double v = t.residualVariance(gamma);
        ChiSquaredDistribution chi = new ChiSquaredDistribution(d - 2);
        double ks = 0;
        double[] q = new double[n];
        for (int i = 0; i < n; i++) {
            q[i] = r[i] * r[i] / v;
        }
        java.util.Arrays.sort(q);
        for (int i = 0; i < n; i++) {
            double f = chi.cumulativeProbability(q[i]);
            ks = Math.max(ks, Math.max(Math.abs(f - (double) i / n), Math.abs(f - (double) (i + 1) / n)));
        }
        assertTrue(ks < 1.63 / Math.sqrt(n), "KS distance of residual norms to chi(d-k): " + ks);
    }

    @Test
    void badFramesAndDimensionsAreRefused() {
        Target ring = Presets.get("ring8");
        assertThrows(IllegalArgumentException.class, () -> new FramedTarget(ring, OrthonormalFrame.random(2048, 2, 1), 0));
        assertThrows(IllegalArgumentException.class, () -> new FramedTarget(ring, OrthonormalFrame.random(8, 3, 1), 0));
        assertThrows(IllegalArgumentException.class, () -> new FramedTarget(ring, OrthonormalFrame.random(8, 2, 1), -1));
        assertThrows(IllegalArgumentException.class, () -> new FramedTarget(ring, OrthonormalFrame.random(8, 2, 1), Double.NaN));
    }
}
