package org.scorescope.ui.labs.guidance;

import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.scorescope.metrics.GuidanceSweep;
import org.scorescope.ui.lab.ChartStyle;

/**
 * The w-study chart: three stacked plots sharing the w axis — Theorem 9's E[1/p(c | Y)] (non-increasing
 * in w, Jiao–Chen–Li '25), the confidence E[p(c | Y)] and the spread tr Cov(Y) (Wu et al. '24) — each
 * sampler in its colour with the 95% interval over seeds, and the exact values for p(x | c) (what
 * w = 0 must give) as dashed lines. Built and filled on the chart lane.
 */
final class StudyChart {
    private static final String[] AXES = {"E[1/p(c|Y)]  (Thm 9)", "E[p(c|Y)]  (confidence)", "tr Cov(Y)  (spread)"};

    private StudyChart() {
    }

    static JFreeChart create() {
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(new NumberAxis("guidance strength w"));
        plot.setGap(12);
        for (String name : AXES) {
            NumberAxis y = new NumberAxis(name);
            y.setAutoRangeIncludesZero(false);
            XYErrorRenderer r = new XYErrorRenderer();
            r.setDrawXError(false);
            r.setDefaultLinesVisible(true);
            r.setDefaultShapesVisible(true);
            r.setCapLength(6);
            XYPlot sub = new XYPlot(new YIntervalSeriesCollection(), null, y, r);
            plot.add(sub, 1);
        }
        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        ChartStyle.style(chart);
        follow(chart);
        // ChartStyle styles the outer plot only; the stacked plots follow it (dark in the window, light in exported files).
        chart.addChangeListener(e -> follow(chart));
        return chart;
    }

    /** Gives the stacked plots the outer plot's look (background, grid, axis colours and fonts). */
    private static void follow(JFreeChart chart) {
        XYPlot outer = chart.getXYPlot();
        org.jfree.chart.axis.ValueAxis x = outer.getDomainAxis();
        for (Object o : ((CombinedDomainXYPlot) outer).getSubplots()) {
            XYPlot p = (XYPlot) o;
            org.jfree.chart.axis.ValueAxis y = p.getRangeAxis();
            if (java.util.Objects.equals(p.getBackgroundPaint(), outer.getBackgroundPaint())
                    && java.util.Objects.equals(p.getRangeGridlinePaint(), outer.getRangeGridlinePaint())
                    && java.util.Objects.equals(y.getLabelPaint(), x.getLabelPaint())
                    && java.util.Objects.equals(y.getTickLabelPaint(), x.getTickLabelPaint())
                    && y.getLabelFont().equals(x.getLabelFont()) && y.getTickLabelFont().equals(x.getTickLabelFont())) {
                continue;
            }
            p.setNotify(false);
            p.setBackgroundPaint(outer.getBackgroundPaint());
            p.setDomainGridlinePaint(outer.getDomainGridlinePaint());
            p.setRangeGridlinePaint(outer.getRangeGridlinePaint());
            p.setOutlinePaint(outer.getOutlinePaint());
            y.setLabelPaint(x.getLabelPaint());
            y.setTickLabelPaint(x.getTickLabelPaint());
            y.setAxisLinePaint(x.getAxisLinePaint());
            y.setTickMarkPaint(x.getTickMarkPaint());
            y.setLabelFont(x.getLabelFont());
            y.setTickLabelFont(x.getTickLabelFont());
            p.setNotify(true);
        }
    }

    /** Puts a study's summaries on the chart. */
    static void fill(JFreeChart chart, List<GuidanceSweep.Summary> summaries, List<String> samplers, double exactThm9, double exactSpread) {
        @SuppressWarnings("unchecked")
        List<XYPlot> subs = ((CombinedDomainXYPlot) chart.getXYPlot()).getSubplots();
        for (int k = 0; k < StudyPlan.METRICS.size(); k++) {
            XYPlot p = subs.get(k);
            YIntervalSeriesCollection data = (YIntervalSeriesCollection) p.getDataset();
            data.removeAllSeries();
            p.clearRangeMarkers();
            String metric = StudyPlan.METRICS.get(k).id();
            for (int s = 0; s < samplers.size(); s++) {
                YIntervalSeries series = new YIntervalSeries(samplers.get(s) + (k == 0 ? "" : " "), false, true);
                for (GuidanceSweep.Summary sum : summaries) {
                    if (sum.sampler().equals(samplers.get(s)) && sum.metric().equals(metric)) {
                        double h = Double.isNaN(sum.halfWidth()) ? 0 : sum.halfWidth();
                        series.add(sum.guidance(), sum.mean(), sum.mean() - h, sum.mean() + h);
                    }
                }
                data.addSeries(series);
                p.getRenderer().setSeriesPaint(s, ChartStyle.color(s));
                p.getRenderer().setSeriesStroke(s, ChartStyle.stroke(2));
                p.getRenderer().setSeriesVisibleInLegend(s, k == 0);
                ((XYErrorRenderer) p.getRenderer()).setErrorPaint(null);
            }
            double exact = k == 0 ? exactThm9 : k == 2 ? exactSpread : Double.NaN;
            if (!Double.isNaN(exact)) {
                ValueMarker m = new ValueMarker(exact, ChartStyle.FLOOR, ChartStyle.dashed(1.4));
                m.setLabel(k == 0 ? "exact for p(x|c): 1/π_c" : "exact for p(x|c)");
                m.setLabelPaint(ChartStyle.FLOOR);
                m.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_RIGHT);
                m.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.BOTTOM_RIGHT);
                p.addRangeMarker(m);
            }
        }
    }
}
