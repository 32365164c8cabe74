package org.scorescope.ui.labs.discrete;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.List;
import org.scorescope.render.ColorMap;

/**
 * Draws the heat map of coordinates (0, 1) — the 2D picture's states, or the first two coordinates of a
 * longer state — with the particles as counts: colour = √(mass / largest mass) of q_τ or of the
 * sampler's exact law, one dot per occupied cell with area ∝ its particle count (the count written in
 * the cell when cells are large). Under the masking process the MASK value of each coordinate is a
 * strip set apart along the bottom (coordinate 0 masked) and the right (coordinate 1 masked). Runs on
 * the drawing lane, never on the FX thread.
 */
final class HeatMapPainter {
    private static final int GAP = 8;

    /**
     * Colours and type: {@link #WINDOW} on the dark window, {@link #PAPER} for exported figures.
     *
     * @param background the panel
     * @param text labels
     * @param muted captions
     * @param mask the MASK labels
     * @param font the type
     */
    record Palette(Color background, Color text, Color muted, Color mask, Font font) {
    }

    /** The window's dark look. */
    static final Palette WINDOW = new Palette(new Color(0x18181D), new Color(0xE8E8EE), new Color(0x9A9AA8), new Color(0xFFD166),
            new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    /** The light look of exported figures, in the figures' bundled typeface. */
    static final Palette PAPER = new Palette(Color.WHITE, new Color(0x1A1A1F), new Color(0x55555F), new Color(0xA86E00),
            org.scorescope.render.FigureFonts.plain(11f));

    private HeatMapPainter() {
    }

    /**
     * @param mass K × K masses (row = coordinate 0), or null (then an empty panel saying why)
     * @param counts particles per cell, K × K, or null (no particles yet)
     * @param states S (K = S + 1 when masking)
     * @param words value names, or an empty list
     * @param caption the line under the map
     * @return premultiplied ARGB pixels, w × h
     */
    static int[] paint(double[] mass, int[] counts, int states, boolean masking, List<String> words, String caption, int w, int h,
            double scale) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = img.createGraphics();
        g.scale(scale, scale);
        draw(g, w / scale, h / scale, WINDOW, mass, counts, states, masking, words, caption);
        g.dispose();
        return ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
    }

