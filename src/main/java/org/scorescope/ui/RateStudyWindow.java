package org.scorescope.ui;

import java.awt.Rectangle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.scorescope.distribution.Presets;
import org.scorescope.distribution.Target;
import org.scorescope.engine.Engine;
import org.scorescope.io.AtomicBinaryFile;
import org.scorescope.io.AtomicFile;
import org.scorescope.metrics.Binning;
import org.scorescope.metrics.ExactBinMasses;
import org.scorescope.metrics.NoiseFloor;
import org.scorescope.metrics.RateStudy;
import org.scorescope.metrics.Sweep;
import org.scorescope.sampler.Sampler;
import org.scorescope.sampler.SamplerRegistry;
import org.scorescope.schedule.Schedule;
import org.scorescope.schedule.Schedules;

/**
 * The rate study (issue 5): error against NFE on log–log axes for several samplers, run in the
 * background with progress and cancel, through the same {@link Sweep} as the CLI. Exact W2 on
 * single-Gaussian targets; histogram TV otherwise, with points under the noise floor marked and
 * left out of the fit. Each sampler gets its fitted order with a 95% interval and a dashed line of
 * the theory's order through its first point.
 */
final class RateStudyWindow {
    final Stage stage = new Stage();
    final ComboBox<String> target = new ComboBox<>();
    final ComboBox<String> schedule = new ComboBox<>();
    final TextField steps = new TextField("10,20,40,80");
    final CheckBox budgets = new CheckBox("values are NFE budgets");
    final Spinner<Integer> particles = new Spinner<>(1000, 2_000_000, 100_000, 10_000);
    final Spinner<Integer> seeds = new Spinner<>(1, 20, 3);
    final Map<String, CheckBox> samplers = new HashMap<>();
    final Button run = new Button("Run");
    final Button cancel = new Button("Cancel");
    final ProgressBar progress = new ProgressBar(0);
    final Label message = new Label();
    final TableView<FitRow> fits = new TableView<>();
    private final JFreeChart chart;
    private final YIntervalSeriesCollection points = new YIntervalSeriesCollection();
    private final XYSeriesCollection lines = new XYSeriesCollection();
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "scorescope-rate-study");
        t.setDaemon(true);
        return t;
    });
    private final Engine engine = new Engine();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private volatile List<Sweep.Row> rows = List.of();
    private volatile boolean running;

    /** A line of the fit table. */
    record FitRow(String sampler, String order, String interval, String theory, String fitted, String underFloor) {
    }

    RateStudyWindow(String initialTarget) {
        stage.setTitle("ScoreScope — rate study");
        target.getItems().setAll(Presets.ids());
        target.setValue(initialTarget);
        target.setId("rs-target");
        schedule.getItems().setAll(Schedules.IDS.stream().filter(s -> !s.equals("custom")).toList());
        schedule.setValue("vp-continuous");
        schedule.setId("rs-schedule");
        steps.setId("rs-steps");
        budgets.setId("rs-budgets");
        budgets.setTooltip(new javafx.scene.control.Tooltip("Each value is an NFE budget: every sampler runs the largest T whose counted NFE fits it"));
        particles.setEditable(true);
        seeds.setEditable(true);
        FlowPane boxes = new FlowPane(8, 4);
        for (String id : SamplerRegistry.ids()) {
            CheckBox c = new CheckBox(id);
            c.setId("rs-" + id);
            c.setSelected(id.equals("ddim") || id.equals("accel-ddim-ms"));
            samplers.put(id, c);
            boxes.getChildren().add(c);
        }
        run.setId("rs-run");
        cancel.setId("rs-cancel");
        cancel.setDisable(true);
        run.setOnAction(e -> start());
        cancel.setOnAction(e -> cancelled.set(true));
        progress.setId("rs-progress");
        progress.setPrefWidth(200);
        message.setId("rs-message");
        Button csv = new Button("Export CSV…");
        csv.setOnAction(e -> choose("CSV", "*.csv").ifPresent(this::exportCsv));
        Button png = new Button("Export PNG…");
        png.setOnAction(e -> choose("PNG", "*.png").ifPresent(p -> exportPng(p, 1600, 1000)));
        Button svg = new Button("Export SVG…");
        svg.setOnAction(e -> choose("SVG", "*.svg").ifPresent(p -> exportSvg(p, 1000, 640)));

        chart = ChartFactory.createXYLineChart(null, "NFE per particle", "error", points, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        LogAxis x = new LogAxis("NFE per particle");
        LogAxis y = new LogAxis("error");
        x.setSmallestValue(1);
        y.setSmallestValue(1e-12);
        x.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1));
        y.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1));
        x.setNumberFormatOverride(new java.text.DecimalFormat("0"));
        y.setNumberFormatOverride(new java.text.DecimalFormat("0.#E0"));
        x.setMinorTickMarksVisible(true);
        y.setMinorTickMarksVisible(true);
        plot.setDomainAxis(x);
        plot.setRangeAxis(y);
        XYErrorRenderer err = new XYErrorRenderer();
        err.setDrawXError(false);
        err.setDefaultLinesVisible(true);
        plot.setRenderer(0, err);
        plot.setDataset(1, lines);
        XYLineAndShapeRenderer fitLines = new XYLineAndShapeRenderer(true, false);
        fitLines.setDefaultSeriesVisibleInLegend(false);
        plot.setRenderer(1, fitLines);
        Charts.style(chart);
        ChartViewer viewer = new ChartViewer(chart);
        viewer.setId("rs-chart");

        fits.setId("rs-fits");
        fits.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        fits.setPrefHeight(150);
        fits.getColumns().add(column("sampler", FitRow::sampler));
        fits.getColumns().add(column("fitted order", FitRow::order));
        fits.getColumns().add(column("95% interval", FitRow::interval));
        fits.getColumns().add(column("theory", FitRow::theory));
        fits.getColumns().add(column("points fitted", FitRow::fitted));
        fits.getColumns().add(column("under floor", FitRow::underFloor));

        HBox row1 = new HBox(8, new Label("Target"), target, new Label("Schedule"), schedule, new Label("T list"), steps, budgets);
        HBox row2 = new HBox(8, new Label("Particles (TV only)"), particles, new Label("Seeds (1–20)"), seeds, run, cancel, progress, message);
        HBox row3 = new HBox(8, csv, png, svg, new Label("Gaussian targets (gaussian, gaussian1d, line): exact W2, no Monte Carlo; others: histogram TV"));
        VBox top = new VBox(6, row1, new Label("Samplers"), boxes, row2);
        top.setPadding(new Insets(8));
        BorderPane root = new BorderPane(viewer);
        root.setTop(top);
        VBox bottom = new VBox(4, fits, row3);
        bottom.setPadding(new Insets(6));
        root.setBottom(bottom);
        root.getStyleClass().add("root-pane");
        Scene scene = new Scene(root, 1100, 800);
        scene.getStylesheets().add(MainWindow.class.getResource("scorescope.css").toExternalForm());
        stage.setScene(scene);
        stage.setOnHidden(e -> close());
    }

    private static TableColumn<FitRow, String> column(String name, java.util.function.Function<FitRow, String> f) {
        TableColumn<FitRow, String> c = new TableColumn<>(name);
        c.setCellValueFactory(cd -> new javafx.beans.property.ReadOnlyStringWrapper(f.apply(cd.getValue())));
        return c;
    }

    void show() {
        stage.show();
    }

    boolean running() {
        return running;
    }

    /** Reads the form and starts the sweep on the background thread. */
    void start() {
        int[] ts;
        try {
            ts = java.util.Arrays.stream(steps.getText().split(",")).map(String::trim).filter(s -> !s.isEmpty())
                    .mapToInt(Integer::parseInt).toArray();
            for (int t : ts) {
                if (t < 1 || t > 10_000) {
                    throw new NumberFormatException();
                }
            }
            if (ts.length < 2) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            message.setText("T list: give at least two whole numbers in 1..10000, separated by commas (NFE budgets with the box ticked)");
            return;
        }
        List<Sampler> chosen = new ArrayList<>();
        for (String id : SamplerRegistry.ids()) {
            if (samplers.get(id).isSelected()) {
                chosen.add(SamplerRegistry.create(id));
            }
        }
        if (chosen.isEmpty()) {
            message.setText("Pick at least one sampler");
            return;
        }
        Target t = Presets.get(target.getValue());
        Sweep.Metric metric = t.isSingleGaussian() ? Sweep.Metric.EXACT_W2 : Sweep.Metric.TV;
        if (metric.exact()) {
            List<Sampler> exactOnes = chosen.stream().filter(s -> !s.info().id().equals("rand-midpoint")).toList();
            if (exactOnes.size() < chosen.size()) {
                message.setText("rand-midpoint has no exact Gaussian law: left out");
            }
            chosen = exactOnes;
        }
        Schedule sched;
        try {
            sched = Schedules.byId(schedule.getValue());
            for (int k : ts) {
                sched.grid(k);
            }
        } catch (IllegalArgumentException e) {
            message.setText(e.getMessage());
            return;
        }
        boolean byBudget = budgets.isSelected();
        Sweep.Plan plan = new Sweep.Plan(t, sched, chosen, ts, particles.getValue(), seeds.getValue(), 1, metric);
        Map<Integer, Double> floor = new java.util.concurrent.ConcurrentHashMap<>();
        cancelled.set(false);
        running = true;
        run.setDisable(true);
        cancel.setDisable(false);
        progress.setProgress(0);
        message.setText("running " + plan.size() + " measurements (" + metric.id() + (byBudget ? ", NFE budgets" : "") + ")");
        List<Sweep.Row> collected = java.util.Collections.synchronizedList(new ArrayList<>());
        background.execute(() -> {
            String outcome;
            try {
                List<Sweep.Plan> plans = new ArrayList<>();
                for (Sampler sampler : plan.samplers()) {
                    int[] own = byBudget ? stepsForBudgets(t, sched, sampler, ts) : ts;
                    plans.add(new Sweep.Plan(t, sched, List.of(sampler), own, plan.particles(), plan.seeds(), 1, metric));
                }
                int total = plans.stream().mapToInt(Sweep.Plan::size).sum();
                if (!metric.exact()) {
                    Target marginal = t.dim() <= 2 ? t : t.marginal(0, 1);
                    Binning b = Binning.defaultFor(marginal, plan.particles());
                    for (Sweep.Plan p : plans) {
                        for (int k : p.steps()) {
                            floor.computeIfAbsent(k, x -> NoiseFloor.of(ExactBinMasses.compute(marginal, b, sched.grid(x).abar(0)), plan.particles()).upper());
                        }
                    }
                }
                for (Sweep.Plan p : plans) {
                    if (cancelled.get()) {
                        break;
                    }
                    Sweep.run(p, engine, r -> {
                        collected.add(r);
                        double fraction = (double) collected.size() / total;
                        Platform.runLater(() -> progress.setProgress(fraction));
                    }, cancelled::get);
                }
                outcome = cancelled.get() ? "cancelled after " + collected.size() + " of " + total : "done: " + collected.size() + " measurements";
            } catch (RuntimeException e) {
                outcome = "failed: " + e.getMessage();
            }
            List<Sweep.Row> result = List.copyOf(collected);
            String text = outcome;
            Platform.runLater(() -> finish(result, floor, plan, text));
        });
    }

    /** For each budget, the largest T whose counted NFE fits it (probed with one particle); at least T = 1. */
    private int[] stepsForBudgets(Target t, Schedule sched, Sampler sampler, int[] budgets) {
        java.util.TreeSet<Integer> out = new java.util.TreeSet<>();
        for (int budget : budgets) {
            int best = 1;
            for (int steps = 1; steps <= Math.min(1000, budget); steps++) {
                long nfe = engine.run(org.scorescope.engine.RunSpec.of(t, sched.grid(steps),
                        List.of(org.scorescope.engine.SamplerSlot.of(sampler)), 1, 1), null).nfe()[0];
                if (nfe <= budget) {
                    best = steps;
                } else {
                    break;
                }
            }
            out.add(best);
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private void finish(List<Sweep.Row> result, Map<Integer, Double> floor, Sweep.Plan plan, String text) {
        rows = result;
        message.setText(text);
        run.setDisable(false);
        cancel.setDisable(true);
        List<RateStudy.Curve> curves = RateStudy.curves(result, floor);
        chart.setNotify(false);
        points.removeAllSeries();
        lines.removeAllSeries();
        XYErrorRenderer err = (XYErrorRenderer) chart.getXYPlot().getRenderer(0);
        XYLineAndShapeRenderer fitLines = (XYLineAndShapeRenderer) chart.getXYPlot().getRenderer(1);
        List<FitRow> table = new ArrayList<>();
        XYSeries marked = new XYSeries("under the noise floor (not fitted)", false, true);
        for (RateStudy.Curve c : curves) {
            for (RateStudy.Point p : c.points()) {
                if (p.underFloor()) {
                    marked.add(p.nfe(), p.mean());
                }
            }
        }
        if (!floor.isEmpty() && !curves.isEmpty()) {
            XYSeries band = new XYSeries("noise floor (mean + 2 sd, N exact samples)", false, true);
            long minNfe = Long.MAX_VALUE;
            long maxNfe = 0;
            for (RateStudy.Curve c : curves) {
                for (RateStudy.Point p : c.points()) {
                    minNfe = Math.min(minNfe, p.nfe());
                    maxNfe = Math.max(maxNfe, p.nfe());
                }
            }
            double level = floor.values().stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
            band.add(minNfe, level);
            band.add(maxNfe, level);
            lines.addSeries(band);
            int idx = lines.getSeriesCount() - 1;
            fitLines.setSeriesPaint(idx, new java.awt.Color(0x9A9AA8));
            fitLines.setSeriesStroke(idx, Charts.stroke(3));
            fitLines.setSeriesVisibleInLegend(idx, true);
        }
        if (marked.getItemCount() > 0) {
            lines.addSeries(marked);
            int idx = lines.getSeriesCount() - 1;
            fitLines.setSeriesLinesVisible(idx, false);
            fitLines.setSeriesShapesVisible(idx, true);
            fitLines.setSeriesShape(idx, new java.awt.geom.Ellipse2D.Double(-7, -7, 14, 14));
            fitLines.setSeriesShapesFilled(idx, false);
            fitLines.setSeriesPaint(idx, java.awt.Color.WHITE);
            fitLines.setSeriesStroke(idx, Charts.stroke(2));
            fitLines.setSeriesVisibleInLegend(idx, true);
        }
        for (int k = 0; k < curves.size(); k++) {
            RateStudy.Curve c = curves.get(k);
            String label = String.format("%s  (order %.2f)", c.sampler(), c.fit().order());
            YIntervalSeries s = new YIntervalSeries(label);
            for (RateStudy.Point p : c.points()) {
                s.add(p.nfe(), p.mean(), p.min(), p.max());
            }
            points.addSeries(s);
            err.setSeriesPaint(k, Charts.color(k));
            err.setSeriesStroke(k, Charts.stroke(2));
            int declared = plan.samplers().stream().filter(x -> x.info().id().equals(c.sampler())).findFirst().map(x -> x.info().order()).orElse(0);
            double theory = RateStudy.theoryOrder(c.sampler(), declared);
            if (!Double.isNaN(theory) && !c.points().isEmpty()) {
                RateStudy.Point first = c.points().get(0);
                RateStudy.Point last = c.points().get(c.points().size() - 1);
                XYSeries ref = new XYSeries(c.sampler() + " theory", false, true);
                ref.add(first.nfe(), first.mean());
                ref.add(last.nfe(), first.mean() * Math.pow((double) last.nfe() / first.nfe(), -theory));
                lines.addSeries(ref);
                int idx = lines.getSeriesCount() - 1;
                fitLines.setSeriesPaint(idx, Charts.color(k).darker());
                fitLines.setSeriesStroke(idx, Charts.dashed(1.5));
            }
            long under = c.points().stream().filter(RateStudy.Point::underFloor).count();
            table.add(new FitRow(c.sampler(), String.format("%.3f", c.fit().order()),
                    Double.isNaN(c.fit().halfWidth()) ? "–" : String.format("± %.3f", c.fit().halfWidth()),
                    Double.isNaN(theory) ? "–" : String.format("%.1f", theory), Integer.toString(c.fit().points()), Long.toString(under)));
        }
        chart.setNotify(true);
        fits.getItems().setAll(table);
        running = false;
    }

    /** The rows of the last run (the same columns as the CLI sweep). */
    List<Sweep.Row> rows() {
        return rows;
    }

    private java.util.Optional<Path> choose(String kind, String pattern) {
        FileChooser fc = new FileChooser();
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, pattern));
        java.io.File f = fc.showSaveDialog(stage);
        return java.util.Optional.ofNullable(f).map(java.io.File::toPath);
    }

    void exportCsv(Path p) {
        List<Sweep.Row> r = rows;
        AtomicFile.write(p, w -> {
            w.write(Sweep.Row.HEADER + "\n");
            for (Sweep.Row row : r) {
                w.write(row.csv() + "\n");
            }
        });
        message.setText("wrote " + p);
    }

    void exportPng(Path p, int width, int height) {
        AtomicBinaryFile.write(p, out -> ChartUtils.writeChartAsPNG(out, chart, width, height));
        message.setText("wrote " + p);
    }

    void exportSvg(Path p, int width, int height) {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        chart.draw(g, new Rectangle(width, height));
        String svg = g.getSVGDocument();
        AtomicFile.write(p, w -> w.write(svg));
        message.setText("wrote " + p);
    }

    void close() {
        cancelled.set(true);
        background.shutdownNow();
        engine.close();
    }
}
