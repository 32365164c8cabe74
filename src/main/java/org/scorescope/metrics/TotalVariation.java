package org.scorescope.metrics;

/**
 * Histogram TV to the exact marginal (docs/algorithms.md §6):
 * TV = ½ Σ_bins |p̂ − p| + ½ |mass outside the box (empirical − exact)|.
 */
public final class TotalVariation {
    private TotalVariation() {
    }

    /**
     * @param h the particles' histogram (NaN particles count as outside)
     * @param masses exact bin masses
     */
    public static double of(Histogram h, double[] masses) {
        double inside = 0;
        double sum = 0;
        double n = h.total();
        for (int k = 0; k < masses.length; k++) {
            sum += Math.abs(h.counts()[k] / n - masses[k]);
            inside += masses[k];
        }
        double outsideExact = Math.max(0, 1 - inside);
        return 0.5 * sum + 0.5 * Math.abs(h.outside() / n - outsideExact);
    }
}
