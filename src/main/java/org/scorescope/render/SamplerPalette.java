package org.scorescope.render;

import java.awt.Color;

/**
 * One colour per sampler, by the sampler's index in the scenario's list, used everywhere a sampler
 * is shown: the panel's trails, the swatch beside its heading in exported figures, and (in the
 * window) its chart lines and legend entries. Saturated mid-to-light tones that read on the dark
 * panels and charts; on the white margin of an exported figure each swatch has a dark outline.
 */
public final class SamplerPalette {
    private static final int[] RGB = {
        0xFF8C42, // orange
        0x4CC9F0, // cyan
        0xF72585, // pink
        0xB5E48C, // lime
        0xFFD166, // yellow
        0x9B5DE5, // violet
        0x06D6A0, // green
        0xEF476F, // coral
    };

    private SamplerPalette() {
    }

    /** How many distinct colours there are before they repeat. */
    public static int size() {
        return RGB.length;
    }

    /** The opaque ARGB colour of sampler {@code index} (repeats after {@link #size()}). */
    public static int argb(int index) {
        return 0xFF000000 | RGB[Math.floorMod(index, RGB.length)];
    }

    /** The same as an AWT colour (charts, exports). */
    public static Color color(int index) {
        return new Color(argb(index), false);
    }

    /** The same as a CSS/JavaFX web string, {@code #rrggbb}. */
    public static String web(int index) {
        return String.format("#%06x", RGB[Math.floorMod(index, RGB.length)]);
    }
}
