package org.scorescope.render;

import java.util.Arrays;

/**
 * An ARGB pixel buffer (premultiplied, opaque background) that the render worker fills and the UI
 * copies to the screen in one call. Also the blending helpers the layers use.
 */
public final class Raster {
    /** Width in pixels. */
    public final int width;
    /** Height in pixels. */
    public final int height;
    /** Pixels, row-major, 0xAARRGGBB, premultiplied alpha. */
    public final int[] argb;

    /** A raster filled with the given colour. */
    public Raster(int width, int height, int background) {
        if (width < 0 || height < 0 || (long) width * height > FigureSize.MAX_PIXELS) {
            throw new IllegalArgumentException("a raster of " + width + " × " + height + " px cannot be held (at most "
                    + FigureSize.MAX_PIXELS / 1_000_000 + " Mpx)");
        }
        this.width = width;
        this.height = height;
        this.argb = new int[width * height];
        Arrays.fill(argb, background);
    }

    /** Blends colour c over pixel i with opacity a ∈ [0, 1]. */
    public void blend(int i, int c, double a) {
        int p = argb[i];
        double b = 1 - a;
        int r = (int) (((c >> 16) & 0xFF) * a + ((p >> 16) & 0xFF) * b);
        int g = (int) (((c >> 8) & 0xFF) * a + ((p >> 8) & 0xFF) * b);
        int bl = (int) ((c & 0xFF) * a + (p & 0xFF) * b);
        argb[i] = 0xFF000000 | r << 16 | g << 8 | bl;
    }

    /**
     * An anti-aliased line (Xiaolin Wu) of the given width in pixels: widths above 1 are drawn as
     * parallel offset lines.
     */
    public void line(double x0, double y0, double x1, double y1, int color, double alpha, double lineWidth) {
        if (!(Double.isFinite(x0) && Double.isFinite(y0) && Double.isFinite(x1) && Double.isFinite(y1))) {
            return;
        }
        int strokes = Math.max(1, (int) Math.round(lineWidth));
        double len = Math.hypot(x1 - x0, y1 - y0);
        double nx = len > 0 ? -(y1 - y0) / len : 0;
        double ny = len > 0 ? (x1 - x0) / len : 0;
        for (int k = 0; k < strokes; k++) {
            double o = k - (strokes - 1) / 2.0;
            wu(x0 + o * nx, y0 + o * ny, x1 + o * nx, y1 + o * ny, color, alpha);
        }
    }

    private void wu(double x0, double y0, double x1, double y1, int color, double alpha) {
        boolean steep = Math.abs(y1 - y0) > Math.abs(x1 - x0);
        if (steep) {
            double t = x0; x0 = y0; y0 = t;
            t = x1; x1 = y1; y1 = t;
        }
        if (x0 > x1) {
            double t = x0; x0 = x1; x1 = t;
            t = y0; y0 = y1; y1 = t;
        }
        double dx = x1 - x0;
        double gradient = dx == 0 ? 1 : (y1 - y0) / dx;
        int start = (int) Math.round(x0);
        int end = (int) Math.round(x1);
        if (end - start > 20_000) {
            return;
        }
        double y = y0 + gradient * (start - x0);
        for (int x = start; x <= end; x++) {
            int iy = (int) Math.floor(y);
            double f = y - iy;
            plot(steep, x, iy, color, alpha * (1 - f));
            plot(steep, x, iy + 1, color, alpha * f);
            y += gradient;
        }
    }

    private void plot(boolean steep, int x, int y, int color, double a) {
        int px = steep ? y : x;
        int py = steep ? x : y;
        if (px >= 0 && px < width && py >= 0 && py < height && a > 0.003) {
            blend(py * width + px, color, a);
        }
    }

    /** An arrow from tail to head with a two-stroke head. */
    public void arrow(double x0, double y0, double x1, double y1, double head, int color, double alpha, double lineWidth) {
        double len = Math.hypot(x1 - x0, y1 - y0);
        if (len < 0.5) {
            return;
        }
        line(x0, y0, x1, y1, color, alpha, lineWidth);
        double h = Math.min(head, 0.45 * len);
        double ux = (x1 - x0) / len;
        double uy = (y1 - y0) / len;
        double c = Math.cos(0.45);
        double s = Math.sin(0.45);
        line(x1, y1, x1 - h * (ux * c - uy * s), y1 - h * (uy * c + ux * s), color, alpha, lineWidth);
        line(x1, y1, x1 - h * (ux * c + uy * s), y1 - h * (uy * c - ux * s), color, alpha, lineWidth);
    }
}
