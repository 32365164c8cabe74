package org.scorescope.discrete;

/**
 * The reverse rates at one state, {@code Q̂(x, y) = Q(y, x) s_τ(y, x)} (003_1b963510094279b5.txt, line
 * ~3345), per coordinate: uniform process {@code rates[i][c] = s_τ(x^{i←c}, x)/S} for c ≠ x_i; masking
 * process {@code rates[i][c] = s_τ(x^{i←c}, x)} when x_i is MASK, none otherwise (the reverse of
 * masking only unmasks).
 */
final class ReverseRates {
    private ReverseRates() {
    }

    /**
     * Fills {@code ws.rates} and {@code ws.totals} at forward time τ.
     *
     * @return score evaluations used: 1, or 0 for a masking state with nothing masked
     */
    static int compute(int[] x, double tau, DiscreteScore score, SamplerWorkspace ws) {
        int s = score.states();
        boolean uniform = score.process() == DiscreteProcess.UNIFORM;
        boolean evaluated = false;
        for (int i = 0; i < x.length; i++) {
            double[] r = ws.rates[i];
            if (uniform) {
                score.ratios(x, i, tau, r);
                double total = 0;
                for (int c = 0; c < s; c++) {
                    r[c] = c == x[i] ? 0 : r[c] / s;
                    total += r[c];
                }
                ws.totals[i] = total;
                evaluated = true;
            } else if (x[i] == s) {
                score.ratios(x, i, tau, r);
                double total = 0;
                for (int c = 0; c < s; c++) {
                    total += r[c];
                }
                ws.totals[i] = total;
                evaluated = true;
            } else {
                java.util.Arrays.fill(r, 0);
                ws.totals[i] = 0;
            }
        }
        return evaluated ? 1 : 0;
    }
}
