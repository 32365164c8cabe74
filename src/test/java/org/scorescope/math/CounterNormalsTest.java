package org.scorescope.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The counter-based generator: its log/cos/sin kernels are accurate, the vector and scalar
 * generators give the same bits, a particle's draws do not depend on where its chunk starts, and
 * the normals have the moments and tail masses of N(0, 1).
 */
class CounterNormalsTest {

    @Test
    void kernelsAreWithinOneUlpOfTheLibrary() {
        Random rnd = new Random(1);
        double worstLog = 0;
        double worstCos = 0;
        double worstSin = 0;
        for (int i = 0; i < 200_000; i++) {
            double u = i < 100 ? Math.scalb(1.0, -52 + i % 53) : (rnd.nextLong() >>> 12) * 0x1p-52;
            if (u > 0) {
                double ref = Math.log(u);
                worstLog = Math.max(worstLog, Math.abs(CounterNormals.log(u) - ref) / Math.ulp(ref == 0 ? 1e-300 : ref));
            }
            double c = Math.cos(2 * Math.PI * u);
            double s = Math.sin(2 * Math.PI * u);
            // the library's argument 2πu is itself rounded; compare in absolute terms at ulp(1)
            worstCos = Math.max(worstCos, Math.abs(CounterNormals.cos2pi(u) - c) / Math.ulp(1.0));
            worstSin = Math.max(worstSin, Math.abs(CounterNormals.sin2pi(u) - s) / Math.ulp(1.0));
        }
        assertTrue(worstLog <= 1, "log: " + worstLog + " ulp");
        assertTrue(worstCos <= 4 && worstSin <= 4, "cos/sin: " + worstCos + ", " + worstSin + " ulp(1)");
        assertEquals(0.0, CounterNormals.log(1.0), 0);
        assertEquals(1.0, CounterNormals.cos2pi(0.0), 0);
        assertEquals(-1.0, CounterNormals.cos2pi(0.5), 0);
        assertEquals(1.0, CounterNormals.sin2pi(0.25), 0);
        assertEquals(-1.0, CounterNormals.sin2pi(0.75), 0);
    }

    @Test
    void vectorAndScalarGeneratorsAgreeBitForBitInEveryDimension() {
        assertTrue(VectorSupport.AVAILABLE, "tests run with jdk.incubator.vector");
        for (int d = 1; d <= 5; d++) {
            int n = 1003;
            double[][] v = new double[d][n];
            double[][] s = new double[d][n];
            long key = 0x1234_5678_9ABC_DEF0L * d;
            int done = VectorCounterNormals.gaussian(key, 77, v, n);
            CounterNormals.gaussianScalar(key, 77, v, done, n);
            CounterNormals.gaussianScalar(key, 77, s, 0, n);
            for (int a = 0; a < d; a++) {
                for (int i = 0; i < n; i++) {
                    assertEquals(Double.doubleToRawLongBits(s[a][i]), Double.doubleToRawLongBits(v[a][i]), "d=" + d + " axis " + a + " i=" + i);
                }
            }
        }
    }

    @Test
    void aParticlesDrawsDoNotDependOnWhereItsChunkStarts() {
        double[][] whole = new double[2][1000];
        CounterNormals.gaussian(42, 0, whole, 1000);
        double[][] part = new double[2][333];
        CounterNormals.gaussian(42, 500, part, 333);
        for (int i = 0; i < 333; i++) {
            assertEquals(whole[0][500 + i], part[0][i], 0);
            assertEquals(whole[1][500 + i], part[1][i], 0);
        }
        double[] u = new double[1000];
        double[] w = new double[10];
        CounterNormals.uniform(9, 0, u, 1000);
        CounterNormals.uniform(9, 990, w, 10);
        assertEquals(u[995], w[5], 0);
    }

    @Test
    void normalsHaveTheMomentsAndTailsOfTheStandardNormal() {
        int n = 400_000;
        double[][] z = new double[3][n];
        CounterNormals.gaussian(0xC0FFEEL, 0, z, n);
        for (double[] axis : z) {
            double m1 = 0;
            double m2 = 0;
            double m4 = 0;
            int beyond2 = 0;
            for (double v : axis) {
                m1 += v;
                m2 += v * v;
                m4 += v * v * v * v;
                beyond2 += Math.abs(v) > 2 ? 1 : 0;
            }
            m1 /= n;
            m2 /= n;
            m4 /= n;
            // standard errors: 1/√n, √2/√n, √96/√n; P(|Z|>2) = 0.0455003 with s.e. √(p(1−p)/n)
            assertEquals(0, m1, 5 / Math.sqrt(n));
            assertEquals(1, m2, 5 * Math.sqrt(2.0 / n));
            assertEquals(3, m4, 5 * Math.sqrt(96.0 / n));
            assertEquals(0.0455003, beyond2 / (double) n, 5 * Math.sqrt(0.0455 * 0.9545 / n));
        }
        double cross = 0;
        for (int i = 0; i < n; i++) {
            cross += z[0][i] * z[1][i] + z[1][i] * z[2][i];
        }
        assertEquals(0, cross / n, 5 * Math.sqrt(2.0 / n), "the axes are uncorrelated");
        double[] u = new double[n];
        CounterNormals.uniform(5, 0, u, n);
        double mean = 0;
        for (double v : u) {
            assertTrue(v >= 0 && v < 1);
            mean += v;
        }
        assertEquals(0.5, mean / n, 5 * Math.sqrt(1.0 / 12 / n));
    }
}
