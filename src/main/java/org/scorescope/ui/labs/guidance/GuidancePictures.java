package org.scorescope.ui.labs.guidance;

import org.scorescope.distribution.ClassMixture;
import org.scorescope.render.DensityGrid;
import org.scorescope.render.ParticleLayer;
import org.scorescope.render.Raster;
import org.scorescope.render.Viewport;

/**
 * The pictures of the guidance lab, computed from the exact class posterior of a labelled target
 * (003 Part 4, Theorem 9's setting): the class posterior p_γ(c | x) and the three laws on a grid over
 * the view, the decision boundary p_γ(c | x) = ½, the guidance field ∇log p_γ(c | x), and particles
 * coloured by the classifier's argmax. Pure functions of immutable inputs; called on the render lane
 * or an executor job, never on the FX thread.
 */
final class GuidancePictures {
    /**
     * Class colours by position in the class list: hues the viridis heat map does not contain (red,
     * magenta, then white, …), so a cloud stays visible over any law's heat map, and apart from the
     * first samplers' trail colours (orange, cyan).
     */
    private static final int[] CLASS_RGB = {0xFF3B30, 0xFF4FD8, 0xFFFFFF, 0xB5E48C, 0xFFD166, 0x9B5DE5, 0x06D6A0, 0xEF476F};
    /** Colour of the decision boundary. */
    static final int BOUNDARY = 0xFFFFFFFF;

    /** The heat maps the lab offers. */
    enum Law {
        /** p_γ(x). */
        UNCONDITIONAL("p(x)", "p(x)"),
        /** p_γ(x | c). */
        CONDITIONAL("p(x | c)", "p(x|c)"),
        /** p_γ(x) p_γ(c | x)^{1+w} / Z — what guidance "appears" to sample. */
        TILTED("p(x) p(c | x)^(1+w)", "tilted");

        final String formula;
        final String shortName;

        Law(String formula, String shortName) {
            this.formula = formula;
            this.shortName = shortName;
        }
    }

    private GuidancePictures() {
    }

    /** The opaque colour of the class at position {@code index} of the target's class list. */
    static int classColor(int index) {
        return 0xFF000000 | CLASS_RGB[Math.floorMod(index, CLASS_RGB.length)];
    }

    /** The cell centres of a {@link DensityGrid}-shaped grid over the view, [axis][cell]. */
    private static double[][] cells(Viewport view, int cols, int rows, int dim) {
        double[][] pts = new double[dim][cols * rows];
        for (int r = 0; r < rows; r++) {
            double wy = view.y1() - (r + 0.5) / rows * (view.y1() - view.y0());
            for (int c = 0; c < cols; c++) {
                pts[0][r * cols + c] = view.x0() + (c + 0.5) / cols * (view.x1() - view.x0());
                pts[1][r * cols + c] = wy;
            }
        }
        return pts;
    }

