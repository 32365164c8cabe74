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
    private static final Color BACKGROUND = new Color(0x18181D);
    private static final Color TEXT = new Color(0xE8E8EE);
    private static final Color MUTED = new Color(0x9A9AA8);
    private static final int GAP = 8;

    private HeatMapPainter() {
    }

    /**
     * @param mass K × K masses (row = coordinate 0), or null (then an empty panel saying why)
     * @param counts particles per cell, K × K
     * @param states S (K = S + 1 when masking)
     * @param words value names, or an empty list
     * @param caption the line under the map
     * @return premultiplied ARGB pixels, w × h
     */
    static int[] paint(double[] mass, int[] counts, int states, boolean masking, List<String> words, String caption, int w, int h,
            double scale) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(BACKGROUND);
        g.fillRect(0, 0, w, h);
        g.scale(scale, scale);
        double width = w / scale;
        double height = h / scale;
        Font small = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
        g.setFont(small);
        if (mass == null) {
            g.setColor(MUTED);
            g.drawString("a one-coordinate target has no 2D map; see the bars", 12, 24);
            g.dispose();
            return pixels(img);
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
            maxCount[part] = Math.max(maxCount[part], counts[j]);
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
                int n = counts[r * k + c];
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
        labels(g, states, masking, words, left, top, cell);
        g.setColor(MUTED);
        double below = top + k * cell + (masking ? GAP : 0) + (named ? 56 : 30);
        g.drawString(caption + (masking ? " · MASK strips on their own scale" : ""), (float) left, (float) Math.min(height - 20, below + 4));
        g.drawString("colour: √(mass / largest mass) · dots: particles per cell, area ∝ count" + (writeCounts ? " (counts written)" : ""),
                (float) left, (float) Math.min(height - 6, below + 18));
        g.dispose();
        return pixels(img);
    }

    private static void labels(Graphics2D g, int states, boolean masking, List<String> words, double left, double top, double cell) {
        g.setColor(TEXT);
        int k = masking ? states + 1 : states;
        double end = top + k * cell + (masking ? GAP : 0);
        int every = words.isEmpty() ? Math.max(1, (int) Math.ceil(16 / cell)) : 1;
        every = every > 1 ? (every <= 2 ? 2 : every <= 4 ? 4 : every <= 8 ? 8 : 16) : 1;
        for (int v = 0; v < states; v += every) {
            String s = words.isEmpty() ? Integer.toString(v) : words.get(v);
            FontMetrics fm = g.getFontMetrics();
            g.drawString(s, (float) (left - fm.stringWidth(s) - 4), (float) (top + v * cell + cell / 2 + 4));
            if (words.isEmpty()) {
                text(g, s, left + v * cell + cell / 2, end + 13, TEXT);
            } else {
                java.awt.geom.AffineTransform t = g.getTransform();
                g.translate(left + v * cell + cell / 2 + 4, end + 4);
                g.rotate(Math.PI / 2);
                g.drawString(s, 0, 0);
                g.setTransform(t);
            }
        }
        if (masking) {
            g.setColor(new Color(0xFFD166));
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

    private static int[] pixels(BufferedImage img) {
        return ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
    }
}
