package org.scorescope.ui.labs.discrete;

import java.awt.Color;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.scorescope.ui.lab.ChartStyle;

/**
 * TV and KL over the run: for every sampler, step by step, the exact TV between its law and q_τ (solid)
 * and its particles' histogram TV (dotted) beside the noise floor of N exact samples (grey, dashed) in
 * the upper plot; KL(q_τ ‖ law) in the lower plot; a line at the displayed step. Log scales; +∞ and 0
 * are left out. Created and filled on the chart lane.
 */
final class DiscreteRunChart {
    private DiscreteRunChart() {
    }

    static JFreeChart create() {
        NumberAxis steps = new NumberAxis("step k  (forward time τ runs from T at k = 0 to 0 at k = N)");
        steps.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(steps);
        plot.add(sub("TV (log)"), 3);
        plot.add(sub("KL(q_τ ‖ law) (log)"), 2);
        plot.setGap(8);
        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        ChartStyle.style(chart);
        return chart;
    }

    private static XYPlot sub(String label) {
        LogAxis a = new LogAxis(label);
        a.setBase(10);
        a.setSmallestValue(1e-12);
        a.setTickUnit(new NumberTickUnit(1));
        a.setMinorTickCount(9);
        a.setMinorTickMarksVisible(true);
        a.setNumberFormatOverride(new Decades());
        XYPlot p = new XYPlot(new XYSeriesCollection(), null, a, new XYLineAndShapeRenderer(true, false));
        p.setBackgroundPaint(ChartStyle.PLOT);
        p.setDomainGridlinePaint(ChartStyle.GRID);
        p.setRangeGridlinePaint(ChartStyle.GRID);
        a.setLabelPaint(ChartStyle.TEXT);
        a.setTickLabelPaint(ChartStyle.TEXT);
        return p;
    }

    /** An empty chart saying what is happening (chart lane): the first run of a target is computing. */
    static void waiting(JFreeChart chart, String message) {
        for (Object o : ((CombinedDomainXYPlot) chart.getXYPlot()).getSubplots()) {
            XYPlot p = (XYPlot) o;
            p.setDataset(new XYSeriesCollection());
            p.clearDomainMarkers();
            p.setNoDataMessage(message);
            p.setNoDataMessagePaint(ChartStyle.TEXT);
            p.setNoDataMessageFont(new java.awt.Font("SansSerif", java.awt.Font.PLAIN, 14));
        }
    }

    /** Puts a run on the chart (chart lane). */
    static void fill(JFreeChart chart, DiscreteRunResult r, int step) {
        CombinedDomainXYPlot plot = (CombinedDomainXYPlot) chart.getXYPlot();
        for (Object o : plot.getSubplots()) {
            ((XYPlot) o).setNoDataMessage("no finite value to show (not computed for this target, or +∞)");
        }
        XYPlot tvPlot = plot.getSubplots().get(0);
        XYPlot klPlot = plot.getSubplots().get(1);
        XYSeriesCollection tv = new XYSeriesCollection();
        XYSeriesCollection kl = new XYSeriesCollection();
        XYLineAndShapeRenderer tvLines = new XYLineAndShapeRenderer(true, false);
        XYLineAndShapeRenderer klLines = new XYLineAndShapeRenderer(true, false);
        klLines.setDefaultSeriesVisibleInLegend(false);
        for (int slot = 0; slot < r.samplers().size(); slot++) {
            String id = r.samplers().get(slot);
            XYSeries exact = new XYSeries("exact TV · " + id);
            XYSeries particles = new XYSeries("particles' TV · " + id);
            XYSeries klSeries = new XYSeries("KL · " + id);
            for (DiscreteFrame f : r.frames()[slot]) {
                add(exact, f.step(), f.exactTv());
                add(particles, f.step(), f.particleTv());
                add(klSeries, f.step(), f.exactKl());
            }
            Color c = ChartStyle.color(slot);
            put(tv, tvLines, exact, c, ChartStyle.stroke(2.2));
            if (!particles.isEmpty()) {
                put(tv, tvLines, particles, c, new java.awt.BasicStroke(1.4f, java.awt.BasicStroke.CAP_ROUND,
                        java.awt.BasicStroke.JOIN_ROUND, 1, new float[] {1.5f, 4}, 0));
            }
            put(kl, klLines, klSeries, c, ChartStyle.stroke(2.2));
        }
        XYSeries floor = new XYSeries("noise floor of N = " + r.scenario().particles() + " exact samples");
        for (DiscreteFrame f : r.frames()[0]) {
            add(floor, f.step(), f.floorMean());
        }
        if (!floor.isEmpty()) {
            put(tv, tvLines, floor, ChartStyle.FLOOR, ChartStyle.dashed(1.4));
        }
        tvPlot.setDataset(tv);
        tvPlot.setRenderer(tvLines);
        klPlot.setDataset(kl);
        klPlot.setRenderer(klLines);
        for (XYPlot p : new XYPlot[] {tvPlot, klPlot}) {
            p.clearDomainMarkers();
            ValueMarker m = new ValueMarker(step, new Color(0xE8E8EE), ChartStyle.dashed(1));
            p.addDomainMarker(m);
        }
        plot.getDomainAxis().setRange(0, Math.max(1, r.steps()));
    }

    /** The light look of exported files: {@link ChartStyle#paper} for the chart, and the same for both plots' axes. */
    static void paper(JFreeChart chart) {
        ChartStyle.paper(chart, 1);
        Color text = new Color(0x1A1A1F);
        Color grid = new Color(0xD0D0D8);
        for (Object o : ((CombinedDomainXYPlot) chart.getXYPlot()).getSubplots()) {
            XYPlot p = (XYPlot) o;
            p.setBackgroundPaint(Color.WHITE);
            p.setDomainGridlinePaint(grid);
            p.setRangeGridlinePaint(grid);
            p.getRangeAxis().setLabelPaint(text);
            p.getRangeAxis().setTickLabelPaint(text);
            java.util.Collection<?> markers = p.getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND);
            if (markers != null) {
                markers.forEach(m -> ((ValueMarker) m).setPaint(new Color(0x55555F)));
            }
        }
    }

    private static void put(XYSeriesCollection data, XYLineAndShapeRenderer lines, XYSeries s, Color c, java.awt.Stroke stroke) {
        data.addSeries(s);
        int i = data.getSeriesCount() - 1;
        lines.setSeriesPaint(i, c);
        lines.setSeriesStroke(i, stroke);
    }

    private static void add(XYSeries s, int step, double v) {
        if (v > 0 && Double.isFinite(v)) {
            s.add(step, v);
        }
    }

    /** Tick labels 10⁻³, 10⁻², …. */
    static final class Decades extends NumberFormat {
        private static final String SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹";

        @Override
        public StringBuffer format(double v, StringBuffer b, FieldPosition p) {
            long e = Math.round(Math.log10(v));
            b.append("10");
            if (e < 0) {
                b.append('⁻');
            }
            for (char c : Long.toString(Math.abs(e)).toCharArray()) {
                b.append(SUPERSCRIPT.charAt(c - '0'));
            }
            return b;
        }

        @Override
        public StringBuffer format(long v, StringBuffer b, FieldPosition p) {
            return format((double) v, b, p);
        }

        @Override
        public Number parse(String s, ParsePosition p) {
            return null;
        }
    }
}
