package org.scorescope.render;

/**
 * One colour per sampler slot, used everywhere a sampler is drawn: panel borders and trails,
 * captions, chart lines, legends and exported figures (orange, cyan, pink, lime, then four more).
 * Chosen to stay apart from each other and readable on the dark panels and on white paper.
 */
public final class SamplerPalette {
    private static final int[] RGB = {0xFF8C42, 0x4CC9F0, 0xF72585, 0xB5E48C, 0xFFD166, 0x9B5DE5, 0x06D6A0, 0xEF476F};

    private SamplerPalette() {
    }

    /** The slot's colour as opaque ARGB. */
    public static int argb(int slot) {
        return 0xFF000000 | RGB[Math.floorMod(slot, RGB.length)];
    }

    /** The slot's colour as "#rrggbb". */
    public static String hex(int slot) {
        return String.format("#%06x", RGB[Math.floorMod(slot, RGB.length)]);
    }

    /** Number of distinct colours before they repeat. */
    public static int size() {
        return RGB.length;
    }
}
