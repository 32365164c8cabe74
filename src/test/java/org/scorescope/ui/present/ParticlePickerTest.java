package org.scorescope.ui.present;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The pick is the nearest particle in screen pixels, within the radius, ties to the lower index. */
class ParticlePickerTest {

    @Test
    void picksTheNearestInPixelsLikeABruteForceSearch() {
        SplittableRandom r = new SplittableRandom(5);
        int n = 20_000;
        float[] x = new float[n];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) r.nextDouble(-4, 4);
            y[i] = (float) r.nextDouble(-4, 4);
        }
        // anisotropic: 0.01 world units per pixel in x, 0.04 in y
        for (int k = 0; k < 200; k++) {
            double cx = r.nextDouble(-4, 4);
            double cy = r.nextDouble(-4, 4);
            int best = -1;
            double bestD = 12.0 * 12.0;
            for (int i = 0; i < n; i++) {
                double dx = (x[i] - cx) / 0.01;
                double dy = (y[i] - cy) / 0.04;
                double d = dx * dx + dy * dy;
                if (d < bestD) {
                    bestD = d;
                    best = i;
                }
            }
            assertEquals(best, ParticlePicker.nearest(x, y, n, cx, cy, 0.01, 0.04, 12));
        }
    }

    @Test
    void nothingBeyondTheRadiusOrBeyondCountAndNaNIsSkipped() {
        float[] x = {0, 1, Float.NaN, 0.05f};
        float[] y = {0, 0, 0, 0};
        // (0.3, 0) is 30 px from particle 0 and 70 px from particle 1 at 0.01 per pixel
        assertEquals(-1, ParticlePicker.nearest(x, y, 2, 0.3, 0, 0.01, 0.01, 29.9));
        assertEquals(0, ParticlePicker.nearest(x, y, 2, 0.3, 0, 0.01, 0.01, 30.1));
        // particle 3 is nearer, but only the first 3 count; particle 2 is NaN
        assertEquals(0, ParticlePicker.nearest(x, y, 3, 0.04, 0, 0.01, 0.01, 10));
        assertEquals(3, ParticlePicker.nearest(x, y, 4, 0.04, 0, 0.01, 0.01, 10));
    }

    @Test
    void tiesGoToTheLowerIndex() {
        float[] x = {1, -1, 1};
        float[] y = {0, 0, 0};
        assertEquals(0, ParticlePicker.nearest(x, y, 3, 0, 0, 0.1, 0.1, 20));
    }

    @Test
    void aZeroScaleIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ParticlePicker.nearest(new float[1], new float[1], 1, 0, 0, 0, 1, 5));
    }
}