    /**
     * Draws the map into a {@code width × height} box at the origin of {@code g} (any Graphics2D: an
     * image, SVG or PDF); see {@link #paint} for the arguments.
     */
    static void draw(Graphics2D g, double width, double height, Palette pal, double[] mass, int[] counts, int states, boolean masking,
            List<String> words, String caption) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(pal.background());
        g.fill(new java.awt.geom.Rectangle2D.Double(0, 0, width, height));
        g.setFont(pal.font());
        if (mass == null) {
            g.setColor(pal.muted());
            g.drawString("a one-coordinate target has no 2D map; see the bars", 12, 24);
            return;
        }
        int k = masking ? states + 1 : states;
        boolean named = !words.isEmpty();
        double left = named ? 64 : 34;
        double top = 8;
        double bottom = 58;
        double side = Math.max(40, Math.min(width - left - 12, height - top - bottom - (named ? 22 : 0)));
        double cell = (side - (masking ? GAP : 0)) / k;
        // The picture's cells and the MASK strips each on their own scale: early in a masking run nearly
        // all mass and particles sit in (MASK, MASK), which would leave the picture black.
        double[] max = new double[2];
        int[] maxCount = new int[2];
        for (int j = 0; j < k * k; j++) {
            int part = strip(j, k, states) ? 1 : 0;
            max[part] = Math.max(max[part], mass[j]);
            maxCount[part] = Math.max(maxCount[part], counts == null ? 0 : counts[j]);
        }
        boolean writeCounts = cell >= 30;
        for (int r = 0; r < k; r++) {
            for (int c = 0; c < k; c++) {
                double x = left + c * cell + (masking && c == states ? GAP : 0);
                double y = top + r * cell + (masking && r == states ? GAP : 0);
                int part = strip(r * k + c, k, states) ? 1 : 0;
                double v = max[part] > 0 ? Math.sqrt(mass[r * k + c] / max[part]) : 0;
                g.setColor(new Color(ColorMap.VIRIDIS.argb(v), true));
                g.fill(new java.awt.geom.Rectangle2D.Double(x, y, cell + 0.5, cell + 0.5));
                int n = counts == null ? 0 : counts[r * k + c];
                if (n > 0) {
                    if (writeCounts) {
                        text(g, Integer.toString(n), x + cell / 2, y + cell / 2 + 4, v > 0.6 ? Color.BLACK : Color.WHITE);
                    } else {
                        double rad = Math.max(0.9, 0.48 * cell * Math.sqrt((double) n / maxCount[part]));
                        g.setColor(Color.WHITE);
                        g.fill(new Ellipse2D.Double(x + cell / 2 - rad, y + cell / 2 - rad, 2 * rad, 2 * rad));
                        g.setColor(new Color(0, 0, 0, 140));
                        g.setStroke(new BasicStroke(0.6f));
                        g.draw(new Ellipse2D.Double(x + cell / 2 - rad, y + cell / 2 - rad, 2 * rad, 2 * rad));
                    }
                }
            }
        }
        labels(g, pal, states, masking, words, left, top, cell);
        g.setColor(pal.muted());
        double below = top + k * cell + (masking ? GAP : 0) + (named ? 56 : 30);
        g.drawString(caption + (masking ? " · MASK strips on their own scale" : ""), (float) left, (float) Math.min(height - 20, below + 4));
        g.drawString("colour: √(mass / largest mass)" + (counts == null ? "" : " · dots: particles per cell, area ∝ count"
                + (writeCounts ? " (counts written)" : "")), (float) left, (float) Math.min(height - 6, below + 18));
    }

    private static void labels(Graphics2D g, Palette pal, int states, boolean masking, List<String> words, double left, double top,
            double cell) {
        g.setColor(pal.text());
        int k = masking ? states + 1 : states;
        double end = top + k * cell + (masking ? GAP : 0);
        int every = words.isEmpty() ? Math.max(1, (int) Math.ceil(16 / cell)) : 1;
        every = every > 1 ? (every <= 2 ? 2 : every <= 4 ? 4 : every <= 8 ? 8 : 16) : 1;
        for (int v = 0; v < states; v += every) {
            String s = words.isEmpty() ? Integer.toString(v) : words.get(v);
            FontMetrics fm = g.getFontMetrics();
            g.drawString(s, (float) (left - fm.stringWidth(s) - 4), (float) (top + v * cell + cell / 2 + 4));
            if (words.isEmpty()) {
                text(g, s, left + v * cell + cell / 2, end + 13, pal.text());
            } else {
                java.awt.geom.AffineTransform t = g.getTransform();
                g.translate(left + v * cell + cell / 2 + 4, end + 4);
                g.rotate(Math.PI / 2);
                g.drawString(s, 0, 0);
                g.setTransform(t);
            }
        }
        if (masking) {
            g.setColor(pal.mask());
            FontMetrics fm = g.getFontMetrics();
            g.drawString("MASK", (float) (left - fm.stringWidth("MASK") - 4), (float) (top + states * cell + GAP + cell / 2 + 4));
            java.awt.geom.AffineTransform t = g.getTransform();
            g.translate(left + states * cell + GAP + cell / 2 + 4, end + 4);
            g.rotate(Math.PI / 2);
            g.drawString("MASK", 0, 0);
            g.setTransform(t);
        }
    }

    private static boolean strip(int j, int k, int states) {
        return k > states && (j / k == states || j % k == states);
    }

    private static void text(Graphics2D g, String s, double cx, double baseline, Color c) {
        FontMetrics fm = g.getFontMetrics();
        g.setColor(c);
        g.drawString(s, (float) (cx - fm.stringWidth(s) / 2.0), (float) baseline);
    }
}
