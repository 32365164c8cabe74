package org.scorescope.distribution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import jdk.incubator.vector.DoubleVector;
import org.junit.jupiter.api.Test;

/**
 * The mixture kernels must give the same bits whatever runs them (ARCHITECTURE.md rule 2): the
 * exponential is accurate, and the vector and scalar kernels agree bit for bit.
 */
class KernelReproducibilityTest {

    @Test
    void reproducibleExpIsWithinTwoUlpOfMathExp() {
        Random rnd = new Random(1);
        double worst = 0;
        for (int i = 0; i < 200_000; i++) {
            double x = i < 1000 ? -i * 0.708 : -708 * rnd.nextDouble() * rnd.nextDouble();
            double ref = Math.exp(x);
            double ulps = Math.abs(ReproducibleExp.exp(x) - ref) / Math.ulp(ref);
            worst = Math.max(worst, ulps);
        }
        assertTrue(worst <= 2, "worst error " + worst + " ulp");
        assertEquals(1.0, ReproducibleExp.exp(0), 0);
        assertTrue(Double.isNaN(ReproducibleExp.exp(Double.NaN)));
        assertTrue(ReproducibleExp.exp(-1e9) < 1e-300);
    }

    @Test
    void mixtureExpIsWithinTwoUlpOfMathExp() {
        Random rnd = new Random(4);
        double worst = 0;
        for (int i = 0; i < 400_000; i++) {
            double x = i < 1000 ? -i * 0.708 : i < 200_000 ? -708 * rnd.nextDouble() * rnd.nextDouble() : -40 * rnd.nextDouble();
            double ref = Math.exp(x);
            double ulps = Math.abs(ReproducibleExp.expMix(x) - ref) / Math.ulp(ref);
            worst = Math.max(worst, ulps);
        }
        // Math.exp itself is within 1 ulp of e^x: 2 ulp from it bounds the error by 3 ulp of e^x
        assertTrue(worst <= 2, "worst error " + worst + " ulp");
        assertEquals(1.0, ReproducibleExp.expMix(0), 0);
        assertEquals(1.0, ReproducibleExp.expMix(-0.0), 0);
        assertTrue(Double.isNaN(ReproducibleExp.expMix(Double.NaN)));
        assertEquals(0.0, ReproducibleExp.expMix(-1e9), 0);
        assertEquals(0.0, ReproducibleExp.expMix(Double.NEGATIVE_INFINITY), 0);
    }

    @Test
    void vectorExpEqualsScalarExpBitForBit() {
        int lanes = DoubleVector.SPECIES_PREFERRED.length();
        Random rnd = new Random(2);
        double[] x = new double[lanes * 1000];
        for (int i = 0; i < x.length; i++) {
            x[i] = i % 7 == 0 ? -800 * rnd.nextDouble() : -60 * rnd.nextDouble();
        }
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i += lanes) {
            VectorMixtureKernel.exp(DoubleVector.fromArray(DoubleVector.SPECIES_PREFERRED, x, i)).intoArray(out, i);
        }
        for (int i = 0; i < x.length; i++) {
            assertEquals(Double.doubleToRawLongBits(ReproducibleExp.expMix(x[i])), Double.doubleToRawLongBits(out[i]), "x=" + x[i]);
        }
    }

    @Test
    void vectorAndScalarKernelsAgreeBitForBit() {
        GaussianMixture g = (GaussianMixture) Presets.get("ring8");
        int n = 1000; // three full tiles and a remainder
        Random rnd = new Random(3);
        double[][] x = new double[2][n];
        for (int i = 0; i < n; i++) {
            x[0][i] = 5 * rnd.nextGaussian();
            x[1][i] = 5 * rnd.nextGaussian();
        }
        for (double gamma : new double[] {1e-4, 0.3, 0.97}) {
            GaussianMixture.Level l = g.level(gamma);
            int k = g.components();
            var a = MixtureScoreKernel.Planar2.of(l, k);
            double[] v0 = new double[n];
            double[] v1 = new double[n];
            double[] s0 = new double[n];
            double[] s1 = new double[n];
            VectorMixtureKernel.score2(a.m0(), a.m1(), a.p00(), a.p01(), a.p11(), a.ln(), k, x[0], x[1], n, v0, v1);
            MixtureScoreKernel.score2Scalar(a.m0(), a.m1(), a.p00(), a.p01(), a.p11(), a.ln(), k, x[0], x[1], 0, n, s0, s1);
            assertArrayEquals(s0, v0, "gamma=" + gamma);
            assertArrayEquals(s1, v1, "gamma=" + gamma);
        }
        assertTrue(MixtureScoreKernel.VECTOR, "tests run with jdk.incubator.vector; the vector kernel should be active");
    }
}
