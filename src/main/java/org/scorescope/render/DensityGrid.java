package org.scorescope.render;

import org.scorescope.distribution.Target;

/**
 * The exact density of X(γ) on a coarse grid over a viewport (one value per cell of
 * {@value #CELL}×{@value #CELL} pixels), from which the heat map and the contour lines are drawn.
 * One batch evaluation of the target; computed on the render worker, never on the FX thread.
 *
 * @param values density per cell, row-major, row 0 at the top
 * @param columns cells across
 * @param rows cells down
 * @param max the largest value
 */
public record DensityGrid(double[] values, int columns, int rows, double max) {
    /** Pixels per grid cell side. */
    public static final int CELL = 3;

    /** Evaluates a 2D target's density (or the first two axes' marginal) on the viewport. */
    public static DensityGrid of(Target target, double gamma, Viewport view) {
        int cols = Math.max(2, view.width() / CELL);
        int rows = Math.max(2, view.height() / CELL);
        int n = cols * rows;
        double[][] pts = new double[target.dim()][n];
        for (int r = 0; r < rows; r++) {
            double wy = view.y1() - (r + 0.5) / rows * (view.y1() - view.y0());
            for (int c = 0; c < cols; c++) {
                pts[0][r * cols + c] = view.x0() + (c + 0.5) / cols * (view.x1() - view.x0());
                if (target.dim() > 1) {
                    pts[1][r * cols + c] = wy;
                }
            }
        }
        double[] out = new double[n];
        target.logDensityBatch(pts, n, gamma, out);
        double max = 0;
        for (int i = 0; i < n; i++) {
            out[i] = Math.exp(out[i]);
            max = Math.max(max, out[i]);
        }
        return new DensityGrid(out, cols, rows, max);
    }

    /**
     * Paints the heat map: density relative to the view's maximum, square-root scaled so that
     * low-density regions stay visible, through a colour map, dimmed so particles stand out.
     */
    public void paint(Raster raster, ColorMap map, double brightness) {
        if (max <= 0) {
            return;
        }
        int w = raster.width;
        int h = raster.height;
        for (int py = 0; py < h; py++) {
            int r = Math.min(rows - 1, py * rows / h);
            for (int px = 0; px < w; px++) {
                int c = Math.min(columns - 1, px * columns / w);
                double t = Math.sqrt(values[r * columns + c] / max);
                int argb = map.argb(t);
                raster.argb[py * w + px] = scale(argb, brightness);
            }
        }
    }

    private static int scale(int argb, double f) {
        int r = (int) (((argb >> 16) & 0xFF) * f);
        int g = (int) (((argb >> 8) & 0xFF) * f);
        int b = (int) ((argb & 0xFF) * f);
        return 0xFF000000 | r << 16 | g << 8 | b;
    }

    /**
     * Contour segments by marching squares at the given fractions of the maximum density, in pixel
     * coordinates: x0, y0, x1, y1 per segment.
     */
    public float[] contours(double[] fractions, int width, int height) {
        FloatList out = new FloatList();
        double cw = (double) width / columns;
        double ch = (double) height / rows;
        for (double f : fractions) {
            double level = f * max;
            for (int r = 0; r + 1 < rows; r++) {
                for (int c = 0; c + 1 < columns; c++) {
                    double a = values[r * columns + c];
                    double b = values[r * columns + c + 1];
                    double d = values[(r + 1) * columns + c];
                    double e = values[(r + 1) * columns + c + 1];
                    int code = (a > level ? 8 : 0) | (b > level ? 4 : 0) | (e > level ? 2 : 0) | (d > level ? 1 : 0);
                    if (code == 0 || code == 15) {
                        continue;
                    }
                    double x = (c + 0.5) * cw;
                    double y = (r + 0.5) * ch;
                    // Edge crossings: top (a–b), right (b–e), bottom (d–e), left (a–d).
                    double[] top = {x + cw * frac(a, b, level), y};
                    double[] right = {x + cw, y + ch * frac(b, e, level)};
                    double[] bottom = {x + cw * frac(d, e, level), y + ch};
                    double[] left = {x, y + ch * frac(a, d, level)};
                    switch (code) {
                        case 1: case 14: seg(out, left, bottom); break;
                        case 2: case 13: seg(out, bottom, right); break;
                        case 3: case 12: seg(out, left, right); break;
                        case 4: case 11: seg(out, top, right); break;
                        case 6: case 9: seg(out, top, bottom); break;
                        case 7: case 8: seg(out, left, top); break;
                        case 5: seg(out, left, top); seg(out, bottom, right); break;
                        case 10: seg(out, top, right); seg(out, left, bottom); break;
                        default: break;
                    }
                }
            }
        }
        return out.toArray();
    }

    private static double frac(double a, double b, double level) {
        return a == b ? 0.5 : (level - a) / (b - a);
    }

    private static void seg(FloatList out, double[] p, double[] q) {
        out.add((float) p[0]);
        out.add((float) p[1]);
        out.add((float) q[0]);
        out.add((float) q[1]);
    }
}
