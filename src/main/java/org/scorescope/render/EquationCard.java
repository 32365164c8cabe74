package org.scorescope.render;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.scorescope.teaching.SamplerEquation;

/**
 * One sampler's equation card (issue 18): its name and canonical id, the update rule typeset, the
 * citation and paper, the orders per metric and the NFE per step, and — at a step — the coefficients'
 * values and the step's equations with numbers. Drawn the same on a PNG, an SVG, a PDF page or the
 * window's side panel (which shows it as an image drawn off the FX thread).
 */
public final class EquationCard {
    static final int PAD = 10;
    static final float RULE_SIZE = 17;
    static final float LIVE_SIZE = 14;
    private static final Color INK = new Color(0x1A1A1F);
    private static final Color MUTED = new Color(0x55555F);
    private static final Color LIVE = new Color(0x0B5394);

    private EquationCard() {
    }

    /** One line of the card. */
    private record Line(String text, boolean tex, float size, boolean bold, Color ink) {
    }

    private static List<Line> lines(SamplerEquation e, int sampler, int width, FontMetrics plain) {
        List<Line> out = new ArrayList<>();
        out.add(new Line(e.name() + "   " + e.key(), false, 13, true, INK));
        for (String tex : e.rule().lines()) {
            out.add(new Line(tex, true, RULE_SIZE, false, INK));
        }
        if (!e.rule().note().isEmpty()) {
            wrap(out, e.rule().note(), width, plain, MUTED);
        }
        wrap(out, "Source: " + e.rule().source(), width, plain, MUTED);
        wrap(out, "Paper: " + e.rule().paper(), width, plain, MUTED);
        wrap(out, e.nfe(), width, plain, MUTED);
        for (String o : e.orders()) {
            wrap(out, "Order, " + o, width, plain, MUTED);
        }
        if (!e.stepTex().isEmpty()) {
            out.add(new Line(e.stepTex(), true, LIVE_SIZE, false, LIVE));
            for (String tex : e.live()) {
                out.add(new Line(tex, true, LIVE_SIZE, false, LIVE));
            }
        }
        return out;
    }

    private static void wrap(List<Line> out, String text, int width, FontMetrics fm, Color ink) {
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String next = line.length() == 0 ? word : line + " " + word;
            if (fm.stringWidth(next) > width && line.length() > 0) {
                out.add(new Line(line.toString(), false, 11, false, ink));
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(next);
            }
        }
        if (line.length() > 0) {
            out.add(new Line(line.toString(), false, 11, false, ink));
        }
    }

    private static FontMetrics metrics() {
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = scratch.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        FontMetrics fm = g.getFontMetrics(FigureFonts.plain(11));
        g.dispose();
        return fm;
    }

    private static double lineHeight(Line l, int width) {
        if (!l.tex()) {
            return l.size() + 5;
        }
        int[] s = EquationRenderer.size(l.text(), l.size());
        double k = s[0] > width ? (double) width / s[0] : 1;
        return s[1] * k + 4;
    }

    /** The card's height at a width, in pixels. */
    public static int height(SamplerEquation e, int width) {
        int inner = width - 2 * PAD;
        double h = 2 * PAD;
        for (Line l : lines(e, 0, inner, metrics())) {
            h += lineHeight(l, inner);
        }
        return (int) Math.ceil(h);
    }

    /**
     * Draws the card with its top-left corner at (x, y).
     *
     * @param sampler the sampler's index in the scenario (its colour in {@link SamplerPalette})
     */
    public static void draw(Graphics2D g, SamplerEquation e, int sampler, int x, int y, int width) {
        int inner = width - 2 * PAD;
        int h = height(e, width);
        g.setColor(new Color(0xF7F7FA));
        g.fillRect(x, y, width, h);
        g.setColor(SamplerPalette.color(sampler));
        g.fillRect(x, y, 4, h);
        double cy = y + PAD;
        FontMetrics fm = metrics();
        for (Line l : lines(e, sampler, inner, fm)) {
            double lh = lineHeight(l, inner);
            if (l.tex()) {
                EquationRenderer.draw(g, l.text(), l.size(), l.ink(), x + PAD, cy, inner);
            } else {
                g.setColor(l.ink());
                g.setFont(l.bold() ? FigureFonts.bold(l.size()) : FigureFonts.plain(l.size()));
                g.drawString(l.text(), (float) (x + PAD), (float) (cy + l.size()));
            }
            cy += lh;
        }
    }

    /** The card as an image (white background). */
    public static BufferedImage image(SamplerEquation e, int sampler, int width) {
        int h = height(e, width);
        BufferedImage img = new BufferedImage(width, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, h);
            draw(g, e, sampler, 0, 0, width);
        } finally {
            g.dispose();
        }
        return img;
    }
}
