package org.scorescope.ui;

import java.awt.geom.Ellipse2D;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.scorescope.metrics.RunMetrics;
import org.scorescope.ui.lab.ChartImage;
import org.scorescope.ui.lab.ChartStyle;
import org.scorescope.ui.service.DialogService;
import org.scorescope.ui.service.Lane;

/**
 * "TV over the run": every sampler's histogram TV to the exact marginal at every step (in its
 * colour), against steps done (0 … T) or NFE, with the noise floor of N exact samples as a grey band
 * and a vertical marker at the displayed step.
 */
final class TvChartTab extends BorderPane {
    final ChartImage chart;
    final CheckBox byNfe = new CheckBox("x axis: NFE");
    private RunMetrics.Snapshot snapshot;
    private List<String> labels = List.of();
    private int step;

    TvChartTab(Lane lane, DialogService dialogs) {
        chart = new ChartImage(lane, "tv", TvChartTab::create);
        chart.setId("tv-chart");
        byNfe.setId("tv-by-nfe");
        byNfe.selectedProperty().addListener((o, a, b) -> redraw());
        Button export = new Button("Export chart…");
        export.setId("export-tv-chart");
        export.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        export.setOnAction(e -> dialogs.chooseSave("Export the TV chart", List.of(new DialogService.FileType("PNG", "*.png"),
                new DialogService.FileType("SVG", "*.svg"))).ifPresent(f -> export(f.path(), 1600, 900)));
        Label floorNote = new Label("grey band: noise floor, the TV of N exact samples (mean ± 2 sd)");
        floorNote.getStyleClass().add("hint");
        floorNote.setId("tv-floor-note");
        floorNote.setMinWidth(0);
        floorNote.setTooltip(new javafx.scene.control.Tooltip("The TV of N samples drawn exactly from the marginal, mean ± 2 sd over "
                + "repeats: below this band a sampler's error cannot be resolved with N particles. Exact draws stay on the band at every "
                + "level. A rise at t = 0 on the linear grid is the last step's own error: that step spans the run's largest jump in "
                + "log-SNR (T = 40: Δλ = 2.26, against 0.61 for the step before); on the log-SNR grid (vp-continuous) it is gone"));
        byNfe.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox top = new HBox(14, byNfe, export, floorNote);
        top.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        top.setPadding(new Insets(2, 8, 2, 8));
        setTop(top);
        setCenter(chart);
        // The chart's type follows the window's (UI scale): redraw when the root's font size changes.
        byNfe.fontProperty().addListener((o, a, b) -> redraw());
    }

    /** The chart's type size relative to the window's base 13 px (the UI scale). */
    double typeScale() {
        return byNfe.getFont().getSize() / UiScale.BASE_PX;
    }

