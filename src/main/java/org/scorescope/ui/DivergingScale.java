package org.scorescope.ui;

/**
 * The colour scale of the (empirical − exact) difference map: blue where a sampler has too little
 * mass, dark grey at zero (the panels' background, so an exact histogram disappears), orange-red
 * where it has too much; symmetric, saturating at ±scale. The legend under the map shows the same
 * three stops.
 */
final class DivergingScale {
    /** Colour at −scale, 0 and +scale (RGB). */
    static final int LOW = 0x3A86FF;
    static final int MID = 0x24242C;
    static final int HIGH = 0xFF6B35;

    private DivergingScale() {
    }

    /** Opaque ARGB for a value, saturating beyond ±scale. */
    static int argb(double value, double scale) {
        double u = scale > 0 ? Math.max(-1, Math.min(1, value / scale)) : 0;
        int to = u < 0 ? LOW : HIGH;
        double f = Math.sqrt(Math.abs(u));
        return 0xFF000000 | mix(MID >> 16 & 0xFF, to >> 16 & 0xFF, f) << 16 | mix(MID >> 8 & 0xFF, to >> 8 & 0xFF, f) << 8
                | mix(MID & 0xFF, to & 0xFF, f);
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round(a + (b - a) * f);
    }

    /**
     * The symmetric scale for a set of differences: their 95th percentile of |d| (so that one outlier
     * bin does not wash the map out), at least a tiny positive number.
     */
    static double scaleOf(double[] d) {
        double[] a = new double[d.length];
        int n = 0;
        for (double v : d) {
            if (v != 0 && Double.isFinite(v)) {
                a[n++] = Math.abs(v);
            }
        }
        if (n == 0) {
            return 1e-12;
        }
        java.util.Arrays.sort(a, 0, n);
        return Math.max(1e-12, a[Math.min(n - 1, (int) Math.floor(0.95 * n))]);
    }

    /** The legend's CSS gradient, left (−) to right (+). */
    static String cssGradient() {
        return String.format("linear-gradient(to right, #%06x, #%06x, #%06x)", LOW, MID, HIGH);
    }
}
