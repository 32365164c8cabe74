package org.scorescope.render;

import org.scorescope.distribution.Target;

/**
 * The score vector field s(·, γ) on a grid of arrows over the viewport. Arrow length is compressed
 * as L = L_max · m / (m + m_ref), with m the score magnitude and m_ref the median magnitude on the
 * grid, so that the huge scores far out and the small ones near the modes both stay readable; the
 * colour encodes log magnitude (magma). Computed on the render worker.
 *
 * @param segments per arrow x0, y0, x1, y1 in pixels (tail to head)
 * @param colors per arrow, opaque ARGB
 * @param headSize arrow head length in pixels
 */
public record ScoreField(float[] segments, int[] colors, float headSize) {

    /**
     * @param spacing pixels between arrows
     */
    public static ScoreField of(Target target, double gamma, Viewport view, int spacing) {
        int cols = Math.max(2, view.width() / spacing);
        int rows = Math.max(2, view.height() / spacing);
        int n = cols * rows;
        int d = target.dim();
        double[][] pts = new double[d][n];
        double[][] s = new double[d][n];
        float[] px = new float[n];
        float[] py = new float[n];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int i = r * cols + c;
                px[i] = (float) ((c + 0.5) * view.width() / cols);
                py[i] = (float) ((r + 0.5) * view.height() / rows);
                pts[0][i] = view.wx(px[i]);
                if (d > 1) {
                    pts[1][i] = view.wy(py[i]);
                }
            }
        }
        target.scoreBatch(pts, n, gamma, s);
        double[] mag = new double[n];
        for (int i = 0; i < n; i++) {
            double m2 = s[0][i] * s[0][i] + (d > 1 ? s[1][i] * s[1][i] : 0);
            mag[i] = Math.sqrt(m2);
        }
        double[] sorted = mag.clone();
        java.util.Arrays.sort(sorted);
        double ref = Math.max(1e-12, sorted[n / 2]);
        double lmin = Math.log(Math.max(1e-12, sorted[0]));
        double lmax = Math.log(Math.max(1e-12, sorted[n - 1]));
        double maxLen = 0.9 * Math.min((double) view.width() / cols, (double) view.height() / rows);
        float[] seg = new float[4 * n];
        int[] col = new int[n];
        for (int i = 0; i < n; i++) {
            double m = mag[i];
            double len = Double.isFinite(m) ? maxLen * m / (m + ref) : 0;
            double ux = m > 0 ? s[0][i] / m : 0;
            double uy = m > 0 && d > 1 ? -s[1][i] / m : 0;
            seg[4 * i] = (float) (px[i] - 0.5 * len * ux);
            seg[4 * i + 1] = (float) (py[i] - 0.5 * len * uy);
            seg[4 * i + 2] = (float) (px[i] + 0.5 * len * ux);
            seg[4 * i + 3] = (float) (py[i] + 0.5 * len * uy);
            double t = lmax > lmin ? (Math.log(Math.max(1e-12, m)) - lmin) / (lmax - lmin) : 0.5;
            col[i] = ColorMap.MAGMA.argb(0.25 + 0.75 * t);
        }
        return new ScoreField(seg, col, (float) Math.max(3, maxLen * 0.3));
    }

    /** Number of arrows. */
    public int size() {
        return colors.length;
    }
}
