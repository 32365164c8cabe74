package org.scorescope.ui.present;

/**
 * The particle nearest to a click (issue 18, "click a particle for its anatomy"): one pass over the
 * stored particles of the immutable frame shown, distances measured in screen pixels (a panel's world
 * units per pixel may differ per axis), nothing allocated. Ties go to the lower index, so a pick is
 * deterministic. At 1M particles the pass takes about a millisecond (docs in
 * /work/notes/issue-18-presenter.md have the measurement); it runs once per click, never per mouse move.
 */
public final class ParticlePicker {
    private ParticlePicker() {
    }

    /**
     * The index of the particle nearest to (x, y) among the first {@code count}, if it lies within
     * {@code radiusPx} pixels; else −1. NaN positions (diverged particles) are skipped.
     *
     * @param xs the particles' x (world)
     * @param ys the particles' y (world)
     * @param count how many of them to consider
     * @param x the click's x (world)
     * @param y the click's y (world)
     * @param worldPerPxX world units per pixel along x (&gt; 0)
     * @param worldPerPxY world units per pixel along y (&gt; 0)
     * @param radiusPx the largest distance that picks, in pixels
     */
    public static int nearest(float[] xs, float[] ys, int count, double x, double y, double worldPerPxX, double worldPerPxY,
            double radiusPx) {
        if (!(worldPerPxX > 0) || !(worldPerPxY > 0)) {
            throw new IllegalArgumentException("world units per pixel must be > 0, were " + worldPerPxX + ", " + worldPerPxY);
        }
        int n = Math.min(count, Math.min(xs.length, ys.length));
        double kx = 1 / worldPerPxX;
        double ky = 1 / worldPerPxY;
        double best = radiusPx * radiusPx;
        int at = -1;
        for (int i = 0; i < n; i++) {
            double dx = (xs[i] - x) * kx;
            double dy = (ys[i] - y) * ky;
            double d = dx * dx + dy * dy;
            if (d < best || d == best && at < 0) {
                best = d;
                at = i;
            }
        }
        return at;
    }
}
