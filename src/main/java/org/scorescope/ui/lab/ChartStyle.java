package org.scorescope.ui.lab;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.scorescope.render.SamplerPalette;

/**
 * The charts' look: dark and readable on a projector in the window, or light for files
 * ({@link #paper}); every sampler in its {@link SamplerPalette} colour. Text subtitles (notes
 * under a plot) are styled with the legend.
 */
public final class ChartStyle {
    /** The window's chart background. */
    public static final Color BACKGROUND = new Color(0x18181D);
    /** The window's plot background. */
    public static final Color PLOT = new Color(0x101014);
    /** Text on the dark charts. */
    public static final Color TEXT = new Color(0xE8E8EE);
    /** Grid lines on the dark charts. */
    public static final Color GRID = new Color(0x34343F);
    /** The noise-floor band. */
    public static final Color FLOOR = new Color(0x9A9AA8);

    private ChartStyle() {
    }

    /** The sampler slot's colour. */
    public static Color color(int slot) {
        return new Color(SamplerPalette.argb(slot) & 0xFFFFFF);
    }

    /** The dark window look. */
    public static void style(JFreeChart chart) {
        apply(chart, BACKGROUND, PLOT, TEXT, GRID, 1);
    }

    /**
     * The light look for exported files, with type scaled for the file's size (a 1600-px-wide export
     * gets about twice the window's type).
     *
     * @param scale type size relative to the window's
     */
    public static void paper(JFreeChart chart, double scale) {
        apply(chart, Color.WHITE, Color.WHITE, new Color(0x1A1A1F), new Color(0xD0D0D8), scale);
    }

    private static void apply(JFreeChart chart, Color background, Color plot, Color text, Color grid, double scale) {
        chart.setBackgroundPaint(background);
        chart.setAntiAlias(true);
        if (chart.getTitle() != null) {
            chart.getTitle().setPaint(text);
            chart.getTitle().setFont(font(Font.BOLD, 13, scale));
        }
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            if (chart.getSubtitle(i) instanceof org.jfree.chart.title.TextTitle t) {
                t.setPaint(text);
                t.setFont(font(Font.PLAIN, 11, scale));
            }
        }
        if (chart.getLegend() != null) {
            chart.getLegend().setBackgroundPaint(background);
            chart.getLegend().setItemPaint(text);
            chart.getLegend().setItemFont(font(Font.PLAIN, 11.5, scale));
        }
        if (chart.getPlot() instanceof XYPlot p) {
            plot(p, plot, text, grid, scale);
        }
    }

    /** One plot and, for a combined plot, each of its subplots (they keep their own paints otherwise). */
    private static void plot(XYPlot p, Color plot, Color text, Color grid, double scale) {
        p.setBackgroundPaint(plot);
        p.setDomainGridlinePaint(grid);
        p.setRangeGridlinePaint(grid);
        p.setOutlinePaint(grid);
        for (int i = 0; i < p.getDomainAxisCount(); i++) {
            axis(p.getDomainAxis(i), text, grid, scale);
        }
        for (int i = 0; i < p.getRangeAxisCount(); i++) {
            axis(p.getRangeAxis(i), text, grid, scale);
        }
        java.util.List<?> subplots = p instanceof org.jfree.chart.plot.CombinedDomainXYPlot byDomain ? byDomain.getSubplots()
                : p instanceof org.jfree.chart.plot.CombinedRangeXYPlot byRange ? byRange.getSubplots() : java.util.List.of();
        for (Object sub : subplots) {
            plot((XYPlot) sub, plot, text, grid, scale);
        }
    }

    private static Font font(int style, double size, double scale) {
        return new Font("SansSerif", style, (int) Math.round(size * scale));
    }

    private static void axis(ValueAxis a, Color text, Color grid, double scale) {
        if (a == null) {
            return;
        }
        a.setLabelPaint(text);
        a.setTickLabelPaint(text);
        a.setAxisLinePaint(grid);
        a.setTickMarkPaint(grid);
        a.setLabelFont(font(Font.PLAIN, 12.5, scale));
        a.setTickLabelFont(font(Font.PLAIN, 11.5, scale));
    }

    /** A solid line. */
    public static BasicStroke stroke(double width) {
        return new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    /** A dashed line. */
    public static BasicStroke dashed(double width) {
        return new BasicStroke((float) width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {6f, 5f}, 0f);
    }
}
