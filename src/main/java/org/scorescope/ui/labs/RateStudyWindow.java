package org.scorescope.ui.labs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
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
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.scorescope.distribution.Presets;
import org.scorescope.io.AtomicFile;
import org.scorescope.metrics.RateStudy;
import org.scorescope.metrics.Sweep;
import org.scorescope.sampler.SamplerRegistry;
import org.scorescope.schedule.Schedules;
import org.scorescope.ui.lab.ChartImage;
import org.scorescope.ui.lab.LabContext;
import org.scorescope.ui.service.BackgroundTask;
import org.scorescope.ui.service.DialogService;
import org.scorescope.ui.service.Job;

/**
 * The rate-study window: the form (target, schedule, T list or NFE budgets, samplers, N, seeds),
 * Run and Cancel with progress, the log–log chart (drawn off the FX thread) and the fit table;
 * exports as CSV (the CLI sweep's columns), PNG and SVG (light, large, readable in print).
 */
final class RateStudyWindow {
    final Stage stage = new Stage();
    final ComboBox<String> target = new ComboBox<>();
    final ComboBox<String> schedule = new ComboBox<>();
    final TextField steps = new TextField("10,20,40,80");
    final CheckBox budgets = new CheckBox("values are NFE budgets");
    final Spinner<Integer> particles = new Spinner<>(1000, 2_000_000, 100_000, 10_000);
    final Spinner<Integer> seeds = new Spinner<>(1, 20, 3);
    final Map<String, CheckBox> samplers = new LinkedHashMap<>();
    final Button run = new Button("Run");
    final Button cancel = new Button("Cancel");
    final ProgressBar progress = new ProgressBar(0);
    final Label message = new Label();
    final TableView<FitRow> fits = new TableView<>();
    private final LabContext context;
    private final ChartImage chart;
    private volatile List<Sweep.Row> rows = List.of();
    private Job<RateStudyPlan.Outcome> job;

    /** A line of the fit table. */
    record FitRow(String sampler, String order, String interval, String theory, String fitted, String underFloor) {
    }

