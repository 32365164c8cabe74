package org.scorescope.score;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.scorescope.distribution.Presets;
import org.scorescope.distribution.Target;

/** Issue 15: J_s·v of the exact score (DPS's backward pass) against the target's Jacobian and a central difference of its score. */
class ExactScoreJacobianTest {
    @Test
    void jacobianProductsMatchTheJacobianAndAFiniteDifference() {
        for (String id : new String[] {"ring8", "gaussian", "checkerboard", "bimodal1d"}) {
            Target t = Presets.get(id);
            int d = t.dim();
            ExactScore e = new ExactScore(t);
            int n = 5;
            double[][] x = new double[d][n];
            double[][] v = new double[d][n];
            for (int i = 0; i < n; i++) {
                for (int a = 0; a < d; a++) {
                    x[a][i] = Math.sin(1.7 * i + a) * 3;
                    v[a][i] = Math.cos(0.9 * i - 2 * a);
                }
            }
            double gamma = 0.6;
            double[][] jv = new double[d][n];
            e.jacobianProduct(x, n, gamma, v, jv);
            double h = 1e-5;
            for (int i = 0; i < n; i++) {
                double[] p = new double[d];
                double[][] j = new double[d][d];
                for (int a = 0; a < d; a++) {
                    p[a] = x[a][i];
                }
                t.scoreJacobian(p, gamma, j);
                double[] plus = new double[d];
                double[] minus = new double[d];
                double[] sp = new double[d];
                double[] sm = new double[d];
                for (int a = 0; a < d; a++) {
                    plus[a] = p[a] + h * v[a][i];
                    minus[a] = p[a] - h * v[a][i];
                }
                t.score(plus, gamma, sp);
                t.score(minus, gamma, sm);
                for (int a = 0; a < d; a++) {
                    double expected = 0;
                    for (int b = 0; b < d; b++) {
                        expected += j[a][b] * v[b][i];
                    }
                    assertEquals(expected, jv[a][i], 1e-12 * (1 + Math.abs(expected)), id + " particle " + i);
                    assertEquals((sp[a] - sm[a]) / (2 * h), jv[a][i], 1e-6 * (1 + Math.abs(expected)), id + " finite difference " + i);
                }
            }
        }
    }
}
