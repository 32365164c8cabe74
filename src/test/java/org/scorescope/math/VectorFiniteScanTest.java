package org.scorescope.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The vector prefix scan stops at the first register holding a NaN or an infinity on any axis, and runs to the last whole register otherwise. */
class VectorFiniteScanTest {
    @Test
    void prefixEndsAtTheFirstRegisterWithANonFiniteCoordinate() {
        Assumptions.assumeTrue(VectorSupport.AVAILABLE, "vector module absent: the engine scans every particle");
        int lanes = VectorSupport.lanes();
        SplittableRandom rnd = new SplittableRandom(3);
        double[] bad = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int d = 1; d <= 3; d++) {
            for (int n : new int[] {0, 1, lanes - 1, lanes, 5 * lanes + 3, 640}) {
                double[][] y = new double[d][n];
                for (double[] axis : y) {
                    for (int i = 0; i < n; i++) {
                        axis[i] = rnd.nextDouble(-1e300, 1e300);
                    }
                }
                int whole = n - n % lanes;
                assertEquals(whole, VectorFiniteScan.finitePrefix(y, n), "all finite, d = " + d + ", n = " + n);
                if (n > 0) {
                    y[0][0] = Double.MAX_VALUE;
                }
                assertEquals(whole, VectorFiniteScan.finitePrefix(y, n), "the largest double is finite");
                for (int trial = 0; trial < 20 && n > 0; trial++) {
                    double[][] c = new double[d][];
                    for (int a = 0; a < d; a++) {
                        c[a] = y[a].clone();
                    }
                    int at = rnd.nextInt(n);
                    c[rnd.nextInt(d)][at] = bad[rnd.nextInt(bad.length)];
                    int prefix = VectorFiniteScan.finitePrefix(c, n);
                    int expected = at < whole ? at - at % lanes : whole;
                    assertEquals(expected, prefix, "non-finite at " + at + ", d = " + d + ", n = " + n);
                    assertTrue(prefix % lanes == 0 && prefix <= n);
                }
            }
        }
    }
}
