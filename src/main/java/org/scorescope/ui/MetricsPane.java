package org.scorescope.ui;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.scorescope.io.AtomicBinaryFile;
import org.scorescope.io.AtomicFile;
import org.scorescope.metrics.RunMetrics;

/**
 * The metrics under the panels (issue 5): TV of every sampler over the run with the noise floor of N
 * exact samples as a band; the focused sampler's marginal histograms against the exact marginals
 * and its (empirical − exact) mass per bin on a diverging map; a summary table that copies as text.
 *
 * <p>The JFreeChart objects are confined to one worker thread ("scorescope-charts"), which updates
 * their datasets and draws them into images; the FX thread only swaps the finished images in (a
 * chart redraw costs 20–40 ms, far too much for the FX thread: measured p95 20.8 ms per frame when
 * the charts were drawn there). Requests are coalesced: only the newest one is drawn.
 */
final class MetricsPane extends TabPane {
    private final XYSeriesCollection tvData = new XYSeriesCollection();
    private final YIntervalSeriesCollection floorData = new YIntervalSeriesCollection();
    private final JFreeChart tvChart;
    private final CheckBox byNfe = new CheckBox("x axis: NFE");
    private final XYSeriesCollection[] histData = {new XYSeriesCollection(), new XYSeriesCollection()};
    private final JFreeChart[] histCharts = new JFreeChart[2];
    final ImageView difference = new ImageView();
    final Label differenceLabel = new Label();
    final TableView<SummaryRow> table = new TableView<>();
    final Spinner<Integer> bins = new Spinner<>(4, 256, 24);
    final Button boxFromView = new Button("TV box = current view");
    final Button boxReset = new Button("TV box = target's box");
    final Label boxLabel = new Label();
    private RunMetrics.Snapshot shown;
    private List<String> labels = List.of();
    private final ImageView tvImage = new ImageView();
    private final ImageView[] histImages = {new ImageView(), new ImageView()};
    private final StackPane tvHolder = new StackPane(tvImage);
    private final StackPane[] histHolders = {new StackPane(histImages[0]), new StackPane(histImages[1])};
    private final ExecutorService chartThread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "scorescope-charts");
        t.setDaemon(true);
        return t;
    });
    private final AtomicReference<Runnable> pendingTv = new AtomicReference<>();
    private final AtomicReference<Runnable> pendingHist = new AtomicReference<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AtomicReference<int[][]> doneTv = new AtomicReference<>();
    private final AtomicReference<int[][][]> doneHist = new AtomicReference<>();
    private RenderedScene.Marginals pendingMarginals;

    /** One line of the summary table. */
    record SummaryRow(String sampler, String tvNow, String tvEnd, String w2Now, String w2End, String klNow, String klEnd,
            String nfe, String diverged, String seconds) {
        String tsv() {
            return String.join("\t", sampler, tvNow, tvEnd, w2Now, w2End, klNow, klEnd, nfe, diverged, seconds);
        }
    }

    MetricsPane() {
        setId("metrics");
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        tvChart = ChartFactory.createXYLineChart(null, "step (t = T … 0)", "TV", tvData,
                PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = tvChart.getXYPlot();
        plot.setDataset(1, floorData);
        DeviationRenderer band = new DeviationRenderer(true, false);
        band.setSeriesPaint(0, new Color(0x9A9AA8));
        band.setSeriesFillPaint(0, new Color(0x9A9AA8));
        band.setAlpha(0.35f);
        plot.setRenderer(1, band);
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, true);
        plot.setRenderer(0, lines);
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(true);
        plot.getDomainAxis().setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        Charts.style(tvChart);
        tvHolder.setId("tv-chart");
        tvHolder.setMinSize(100, 60);
        tvImage.setManaged(false);
        byNfe.setId("tv-by-nfe");
        byNfe.selectedProperty().addListener((o, a, b) -> {
            RunMetrics.Snapshot s = shown;
            shown = null;
            if (s != null) {
                update(s, labels, true);
            }
        });
        Button exportChart = new Button("Export chart…");
        exportChart.setId("export-tv-chart");
        exportChart.setOnAction(e -> {
            javafx.stage.FileChooser fc = new javafx.stage.FileChooser();
            fc.getExtensionFilters().addAll(new javafx.stage.FileChooser.ExtensionFilter("PNG", "*.png"),
                    new javafx.stage.FileChooser.ExtensionFilter("SVG", "*.svg"));
            java.io.File f = fc.showSaveDialog(getScene().getWindow());
            if (f != null) {
                exportTvChart(f.toPath(), 1200, 600);
            }
        });
        BorderPane tvBox = new BorderPane(tvHolder);
        Label floorNote = new Label("grey band: TV of N exact samples (noise floor, mean ± 2 sd) — below it a sampler's error cannot be resolved");
        floorNote.getStyleClass().add("hint");
        HBox tvTop = new HBox(14, byNfe, exportChart, floorNote);
        tvTop.setPadding(new Insets(2, 8, 2, 8));
        tvBox.setTop(tvTop);

        HBox hist = new HBox(6);
        for (int a = 0; a < 2; a++) {
            histCharts[a] = ChartFactory.createXYLineChart(null, "x" + a, "mass per bin", histData[a], PlotOrientation.VERTICAL,
                    true, false, false);
            XYPlot hp = histCharts[a].getXYPlot();
            XYStepRenderer step = new XYStepRenderer();
            step.setSeriesPaint(0, new Color(0xFFFFFF));
            step.setSeriesPaint(1, new Color(0xFF8C42));
            step.setSeriesStroke(1, Charts.stroke(2));
            hp.setRenderer(step);
            Charts.style(histCharts[a]);
            StackPane v = histHolders[a];
            v.setId("histogram-" + a);
            v.setMinSize(100, 60);
            v.setPrefWidth(400);
            histImages[a].setManaged(false);
            HBox.setHgrow(v, Priority.ALWAYS);
            hist.getChildren().add(v);
        }
        difference.setId("difference-map");
        difference.setPreserveRatio(true);
        difference.setFitHeight(180);
        differenceLabel.getStyleClass().add("hint");
        differenceLabel.setWrapText(true);
        differenceLabel.setMaxWidth(200);
        VBox diff = new VBox(4, new StackPane(difference), differenceLabel);
        diff.setPadding(new Insets(4));
        hist.getChildren().add(diff);

        table.setId("summary-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        table.getColumns().add(column("sampler", SummaryRow::sampler));
        table.getColumns().add(column("TV now", SummaryRow::tvNow));
        table.getColumns().add(column("TV end", SummaryRow::tvEnd));
        table.getColumns().add(column("W2 now", SummaryRow::w2Now));
        table.getColumns().add(column("W2 end", SummaryRow::w2End));
        table.getColumns().add(column("KL now", SummaryRow::klNow));
        table.getColumns().add(column("KL end", SummaryRow::klEnd));
        table.getColumns().add(column("NFE", SummaryRow::nfe));
        table.getColumns().add(column("diverged", SummaryRow::diverged));
        table.getColumns().add(column("compute s", SummaryRow::seconds));
        Button copy = new Button("Copy as text");
        copy.setId("copy-summary");
        copy.setOnAction(e -> {
            refreshTable();
            ClipboardContent c = new ClipboardContent();
            c.putString(summaryText());
            Clipboard.getSystemClipboard().setContent(c);
        });
        bins.setId("bins");
        bins.setEditable(true);
        bins.setPrefWidth(80);
        boxFromView.setId("tv-box-view");
        boxReset.setId("tv-box-reset");
        boxLabel.setId("tv-box");
        boxLabel.getStyleClass().add("hint");
        HBox tableTop = new HBox(10, copy, new Label("bins per axis (4–256; more bins raise the noise floor):"), bins,
                boxFromView, boxReset, boxLabel);
        tableTop.setPadding(new Insets(4, 8, 4, 8));
        BorderPane summary = new BorderPane(table);
        summary.setTop(tableTop);

        getTabs().addAll(new Tab("TV over the run", tvBox), new Tab("Histograms", hist), new Tab("Summary", summary));
        getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> {
            if (b.intValue() == 2) {
                refreshTable();
            }
            RunMetrics.Snapshot s0 = shown;
            if (b.intValue() == 0 && s0 != null) {
                shown = null;
                update(s0, labels, true);
            }
        });
        tvHolder.widthProperty().addListener((o, a, b) -> redrawSoon());
        tvHolder.heightProperty().addListener((o, a, b) -> redrawSoon());
    }

    private void redrawSoon() {
        RunMetrics.Snapshot s0 = shown;
        if (s0 != null) {
            shown = null;
            update(s0, labels, true);
        }
    }

    private static TableColumn<SummaryRow, String> column(String name, java.util.function.Function<SummaryRow, String> f) {
        TableColumn<SummaryRow, String> c = new TableColumn<>(name);
        c.setCellValueFactory(cd -> new javafx.beans.property.ReadOnlyStringWrapper(f.apply(cd.getValue())));
        return c;
    }

    /** The summary as tab-separated text with a header. */
    String summaryText() {
        StringBuilder b = new StringBuilder("sampler\tTV now\tTV end\tW2 now\tW2 end\tKL now\tKL end\tNFE\tdiverged\tcompute s\n");
        for (SummaryRow r : table.getItems()) {
            b.append(r.tsv()).append('\n');
        }
        return b.toString();
    }

    /**
     * Asks for the TV chart of a snapshot (drawn on the chart thread) and refreshes the summary
     * table when its tab is showing (FX thread).
     */
    void update(RunMetrics.Snapshot s, List<String> labels, int shownStep) {
        update(s, labels, false);
        if (getSelectionModel().getSelectedIndex() == 2) {
            table.getItems().setAll(rows(s, labels, shownStep));
        }
        lastRows = () -> rows(s, labels, shownStep);
    }

    private java.util.function.Supplier<List<SummaryRow>> lastRows;

    /** Fills the table with the newest rows (for copying or when its tab is shown). */
    void refreshTable() {
        if (lastRows != null) {
            table.getItems().setAll(lastRows.get());
        }
    }

    private void update(RunMetrics.Snapshot s, List<String> labels, boolean force) {
        if (!force && s == shown) {
            return;
        }
        shown = s;
        this.labels = labels;
        boolean nfe = byNfe.isSelected();
        double scale = getScene() == null || getScene().getWindow() == null ? 1 : getScene().getWindow().getOutputScaleX();
        int w = (int) Math.max(100, tvHolder.getWidth() * scale);
        int h = (int) Math.max(60, tvHolder.getHeight() * scale);
        submit(pendingTv, () -> {
            drawTv(s, labels, nfe);
            doneTv.set(new int[][] {pixels(tvChart, w, h), {w, h}});
        });
    }

    private void submit(AtomicReference<Runnable> slot, Runnable job) {
        slot.set(job);
        if (scheduled.compareAndSet(false, true)) {
            chartThread.execute(this::drain);
        }
    }

    private void drain() {
        try {
            while (true) {
                Runnable r = pendingTv.getAndSet(null);
                if (r == null) {
                    r = pendingHist.getAndSet(null);
                }
                if (r == null) {
                    break;
                }
                try {
                    r.run();
                } catch (RuntimeException e) {
                    System.err.println("chart: " + e);
                }
            }
        } finally {
            scheduled.set(false);
            if ((pendingTv.get() != null || pendingHist.get() != null) && scheduled.compareAndSet(false, true)) {
                chartThread.execute(this::drain);
            }
        }
    }

    private static int[] pixels(JFreeChart chart, int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB_PRE);
        java.awt.Graphics2D g = img.createGraphics();
        chart.draw(g, new java.awt.Rectangle(w, h));
        g.dispose();
        return ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
    }

    /** Swaps in finished chart images (FX thread, each pulse; nothing to do most of the time). */
    void poll() {
        int[][] tv = doneTv.getAndSet(null);
        if (tv != null) {
            tvImage.setImage(image(tv[0], tv[1][0], tv[1][1]));
            tvImage.setFitWidth(tvHolder.getWidth());
            tvImage.setFitHeight(tvHolder.getHeight());
        }
        int[][][] hist = doneHist.getAndSet(null);
        if (hist != null) {
            for (int a = 0; a < 2; a++) {
                histImages[a].setImage(image(hist[a][0], hist[a][1][0], hist[a][1][1]));
                histImages[a].setFitWidth(histHolders[a].getWidth());
                histImages[a].setFitHeight(histHolders[a].getHeight());
            }
        }
        if (pendingMarginals != null && pendingMarginals.difference() != null) {
            difference.setImage(MainWindow.toImage(pendingMarginals.difference()));
            differenceLabel.setText(String.format("(empirical − exact) mass per bin, %s: blue too few, red too many; scale ±%.2g",
                    pendingMarginals.label(), pendingMarginals.differenceScale()));
            pendingMarginals = null;
        }
    }

    private static javafx.scene.image.Image image(int[] argb, int w, int h) {
        org.scorescope.render.Raster r = new org.scorescope.render.Raster(w, h, 0);
        System.arraycopy(argb, 0, r.argb, 0, argb.length);
        return MainWindow.toImage(r);
    }

    /**
     * Writes the TV chart as PNG or SVG (by extension) on the chart thread, which owns the chart.
     *
     * @return the job
     */
    java.util.concurrent.Future<?> exportTvChart(java.nio.file.Path file, int width, int height) {
        return chartThread.submit(() -> {
            if (file.getFileName().toString().toLowerCase().endsWith(".svg")) {
                org.jfree.svg.SVGGraphics2D g = new org.jfree.svg.SVGGraphics2D(width, height);
                tvChart.draw(g, new java.awt.Rectangle(width, height));
                String svg = g.getSVGDocument();
                org.scorescope.io.AtomicFile.write(file, w -> w.write(svg));
            } else {
                org.scorescope.io.AtomicBinaryFile.write(file, out -> org.jfree.chart.ChartUtils.writeChartAsPNG(out, tvChart, width, height));
            }
            return null;
        });
    }

    /** Whether the TV chart has been drawn at least once (tests). */
    boolean tvChartShown() {
        return tvImage.getImage() != null;
    }

    /** Stops the chart thread. */
    void close() {
        chartThread.shutdownNow();
    }

    private void drawTv(RunMetrics.Snapshot s, List<String> labels, boolean nfe) {
        tvChart.setNotify(false);
        tvData.removeAllSeries();
        floorData.removeAllSeries();
        XYPlot plot = tvChart.getXYPlot();
        plot.getDomainAxis().setLabel(nfe ? "NFE per particle" : "step (t = T … 0)");
        for (int k = 0; k < s.tv().length; k++) {
            XYSeries series = new XYSeries(k < labels.size() ? labels.get(k) : "sampler " + k, false, true);
            for (int t = s.steps(); t >= s.lowest(); t--) {
                double v = s.tv()[k][t];
                if (!Double.isNaN(v)) {
                    series.add(nfe ? s.nfe()[k][t] : s.steps() - t, v, false);
                }
            }
            tvData.addSeries(series);
            XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) plot.getRenderer(0);
            r.setSeriesPaint(k, Charts.color(k));
            r.setSeriesStroke(k, Charts.stroke(2));
            r.setSeriesShape(k, new java.awt.geom.Ellipse2D.Double(-2.5, -2.5, 5, 5));
        }
        YIntervalSeries band = new YIntervalSeries("noise floor (N exact samples)");
        for (int t = s.steps(); t >= s.lowest(); t--) {
            double m = s.floorMean()[t];
            if (!Double.isNaN(m)) {
                double x = nfe ? (s.nfe().length > 0 ? s.nfe()[0][t] : 0) : s.steps() - t;
                band.add(x, m, Math.max(0, m - 2 * s.floorSd()[t]), m + 2 * s.floorSd()[t]);
            }
        }
        floorData.addSeries(band);
        tvChart.setNotify(true);
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "–" : String.format("%.4g", v);
    }

    static List<SummaryRow> rows(RunMetrics.Snapshot s, List<String> labels, int step) {
        java.util.ArrayList<SummaryRow> rows = new java.util.ArrayList<>();
        int now = Math.max(step, s.lowest());
        for (int k = 0; k < s.tv().length; k++) {
            rows.add(new SummaryRow(k < labels.size() ? labels.get(k) : "sampler " + k, fmt(s.tv()[k][now]), fmt(s.tv()[k][0]),
                    s.w2() == null ? "–" : fmt(s.w2()[k][now]), s.w2() == null ? "–" : fmt(s.w2()[k][0]),
                    s.kl() == null ? "–" : fmt(s.kl()[k][now]), s.kl() == null ? "–" : fmt(s.kl()[k][0]),
                    Long.toString(s.nfe()[k][now]), Integer.toString(s.diverged()[k][now]), fmt(s.seconds()[now])));
        }
        return rows;
    }

    /** Asks for the focused sampler's marginal histograms against the exact marginals (drawn on the chart thread). */
    void showHistograms(RenderedScene.Marginals m) {
        if (m == null) {
            return;
        }
        pendingMarginals = m;
        double scale = getScene() == null || getScene().getWindow() == null ? 1 : getScene().getWindow().getOutputScaleX();
        int[] w = new int[2];
        int[] h = new int[2];
        for (int a = 0; a < 2; a++) {
            w[a] = (int) Math.max(100, histHolders[a].getWidth() * scale);
            h[a] = (int) Math.max(60, histHolders[a].getHeight() * scale);
        }
        submit(pendingHist, () -> {
            drawHistograms(m);
            int[][][] out = new int[2][][];
            for (int a = 0; a < 2; a++) {
                out[a] = new int[][] {pixels(histCharts[a], w[a], h[a]), {w[a], h[a]}};
            }
            doneHist.set(out);
        });
    }

    private void drawHistograms(RenderedScene.Marginals m) {
        for (int a = 0; a < 2; a++) {
            histCharts[a].setNotify(false);
            histData[a].removeAllSeries();
            if (a < m.empirical().length) {
                XYSeries emp = new XYSeries(m.label() + " (particles)", false, true);
                XYSeries exact = new XYSeries("exact X(ᾱ_t)", false, true);
                double[] edges = m.edges()[a];
                for (int i = 0; i < m.empirical()[a].length; i++) {
                    emp.add(edges[i], m.empirical()[a][i], false);
                    exact.add(edges[i], m.exact()[a][i], false);
                }
                histData[a].addSeries(emp);
                histData[a].addSeries(exact);
            }
            histCharts[a].setNotify(true);
        }
    }
}
