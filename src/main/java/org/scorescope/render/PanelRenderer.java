package org.scorescope.render;

import org.scorescope.engine.Frame;
import org.scorescope.distribution.Target;

/**
 * Draws one sampler's panel at one step into a {@link Raster}: heat map, contours, particles,
 * score arrows, trails — every layer rasterised here, on the render worker, so that the FX thread
 * only copies pixels. 2D targets get the plane view; 1D targets the space–time view (time across,
 * x up), whose columns show the exact density of X at every level.
 */
public final class PanelRenderer {
    /** Background of every panel. */
    public static final int BACKGROUND = 0xFF101014;
    private static final int PARTICLE = 0xFFFFFFFF;
    private static final int CONTOUR = 0xFFE8E8E8;

    private PanelRenderer() {
    }

    /**
     * The plane view of a 2D (or embedded) target; trails in the colour of sampler {@code slot}
     * ({@link SamplerPalette}).
     *
     * @param history frames of steps T..t for the trails (index = step), entries may be null
     * @param slot which sampler of the frame
     * @param tracked how many particles have trails
     * @param density the density grid for this level and viewport (shared by every panel), or null
     * @param field the score field for this level and viewport (shared), or null
     */
    public static Raster plane(Target target, Frame frame, Frame[] history, int slot, Viewport view, PanelStyle style,
            int tracked, DensityGrid density, ScoreField field) {
        return plane(target, frame, history, slot, view, style, tracked, density, field, SamplerPalette.argb(slot));
    }

    /**
     * The same with the trails in a given colour (a sampler's colour when the frame holds only a
     * subset of the scenario's samplers).
     *
     * @param accent opaque ARGB of the trails
     */
    public static Raster plane(Target target, Frame frame, Frame[] history, int slot, Viewport view, PanelStyle style,
            int tracked, DensityGrid density, ScoreField field, int accent) {
        Raster r = new Raster(view.width(), view.height(), BACKGROUND);
        if (style.density() && density != null) {
            density.paint(r, ColorMap.VIRIDIS, 0.72);
        }
        if (style.contours() && density != null) {
            float[] seg = density.contours(new double[] {0.05, 0.2, 0.45, 0.7, 0.9}, view.width(), view.height());
            for (int i = 0; i < seg.length; i += 4) {
                r.line(seg[i], seg[i + 1], seg[i + 2], seg[i + 3], CONTOUR, 0.55, 1);
            }
        }
        Frame.SamplerFrame sf = frame.samplers().get(slot);
        if (style.particles()) {
            boolean two = sf.dim() > 1;
            ParticleLayer.draw(sf.axis(0), sf.offset(0), two ? sf.axis(1) : null, two ? sf.offset(1) : 0, sf.stored(), view, r, PARTICLE, 0.9);
        }
        if (style.scoreField() && field != null) {
            float[] s = field.segments();
            for (int i = 0; i < field.size(); i++) {
                r.arrow(s[4 * i], s[4 * i + 1], s[4 * i + 2], s[4 * i + 3], field.headSize(), field.colors()[i], 0.8, style.lineWidth());
            }
        }
        if (style.trails() && history != null && sf.dim() > 1) {
            drawTrails(r, history, slot, frame.t(), view, Math.min(tracked, sf.stored()), style.lineWidth(), accent);
        }
        if (style.trails() && sf.diagnostics() instanceof org.scorescope.sampler.PicardIterates pi && sf.dim() > 1) {
            drawPicard(r, pi, view, style.lineWidth());
        }
        return r;
    }

    /**
     * PIADM's Picard iterates of the last block for the tracked particles: iterate k as a curve
     * through the block's sub-points, faint for early iterates and bright for the last, so the
     * iterates are seen converging onto the sequential trajectory.
     */
    private static void drawPicard(Raster r, org.scorescope.sampler.PicardIterates pi, Viewport view, double width) {
        float[][][][] pts = pi.points();
        int iterates = pts.length;
        for (int k = 1; k < iterates; k++) {
            double alpha = 0.15 + 0.8 * k / (iterates - 1.0);
            int color = k == iterates - 1 ? 0xFFFFFFFF : 0xFF4CC9F0;
            float[][][] it = pts[k];
            for (int p = 0; p < it[0][0].length; p++) {
                for (int j = 0; j + 1 < it.length; j++) {
                    r.line(view.px(it[j][0][p]), view.py(it[j][1][p]), view.px(it[j + 1][0][p]), view.py(it[j + 1][1][p]),
                            color, alpha, Math.max(1, width - 0.4));
                }
            }
        }
    }

    private static void drawTrails(Raster r, Frame[] history, int slot, int t, Viewport view, int tracked, double width, int color) {
        int steps = history.length - 1;
        for (int p = 0; p < tracked; p++) {
            double px = Double.NaN;
            double py = Double.NaN;
            for (int s = steps; s >= t; s--) {
                Frame f = history[s];
                if (f == null) {
                    continue;
                }
                Frame.SamplerFrame pos = f.samplers().get(slot);
                double x = view.px(pos.x(0, p));
                double y = view.py(pos.x(1, p));
                if (!Double.isNaN(px)) {
                    double fade = 0.15 + 0.7 * (steps - s) / Math.max(1.0, steps - t);
                    r.line(px, py, x, y, color, fade, Math.max(1, width - 0.4));
                }
                px = x;
                py = y;
            }
            if (!Double.isNaN(px) && px >= 0 && py >= 0 && px < r.width && py < r.height) {
                r.line(px - 1.5, py, px + 1.5, py, color, 1, 2);
            }
        }
    }

