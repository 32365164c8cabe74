package org.scorescope.ui.labs;

import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.scorescope.metrics.RateStudy;
import org.scorescope.metrics.Sweep;
import org.scorescope.ui.lab.ChartStyle;

/**
 * The rate-study chart: error against NFE on base-10 log axes whose ranges are whole decades (ticks
 * at every power of ten, minor ticks between, labels 10ᵏ), with units and the metric's name on the
 * axes; every sampler in its colour with its seed-to-seed spread, the theory's order as a dashed
 * line through its first point, the noise floor and the points under it ringed.
 */
final class RateStudyChart {
    private RateStudyChart() {
    }

    static JFreeChart create() {
        JFreeChart chart = ChartFactory.createXYLineChart(null, "NFE per particle", "error", new YIntervalSeriesCollection(),
                PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setDomainAxis(axis("NFE per particle (score evaluations, log scale)"));
        plot.setRangeAxis(axis("error (log scale)"));
        XYErrorRenderer err = new XYErrorRenderer();
        err.setDrawXError(false);
        err.setDefaultLinesVisible(true);
        plot.setRenderer(0, err);
        plot.setDataset(1, new XYSeriesCollection());
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
        lines.setDefaultSeriesVisibleInLegend(false);
        plot.setRenderer(1, lines);
        ChartStyle.style(chart);
        chart.setPadding(new org.jfree.chart.ui.RectangleInsets(12, 8, 4, 16));
        return chart;
    }

    private static LogAxis axis(String label) {
        LogAxis a = new LogAxis(label);
        a.setBase(10);
        a.setSmallestValue(1e-300);
        a.setTickUnit(new NumberTickUnit(1));
        a.setMinorTickCount(9);
        a.setMinorTickMarksVisible(true);
        a.setNumberFormatOverride(new DecadeFormat());
        return a;
    }

    /** The axis label of a metric. */
    static String metricLabel(Sweep.Metric metric) {
        return metric.exact() ? "exact W₂ to the target law (log)" : "histogram TV to the exact law (log)";
    }

    /** Puts curves on the chart (chart lane). */
    static void fill(JFreeChart chart, List<RateStudy.Curve> curves, Map<Integer, Double> floor, Map<String, Double> theory,
            Sweep.Metric metric) {
        XYPlot plot = chart.getXYPlot();
        YIntervalSeriesCollection points = (YIntervalSeriesCollection) plot.getDataset(0);
        XYSeriesCollection lines = (XYSeriesCollection) plot.getDataset(1);
        points.removeAllSeries();
        lines.removeAllSeries();
        plot.getRangeAxis().setLabel(metricLabel(metric));
        XYErrorRenderer err = (XYErrorRenderer) plot.getRenderer(0);
        XYLineAndShapeRenderer fitLines = (XYLineAndShapeRenderer) plot.getRenderer(1);
        double[] x = {Double.POSITIVE_INFINITY, 0};
        double[] y = {Double.POSITIVE_INFINITY, 0};
        for (int k = 0; k < curves.size(); k++) {
            RateStudy.Curve c = curves.get(k);
            YIntervalSeries s = new YIntervalSeries(String.format("%s  (order %.2f)", c.sampler(), c.fit().order()));
            for (RateStudy.Point p : c.points()) {
                s.add(p.nfe(), p.mean(), p.min(), p.max());
                extend(x, p.nfe());
                extend(y, p.min());
                extend(y, p.max());
            }
            points.addSeries(s);
            err.setSeriesPaint(k, ChartStyle.color(k));
            err.setSeriesStroke(k, ChartStyle.stroke(2));
            double order = theory.getOrDefault(c.sampler(), Double.NaN);
            if (!Double.isNaN(order) && !c.points().isEmpty()) {
                RateStudy.Point first = c.points().get(0);
                RateStudy.Point last = c.points().get(c.points().size() - 1);
                XYSeries ref = new XYSeries(c.sampler() + " theory", false, true);
                ref.add(first.nfe(), first.mean());
                ref.add(last.nfe(), first.mean() * Math.pow((double) last.nfe() / first.nfe(), -order));
                lines.addSeries(ref);
                int idx = lines.getSeriesCount() - 1;
                fitLines.setSeriesPaint(idx, ChartStyle.color(k).darker());
                fitLines.setSeriesStroke(idx, ChartStyle.dashed(1.5));
            }
        }
        if (!floor.isEmpty() && x[1] > 0) {
            XYSeries band = new XYSeries("noise floor (mean + 2 sd, N exact samples)", false, true);
            double level = floor.values().stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
            band.add(x[0], level);
            band.add(x[1], level);
            extend(y, level);
            lines.addSeries(band);
            int idx = lines.getSeriesCount() - 1;
            fitLines.setSeriesPaint(idx, ChartStyle.FLOOR);
            fitLines.setSeriesStroke(idx, ChartStyle.stroke(3));
            fitLines.setSeriesVisibleInLegend(idx, true);
        }
        XYSeries marked = new XYSeries("under the noise floor (not fitted)", false, true);
        curves.forEach(c -> c.points().stream().filter(RateStudy.Point::underFloor).forEach(p -> marked.add(p.nfe(), p.mean())));
        if (marked.getItemCount() > 0) {
            lines.addSeries(marked);
            int idx = lines.getSeriesCount() - 1;
            fitLines.setSeriesLinesVisible(idx, false);
            fitLines.setSeriesShapesVisible(idx, true);
            fitLines.setSeriesShape(idx, new Ellipse2D.Double(-7, -7, 14, 14));
            fitLines.setSeriesShapesFilled(idx, false);
            fitLines.setSeriesPaint(idx, Color.WHITE);
            fitLines.setSeriesStroke(idx, ChartStyle.stroke(2));
            fitLines.setSeriesVisibleInLegend(idx, true);
        }
        if (x[1] > 0) {
            decades((LogAxis) plot.getDomainAxis(), x);
            decades((LogAxis) plot.getRangeAxis(), y);
        }
    }

    private static void extend(double[] range, double v) {
        if (v > 0 && Double.isFinite(v)) {
            range[0] = Math.min(range[0], v);
            range[1] = Math.max(range[1], v);
        }
    }

    /**
     * The axis from the decade below the smallest value to the decade above the largest, ticks at
     * every power of ten; when the values span little more than a decade, ticks at every doubling
     * from the power of ten below (100, 200, 400, 800 — the usual T lists), so that an axis never has
     * a single labelled tick.
     */
    private static void decades(LogAxis axis, double[] range) {
        double lo = Math.pow(10, Math.floor(Math.log10(range[0]) + 1e-9));
        double hi = Math.pow(10, Math.ceil(Math.log10(range[1]) - 1e-9));
        if (hi <= lo) {
            hi = lo * 10;
        }
        axis.setTickUnit(new NumberTickUnit(Math.log10(hi / lo) <= 1.3 && Math.log10(range[1] / range[0]) < 1.2 ? Math.log10(2) : 1));
        axis.setAutoRange(false);
        axis.setRange(lo / 1.02, hi * 1.02);
    }
}
