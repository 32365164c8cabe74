package org.scorescope.render;

import java.util.Arrays;

/**
 * Particles as additive point splats with density-aware tone mapping, so that structure stays
 * visible at every N: each pixel counts its particles; the opacity of a pixel with c particles is
 *
 * <pre>  a(c) = strength · top · max(floor, min(1, c / c₉₉)^½)   (c ≥ 1)
 *  floor = clamp(0.85 / √c̄, 0.08, 0.85),   top = 0.55 + 0.45 · (floor − 0.08) / 0.77</pre>
 *
 * where c₉₉ is the 99th percentile of the non-empty pixels' counts and c̄ their mean. With a few
 * thousand particles (c̄ ≈ 1) every particle is a clear, opaque dot (floor and top near 1); with a
 * million (c̄ in the tens) the floor drops and the opacity follows the square root of the local
 * density up to the busiest 1 % of pixels, and even those stay translucent (top ≈ 0.6), so the exact
 * density under the cloud stays readable — instead of every occupied pixel saturating into one white
 * blob. O(N + pixels), no per-point drawing calls.
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
     * @param strength opacity of the busiest pixels, in (0, 1]
     */
    public static void draw(float[] x, float[] y, int n, Viewport view, Raster target, int color, double strength) {
        draw(x, 0, y, 0, n, view, target, color, strength);
    }

    /**
     * The same for coordinates that start at an offset in their arrays (a recorded frame's view,
     * {@link org.scorescope.engine.Frame.SamplerFrame#axis}): particle i is at {@code x[xOffset + i]},
     * {@code y[yOffset + i]}.
     */
    public static void draw(float[] x, int xOffset, float[] y, int yOffset, int n, Viewport view, Raster target, int color,
            double strength) {
        int w = target.width;
        int h = target.height;
        int[] counts = new int[w * h];
        double sx = w / (view.x1() - view.x0());
        double sy = h / (view.y1() - view.y0());
        // Sparse clouds on large (or HiDPI) rasters get 2- or 3-pixel dots, so that each particle stays visible.
        long pixels = (long) w * h;
        int size = 1 + ((long) n * 40 < pixels ? 1 : 0) + ((long) n * 400 < pixels ? 1 : 0);
        for (int i = 0; i < n; i++) {
            double yi = y != null ? y[yOffset + i] : view.y0() + (view.y1() - view.y0()) * (0.1 + 0.8 * ((i * 0.6180339887498949) % 1.0));
            int px = (int) ((x[xOffset + i] - view.x0()) * sx);
            int py = (int) ((view.y1() - yi) * sy);
            for (int dy = 0; dy < size; dy++) {
                for (int dx = 0; dx < size; dx++) {
                    int qx = px + dx;
                    int qy = py + dy;
                    if (qx >= 0 && qx < w && qy >= 0 && qy < h) {
                        counts[qy * w + qx]++;
                    }
                }
            }
        }
        double[] opacity = toneMap(counts, strength);
        if (opacity == null) {
            return;
        }
        for (int i = 0; i < counts.length; i++) {
            int c = counts[i];
            if (c > 0) {
                target.blend(i, color, opacity[Math.min(c, opacity.length - 1)]);
            }
        }
    }

    /**
     * The opacity of a pixel by its count: entry c for c = 0 … c₉₉ (counts beyond c₉₉ use the last
     * entry); null when no pixel is occupied.
     */
    static double[] toneMap(int[] counts, double strength) {
        int occupied = 0;
        long total = 0;
        int max = 0;
        for (int c : counts) {
            if (c > 0) {
                occupied++;
                total += c;
                max = Math.max(max, c);
            }
        }
        if (occupied == 0) {
            return null;
        }
        int[] histogram = new int[max + 1];
        for (int c : counts) {
            histogram[c]++;
        }
        int p99 = max;
        long seen = 0;
        for (int c = 1; c <= max; c++) {
            seen += histogram[c];
            if (seen >= 0.99 * occupied) {
                p99 = c;
                break;
            }
        }
        double mean = (double) total / occupied;
        double floor = Math.max(0.08, Math.min(0.85, 0.85 / Math.sqrt(mean)));
        double top = 0.55 + 0.45 * (floor - 0.08) / 0.77;
        double[] opacity = new double[p99 + 1];
        Arrays.fill(opacity, 0);
        for (int c = 1; c <= p99; c++) {
            opacity[c] = strength * top * Math.max(floor, Math.sqrt((double) c / p99));
        }
        return opacity;
    }
}
