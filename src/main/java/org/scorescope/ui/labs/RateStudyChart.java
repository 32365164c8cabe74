package org.scorescope.ui.labs;

import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.List;
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
import org.scorescope.ui.lab.DecadeFormat;

/**
 * The rate-study chart: error against NFE on base-10 log axes whose ranges are whole decades (ticks
 * at every power of ten, minor ticks between, labels 10ᵏ), with units and the metric's name on the
 * axes; every sampler in its colour with its seed-to-seed spread, the theory's order as a dashed
 * line through its first point, the noise floor and the points under it ringed.
 */
final class RateStudyChart {
    private RateStudyChart() {
    }

    /** The x axis label of a study against NFE. */
    static final String NFE_LABEL = "NFE per particle (score evaluations, log scale)";

    static JFreeChart create() {
        JFreeChart chart = ChartFactory.createXYLineChart(null, "NFE per particle", "error", new YIntervalSeriesCollection(),
                PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setDomainAxis(axis(NFE_LABEL));
        plot.setRangeAxis(axis("error (log scale)"));
        XYErrorRenderer err = new XYErrorRenderer();
        err.setDrawXError(false);
        err.setDefaultLinesVisible(true);
        plot.setRenderer(0, err);
        plot.setDataset(1, new XYSeriesCollection());
        plot.setRenderer(1, lineRenderer());
        ChartStyle.style(chart);
        chart.setPadding(new org.jfree.chart.ui.RectangleInsets(12, 8, 4, 16));
        return chart;
    }

    /**
     * A fresh renderer for the lines (fits, theory, floor, marks): a fill starts from one, so that no
     * series setting of an earlier study (the other axis's) is left on an index.
     */
    static XYLineAndShapeRenderer lineRenderer() {
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
        lines.setDefaultSeriesVisibleInLegend(false);
        return lines;
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

    /** The colour of the marks on diverged points. */
    static final Color DIVERGED = new Color(0xFF1F1F);

    /** A curve's legend entry: its id, fitted order, and the theory's order for the metric with its kind. */
    static String legend(RateStudy.Curve c) {
        String fitted = Double.isNaN(c.fit().order()) ? "no fit" : String.format("order %.2f", c.fit().order());
        String theory = c.theory().known() ? "theory " + org.scorescope.sampler.SamplerId.format(c.theory().order()) + ", " + c.theory().kind()
                : "no theory order";
        return c.sampler() + "  (" + fitted + "; " + theory + ")";
    }

    /** Puts a study's curves on the chart (chart lane), with the output level written under the plot. */
    static void fill(JFreeChart chart, RateStudy.Result result) {
        XYPlot plot = chart.getXYPlot();
        YIntervalSeriesCollection points = (YIntervalSeriesCollection) plot.getDataset(0);
        XYSeriesCollection lines = (XYSeriesCollection) plot.getDataset(1);
        points.removeAllSeries();
        lines.removeAllSeries();
        List<RateStudy.Curve> curves = result.curves();
        Sweep.Metric metric = result.metric();
        plot.getDomainAxis().setLabel(NFE_LABEL);
        plot.getRangeAxis().setLabel(metricLabel(metric));
        XYErrorRenderer err = (XYErrorRenderer) plot.getRenderer(0);
        XYLineAndShapeRenderer fitLines = lineRenderer();
        plot.setRenderer(1, fitLines);
        double[] x = {Double.POSITIVE_INFINITY, 0};
        double[] y = {Double.POSITIVE_INFINITY, 0};
        for (int k = 0; k < curves.size(); k++) {
            RateStudy.Curve c = curves.get(k);
            YIntervalSeries s = new YIntervalSeries(legend(c));
            for (RateStudy.Point p : c.points()) {
                if (p.mean() > 0 && Double.isFinite(p.mean())) {
                    s.add(p.nfe(), p.mean(), p.min(), p.max());
                    extend(x, p.nfe());
                    extend(y, p.min());
                    extend(y, p.max());
                }
            }
            points.addSeries(s);
            err.setSeriesPaint(k, ChartStyle.color(k));
            err.setSeriesStroke(k, ChartStyle.stroke(2));
            List<RateStudy.Point> fitted = c.points().stream().filter(RateStudy.Point::fitted).toList();
            if (c.theory().known() && !fitted.isEmpty()) {
                RateStudy.Point first = fitted.get(0);
                RateStudy.Point last = c.points().get(c.points().size() - 1);
                XYSeries ref = new XYSeries(c.sampler() + " theory", false, true);
                ref.add(first.nfe(), first.mean());
                ref.add(last.nfe(), first.mean() * Math.pow((double) last.nfe() / first.nfe(), -c.theory().order()));
                lines.addSeries(ref);
                int idx = lines.getSeriesCount() - 1;
                fitLines.setSeriesPaint(idx, ChartStyle.color(k).darker());
                fitLines.setSeriesStroke(idx, ChartStyle.dashed(1.5));
            }
        }
        floorLine(lines, fitLines, curves, metric, y);
        marks(lines, fitLines, curves, RateStudy.Point::underFloor, "under the floor (not fitted)", new Ellipse2D.Double(-7, -7, 14, 14),
                ChartStyle.FLOOR);
        marks(lines, fitLines, curves, RateStudy.Point::diverged, "diverged (not fitted; see the notes)", cross(9), DIVERGED);
        for (Object t : List.copyOf(chart.getSubtitles())) {
            if (t instanceof org.jfree.chart.title.TextTitle old) {
                chart.removeSubtitle(old);
            }
        }
        String level = result.outputLevel();
        if (!level.isEmpty()) {
            String text = level + (level.contains("grid: theory") ? "  ·  " + RateStudy.THEORY_NOTE : "");
            org.jfree.chart.title.TextTitle sub = new org.jfree.chart.title.TextTitle(text);
            sub.setPosition(org.jfree.chart.ui.RectangleEdge.BOTTOM);
            chart.addSubtitle(sub);
        }
        ChartStyle.style(chart);
        if (x[1] > 0) {
            decades((LogAxis) plot.getDomainAxis(), x);
            decades((LogAxis) plot.getRangeAxis(), y);
        }
    }

    /**
     * The floor under which an error is not resolved: the noise floor of N exact samples for TV
     * (one value per T), the precision floor for exact metrics — drawn only where it is within two
     * decades of a point (a 1e-15 line would squash the plot).
     */
    private static void floorLine(XYSeriesCollection lines, XYLineAndShapeRenderer r, List<RateStudy.Curve> curves, Sweep.Metric metric,
            double[] y) {
        java.util.TreeMap<Long, Double> floor = new java.util.TreeMap<>();
        double lowest = Double.POSITIVE_INFINITY;
        for (RateStudy.Curve c : curves) {
            for (RateStudy.Point p : c.points()) {
                if (Double.isFinite(p.floor()) && p.floor() > 0) {
                    floor.merge(p.nfe(), p.floor(), Math::max);
                }
                if (p.mean() > 0) {
                    lowest = Math.min(lowest, p.mean());
                }
            }
        }
        if (floor.isEmpty() || floor.values().stream().mapToDouble(Double::doubleValue).max().orElse(0) < lowest / 100) {
            return;
        }
        XYSeries band = new XYSeries(metric.exact() ? "precision floor (double arithmetic)" : "noise floor (mean + 2 sd, N exact samples)",
                true, true);
        floor.forEach((nfe, f) -> {
            band.add((double) nfe, f);
            extend(y, f);
        });
        lines.addSeries(band);
        int idx = lines.getSeriesCount() - 1;
        r.setSeriesPaint(idx, ChartStyle.FLOOR);
        r.setSeriesStroke(idx, ChartStyle.stroke(3));
        r.setSeriesVisibleInLegend(idx, true);
    }

    private static void marks(XYSeriesCollection lines, XYLineAndShapeRenderer r, List<RateStudy.Curve> curves,
            java.util.function.Predicate<RateStudy.Point> which, String name, java.awt.Shape shape, Color color) {
        XYSeries marked = new XYSeries(name, false, true);
        curves.forEach(c -> c.points().stream().filter(which).filter(p -> p.mean() > 0 && Double.isFinite(p.mean()))
                .forEach(p -> marked.add(p.nfe(), p.mean())));
        marks(lines, r, marked, shape, color);
    }

    /** Adds a series of marks (shapes without lines, in the legend); nothing when it is empty. */
    static void marks(XYSeriesCollection lines, XYLineAndShapeRenderer r, XYSeries marked, java.awt.Shape shape, Color color) {
        if (marked.getItemCount() == 0) {
            return;
        }
        lines.addSeries(marked);
        int idx = lines.getSeriesCount() - 1;
        r.setSeriesLinesVisible(idx, false);
        r.setSeriesShapesVisible(idx, true);
        r.setSeriesShape(idx, shape);
        r.setSeriesShapesFilled(idx, false);
        r.setSeriesPaint(idx, color);
        r.setSeriesStroke(idx, ChartStyle.stroke(2));
        r.setSeriesVisibleInLegend(idx, true);
    }

    static java.awt.Shape cross(double h) {
        java.awt.geom.Path2D.Double p = new java.awt.geom.Path2D.Double();
        p.moveTo(-h, -h);
        p.lineTo(h, h);
        p.moveTo(-h, h);
        p.lineTo(h, -h);
        return p;
    }

    static void extend(double[] range, double v) {
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
    static void decades(LogAxis axis, double[] range) {
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
