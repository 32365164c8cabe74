package org.scorescope.render;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Insets;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import org.jfree.svg.SVGHints;
import org.scilab.forge.jlatexmath.TeXConstants;
import org.scilab.forge.jlatexmath.TeXFormula;
import org.scilab.forge.jlatexmath.TeXIcon;

/**
 * Typesets LaTeX with JLaTeXMath 1.0.7 (its dialect: {@code \textcolor}, not {@code \color}). Glyphs
 * are drawn as outlines in SVG (JLaTeXMath's own fonts are not on a reader's machine) and, since
 * those fonts are not registered with the PDF writer, as outlines in PDF too; PNG draws them as
 * anti-aliased text. JLaTeXMath keeps global state, so parsing and painting are serialised.
 */
public final class EquationRenderer {
    private static final Object LOCK = new Object();

    private EquationRenderer() {
    }

    /** A formula that JLaTeXMath could not read: names the formula. */
    public static final class BadFormula extends IllegalArgumentException {
        BadFormula(String tex, Throwable cause) {
            super("cannot typeset '" + tex + "': " + cause.getMessage(), cause);
        }
    }

    /**
     * The formula laid out at a font size in pixels.
     *
     * @throws BadFormula when JLaTeXMath cannot parse it
     */
    public static TeXIcon icon(String tex, float size) {
        synchronized (LOCK) {
            try {
                TeXIcon icon = new TeXFormula(tex).createTeXIcon(TeXConstants.STYLE_DISPLAY, size);
                // JLaTeXMath pads every icon by 7 px whatever the size; one pixel keeps antialiased edges
                icon.setInsets(new Insets(1, 1, 1, 1), true);
                if (icon.getIconWidth() <= 0 || icon.getIconHeight() <= 0) {
                    throw new BadFormula(tex, new IllegalStateException("empty layout"));
                }
                return icon;
            } catch (BadFormula e) {
                throw e;
            } catch (RuntimeException e) {
                throw new BadFormula(tex, e);
            }
        }
    }

    /** Width and height of the formula at a size, in pixels. */
    public static int[] size(String tex, float size) {
        TeXIcon icon = icon(tex, size);
        return new int[] {icon.getIconWidth(), icon.getIconHeight()};
    }

    /**
     * Draws the formula with its top-left corner at (x, y), scaled down to {@code maxWidth} if wider.
     *
     * @return the height drawn
     */
    public static double draw(Graphics2D g, String tex, float size, Color ink, double x, double y, double maxWidth) {
        TeXIcon icon = icon(tex, size);
        double k = icon.getIconWidth() > maxWidth ? maxWidth / icon.getIconWidth() : 1;
        Graphics2D sub = (Graphics2D) g.create();
        try {
            sub.translate(x, y);
            sub.scale(k, k);
            sub.setRenderingHint(SVGHints.KEY_DRAW_STRING_TYPE, SVGHints.VALUE_DRAW_STRING_TYPE_VECTOR);
            sub.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            sub.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            synchronized (LOCK) {
                icon.setForeground(ink);
                icon.paintIcon(null, sub, 0, 0);
            }
        } finally {
            sub.dispose();
        }
        return icon.getIconHeight() * k;
    }

    /** The formula on a transparent image. */
    public static BufferedImage image(String tex, float size, Color ink) {
        TeXIcon icon = icon(tex, size);
        BufferedImage img = new BufferedImage(icon.getIconWidth(), icon.getIconHeight(), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            draw(g, tex, size, ink, 0, 0, Double.MAX_VALUE);
        } finally {
            g.dispose();
        }
        return img;
    }
}
