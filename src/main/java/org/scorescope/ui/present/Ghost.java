package org.scorescope.ui.present;

/**
 * Freeze and compare: the pinned frame turned into its ghost, from the pixels already on screen (no
 * recomputation). The panels draw white particles over a dark ground and a saturated heat map; the
 * ghost keeps each pixel's whiteness (its smallest channel, which the heat map's colours keep low)
 * above the ground's as a dimmed amber, transparent elsewhere, so drawn with "lighten" over the
 * running frame it shows as an amber cloud under the running white one, and the heat map stays clean.
 */
public final class Ghost {
    /** The ghost's colour at full brightness (amber). */
    public static final int RGB = 0xFFB347;
    /** The share of a pixel's brightness the ghost keeps. */
    public static final double STRENGTH = 0.6;

    private Ghost() {
    }

    /**
     * The ghost of premultiplied ARGB pixels (a new array; the input is not changed).
     *
     * @param argb the frozen frame's pixels
     * @param groundRgb the panels' background colour (its brightness maps to nothing)
     */
    public static int[] of(int[] argb, int groundRgb) {
        double ground = white(groundRgb);
        double span = Math.max(1e-9, 255 - ground);
        int r0 = RGB >>> 16 & 0xFF;
        int g0 = RGB >>> 8 & 0xFF;
        int b0 = RGB & 0xFF;
        int[] out = new int[argb.length];
        for (int i = 0; i < argb.length; i++) {
            double v = Math.max(0, (white(argb[i]) - ground) / span);
            // a square root lifts faint splats (a thin cloud stays visible as a ghost)
            double a = STRENGTH * Math.sqrt(v);
            int alpha = (int) Math.round(255 * a);
            // premultiplied: each channel already times the alpha
            out[i] = alpha << 24 | (int) Math.round(r0 * a) << 16 | (int) Math.round(g0 * a) << 8 | (int) Math.round(b0 * a);
        }
        return out;
    }

    private static double white(int rgb) {
        return Math.min(rgb >>> 16 & 0xFF, Math.min(rgb >>> 8 & 0xFF, rgb & 0xFF));
    }
}
