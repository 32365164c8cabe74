package org.scorescope.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Locale;
import org.jfree.svg.SVGHints;
import org.scorescope.engine.Frame;

/**
 * Draws a {@link Figure} on any Graphics2D: a PNG's image, a JFreeSVG document or a PDFBox page.
 * The density heat map is an embedded raster per cell; the particle cloud is part of that raster
 * when a cell shows more than {@value #VECTOR_POINTS_UP_TO} particles, and vector dots (SVG group
 * {@code particles-R-C}) up to that many; axes, labels, score arrows and trails are vector strokes,
 * grouped in SVG as {@code axes-R-C}, {@code arrows-R-C}, {@code trails-R-C} (row, column). Text is
 * set in {@link FigureFonts}; each cell's heading starts with a swatch of its sampler's colour
 * ({@link SamplerPalette}), the colour its trails are drawn in.
 */
public final class FigureComposer {
    /** Space around each cell for ticks and captions, in pixels at scale 1. */
    static final int LEFT = 56;
    static final int TOP = 30;
    static final int BOTTOM = 34;
    static final int RIGHT = 12;
    static final int HEADER = 34;
    private static final Color INK = new Color(0x1A1A1F);
    /** Cells with at most this many particles draw them as vector dots; more go into the raster. */
    public static final int VECTOR_POINTS_UP_TO = 2000;

    private FigureComposer() {
    }

    /** Pixel size of the whole figure at scale 1 (always fits an int: cells are at most 4096 px a side). */
    public static int[] size(Figure f) {
        long[] s = FigureSize.pixels(f, 1);
        return new int[] {Math.toIntExact(s[0]), Math.toIntExact(s[1])};
    }