    private static JFreeChart create() {
        XYSeriesCollection tv = new XYSeriesCollection();
        JFreeChart c = ChartFactory.createXYLineChart(null, "steps done (t = T … 0)", "TV", tv,
                PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = c.getXYPlot();
        plot.setDataset(1, new YIntervalSeriesCollection());
        DeviationRenderer band = new DeviationRenderer(true, false);
        band.setSeriesPaint(0, ChartStyle.FLOOR);
        band.setSeriesFillPaint(0, ChartStyle.FLOOR);
        band.setAlpha(0.35f);
        plot.setRenderer(1, band);
        plot.setRenderer(0, new XYLineAndShapeRenderer(true, true));
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(true);
        plot.getDomainAxis().setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        ChartStyle.style(c);
        return c;
    }

    /** Shows a snapshot at the displayed step (drawn on the chart lane). */
    void show(RunMetrics.Snapshot s, List<String> labels, int step) {
        this.snapshot = s;
        this.labels = labels;
        this.step = step;
        redraw();
    }

    private void redraw() {
        RunMetrics.Snapshot s = snapshot;
        if (s == null) {
            return;
        }
        List<String> names = labels;
        int shown = step;
        boolean nfe = byNfe.isSelected();
        double type = typeScale();
        chart.update(c -> {
            draw(c, s, names, shown, nfe);
            scaleType(c, type);
        });
    }

    static void draw(JFreeChart c, RunMetrics.Snapshot s, List<String> labels, int step, boolean nfe) {
        XYPlot plot = c.getXYPlot();
        XYSeriesCollection tv = (XYSeriesCollection) plot.getDataset(0);
        YIntervalSeriesCollection floor = (YIntervalSeriesCollection) plot.getDataset(1);
        tv.removeAllSeries();
        floor.removeAllSeries();
        plot.getDomainAxis().setLabel(nfe ? "NFE per particle" : "steps done (t = T … 0)");
        XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) plot.getRenderer(0);
        double xMax = 0;
        for (int k = 0; k < s.tv().length; k++) {
            XYSeries series = new XYSeries(k < labels.size() ? labels.get(k) : "sampler " + k, false, true);
            for (int t = s.steps(); t >= s.lowest(); t--) {
                double v = s.tv()[k][t];
                if (!Double.isNaN(v)) {
                    series.add(nfe ? s.nfe()[k][t] : s.steps() - t, v, false);
                }
            }
            tv.addSeries(series);
            r.setSeriesPaint(k, ChartStyle.color(k));
            r.setSeriesStroke(k, ChartStyle.stroke(2));
            r.setSeriesShape(k, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
            if (nfe) {
                xMax = Math.max(xMax, s.nfe()[k][Math.max(0, s.lowest())]);
            }
        }
        YIntervalSeries band = new YIntervalSeries("noise floor (N exact samples)");
        for (int t = s.steps(); t >= s.lowest(); t--) {
            double m = s.floorMean()[t];
            if (!Double.isNaN(m)) {
                double x = nfe ? (s.nfe().length > 0 ? s.nfe()[0][t] : 0) : s.steps() - t;
                band.add(x, m, Math.max(0, m - 2 * s.floorSd()[t]), m + 2 * s.floorSd()[t]);
            }
        }
        floor.addSeries(band);
        plot.clearDomainMarkers();
        double at = nfe ? (s.nfe().length > 0 ? s.nfe()[0][Math.max(step, s.lowest())] : 0) : s.steps() - step;
        ValueMarker marker = new ValueMarker(at, java.awt.Color.WHITE, ChartStyle.dashed(1.2));
        marker.setLabel(nfe ? "now" : "t = " + step);
        marker.setLabelPaint(ChartStyle.TEXT);
        marker.setLabelFont(new java.awt.Font("SansSerif", java.awt.Font.PLAIN, 11));
        double hi = nfe ? Math.max(1, xMax) : Math.max(1, s.steps());
        // Past the middle the label goes left of the line, so "t = 0" at the right edge is not cut off.
        boolean right = at > hi / 2;
        marker.setLabelAnchor(right ? org.jfree.chart.ui.RectangleAnchor.TOP_LEFT : org.jfree.chart.ui.RectangleAnchor.TOP_RIGHT);
        marker.setLabelTextAnchor(right ? org.jfree.chart.ui.TextAnchor.TOP_RIGHT : org.jfree.chart.ui.TextAnchor.TOP_LEFT);
        plot.addDomainMarker(marker);
        NumberAxis x = (NumberAxis) plot.getDomainAxis();
        x.setAutoRange(false);
        // 2 % of room on the right: the last point (t = 0) is drawn whole, not cut in half by the plot's edge.
        x.setRange(0, hi * 1.02);
    }

    /**
     * Scales the chart's type (axis labels 12.5, ticks 11.5, legend 11.5, cursor label 11 pt at 1, as
     * ChartStyle's dark look) by the window's UI scale, so that a 4K window at --ui-scale 2 reads as
     * the rest of it.
     */
    static void scaleType(JFreeChart c, double type) {
        XYPlot plot = c.getXYPlot();
        for (org.jfree.chart.axis.ValueAxis a : new org.jfree.chart.axis.ValueAxis[] {plot.getDomainAxis(), plot.getRangeAxis()}) {
            a.setLabelFont(font(12.5, type));
            a.setTickLabelFont(font(11.5, type));
        }
        if (c.getLegend() != null) {
            c.getLegend().setItemFont(font(11.5, type));
        }
        java.util.Collection<?> markers = plot.getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND);
        if (markers != null) {
            markers.forEach(m -> ((org.jfree.chart.plot.Marker) m).setLabelFont(font(11, type)));
        }
    }

    private static java.awt.Font font(double size, double type) {
        return new java.awt.Font("SansSerif", java.awt.Font.PLAIN, (int) Math.round(size * type));
    }

    /** Writes the chart (PNG or SVG by extension) in the paper style. */
    CompletableFuture<Void> export(Path file, int width, int height) {
        return chart.export(file, width, height);
    }
}