    /** p_γ(c | x) on the grid (max = 1, so its ½-contour is the decision boundary). */
    static DensityGrid posterior(ClassMixture m, int classId, double gamma, Viewport view) {
        int cols = Math.max(2, view.width() / DensityGrid.CELL);
        int rows = Math.max(2, view.height() / DensityGrid.CELL);
        double[] out = new double[cols * rows];
        m.logPosterior(cells(view, cols, rows, m.dim()), out.length, gamma, classId, out);
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.exp(out[i]);
        }
        return new DensityGrid(out, cols, rows, 1);
    }

    /**
     * The density of one law at level γ on the grid, up to its normaliser (the heat map is relative
     * to the view's maximum). The tilted law is p_γ(x) p_γ(c | x)^{1+w}.
     */
    static DensityGrid law(Law law, ClassMixture m, int classId, double w, double gamma, Viewport view) {
        int cols = Math.max(2, view.width() / DensityGrid.CELL);
        int rows = Math.max(2, view.height() / DensityGrid.CELL);
        int n = cols * rows;
        double[][] pts = cells(view, cols, rows, m.dim());
        double[] log = new double[n];
        switch (law) {
            case UNCONDITIONAL -> m.unconditional().logDensityBatch(pts, n, gamma, log);
            case CONDITIONAL -> m.conditional(classId).logDensityBatch(pts, n, gamma, log);
            case TILTED -> {
                double[] post = new double[n];
                m.unconditional().logDensityBatch(pts, n, gamma, log);
                m.logPosterior(pts, n, gamma, classId, post);
                for (int i = 0; i < n; i++) {
                    log[i] += (1 + w) * post[i];
                }
            }
        }
        double top = Double.NEGATIVE_INFINITY;
        for (double v : log) {
            top = Math.max(top, v);
        }
        double max = 0;
        for (int i = 0; i < n; i++) {
            log[i] = Double.isFinite(top) ? Math.exp(log[i] - top) : 0;
            max = Math.max(max, log[i]);
        }
        return new DensityGrid(log, cols, rows, max);
    }

    /** The decision boundary p_γ(c | x) = ½ drawn onto the raster. */
    static void boundary(Raster r, DensityGrid posterior, double lineWidth) {
        float[] seg = posterior.contours(new double[] {0.5}, r.width, r.height);
        for (int i = 0; i < seg.length; i += 4) {
            r.line(seg[i], seg[i + 1], seg[i + 2], seg[i + 3], BOUNDARY, 0.9, lineWidth + 0.6);
        }
    }

    /**
     * The guidance field ∇log p_γ(c | x) = ∇log p_γ(x | c) − ∇log p_γ(x) (the term guidance adds,
     * times w) as arrows on a grid, lengths compressed like the score field's (L = L_max · m / (m + m_ref),
     * m_ref the median magnitude): direction is exact, length is ordered but not proportional.
     *
     * @param spacing pixels between arrows
     * @return per arrow x0, y0, x1, y1 in pixels
     */
    static float[] field(ClassMixture m, int classId, double gamma, Viewport view, int spacing) {
        int cols = Math.max(2, view.width() / spacing);
        int rows = Math.max(2, view.height() / spacing);
        int n = cols * rows;
        double[][] pts = new double[m.dim()][n];
        float[] px = new float[n];
        float[] py = new float[n];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int i = r * cols + c;
                px[i] = (float) ((c + 0.5) * view.width() / cols);
                py[i] = (float) ((r + 0.5) * view.height() / rows);
                pts[0][i] = view.wx(px[i]);
                pts[1][i] = view.wy(py[i]);
            }
        }
        double[][] cond = new double[m.dim()][n];
        double[][] all = new double[m.dim()][n];
        m.conditional(classId).scoreBatch(pts, n, gamma, cond);
        m.unconditional().scoreBatch(pts, n, gamma, all);
        double[] mag = new double[n];
        for (int i = 0; i < n; i++) {
            cond[0][i] -= all[0][i];
            cond[1][i] -= all[1][i];
            mag[i] = Math.hypot(cond[0][i], cond[1][i]);
        }
        double[] sorted = mag.clone();
        java.util.Arrays.sort(sorted);
        double ref = Math.max(1e-9, sorted[(int) (0.75 * (n - 1))]);
        double maxLen = 0.9 * Math.min((double) view.width() / cols, (double) view.height() / rows);
        float[] seg = new float[4 * n];
        for (int i = 0; i < n; i++) {
            double mi = mag[i];
            double len = Double.isFinite(mi) && mi > 1e-9 * ref ? maxLen * mi / (mi + ref) : 0;
            double ux = len > 0 ? cond[0][i] / mi : 0;
            double uy = len > 0 ? -cond[1][i] / mi : 0;
            seg[4 * i] = (float) (px[i] - 0.5 * len * ux);
            seg[4 * i + 1] = (float) (py[i] - 0.5 * len * uy);
            seg[4 * i + 2] = (float) (px[i] + 0.5 * len * ux);
            seg[4 * i + 3] = (float) (py[i] + 0.5 * len * uy);
        }
        return seg;
    }

    /**
     * The argmax class of each particle under p_γ(c | x), as a position in the target's class list.
     *
     * @param x positions [axis][i] (2D)
     */
    static int[] argmax(ClassMixture m, float[][] x, int n, double gamma) {
        double[][] pts = new double[m.dim()][n];
        for (int a = 0; a < m.dim(); a++) {
            for (int i = 0; i < n; i++) {
                pts[a][i] = x[a][i];
            }
        }
        int[] ids = m.classIds();
        int[] best = new int[n];
        double[] bestLog = new double[n];
        java.util.Arrays.fill(bestLog, Double.NEGATIVE_INFINITY);
        double[] log = new double[n];
        for (int k = 0; k < ids.length; k++) {
            m.logPosterior(pts, n, gamma, ids[k], log);
            for (int i = 0; i < n; i++) {
                if (log[i] > bestLog[i]) {
                    bestLog[i] = log[i];
                    best[i] = k;
                }
            }
        }
        return best;
    }

    /** Splats particles in their argmax class's colour (one density-aware splat per class). */
    static void classParticles(Raster r, ClassMixture m, float[][] x, int n, double gamma, Viewport view) {
        int[] label = argmax(m, x, n, gamma);
        int classes = m.classIds().length;
        int[] count = new int[classes];
        for (int i = 0; i < n; i++) {
            count[label[i]]++;
        }
        for (int k = 0; k < classes; k++) {
            float[] cx = new float[count[k]];
            float[] cy = new float[count[k]];
            int j = 0;
            for (int i = 0; i < n; i++) {
                if (label[i] == k) {
                    cx[j] = x[0][i];
                    cy[j++] = x[1][i];
                }
            }
            ParticleLayer.draw(cx, cy, j, view, r, classColor(k), 0.95);
        }
    }
}
