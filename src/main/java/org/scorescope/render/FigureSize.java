package org.scorescope.render;

import java.util.Locale;
import org.scorescope.scenario.ScenarioException;

/**
 * Figure sizes in pixels, computed in long so that no request overflows, and the limits of the
 * formats: one Java image holds at most {@value #MAX_PIXELS} pixels (its int array), a GIF's sides
 * are at most {@value #GIF_MAX_SIDE}. A request past a limit is refused with a {@link ScenarioException}
 * naming {@code --size} (the CLI's exit 2) before any pixel is allocated.
 */
public final class FigureSize {
    /** Largest number of pixels in one raster: the longest int array a JVM allocates. */
    public static final long MAX_PIXELS = Integer.MAX_VALUE - 8L;
    /** Largest side of a GIF (16-bit logical screen). */
    public static final int GIF_MAX_SIDE = 65_535;
    /** The field named when a figure is too large. */
    public static final String FIELD = "--size";

    private FigureSize() {
    }

    /**
     * Width and height of a figure of {@code rows × columns} cells of {@code cellWidth × cellHeight}
     * pixels (plus margins) at a scale; no overflow for any int inputs.
     */
    public static long[] pixels(int rows, int columns, int cellWidth, int cellHeight, double scale) {
        long w = (long) columns * ((long) cellWidth + FigureComposer.LEFT + FigureComposer.RIGHT);
        long h = FigureComposer.HEADER + (long) rows * ((long) cellHeight + FigureComposer.TOP + FigureComposer.BOTTOM);
        return new long[] {scaled(w, scale), scaled(h, scale)};
    }

    /** Width and height of a figure at a scale. */
    public static long[] pixels(Figure f, double scale) {
        long[] cells = pixels(f.rows(), f.columns(), f.view().width(), f.view().height(), 1);
        long band = f.equations().isEmpty() ? 0
                : Math.max(f.equationHeight(), EquationBand.height(f.equations(), (int) Math.min(Integer.MAX_VALUE, cells[0])));
        return new long[] {scaled(cells[0], scale), scaled(cells[1] + band, scale)};
    }

    /** Bytes of one ARGB raster of the figure at a scale (what a PNG, GIF or MP4 frame holds while drawn). */
    public static long rasterBytes(Figure f, double scale) {
        long[] p = pixels(f, scale);
        return 4 * p[0] * p[1];
    }

    private static long scaled(long v, double scale) {
        if (!(scale > 0) || !Double.isFinite(scale)) {
            throw new ScenarioException("--scale", "must be a positive number, was " + scale);
        }
        double s = Math.rint(v * scale);
        return s >= Long.MAX_VALUE / 4 ? Long.MAX_VALUE / 4 : (long) s;
    }

    /**
     * The figure's raster size at a scale, checked to fit one image.
     *
     * @throws ScenarioException naming {@code --size} with the size and the limit
     */
    public static int[] raster(Figure f, double scale) {
        long[] p = pixels(f, scale);
        if (p[0] > Integer.MAX_VALUE || p[1] > Integer.MAX_VALUE || p[0] * p[1] > MAX_PIXELS) {
            throw new ScenarioException(FIELD, String.format(Locale.ROOT,
                    "the figure would be %,d × %,d px at scale %s (%,d Mpx, %d × %d cells); one image holds at most %,d Mpx: "
                            + "lower --size or --scale, or show fewer samplers or steps",
                    p[0], p[1], scaleText(scale), p[0] * p[1] / 1_000_000, f.rows(), f.columns(), MAX_PIXELS / 1_000_000));
        }
        return new int[] {(int) p[0], (int) p[1]};
    }

    /** The same, also within a GIF's 65,535-pixel sides. */
    public static int[] gif(Figure f, double scale) {
        int[] s = raster(f, scale);
        if (s[0] > GIF_MAX_SIDE || s[1] > GIF_MAX_SIDE) {
            throw new ScenarioException(FIELD, String.format(Locale.ROOT,
                    "a GIF frame would be %,d × %,d px at scale %s; GIF sides are at most %,d px: lower --size or --scale, or write MP4",
                    s[0], s[1], scaleText(scale), GIF_MAX_SIDE));
        }
        return s;
    }

    private static String scaleText(double scale) {
        return scale == Math.rint(scale) ? Long.toString((long) scale) : Double.toString(scale);
    }
}
