package org.scorescope.ui.present;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The ghost keeps the white marks as amber and drops the ground and the heat map's saturated colours. */
class GhostTest {
    private static final int GROUND = 0xFF101014;

    @Test
    void groundVanishesWhiteBecomesAmberAtTheGhostsStrength() {
        int[] g = Ghost.of(new int[] {GROUND, 0xFFFFFFFF}, GROUND);
        assertEquals(0, g[0], "the ground is transparent");
        int alpha = g[1] >>> 24;
        assertEquals(Math.round(255 * Ghost.STRENGTH), alpha);
        // premultiplied amber: each channel is the amber's times the alpha
        assertEquals(Math.round((Ghost.RGB >>> 16 & 0xFF) * Ghost.STRENGTH), g[1] >>> 16 & 0xFF);
        assertEquals(Math.round((Ghost.RGB >>> 8 & 0xFF) * Ghost.STRENGTH), g[1] >>> 8 & 0xFF);
        assertEquals(Math.round((Ghost.RGB & 0xFF) * Ghost.STRENGTH), g[1] & 0xFF);
    }

    @Test
    void theHeatMapsSaturatedColoursLeaveAtMostAFaintTrace() {
        // viridis' yellow and purple dimmed by 0.72 (PanelRenderer's heat map), and a half-white particle splat
        int yellow = 0xFF000000 | (int) (253 * 0.72) << 16 | (int) (231 * 0.72) << 8 | (int) (37 * 0.72);
        int purple = 0xFF000000 | (int) (68 * 0.72) << 16 | (int) (1 * 0.72) << 8 | (int) (84 * 0.72);
        int splat = 0xFF888888;
        int[] g = Ghost.of(new int[] {yellow, purple, splat}, GROUND);
        assertTrue((g[0] >>> 24) < 0.3 * Ghost.STRENGTH * 255, "yellow heat map: alpha " + (g[0] >>> 24));
        assertEquals(0, g[1] >>> 24, "purple heat map: nothing");
        assertTrue((g[2] >>> 24) > 0.65 * Ghost.STRENGTH * 255, "a particle splat stays: alpha " + (g[2] >>> 24));
    }

    @Test
    void theInputIsNotChanged() {
        int[] in = {0xFFFFFFFF};
        Ghost.of(in, GROUND);
        assertEquals(0xFFFFFFFF, in[0]);
    }
}