    /**
     * The space–time view of a 1D target: column = time (t = T at the left, 0 at the right), row =
     * x (top = xMax). Each column shows the exact density of X(ᾱ) at the level interpolated in
     * log-SNR between grid points; particles of computed steps are splatted in their column; tracked
     * particles are drawn as lines; score arrows point along x.
     *
     * @param abar the grid levels, index = step
     * @param history frames per step (null where not computed yet)
     * @param shown the displayed step: nothing right of it is drawn but the density
     */
    public static Raster spaceTime(Target target, double[] abar, Frame[] history, int slot, int shown, double xMin, double xMax,
            int width, int height, PanelStyle style, int tracked) {
        Raster r = new Raster(width, height, BACKGROUND);
        int steps = abar.length - 1;
        double[] colLevel = new double[width];
        for (int c = 0; c < width; c++) {
            double s = steps * (1 - (c + 0.5) / width);
            int lo = (int) Math.floor(s);
            int hi = Math.min(steps, lo + 1);
            double f = s - lo;
            double l0 = lambda(abar[lo]);
            double l1 = lambda(abar[hi]);
            double lam = l0 + f * (l1 - l0);
            colLevel[c] = 1 / (1 + Math.exp(-2 * lam));
        }
        if (style.density()) {
            int rows = Math.max(2, height / 2);
            double[][] pts = new double[1][rows];
            for (int k = 0; k < rows; k++) {
                pts[0][k] = xMax - (k + 0.5) / rows * (xMax - xMin);
            }
            double[] out = new double[rows];
            double[][] col = new double[width][rows];
            double max = 0;
            for (int c = 0; c < width; c++) {
                if (c > 0 && colLevel[c] == colLevel[c - 1]) {
                    col[c] = col[c - 1];
                    continue;
                }
                target.logDensityBatch(pts, rows, colLevel[c], out);
                for (int k = 0; k < rows; k++) {
                    col[c][k] = Math.exp(out[k]);
                    max = Math.max(max, col[c][k]);
                }
            }
            for (int y = 0; y < height; y++) {
                int k = Math.min(rows - 1, y * rows / height);
                for (int c = 0; c < width; c++) {
                    int argb = ColorMap.VIRIDIS.argb(Math.sqrt(col[c][k] / max));
                    r.argb[y * width + c] = dim(argb, 0.72);
                }
            }
        }
        double colWidth = (double) width / steps;
        if (style.particles()) {
            for (int s = steps; s >= shown; s--) {
                Frame f = history[s];
                if (f == null) {
                    continue;
                }
                Frame.SamplerFrame sf = f.samplers().get(slot);
                float[] x = sf.axis(0);
                int x0 = sf.offset(0);
                int n = Math.min(sf.stored(), 20_000);
                double cx = (steps - s) * colWidth;
                for (int i = 0; i < n; i++) {
                    int py = (int) ((xMax - x[x0 + i]) / (xMax - xMin) * height);
                    int px = (int) Math.round(cx + (((i * 0.6180339887498949) % 1.0) - 0.5) * colWidth);
                    if (py >= 0 && py < height && px >= 0 && px < width) {
                        r.blend(py * width + px, PARTICLE, 0.08);
                    }
                }
            }
        }
        if (style.trails()) {
            for (int p = 0; p < tracked; p++) {
                double px = Double.NaN;
                double py = Double.NaN;
                for (int s = steps; s >= shown; s--) {
                    Frame f = history[s];
                    if (f == null || p >= f.samplers().get(slot).stored()) {
                        continue;
                    }
                    double x = (steps - s) * colWidth;
                    double y = (xMax - f.samplers().get(slot).x(0, p)) / (xMax - xMin) * height;
                    if (!Double.isNaN(px)) {
                        r.line(px, py, x, y, SamplerPalette.argb(slot), 0.85, style.lineWidth());
                    }
                    px = x;
                    py = y;
                }
            }
        }
        if (style.scoreField()) {
            int cols = Math.max(2, width / 40);
            int rows = Math.max(2, height / 28);
            double[][] pts = new double[1][rows];
            double[][] sc = new double[1][rows];
            for (int c = 0; c < cols; c++) {
                int pc = (int) ((c + 0.5) * width / cols);
                for (int k = 0; k < rows; k++) {
                    pts[0][k] = xMax - (k + 0.5) / rows * (xMax - xMin);
                }
                target.scoreBatch(pts, rows, colLevel[Math.min(width - 1, pc)], sc);
                double ref = 0;
                for (int k = 0; k < rows; k++) {
                    ref += Math.abs(sc[0][k]) / rows;
                }
                for (int k = 0; k < rows; k++) {
                    double m = Math.abs(sc[0][k]);
                    double len = 0.9 * height / rows * m / (m + Math.max(ref, 1e-12));
                    double py = (k + 0.5) * height / rows;
                    double dir = sc[0][k] > 0 ? -1 : 1;
                    r.arrow(pc, py - 0.5 * dir * len, pc, py + 0.5 * dir * len, 4, ColorMap.MAGMA.argb(0.85), 0.9, style.lineWidth());
                }
            }
        }
        int cursor = (int) Math.round((steps - shown) * colWidth);
        r.line(cursor, 0, cursor, height, 0xFFFFFFFF, 0.6, 1);
        return r;
    }

    private static double lambda(double abar) {
        return 0.5 * Math.log(abar / (1 - abar));
    }

    private static int dim(int argb, double f) {
        return 0xFF000000 | (int) (((argb >> 16) & 0xFF) * f) << 16 | (int) (((argb >> 8) & 0xFF) * f) << 8 | (int) ((argb & 0xFF) * f);
    }
}
