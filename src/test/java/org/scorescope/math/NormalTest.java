package org.scorescope.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.junit.jupiter.api.Test;

class NormalTest {
    @Test
    void logCdfMatchesReferenceValuesAcrossBothTails() {
        // Reference values of log Φ(z) (mpmath, 30 digits): z = -40, -10, 0, 3, 10.
        assertEquals(-804.6084420137538, Normal.logCdf(-40), 1e-10);
        assertEquals(-53.23128515051247, Normal.logCdf(-10), 1e-12);
        assertEquals(Math.log(0.5), Normal.logCdf(0), 1e-15);
        assertEquals(Math.log(Normal.cdf(-0.3)), Normal.logCdf(-0.3), 1e-14);
        assertEquals(-0.0013508099647481938, Normal.logCdf(3), 1e-17);
        assertEquals(-7.619853024160527e-24, Normal.logCdf(10), 1e-32);
    }

    @Test
    void logCdfIsContinuousWhereTheAsymptoticSeriesTakesOver() {
        double below = Normal.logCdf(-37.0 - 1e-9);
        double above = Normal.logCdf(-37.0 + 1e-9);
        assertEquals(above, below, 1e-7 * Math.abs(above));
    }

    @Test
    void logDiffCdfIsAccurateForNarrowAndFarIntervals() {
        // Narrow interval: Φ(a) − Φ(b) ≈ φ(m)(a − b).
        double a = 0.3 + 1e-7;
        double b = 0.3 - 1e-7;
        assertEquals(Math.log(Normal.pdf(0.3) * 2e-7), Normal.logDiffCdf(a, b), 1e-8);
        // Far right tail: Φ(41) − Φ(40) = Φ(−40) − Φ(−41).
        double expected = Normal.logCdf(-40) + Normal.log1mExp(Normal.logCdf(-41) - Normal.logCdf(-40));
        assertEquals(expected, Normal.logDiffCdf(41, 40), 1e-12);
        assertTrue(Double.isFinite(Normal.logDiffCdf(1e3, 999)));
        assertTrue(Double.isFinite(Normal.logDiffCdf(-999, -1e3)));
    }

    @Test
    void bivariateCdfMatchesAdaptiveQuadrature() {
        IterativeLegendreGaussIntegrator quad = new IterativeLegendreGaussIntegrator(32, 1e-13, 1e-14);
        double[][] cases = {{0.5, -0.3, 0.2}, {1.2, 0.7, -0.6}, {-0.4, 0.9, 0.95}, {0.3, 0.1, -0.97}, {2.5, -1.5, 0.999}, {-2, -2, 0.5}};
        for (double[] c : cases) {
            double h = c[0];
            double k = c[1];
            double r = c[2];
            // P(X < h, Y < k) = ∫_{−∞}^{h} φ(x) Φ((k − r x)/√(1−r²)) dx, cut at −12.
            double s = Math.sqrt(1 - r * r);
            double ref = quad.integrate(1_000_000, x -> Normal.pdf(x) * Normal.cdf((k - r * x) / s), -12, h);
            assertEquals(ref, BivariateNormal.cdf(h, k, r), 1e-12, "h=" + h + " k=" + k + " r=" + r);
        }
    }

    @Test
    void bivariateCdfLimits() {
        assertEquals(Normal.cdf(0.7), BivariateNormal.cdf(0.7, Double.POSITIVE_INFINITY, 0.3), 1e-15);
        assertEquals(0, BivariateNormal.cdf(Double.NEGATIVE_INFINITY, 1, 0.3), 0);
        assertEquals(Normal.cdf(Math.min(0.4, 0.9)), BivariateNormal.cdf(0.4, 0.9, 1.0), 1e-15);
        assertEquals(0.25, BivariateNormal.cdf(0, 0, 0), 1e-15);
    }

    @Test
    void fastLogCdfTableMatchesTheExactFunction() {
        double worst = 0;
        for (int i = 0; i <= 200_000; i++) {
            double z = -38 + 47.0 * i / 200_000;
            double exact = Normal.logCdfExact(z);
            double fast = Normal.logCdf(z);
            double scale = Math.max(Math.abs(exact), 1e-300);
            worst = Math.max(worst, Math.abs(fast - exact) / scale);
        }
        // Measured: below 9e-16 for z < 0, 3e-14 for z > 0 (where the erfc reference itself limits).
        assertTrue(worst < 1e-13, "worst relative error " + worst);
    }
}
