package org.scorescope.ui.labs;

import java.awt.geom.Ellipse2D;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.scorescope.ui.lab.ChartStyle;

/**
 * The rate-study chart on its second axis: the error at the output against the size of a score error
 * ({@link RateStudyErrors}), on the same base-10 log axes as {@link RateStudyChart} (whose chart it
 * refills): each curve (a sampler at one T) in its colour with its seed-to-seed spread, its fitted
 * line (solid, thin) and the theory's slope 1 (dashed) through its first fitted point; points under
 * the floor ringed, diverged points crossed.
 */
final class RateStudyErrorChart {
    private RateStudyErrorChart() {
    }

    /** A curve's legend entry: its name, fitted slope and the theory's. */
    static String legend(RateStudyErrors.Curve c) {
        String fitted = Double.isNaN(c.slope()) ? "no fit" : String.format(Locale.ROOT, "slope %.2f", c.slope());
        return c.name() + "  (" + fitted + "; theory " + org.scorescope.sampler.SamplerId.format(RateStudyErrors.THEORY_SLOPE) + ")";
    }

    /** Puts an error study on the chart (chart lane). */
    static void fill(JFreeChart chart, RateStudyErrors.Outcome outcome) {
        XYPlot plot = chart.getXYPlot();
        YIntervalSeriesCollection points = (YIntervalSeriesCollection) plot.getDataset(0);
        XYSeriesCollection lines = (XYSeriesCollection) plot.getDataset(1);
        points.removeAllSeries();
        lines.removeAllSeries();
        RateStudyErrors study = outcome.study();
        plot.getDomainAxis().setLabel(study.xLabel());
        plot.getRangeAxis().setLabel(study.metric().equals("exact-w2") ? "exact W₂ to the target law (log)"
                : "histogram TV to the exact law (log)");
        XYErrorRenderer err = (XYErrorRenderer) plot.getRenderer(0);
        XYLineAndShapeRenderer fitLines = RateStudyChart.lineRenderer();
        plot.setRenderer(1, fitLines);
        double[] x = {Double.POSITIVE_INFINITY, 0};
        double[] y = {Double.POSITIVE_INFINITY, 0};
        List<RateStudyErrors.Curve> curves = outcome.curves();
        XYSeries under = new XYSeries("under the floor (not fitted)", false, true);
        XYSeries diverged = new XYSeries("diverged (not fitted)", false, true);
        for (int k = 0; k < curves.size(); k++) {
            RateStudyErrors.Curve c = curves.get(k);
            YIntervalSeries s = new YIntervalSeries(legend(c));
            for (RateStudyErrors.Point p : c.points()) {
                if (p.size() > 0 && p.mean() > 0 && Double.isFinite(p.mean())) {
                    s.add(p.size(), p.mean(), p.min(), p.max());
                    RateStudyChart.extend(x, p.size());
                    RateStudyChart.extend(y, p.min());
                    RateStudyChart.extend(y, p.max());
                    if (p.diverged() > 0) {
                        diverged.add(p.size(), p.mean());
                    } else if (p.mean() <= p.floor()) {
                        under.add(p.size(), p.mean());
                    }
                }
            }
            points.addSeries(s);
            err.setSeriesPaint(k, ChartStyle.color(k));
            err.setSeriesStroke(k, ChartStyle.stroke(2));
            List<RateStudyErrors.Point> fitted = c.points().stream().filter(RateStudyErrors.Point::fitted).toList();
            if (fitted.size() >= 2) {
                RateStudyErrors.Point first = fitted.get(0);
                RateStudyErrors.Point last = fitted.get(fitted.size() - 1);
                double ratio = last.size() / first.size();
                XYSeries fit = new XYSeries(c.name() + " fit", false, true);
                double at = Math.exp(mean(fitted, true));
                double logY = mean(fitted, false);
                fit.add(first.size(), Math.exp(logY + c.slope() * Math.log(first.size() / at)));
                fit.add(last.size(), Math.exp(logY + c.slope() * Math.log(last.size() / at)));
                add(lines, fitLines, fit, ChartStyle.color(k), ChartStyle.stroke(1));
                XYSeries theory = new XYSeries(c.name() + " theory", false, true);
                theory.add(first.size(), first.mean());
                theory.add(last.size(), first.mean() * Math.pow(ratio, RateStudyErrors.THEORY_SLOPE));
                add(lines, fitLines, theory, ChartStyle.color(k).darker(), ChartStyle.dashed(1.5));
            }
        }
        RateStudyChart.marks(lines, fitLines, under, new Ellipse2D.Double(-7, -7, 14, 14), ChartStyle.FLOOR);
        RateStudyChart.marks(lines, fitLines, diverged, RateStudyChart.cross(9), RateStudyChart.DIVERGED);
        for (Object t : List.copyOf(chart.getSubtitles())) {
            if (t instanceof org.jfree.chart.title.TextTitle old) {
                chart.removeSubtitle(old);
            }
        }
        org.jfree.chart.title.TextTitle sub = new org.jfree.chart.title.TextTitle(study.type() + " errors on " + study.target()
                + " · " + study.schedule() + " · fitted lines solid, the theory's slope 1 dashed");
        sub.setPosition(org.jfree.chart.ui.RectangleEdge.BOTTOM);
        chart.addSubtitle(sub);
        ChartStyle.style(chart);
        if (x[1] > 0) {
            RateStudyChart.decades((LogAxis) plot.getDomainAxis(), x);
            RateStudyChart.decades((LogAxis) plot.getRangeAxis(), y);
        }
    }

    /** The mean of log size (or of log error) over the fitted points: the least-squares line passes through it. */
    private static double mean(List<RateStudyErrors.Point> pts, boolean size) {
        return pts.stream().mapToDouble(p -> Math.log(size ? p.size() : p.mean())).average().orElse(Double.NaN);
    }

    private static void add(XYSeriesCollection lines, XYLineAndShapeRenderer r, XYSeries s, java.awt.Color color, java.awt.Stroke stroke) {
        lines.addSeries(s);
        int idx = lines.getSeriesCount() - 1;
        r.setSeriesPaint(idx, color);
        r.setSeriesStroke(idx, stroke);
        r.setSeriesLinesVisible(idx, true);
        r.setSeriesShapesVisible(idx, false);
        r.setSeriesVisibleInLegend(idx, false);
    }
}
