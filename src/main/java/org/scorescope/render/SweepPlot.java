package org.scorescope.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.scorescope.io.AtomicBinaryFile;
import org.scorescope.io.AtomicFile;

/**
 * A log–log chart of sweep rows: the error against one swept quantity (the score-error size, the
 * ambient dimension, T), one line per series (docs/imperfect-scores.md). Points with x ≤ 0 or a
 * non-positive error are left out (they have no place on log axes). PNG or SVG, in the bundled fonts,
 * with no time stamps: the same rows give the same bytes.
 */
public final class SweepPlot {
    private SweepPlot() {
    }

    /** One point of a series. */
    public record Point(String series, double x, double y) {
    }

    /**
     * Writes the chart; the format comes from the file name (.png or .svg).
     *
     * @param points the points, in series order of first appearance
     * @param xLabel the x axis label
     * @param yLabel the y axis label
     * @param title the title
     * @param file a .png or .svg file
     */
    public static void write(List<Point> points, String xLabel, String yLabel, String title, Path file) {
        JFreeChart chart = chart(points, xLabel, yLabel, title);
        int w = 720;
        int h = 480;
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".svg")) {
            SVGGraphics2D g = new SVGGraphics2D(w, h);
            g.setDefsKeyPrefix("scorescope-");
            chart.draw(g, new Rectangle2D.Double(0, 0, w, h));
            String svg = g.getSVGDocument();
            AtomicFile.write(file, out -> out.write(svg));
        } else if (name.endsWith(".png")) {
            BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            chart.draw(g, new Rectangle2D.Double(0, 0, w, h));
            g.dispose();
            AtomicBinaryFile.write(file, out -> {
                if (!ImageIO.write(img, "png", out)) {
                    throw new IOException("no PNG writer");
                }
            });
        } else {
            throw new IllegalArgumentException("the plot file must end in .png or .svg, was '" + file + "'");
        }
    }

    static JFreeChart chart(List<Point> points, String xLabel, String yLabel, String title) {
        Map<String, XYSeries> series = new LinkedHashMap<>();
        for (Point p : points) {
            XYSeries s = series.computeIfAbsent(p.series(), k -> new XYSeries(k, true, true));
            if (p.x() > 0 && p.y() > 0 && Double.isFinite(p.y())) {
                s.add(p.x(), p.y());
            }
        }
        XYSeriesCollection data = new XYSeriesCollection();
        series.values().forEach(data::addSeries);
        LogarithmicAxis x = new LogarithmicAxis(xLabel);
        LogarithmicAxis y = new LogarithmicAxis(yLabel);
        y.setExpTickLabelsFlag(true);
        x.setStrictValuesFlag(false);
        y.setStrictValuesFlag(false);
        x.setLabelFont(FigureFonts.plain(14));
        y.setLabelFont(FigureFonts.plain(14));
        x.setTickLabelFont(FigureFonts.plain(11));
        y.setTickLabelFont(FigureFonts.plain(11));
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            r.setSeriesPaint(i, SamplerPalette.color(i));
            r.setSeriesStroke(i, new BasicStroke(2f));
        }
        XYPlot plot = new XYPlot(data, x, y, r);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        JFreeChart chart = new JFreeChart(title, FigureFonts.bold(15), plot, true);
        chart.getLegend().setItemFont(FigureFonts.plain(12));
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }
}