    /**
     * Draws the figure at its pixel size; {@code transparent} leaves the background clear.
     */
    public static void draw(Figure f, Graphics2D g, boolean transparent) {
        int[] size = size(f);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        // Exact geometry, as a PDF viewer draws it: the PNG and the PDF of a figure agree.
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        if (!transparent) {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, size[0], size[1]);
        }
        g.setColor(INK);
        g.setFont(FigureFonts.bold(15));
        g.drawString(f.title(), LEFT, 22);
        Viewport v = f.view();
        int cw = v.width() + LEFT + RIGHT;
        int ch = v.height() + TOP + BOTTOM;
        for (int r = 0; r < f.rows(); r++) {
            for (int c = 0; c < f.columns(); c++) {
                Figure.Cell cell = f.cell(r, c);
                if (cell != null) {
                    cell(f, cell, g, r, c, c * cw + LEFT, HEADER + r * ch + TOP);
                }
            }
        }
        if (!f.equations().isEmpty()) {
            group(g, "equations");
            EquationBand.draw(g, f.equations(), 0, HEADER + f.rows() * ch, size[0]);
            endGroup(g);
        }
    }

    private static void cell(Figure f, Figure.Cell cell, Graphics2D g, int r, int c, int ox, int oy) {
        Viewport v = f.view();
        heading(g, cell, ox, oy);
        boolean vectorPoints = f.style().particles() && cell.frame().samplers().get(cell.slot()).stored() <= VECTOR_POINTS_UP_TO;
        g.drawImage(raster(f, cell, !vectorPoints), ox, oy, null);
        Graphics2D sub = (Graphics2D) g.create();
        try {
            sub.translate(ox, oy);
            sub.clipRect(0, 0, v.width(), v.height());
            if (vectorPoints) {
                group(sub, "particles-" + r + "-" + c);
                points(sub, cell, v);
                endGroup(sub);
            }
            if (f.style().scoreField()) {
                group(sub, "arrows-" + r + "-" + c);
                arrows(sub, ScoreField.of(f.target(), cell.frame().abar(), v, Math.max(24, Math.min(v.width(), v.height()) / 18)));
                endGroup(sub);
            }
            if (f.style().trails() && cell.history() != null) {
                group(sub, "trails-" + r + "-" + c);
                trails(sub, cell, v);
                endGroup(sub);
            }
        } finally {
            sub.dispose();
        }
        group(g, "axes-" + r + "-" + c);
        axes(g, v, ox, oy);
        endGroup(g);
    }

    /** Sampler swatch, heading and caption above a cell. */
    private static void heading(Graphics2D g, Figure.Cell cell, int ox, int oy) {
        Rectangle2D swatch = new Rectangle2D.Double(ox + 0.5, oy - 25.5, 9, 9);
        g.setColor(SamplerPalette.color(cell.sampler()));
        g.fill(swatch);
        g.setColor(INK);
        g.setStroke(new BasicStroke(1f));
        g.draw(swatch);
        g.setFont(FigureFonts.bold(12));
        g.drawString(cell.heading(), ox + 15, oy - 16);
        g.setFont(FigureFonts.plain(11));
        g.drawString(cell.caption(), ox, oy - 4);
    }

    private static void points(Graphics2D g, Figure.Cell cell, Viewport v) {
        Frame.SamplerFrame sf = cell.frame().samplers().get(cell.slot());
        g.setColor(new Color(255, 255, 255, 220));
        for (int i = 0; i < sf.stored(); i++) {
            double x = v.px(sf.x(0, i));
            double y = v.py(sf.x(1, i));
            g.fill(new Ellipse2D.Double(x - 1.2, y - 1.2, 2.4, 2.4));
        }
    }

    /** The density (and, for large clouds, particle) layers of one cell, opaque. */
    static BufferedImage raster(Figure f, Figure.Cell cell, boolean withParticles) {
        Viewport v = f.view();
        PanelStyle layers = new PanelStyle(f.style().density(), f.style().contours(), withParticles && f.style().particles(), false, false,
                f.style().lineWidth());
        DensityGrid grid = !(f.style().density() || f.style().contours()) ? null
                : cell.density() != null ? cell.density() : DensityGrid.of(f.target(), cell.frame().abar(), v);
        Raster r = PanelRenderer.plane(f.target(), cell.frame(), null, cell.slot(), v, layers, 0, grid, null);
        BufferedImage img = new BufferedImage(v.width(), v.height(), BufferedImage.TYPE_INT_RGB);
        int[] dst = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < dst.length; i++) {
            dst[i] = r.argb[i] & 0xFFFFFF;
        }
        return img;
    }

    private static void arrows(Graphics2D g, ScoreField field) {
        float[] s = field.segments();
        g.setStroke(new BasicStroke(1.3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (int i = 0; i < field.size(); i++) {
            g.setColor(new Color(field.colors()[i]));
            double x0 = s[4 * i];
            double y0 = s[4 * i + 1];
            double x1 = s[4 * i + 2];
            double y1 = s[4 * i + 3];
            double len = Math.hypot(x1 - x0, y1 - y0);
            if (len < 0.5) {
                continue;
            }
            g.draw(new Line2D.Double(x0, y0, x1, y1));
            double h = Math.min(field.headSize(), 0.45 * len);
            double ux = (x1 - x0) / len;
            double uy = (y1 - y0) / len;
            double cs = Math.cos(0.45);
            double sn = Math.sin(0.45);
            g.draw(new Line2D.Double(x1, y1, x1 - h * (ux * cs - uy * sn), y1 - h * (uy * cs + ux * sn)));
            g.draw(new Line2D.Double(x1, y1, x1 - h * (ux * cs + uy * sn), y1 - h * (uy * cs - ux * sn)));
        }
    }

    private static void trails(Graphics2D g, Figure.Cell cell, Viewport v) {
        Frame[] h = cell.history();
        int tracked = Math.min(16, cell.frame().samplers().get(cell.slot()).stored());
        g.setStroke(new BasicStroke(1.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(SamplerPalette.color(cell.sampler()));
        for (int p = 0; p < tracked; p++) {
            Path2D.Double path = new Path2D.Double();
            boolean started = false;
            for (int s = h.length - 1; s >= cell.frame().t(); s--) {
                if (h[s] == null) {
                    continue;
                }
                Frame.SamplerFrame pos = h[s].samplers().get(cell.slot());
                double x = v.px(pos.x(0, p));
                double y = v.py(pos.x(1, p));
                if (started) {
                    path.lineTo(x, y);
                } else {
                    path.moveTo(x, y);
                    started = true;
                }
            }
            g.draw(path);
        }
    }

    private static void axes(Graphics2D g, Viewport v, int ox, int oy) {
        g.setColor(INK);
        g.setStroke(new BasicStroke(1f));
        // On half pixels: a crisp one-pixel frame just outside the heat map.
        g.draw(new Rectangle2D.Double(ox - 0.5, oy - 0.5, v.width() + 1, v.height() + 1));
        g.setFont(FigureFonts.plain(10));
        FontMetrics fm = g.getFontMetrics();
        for (double x : ticks(v.x0(), v.x1())) {
            double px = ox + v.px(x);
            g.draw(new Line2D.Double(px, oy + v.height() + 0.5, px, oy + v.height() + 4.5));
            String s = label(x);
            g.drawString(s, (float) (px - fm.stringWidth(s) / 2.0), oy + v.height() + 16);
        }
        for (double y : ticks(v.y0(), v.y1())) {
            double py = oy + v.py(y);
            g.draw(new Line2D.Double(ox - 4.5, py, ox - 0.5, py));
            String s = label(y);
            g.drawString(s, ox - 7 - fm.stringWidth(s), (float) py + 4);
        }
    }

    /** "Nice" tick positions: 1, 2 or 5 × 10^k apart, about five in the range. */
    static double[] ticks(double lo, double hi) {
        double raw = (hi - lo) / 5;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / mag < 1.5 ? mag : raw / mag < 3.5 ? 2 * mag : raw / mag < 7.5 ? 5 * mag : 10 * mag;
        double first = Math.ceil(lo / step) * step;
        int n = (int) Math.floor((hi - first) / step) + 1;
        double[] t = new double[Math.max(0, n)];
        for (int i = 0; i < t.length; i++) {
            t[i] = first + i * step;
        }
        return t;
    }

    private static String label(double v) {
        if (Math.abs(v - Math.rint(v)) < 1e-9) {
            return Long.toString(Math.round(v)).replace('-', '−');
        }
        return String.format(Locale.ROOT, "%.1f", v).replace('-', '−');
    }

    private static void group(Graphics2D g, String id) {
        g.setRenderingHint(SVGHints.KEY_BEGIN_GROUP, id);
    }

    private static void endGroup(Graphics2D g) {
        g.setRenderingHint(SVGHints.KEY_END_GROUP, "true");
    }
}
