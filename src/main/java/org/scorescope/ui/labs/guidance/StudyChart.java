package org.scorescope.ui.labs.guidance;

import java.awt.Color;
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
        style(chart);
        return chart;
    }

    private static void style(JFreeChart chart) {
        ChartStyle.style(chart);
        for (Object o : ((CombinedDomainXYPlot) chart.getXYPlot()).getSubplots()) {
            XYPlot p = (XYPlot) o;
            p.setBackgroundPaint(ChartStyle.PLOT);
            p.setDomainGridlinePaint(ChartStyle.GRID);
            p.setRangeGridlinePaint(ChartStyle.GRID);
            p.getRangeAxis().setLabelPaint(ChartStyle.TEXT);
            p.getRangeAxis().setTickLabelPaint(ChartStyle.TEXT);
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
                ((XYErrorRenderer) p.getRenderer()).setErrorPaint(new Color(0xE8E8EE));
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
