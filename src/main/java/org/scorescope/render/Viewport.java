package org.scorescope.render;

/**
 * A window onto the plane: world box [x0, x1] × [y0, y1] shown on w × h pixels, y up.
 *
 * @param x0 left edge in world units
 * @param x1 right edge
 * @param y0 bottom edge
 * @param y1 top edge
 * @param width pixels across
 * @param height pixels down
 */
public record Viewport(double x0, double x1, double y0, double y1, int width, int height) {
    /** Checks sizes. */
    public Viewport {
        if (!(x1 > x0) || !(y1 > y0) || width < 1 || height < 1) {
            throw new IllegalArgumentException("empty viewport");
        }
    }

    /** The smallest viewport around the box [lo, hi] with equal scale on both axes, centred. */
    public static Viewport fit(double[] lo, double[] hi, int width, int height) {
        double cx = 0.5 * (lo[0] + hi[0]);
        double cy = 0.5 * (lo[1] + hi[1]);
        double scale = Math.max((hi[0] - lo[0]) / width, (hi[1] - lo[1]) / height);
        double hw = 0.5 * width * scale;
        double hh = 0.5 * height * scale;
        return new Viewport(cx - hw, cx + hw, cy - hh, cy + hh, width, height);
    }

    /** Pixel column of a world x (may lie outside). */
    public double px(double x) {
        return (x - x0) / (x1 - x0) * width;
    }

    /** Pixel row of a world y (may lie outside). */
    public double py(double y) {
        return (y1 - y) / (y1 - y0) * height;
    }

    /** World x at a pixel column. */
    public double wx(double px) {
        return x0 + px / width * (x1 - x0);
    }

    /** World y at a pixel row. */
    public double wy(double py) {
        return y1 - py / height * (y1 - y0);
    }

    /** The same world centre and scale on another pixel size. */
    public Viewport resized(int w, int h) {
        double scale = (x1 - x0) / width;
        double cx = 0.5 * (x0 + x1);
        double cy = 0.5 * (y0 + y1);
        return new Viewport(cx - 0.5 * w * scale, cx + 0.5 * w * scale, cy - 0.5 * h * scale, cy + 0.5 * h * scale, w, h);
    }

    /** Zoomed by a factor (&gt; 1 zooms in) about a pixel. */
    public Viewport zoomed(double factor, double px, double py) {
        double wx = wx(px);
        double wy = wy(py);
        return new Viewport(wx - (wx - x0) / factor, wx + (x1 - wx) / factor, wy - (wy - y0) / factor, wy + (y1 - wy) / factor, width, height);
    }

    /** Moved by a pixel offset (drag). */
    public Viewport panned(double dxPixels, double dyPixels) {
        double dx = -dxPixels / width * (x1 - x0);
        double dy = dyPixels / height * (y1 - y0);
        return new Viewport(x0 + dx, x1 + dx, y0 + dy, y1 + dy, width, height);
    }
}
