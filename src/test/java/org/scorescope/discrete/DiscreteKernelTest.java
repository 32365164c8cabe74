package org.scorescope.discrete;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Each sampler's one-step kernel against the frozen-rate CTMC it claims to be (matrix exponentials, quadrature). */
class DiscreteKernelTest {
    /** The frozen-rate generator of coordinate i that 003 writes: Q̂^i(a, b) = r_i((b − a) mod S) on [S]. */
    private static double[][] circulantGenerator(double[] ratesFromX, int xi, int s) {
        double[][] g = new double[s][s];
        for (int a = 0; a < s; a++) {
            double total = 0;
            for (int b = 0; b < s; b++) {
                if (b != a) {
                    double r = ratesFromX[Math.floorMod(xi + b - a, s)];
                    g[a][b] = r;
                    total += r;
                }
            }
            g[a][a] = -total;
        }
        return g;
    }

    @Test
    void tauLeapingUniformKernelIsTheFrozenRateCtmc() {
        for (int s : new int[] {5, 8}) {
            DiscreteTarget t = DiscretePresets.picture(s);
            DiscreteScore score = t.score(DiscreteProcess.UNIFORM);
            SamplerWorkspace ws = new SamplerWorkspace(s, 2);
            double[][] out = new double[2][s];
            int[][] states = {{0, 0}, {s / 2, 1}, {s - 1, s / 3}};
            for (int[] x : states) {
                for (double[] interval : new double[][] {{2.0, 1.5}, {0.2, 0.1}, {0.01, 0}}) {
                    new TauLeapingSampler().kernel(x, interval[0], interval[1], score, ws, out);
                    ReverseRates.compute(x, interval[0], score, ws);
                    for (int i = 0; i < 2; i++) {
                        double[][] p = Expm.of(circulantGenerator(ws.rates[i], x[i], s), interval[0] - interval[1]);
                        for (int b = 0; b < s; b++) {
                            assertEquals(p[x[i]][b], out[i][b], 1e-12, "S=" + s + " x=" + x[0] + "," + x[1] + " coordinate " + i);
                        }
                    }
                }
            }
        }
    }

    @Test
    void tauLeapingMaskingKernelIsTheFrozenRateCtmc() {
        DiscreteTarget t = DiscretePresets.language();
        DiscreteScore score = t.score(DiscreteProcess.MASKING);
        SamplerWorkspace ws = new SamplerWorkspace(8, 4);
        double[][] out = new double[4][9];
        int[] x = {8, 2, 8, 8};
        new TauLeapingSampler().kernel(x, 0.9, 0.4, score, ws, out);
        ReverseRates.compute(x, 0.9, score, ws);
        for (int i : new int[] {0, 2, 3}) {
            double[][] g = new double[9][9];
            for (int c = 0; c < 8; c++) {
                g[8][c] = ws.rates[i][c];
                g[8][8] -= ws.rates[i][c];
            }
            double[][] p = Expm.of(g, 0.5);
            for (int v = 0; v < 9; v++) {
                assertEquals(p[8][v], out[i][v], 1e-13, "coordinate " + i + " value " + v);
            }
        }
        assertEquals(1, out[1][2], 0, "an unmasked word stays");
    }

    @Test
    void eulerKernelIsIdentityPlusHTimesTheRates() {
        DiscreteTarget t = DiscretePresets.picture(6);
        DiscreteScore score = t.score(DiscreteProcess.UNIFORM);
        SamplerWorkspace ws = new SamplerWorkspace(6, 2);
        double[][] out = new double[2][6];
        int[] x = {1, 4};
        new DiscreteEulerSampler().kernel(x, 1.0, 0.9, score, ws, out);
        ReverseRates.compute(x, 1.0, score, ws);
        for (int i = 0; i < 2; i++) {
            double sum = 0;
            for (int b = 0; b < 6; b++) {
                double expected = (b == x[i] ? 1 : 0) + 0.1 * (b == x[i] ? -ws.totals[i] : ws.rates[i][b]);
                assertEquals(expected, out[i][b], 1e-15);
                sum += out[i][b];
            }
            assertEquals(1, sum, 1e-14);
        }
    }

    @Test
    void unmaskingStayProbabilityIsTheExactHazardIntegrated() {
        // exp(−∫_to^from du/(e^u − 1)) by Simpson's rule against the closed form.
        double[][] intervals = {{5, 4}, {1, 0.5}, {0.1, 0.01}, {0.003, 0.001}};
        for (double[] iv : intervals) {
            int n = 20000;
            double h = (iv[0] - iv[1]) / n;
            double integral = 0;
            for (int j = 0; j <= n; j++) {
                double u = iv[1] + j * h;
                double w = j == 0 || j == n ? 1 : j % 2 == 1 ? 4 : 2;
                integral += w / Math.expm1(u);
            }
            integral *= h / 3;
            assertEquals(Math.exp(-integral), UnmaskingSampler.stayMasked(iv[0], iv[1]), 1e-9, iv[0] + " → " + iv[1]);
        }
        assertEquals(0, UnmaskingSampler.stayMasked(0.2, 0), 0, "nothing stays masked at τ = 0");
    }

    @Test
    void unmaskingValuesFollowTheFrozenConditional() {
        JointTarget t = DiscretePresets.language();
        DiscreteScore score = t.score(DiscreteProcess.MASKING);
        SamplerWorkspace ws = new SamplerWorkspace(8, 4);
        double[][] out = new double[4][9];
        int[] x = {0, 8, 8, 4};
        new UnmaskingSampler().kernel(x, 0.7, 0.2, score, ws, out);
        double stay = UnmaskingSampler.stayMasked(0.7, 0.2);
        // p(x1 = c | x0 = the, x3 = bird) by direct sums over the table.
        double[] cond = new double[8];
        double total = 0;
        for (int b = 0; b < 8; b++) {
            for (int c = 0; c < 8; c++) {
                double p = t.probability(new int[] {0, b, c, 4});
                cond[b] += p;
                total += p;
            }
        }
        for (int b = 0; b < 8; b++) {
            assertEquals((1 - stay) * cond[b] / total, out[1][b], 1e-15);
        }
        assertEquals(stay, out[1][8], 1e-15);
    }

    @Test
    void contradictoryContextsFallBackToTheMarginalAndNothingStaysMasked() {
        JointTarget t = DiscretePresets.language();
        DiscreteScore score = t.score(DiscreteProcess.MASKING);
        double[] out = new double[8];
        // "____ cat chases cat" has an impossible context (subject = object): the score falls back to p(x0_0 = c).
        score.ratios(new int[] {8, 2, 7, 2}, 0, 0.5, out);
        assertEquals(0.6 / Math.expm1(0.5), out[0], 1e-14, "p(the) = 3/5 without context");
        assertEquals(0.4 / Math.expm1(0.5), out[1], 1e-14);
        for (int n : new int[] {1, 2, 5}) {
            DiscreteLaw law = ExactLaw.output(t, DiscreteProcess.MASKING, new UnmaskingSampler(), StepSchedule.constant(4, n), null, null, null);
            assertEquals(0, law.maskedMass(), 1e-15, "N = " + n);
        }
    }
}
