package org.scorescope.ui.labs.discrete;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.List;
import org.scorescope.render.SamplerPalette;

/**
 * Per-coordinate bars: for each coordinate x_i (the first {@value #MAX_SHOWN}), q_τ of every value as a
 * grey bar, the particles' frequency as a narrower bar in the sampler's colour, and the sampler's exact
 * law as a white tick. The MASK value, when there is one, is the last bar, in yellow letters. Runs on the
 * drawing lane.
 */
final class CoordinateBarsPainter {
    /** Coordinates drawn at most (d can be 64). */
    static final int MAX_SHOWN = 16;
    private static final Color BACKGROUND = new Color(0x18181D);
    private static final Color TEXT = new Color(0xE8E8EE);
    private static final Color MUTED = new Color(0x9A9AA8);
    private static final Color GREY = new Color(0x5A5A66);

    private CoordinateBarsPainter() {
    }

    /** Premultiplied ARGB pixels, w × h, of the frame's bars. */
    static int[] paint(DiscreteFrame f, int states, boolean masking, List<String> words, int slot, int particles, int w, int h,
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
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        int d = f.coordQ().length;
        int shown = Math.min(d, MAX_SHOWN);
        int cols = shown <= 2 ? shown : shown <= 4 ? 2 : 4;
        int rows = (shown + cols - 1) / cols;
        double legend = 22;
        double pw = width / cols;
        double ph = (height - legend) / rows;
        Color colour = SamplerPalette.color(slot);
        g.setColor(MUTED);
        String more = d > shown ? " · first " + shown + " of d = " + d + " coordinates" : "";
        g.drawString("grey: q_τ · " + "colour: particles' frequency · white tick: the sampler's exact law" + more, 8, 15);
        int k = f.coordQ()[0].length;
        for (int i = 0; i < shown; i++) {
            double x0 = (i % cols) * pw + 28;
            double y0 = legend + (i / cols) * ph + 16;
            double bw = (pw - 40) / k;
            double bh = ph - 40;
            double max = 0;
            for (int v = 0; v < k; v++) {
                max = Math.max(max, Math.max(f.coordQ()[i][v], (double) f.coordCounts()[i][v] / particles));
                if (f.coordLaw() != null) {
                    max = Math.max(max, f.coordLaw()[i][v]);
                }
            }
            max = max > 0 ? max : 1;
            g.setColor(TEXT);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
            g.drawString("x" + subscript(i + 1), (float) (x0 - 24), (float) (y0 + 12));
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            for (int v = 0; v < k; v++) {
                double bx = x0 + v * bw;
                double base = y0 + bh;
                double q = f.coordQ()[i][v] / max * bh;
                g.setColor(GREY);
                g.fill(new Rectangle2D.Double(bx + bw * 0.08, base - q, bw * 0.84, q));
                double p = (double) f.coordCounts()[i][v] / particles / max * bh;
                g.setColor(colour);
                g.fill(new Rectangle2D.Double(bx + bw * 0.3, base - p, bw * 0.4, p));
                if (f.coordLaw() != null) {
                    double e = f.coordLaw()[i][v] / max * bh;
                    g.setColor(Color.WHITE);
                    g.draw(new Line2D.Double(bx + bw * 0.12, base - e, bx + bw * 0.88, base - e));
                }
                boolean mask = masking && v == states;
                String label = mask ? "M" : words.isEmpty() ? Integer.toString(v) : words.get(v);
                FontMetrics fm = g.getFontMetrics();
                while (label.length() > 1 && fm.stringWidth(label) > bw - 2) {
                    label = label.substring(0, label.length() - 1);
                }
                if (fm.stringWidth(label) <= bw - 2 || v % Math.max(1, (int) Math.ceil(fm.stringWidth("00") / bw)) == 0) {
                    g.setColor(mask ? new Color(0xFFD166) : MUTED);
                    g.drawString(label, (float) (bx + bw / 2 - fm.stringWidth(label) / 2.0), (float) (base + 13));
                }
            }
            g.setColor(MUTED);
            g.draw(new Line2D.Double(x0, y0 + bh, x0 + k * bw, y0 + bh));
        }
        g.dispose();
        return ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
    }

    private static String subscript(int n) {
        StringBuilder b = new StringBuilder();
        for (char c : Integer.toString(n).toCharArray()) {
            b.append((char) ('₀' + (c - '0')));
        }
        return b.toString();
    }
}
