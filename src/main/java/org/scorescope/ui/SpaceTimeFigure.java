package org.scorescope.ui;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.scorescope.engine.Frame;
import org.scorescope.io.AtomicBinaryFile;
import org.scorescope.render.FigureFonts;
import org.scorescope.render.GridLayout;
import org.scorescope.render.PanelRenderer;
import org.scorescope.render.PanelStyle;
import org.scorescope.render.Raster;
import org.scorescope.render.SamplerPalette;
import org.scorescope.ui.lab.RunView;

/**
 * The figure of a 1D target: its space–time panels as the window draws them (time from t = T at the
 * left to the shown step, x upwards), one per sampler in the window's automatic grid, each headed by
 * the sampler in its {@link SamplerPalette} colour, with the time and x axes named — a PNG (a
 * space–time view is an image; the figure writers' SVG and PDF hold 2D panels). Drawn on the export
 * job, never on the FX thread.
 */
final class SpaceTimeFigure {
    private static final Color BACKGROUND = new Color(0x18181D);
    private static final Color TEXT = new Color(0xE8E8EE);
    private static final Color MUTED = new Color(0xA8A8B4);

    private SpaceTimeFigure() {
    }

    /**
     * Draws the figure.
     *
     * @param history frames by step (null where not computed)
     * @param step the shown step (the panels show T … step)
     * @param only the samplers to show, or null for all
     * @param xRange the x range shown vertically (the window's view)
     * @param panel one panel's size on screen (width, height)
     * @param scale pixels per screen pixel
     */
    static BufferedImage draw(RunView run, Frame[] history, int step, int[] only, PanelStyle style, double[] xRange, int[] panel,
            int scale, String title) {
        int samplers = run.labels().size();
        int[] slots = only != null ? only : java.util.stream.IntStream.range(0, samplers).toArray();
        GridLayout grid = GridLayout.auto(slots.length);
        int pw = Math.max(160, panel[0]) * scale;
        int ph = Math.max(120, panel[1]) * scale;
        int head = 30 * scale;
        int foot = 24 * scale;
        int left = 56 * scale;
        int titleBar = 36 * scale;
        int cellW = left + pw + 12 * scale;
        int cellH = head + ph + foot;
        BufferedImage img = new BufferedImage(grid.columns() * cellW, titleBar + grid.rows() * cellH, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(BACKGROUND);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        Font big = FigureFonts.bold(15f * scale);
        Font plain = FigureFonts.plain(12.5f * scale);
        g.setFont(big);
        g.setColor(TEXT);
        g.drawString(title, 12 * scale, titleBar - 12 * scale);
        Frame shown = history[step];
        for (int i = 0; i < slots.length; i++) {
            int s = slots[i];
            int x0 = grid.column(i) * cellW;
            int y0 = titleBar + grid.row(i) * cellH;
            Raster r = PanelRenderer.spaceTime(run.target(), run.grid().abar(), history, s, step, xRange[0], xRange[1], pw, ph,
                    new PanelStyle(style.density(), style.contours(), style.particles(), style.scoreField(), style.trails(),
                            style.lineWidth() * scale), RenderWorker.TRACKED);
            BufferedImage raster = new BufferedImage(pw, ph, BufferedImage.TYPE_INT_ARGB);
            raster.setRGB(0, 0, pw, ph, r.argb, 0, pw);
            g.drawImage(raster, x0 + left, y0 + head, null);
            g.setColor(new Color(SamplerPalette.argb(s) & 0xFFFFFF));
            g.fillRect(x0 + left, y0 + head / 2 - 5 * scale, 10 * scale, 10 * scale);
            g.drawRect(x0 + left - 1, y0 + head - 1, pw + 1, ph + 1);
            g.setFont(plain);
            g.setColor(TEXT);
            Frame.SamplerFrame sf = shown.samplers().get(s);
            g.drawString(String.format("%s   t = %d / %d   ᾱ = %.4g   NFE %d", sf.label(), step, run.steps(), run.grid().abar(step),
                    sf.nfe()), x0 + left + 16 * scale, y0 + head / 2 + 5 * scale);
            g.setColor(MUTED);
            FontMetrics fm = g.getFontMetrics();
            String top = String.format("x = %.3g", xRange[1]);
            String bottom = String.format("x = %.3g", xRange[0]);
            g.drawString(top, x0 + left - fm.stringWidth(top) - 6 * scale, y0 + head + fm.getAscent());
            g.drawString(bottom, x0 + left - fm.stringWidth(bottom) - 6 * scale, y0 + head + ph);
            String noise = "t = " + run.steps() + " (noise)";
            String data = "t = 0 (output)";
            g.drawString(noise, x0 + left, y0 + head + ph + fm.getAscent() + 4 * scale);
            g.drawString(data, x0 + left + pw - fm.stringWidth(data), y0 + head + ph + fm.getAscent() + 4 * scale);
        }
        g.dispose();
        return img;
    }

    /** Writes the figure as PNG through the output layer (atomic: a cancelled export leaves no file). */
    static void png(BufferedImage img, Path file) {
        AtomicBinaryFile.write(file, out -> ImageIO.write(img, "png", out));
    }
}