    RateStudyWindow(LabContext context) {
        this.context = context;
        stage.setTitle("ScoreScope — rate study");
        stage.initOwner(context.owner());
        target.getItems().setAll(Presets.ids());
        String current = context.session().scenario().target().preset();
        target.setValue(current != null ? current : "gaussian1d");
        target.setId("rs-target");
        schedule.getItems().setAll(Schedules.IDS.stream().filter(s -> !s.equals("custom")).toList());
        schedule.setValue("vp-continuous");
        schedule.setId("rs-schedule");
        steps.setId("rs-steps");
        budgets.setId("rs-budgets");
        budgets.setTooltip(new Tooltip("Each value is an NFE budget: every sampler runs the largest T whose counted NFE fits it"));
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
        run.setMinWidth(Button.USE_PREF_SIZE);
        cancel.setId("rs-cancel");
        cancel.setMinWidth(Button.USE_PREF_SIZE);
        cancel.setDisable(true);
        run.setOnAction(e -> start());
        cancel.setOnAction(e -> {
            if (job != null) {
                job.cancel();
            }
        });
        progress.setId("rs-progress");
        progress.setPrefWidth(200);
        message.setId("rs-message");
        chart = new ChartImage(context.executor().lane("rate-study-chart"), "rate", RateStudyChart::create);
        chart.setId("rs-chart");
        chart.pollContinuously();
        fits.setId("rs-fits");
        fits.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        fits.setPrefHeight(150);
        column("sampler", FitRow::sampler);
        column("fitted order", FitRow::order);
        column("95% interval", FitRow::interval);
        column("theory", FitRow::theory);
        column("points fitted", FitRow::fitted);
        column("under floor", FitRow::underFloor);
        Button csv = new Button("Export CSV…");
        csv.setOnAction(e -> choose("CSV", "*.csv").ifPresent(this::exportCsv));
        Button png = new Button("Export PNG…");
        png.setOnAction(e -> choose("PNG", "*.png").ifPresent(p -> exportChart(p, 1600, 1000)));
        Button svg = new Button("Export SVG…");
        svg.setOnAction(e -> choose("SVG", "*.svg").ifPresent(p -> exportChart(p, 1000, 640)));
        FlowPane row1 = new FlowPane(8, 6, new Label("Target"), target, new Label("Schedule"), schedule, new Label("T list"), steps, budgets);
        HBox row2 = new HBox(8, new Label("Particles (TV only)"), particles, new Label("Seeds (1–20)"), seeds, run, cancel, progress);
        row2.setAlignment(Pos.CENTER_LEFT);
        Label note = new Label("Gaussian targets (gaussian, gaussian1d, line): exact W₂, no Monte Carlo; others: histogram TV");
        note.getStyleClass().add("hint");
        VBox top = new VBox(6, row1, new Label("Samplers"), boxes, row2, message);
        top.setPadding(new Insets(8));
        BorderPane root = new BorderPane(chart);
        root.setTop(top);
        VBox bottom = new VBox(4, fits, new HBox(8, csv, png, svg, note));
        bottom.setPadding(new Insets(6));
        root.setBottom(bottom);
        root.getStyleClass().add("root-pane");
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(1100, screen.getWidth()), Math.min(800, screen.getHeight()));
        context.style(scene);
        stage.setScene(scene);
    }

    private void column(String name, java.util.function.Function<FitRow, String> f) {
        TableColumn<FitRow, String> c = new TableColumn<>(name);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(f.apply(cd.getValue())));
        fits.getColumns().add(c);
    }

    void show() {
        stage.show();
        stage.toFront();
    }

    /** Whether a study is running. */
    boolean running() {
        return job != null && job.runningProperty().get();
    }

    /** Reads the form and starts the study on the executor. */
    void start() {
        int[] values;
        try {
            values = RateStudyPlan.parseValues(steps.getText());
        } catch (IllegalArgumentException e) {
            message.setText(e.getMessage());
            return;
        }
        List<String> chosen = new ArrayList<>();
        samplers.forEach((id, box) -> {
            if (box.isSelected()) {
                chosen.add(id);
            }
        });
        if (chosen.isEmpty()) {
            message.setText("Pick at least one sampler");
            return;
        }
        RateStudyPlan plan = new RateStudyPlan(target.getValue(), schedule.getValue(), values, budgets.isSelected(), chosen,
                particles.getValue(), seeds.getValue());
        run.setDisable(true);
        cancel.setDisable(false);
        message.setText("running (" + plan.metric().id() + (plan.budgets() ? ", NFE budgets" : "") + ")");
        job = context.executor().start(BackgroundTask.of("Rate study", p -> plan.run(context.engine(), p)).showProgress()
                .onSuccess(this::finish)
                .onFailure(e -> {
                    message.setText("failed: " + org.scorescope.ui.service.Failures.oneLine(e));
                    context.executor().failures().report("The rate study failed", e);
                    idle();
                }));
        progress.progressProperty().bind(job.progressProperty());
    }

    private void idle() {
        run.setDisable(false);
        cancel.setDisable(true);
    }

    private void finish(RateStudyPlan.Outcome o) {
        rows = o.rows();
        message.setText(o.message());
        idle();
        chart.update(c -> RateStudyChart.fill(c, o.curves(), o.floor(), o.theory(), o.metric()));
        List<FitRow> table = new ArrayList<>();
        for (RateStudy.Curve c : o.curves()) {
            double theory = o.theory().getOrDefault(c.sampler(), Double.NaN);
            long under = c.points().stream().filter(RateStudy.Point::underFloor).count();
            table.add(new FitRow(c.sampler(), String.format("%.3f", c.fit().order()),
                    Double.isNaN(c.fit().halfWidth()) ? "–" : String.format("± %.3f", c.fit().halfWidth()),
                    Double.isNaN(theory) ? "–" : String.format("%.1f", theory), Integer.toString(c.fit().points()), Long.toString(under)));
        }
        fits.getItems().setAll(table);
    }

    /** The rows of the last study (the CLI sweep's columns). */
    List<Sweep.Row> rows() {
        return rows;
    }

    /** Whether the chart has been drawn. */
    boolean chartShown() {
        return chart.shown();
    }

    private java.util.Optional<Path> choose(String kind, String pattern) {
        return context.dialogs().chooseSave("Export the rate study", List.of(new DialogService.FileType(kind, pattern)))
                .map(DialogService.ChosenFile::path);
    }

    /** Writes the rows as CSV on the executor. */
    Job<Path> exportCsv(Path p) {
        List<Sweep.Row> r = rows;
        return context.executor().start(BackgroundTask.of("Exporting " + p.getFileName(), pr -> {
            AtomicFile.write(p, w -> {
                w.write(Sweep.Row.HEADER + "\n");
                for (Sweep.Row row : r) {
                    w.write(row.csv() + "\n");
                }
            });
            return p;
        }).onSuccess(f -> message.setText("wrote " + f)));
    }

    /** Writes the chart as PNG or SVG (by extension), light and with type scaled to the size, on the chart lane. */
    CompletableFuture<Void> exportChart(Path p, int width, int height) {
        return chart.export(p, width, height).whenComplete((v, e) -> context.executor().ui().run(() -> {
            if (e != null) {
                context.executor().failures().report("Exporting " + p.getFileName() + " failed", e);
            } else {
                message.setText("wrote " + p);
            }
        }));
    }

    /** Stops a running study. */
    void close() {
        if (job != null) {
            job.cancel();
        }
        stage.close();
    }
}
