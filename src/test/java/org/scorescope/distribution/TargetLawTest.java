package org.scorescope.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.apache.commons.rng.core.source64.SplitMix64;
import org.junit.jupiter.api.Test;
import org.scorescope.metrics.Binning;
import org.scorescope.metrics.ExactBinMasses;

/** docs/algorithms.md §2: box masses against quadrature, exact sampling against the closed form. */
class TargetLawTest {
    private static final IterativeLegendreGaussIntegrator QUAD = new IterativeLegendreGaussIntegrator(16, 1e-11, 1e-13);
    private static final IterativeLegendreGaussIntegrator INNER = new IterativeLegendreGaussIntegrator(16, 1e-12, 1e-14);

    /** ∫∫ over a box of the density, by nested Gauss–Legendre (integrators are stateful: one per level). */
    static double quadrature2d(Target t, double[] lo, double[] hi, double gamma) {
        return QUAD.integrate(10_000_000, x -> INNER.integrate(10_000_000, y -> t.density(new double[] {x, y}, gamma), lo[1], hi[1]), lo[0], hi[0]);
    }

    @Test
    void gaussianMixtureBoxMassesMatchQuadrature() {
        Target t = Presets.get("ring8");
        for (double gamma : new double[] {0.05, 0.4, 0.9}) {
            double[] lo = {1.5, -1.0};
            double[] hi = {4.5, 2.0};
            assertEquals(quadrature2d(t, lo, hi, gamma), t.boxMass(lo, hi, gamma), 1e-9, "gamma=" + gamma);
        }
        Target line = Presets.get("line");
        assertEquals(quadrature2d(line, new double[] {-1, -1}, new double[] {1.5, 0.5}, 0.7),
                line.boxMass(new double[] {-1, -1}, new double[] {1.5, 0.5}, 0.7), 1e-9);
    }

    @Test
    void boxMixtureBoxMassesMatchQuadrature() {
        Target t = Presets.get("checkerboard");
        for (double gamma : new double[] {0.05, 0.5, 0.95}) {
            double[] lo = {-3.0, -1.0};
            double[] hi = {-1.5, 0.7};
            assertEquals(quadrature2d(t, lo, hi, gamma), t.boxMass(lo, hi, gamma), 1e-9, "gamma=" + gamma);
        }
        // Nearly all mass at moderate noise lies in a large box; and the 1D mass handles γ → 0.
        assertEquals(1.0, t.boxMass(new double[] {-20, -20}, new double[] {20, 20}, 0.5), 1e-12);
        Target one = new BoxMixture(new double[] {1}, new double[][] {{0}}, new double[][] {{1}});
        double m = one.boxMass(new double[] {-0.3}, new double[] {0.8}, 1e-10);
        assertEquals(org.scorescope.math.Normal.cdf(0.8) - org.scorescope.math.Normal.cdf(-0.3), m, 1e-6);
    }

    @Test
    void compositeBoxMassMatchesQuadrature() {
        Target t = new CompositeTarget(new Target[] {Presets.get("gaussian"), Presets.get("checkerboard")}, new double[] {0.3, 0.7});
        double[] lo = {-1.0, -2.5};
        double[] hi = {2.0, 0.5};
        assertEquals(quadrature2d(t, lo, hi, 0.6), t.boxMass(lo, hi, 0.6), 1e-9);
    }

    @Test
    void oneDimensionalMassesAndGridMassesAgree() {
        Target t = Presets.get("bimodal1d");
        double q = QUAD.integrate(10_000_000, x -> t.density(new double[] {x}, 0.6), -1.0, 2.5);
        assertEquals(q, t.boxMass(new double[] {-1.0}, new double[] {2.5}, 0.6), 1e-10);
        Target ring = Presets.get("ring8");
        Binning b = new Binning(new double[] {-5, -5}, new double[] {5, 5}, new int[] {10, 10});
        double[] grid = ExactBinMasses.compute(ring, b, 0.5);
        double[] ex = b.edges(0);
        double[] ey = b.edges(1);
        for (int i = 0; i < 10; i += 3) {
            for (int j = 0; j < 10; j += 4) {
                assertEquals(ring.boxMass(new double[] {ex[i], ey[j]}, new double[] {ex[i + 1], ey[j + 1]}, 0.5), grid[i * 10 + j], 1e-13);
            }
        }
    }

    @Test
    void exactSamplesHaveTheNoisedMeanAndCovariance() {
        GaussianMixture g = (GaussianMixture) Presets.get("gaussian");
        double gamma = 0.3;
        int n = 400_000;
        double[][] x = new double[2][n];
        g.sample(gamma, new SplitMix64(3L), x, 0, n);
        GaussianMixture.Level l = g.level(gamma);
        double m0 = mean(x[0]);
        double m1 = mean(x[1]);
        // Standard error of a mean: sqrt(var/n) ≈ 0.0016; 5 standard errors.
        assertEquals(l.mean[0][0], m0, 0.008);
        assertEquals(l.mean[0][1], m1, 0.008);
        double c01 = 0;
        for (int i = 0; i < n; i++) {
            c01 += (x[0][i] - m0) * (x[1][i] - m1);
        }
        assertEquals(l.covariance[0][1], c01 / n, 0.01);
    }

    @Test
    void boxMixtureSamplesLandInTheRightBoxesAtGammaOne() {
        Target t = Presets.get("checkerboard");
        int n = 10_000;
        double[][] x = new double[2][n];
        t.sample(1.0, new SplitMix64(5L), x, 0, n);
        for (int i = 0; i < n; i++) {
            int cx = (int) Math.floor((x[0][i] + 4) / 2);
            int cy = (int) Math.floor((x[1][i] + 4) / 2);
            assertTrue((cx + cy) % 2 == 0, "sample " + i + " in a light cell");
        }
    }

    @Test
    void invalidComponentsAreRejectedWithTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new GaussianMixture(
                new double[] {1}, new double[][] {{0, 0}}, new double[][][] {{{1, 2}, {2, 1}}}));
        assertTrue(e.getMessage().contains("covariances[0]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new GaussianMixture(
                new double[] {1}, new double[][] {{Double.NaN, 0}}, new double[][][] {{{1, 0}, {0, 1}}}));
        assertTrue(e.getMessage().contains("means[0]"), e.getMessage());
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }
}
