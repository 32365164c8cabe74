package org.scorescope.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Density-aware splatting (issue 13): a thousand particles are clear dots, a million keep their
 * density structure instead of saturating, and the opacity grows with the local count.
 */
class ParticleLayerTest {
    private static float[][] gaussian(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[][] p = new float[2][n];
        for (int i = 0; i < n; i++) {
            double u = Math.sqrt(-2 * Math.log(1 - r.nextDouble()));
            double a = 2 * Math.PI * r.nextDouble();
            p[0][i] = (float) (u * Math.cos(a));
            p[1][i] = (float) (u * Math.sin(a));
        }
        return p;
    }

    private static int[] countsOf(float[][] p, Viewport v, int w, int h) {
        int[] counts = new int[w * h];
        for (int i = 0; i < p[0].length; i++) {
            int px = (int) ((p[0][i] - v.x0()) * w / (v.x1() - v.x0()));
            int py = (int) ((v.y1() - p[1][i]) * h / (v.y1() - v.y0()));
            if (px >= 0 && px < w && py >= 0 && py < h) {
                counts[py * w + px]++;
            }
        }
        return counts;
    }

    /** Fraction of occupied pixels whose opacity is within 10 % of the busiest pixels'. */
    private static double saturated(int n) {
        int w = 500;
        int h = 500;
        Viewport v = Viewport.fit(new double[] {-4, -4}, new double[] {4, 4}, w, h);
        int[] counts = countsOf(gaussian(n, 7), v, w, h);
        double[] map = ParticleLayer.toneMap(counts, 1);
        int occupied = 0;
        int full = 0;
        for (int c : counts) {
            if (c > 0) {
                occupied++;
                if (map[Math.min(c, map.length - 1)] >= 0.9 * map[map.length - 1]) {
                    full++;
                }
            }
        }
        return (double) full / occupied;
    }

    @Test
    void aMillionParticlesDoNotSaturate() {
        double s = saturated(1_000_000);
        assertTrue(s < 0.05, "saturated fraction at 1M: " + s);
    }

    @Test
    void aThousandParticlesAreClearDots() {
        int[] counts = new int[100];
        counts[10] = 1;
        counts[50] = 1;
        double[] map = ParticleLayer.toneMap(counts, 1);
        assertEquals(1.0, map[1], 1e-12, "one particle in a pixel, few particles in all: full opacity");
        float[][] p = gaussian(1000, 3);
        Viewport v = Viewport.fit(new double[] {-4, -4}, new double[] {4, 4}, 500, 500);
        double[] m = ParticleLayer.toneMap(countsOf(p, v, 500, 500), 1);
        assertTrue(m[1] >= 0.8, "a lone particle among a thousand is drawn at " + m[1]);
    }

    @Test
    void opacityGrowsWithTheLocalCount() {
        Viewport v = Viewport.fit(new double[] {-4, -4}, new double[] {4, 4}, 300, 300);
        double[] m = ParticleLayer.toneMap(countsOf(gaussian(1_000_000, 11), v, 300, 300), 1);
        for (int c = 2; c < m.length; c++) {
            assertTrue(m[c] >= m[c - 1], "monotone at " + c);
        }
        assertTrue(m[1] < 0.2 && m[m.length - 1] > 0.5 && m[m.length - 1] < 0.8,
                "from faint (" + m[1] + ") to translucent (" + m[m.length - 1] + ") at the busiest pixels: the density shows through");
    }
}
