package org.scorescope.render;

/**
 * Particles as additive point splats: each pixel's count of particles is turned into an opacity
 * that grows with log(1 + count) relative to the busiest pixel, so a million particles read as a
 * density and a thousand still show as dots. O(N + pixels), no per-point drawing calls.
 */
public final class ParticleLayer {
    private ParticleLayer() {
    }

    /**
     * Splats particles (2D, or 1D on a fixed row band) onto the raster.
     *
     * @param x first coordinates
     * @param y second coordinates (null for 1D: particles are spread over a band by index)
     * @param n number of particles to draw
     * @param view the viewport
     * @param target the raster
     * @param color the particle colour (opaque ARGB)
     * @param strength opacity of the busiest pixel, in (0, 1]
     */
    public static void draw(float[] x, float[] y, int n, Viewport view, Raster target, int color, double strength) {
        int w = target.width;
        int h = target.height;
        int[] counts = new int[w * h];
        int max = 0;
        double sx = w / (view.x1() - view.x0());
        double sy = h / (view.y1() - view.y0());
        int size = n < 5000 ? 2 : 1;
        for (int i = 0; i < n; i++) {
            double yi = y != null ? y[i] : view.y0() + (view.y1() - view.y0()) * (0.1 + 0.8 * ((i * 0.6180339887498949) % 1.0));
            int px = (int) ((x[i] - view.x0()) * sx);
            int py = (int) ((view.y1() - yi) * sy);
            for (int dy = 0; dy < size; dy++) {
                for (int dx = 0; dx < size; dx++) {
                    int qx = px + dx;
                    int qy = py + dy;
                    if (qx >= 0 && qx < w && qy >= 0 && qy < h) {
                        int c = ++counts[qy * w + qx];
                        if (c > max) {
                            max = c;
                        }
                    }
                }
            }
        }
        if (max == 0) {
            return;
        }
        double norm = 1 / Math.log1p(max);
        double floor = n < 5000 ? 0.85 : 0.25;
        for (int i = 0; i < counts.length; i++) {
            int c = counts[i];
            if (c > 0) {
                double a = strength * (floor + (1 - floor) * Math.log1p(c) * norm);
                target.blend(i, color, Math.min(1, a));
            }
        }
    }
}
