package org.scorescope.render;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The typeface of every exported figure: DejaVu Sans (regular and bold), bundled with the
 * application (licence beside the files) so that PNG, SVG and PDF show the same glyphs — ᾱ, ·, ≤ —
 * on every machine, whatever fonts it has, and so that the PDF can embed it.
 */
public final class FigureFonts {
    private static final String DIR = "/org/scorescope/render/fonts/";
    static final String PLAIN_FILE = DIR + "DejaVuSans.ttf";
    static final String BOLD_FILE = DIR + "DejaVuSans-Bold.ttf";
    private static final Font PLAIN = load(PLAIN_FILE);
    private static final Font BOLD = load(BOLD_FILE);

    private FigureFonts() {
    }

    /** Regular weight at a size in pixels (= PDF points). */
    public static Font plain(float size) {
        return PLAIN.deriveFont(size);
    }

    /** Bold at a size in pixels (the bold face, marked bold so that SVG says font-weight: bold). */
    public static Font bold(float size) {
        return BOLD.deriveFont(Font.BOLD, size);
    }

    /** The AWT font name of each face and its bundled file, in a fixed order (what the PDF writer embeds). */
    static java.util.LinkedHashMap<String, String> files() {
        java.util.LinkedHashMap<String, String> m = new java.util.LinkedHashMap<>();
        m.put(PLAIN.getFontName(), PLAIN_FILE);
        m.put(BOLD.getFontName(), BOLD_FILE);
        return m;
    }

    /** Opens a bundled font file. */
    static InputStream open(String file) {
        InputStream in = FigureFonts.class.getResourceAsStream(file);
        if (in == null) {
            throw new IllegalStateException("the bundled font " + file + " is missing from the application");
        }
        return in;
    }

    private static Font load(String file) {
        try (InputStream in = open(file)) {
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled font " + file, e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("the bundled font " + file + " is damaged", e);
        }
    }
}
