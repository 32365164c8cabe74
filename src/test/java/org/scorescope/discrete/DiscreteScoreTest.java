package org.scorescope.discrete;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Transition matrices, marginals and scores against matrix exponentials and direct sums over x0. */
class DiscreteScoreTest {
    static final double[] TIMES = {1e-4, 0.05, 0.7, 3, 25};

    /** A random table with zeros (S = 3, d = 3). */
    static JointTarget randomTable(long seed, int s, int d) {
        Random r = new Random(seed);
        int n = (int) Math.pow(s, d);
        double[] p = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            p[i] = r.nextDouble() < 0.3 ? 0 : r.nextDouble();
            sum += p[i];
        }
        for (int i = 0; i < n; i++) {
            p[i] /= sum;
        }
        return DiscreteTargets.table("target", "random", s, d, p, List.of());
    }

    @Test
    void transitionMatricesAreTheExponentialsOfTheGenerators() {
        for (DiscreteProcess process : DiscreteProcess.values()) {
            for (double t : TIMES) {
                double[][] closed = process.transition(5, t);
                double[][] expm = Expm.of(process.generator(5), t);
                for (int a = 0; a < closed.length; a++) {
                    for (int b = 0; b < closed.length; b++) {
                        assertEquals(expm[a][b], closed[a][b], 1e-13, process + " t=" + t + " (" + a + "," + b + ")");
                    }
                }
            }
        }
    }

    /** q_t(x) by the direct sum over x0 with expm transition matrices. */
    static double directMarginal(DiscreteTarget target, DiscreteProcess process, double t, int[] x) {
        int s = target.states();
        int d = target.dims();
        double[][] p = Expm.of(process.generator(s), t);
        int[] x0 = new int[d];
        double q = 0;
        for (int j = 0; j < Math.pow(s, d); j++) {
            StateIndex.decode(j, s, x0);
            double w = target.probability(x0);
            for (int i = 0; i < d && w > 0; i++) {
                w *= p[x0[i]][x[i]];
            }
            q += w;
        }
        return q;
    }

    @Test
    void marginalsAreDirectSums() {
        JointTarget t = randomTable(3, 3, 3);
        for (DiscreteProcess process : DiscreteProcess.values()) {
            int k = process.alphabet(3);
            for (double tau : TIMES) {
                double[] q = ExactReverse.marginal(t, process, tau);
                int[] x = new int[3];
                double total = 0;
                for (int j = 0; j < q.length; j++) {
                    StateIndex.decode(j, k, x);
                    assertEquals(directMarginal(t, process, tau, x), q[j], 1e-14, process + " τ=" + tau);
                    total += q[j];
                }
                assertEquals(1, total, 1e-13);
            }
        }
    }

    @Test
    void uniformScoresAreRatiosOfDirectSums() {
        JointTarget joint = randomTable(7, 3, 3);
        ProductTarget product = DiscreteTargets.product("target", "p", new double[][] {{0.5, 0.5, 0}, {0.1, 0.2, 0.7}, {1, 0, 0}});
        for (DiscreteTarget t : List.<DiscreteTarget>of(joint, product)) {
            DiscreteScore score = t.score(DiscreteProcess.UNIFORM);
            double[] out = new double[3];
            int[] x = new int[3];
            for (double tau : TIMES) {
                for (int j = 0; j < 27; j++) {
                    StateIndex.decode(j, 3, x);
                    double qx = directMarginal(t, DiscreteProcess.UNIFORM, tau, x);
                    for (int i = 0; i < 3; i++) {
                        score.ratios(x, i, tau, out);
                        for (int c = 0; c < 3; c++) {
                            int[] y = x.clone();
                            y[i] = c;
                            double expected = directMarginal(t, DiscreteProcess.UNIFORM, tau, y) / qx;
                            assertEquals(expected, out[c], 1e-11 * Math.max(1, expected), t.name() + " τ=" + tau);
                        }
                    }
                }
            }
        }
    }

    @Test
    void maskingScoresAreRatiosOfDirectSumsAnd003sKeyObservation() {
        JointTarget joint = randomTable(11, 3, 3);
        ProductTarget product = DiscreteTargets.product("target", "p", new double[][] {{0.5, 0.5, 0}, {0.1, 0.2, 0.7}, {1, 0, 0}});
        for (DiscreteTarget t : List.<DiscreteTarget>of(joint, product)) {
            DiscreteScore score = t.score(DiscreteProcess.MASKING);
            double[] out = new double[3];
            int[] x = new int[3];
            for (double tau : TIMES) {
                for (int j = 0; j < 64; j++) {
                    StateIndex.decode(j, 4, x);
                    double qx = directMarginal(t, DiscreteProcess.MASKING, tau, x);
                    for (int i = 0; i < 3; i++) {
                        if (x[i] != 3 || qx == 0) {
                            continue;
                        }
                        score.ratios(x, i, tau, out);
                        for (int c = 0; c < 3; c++) {
                            int[] y = x.clone();
                            y[i] = c;
                            double expected = directMarginal(t, DiscreteProcess.MASKING, tau, y) / qx;
                            assertEquals(expected, out[c], 1e-11 * Math.max(1, expected), t.name() + " τ=" + tau);
                        }
                    }
                }
            }
        }
    }

    @Test
    void rateBoundsHoldOverTheirWindow() {
        JointTarget joint = randomTable(5, 3, 3);
        ProductTarget product = DiscreteTargets.product("target", "p", new double[][] {{0.5, 0.5, 0}, {0.1, 0.2, 0.7}, {1, 0, 0}});
        double[][] windows = {{0, 1e-3}, {1e-3, 2e-3}, {0.1, 0.3}, {0, 0.05}, {1, 2}, {8, 16}, {0.69, 1.4}};
        for (DiscreteTarget t : List.<DiscreteTarget>of(joint, product)) {
            DiscreteScore score = t.score(DiscreteProcess.UNIFORM);
            double[] bound = new double[3];
            double[] r = new double[3];
            int[] x = new int[3];
            for (double[] w : windows) {
                for (int j = 0; j < 27; j++) {
                    StateIndex.decode(j, 3, x);
                    for (int i = 0; i < 3; i++) {
                        score.ratioBounds(x, i, w[0], w[1], bound);
                        for (int m = 0; m <= 40; m++) {
                            double tau = w[0] + (w[1] - w[0]) * m / 40.0;
                            if (tau <= 0) {
                                continue;
                            }
                            score.ratios(x, i, tau, r);
                            for (int c = 0; c < 3; c++) {
                                assertTrue(r[c] <= bound[c] * (1 + 1e-12), t.name() + " window " + w[0] + ".." + w[1] + " ratio " + r[c] + " > bound " + bound[c]);
                            }
                        }
                        if (w[0] == 0 && t.probability(x) > 0) {
                            for (int c = 0; c < 3; c++) {
                                assertTrue(Double.isFinite(bound[c]), "a state with p > 0 has a finite bound down to 0");
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void tightBoundsAtLargeTimes() {
        DiscreteScore score = DiscretePresets.picture(8).score(DiscreteProcess.UNIFORM);
        double[] bound = new double[8];
        score.ratioBounds(new int[] {0, 0}, 1, 8, 16, bound);
        for (int c = 0; c < 8; c++) {
            assertTrue(bound[c] < 1.01, "at τ ≥ 8 the scores are within 1% of 1 and so is the bound: " + bound[c]);
        }
    }
}
