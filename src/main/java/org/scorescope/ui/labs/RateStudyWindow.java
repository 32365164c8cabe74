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
import org.scorescope.metrics.RateStudy;
import org.scorescope.metrics.Sweep;
import org.scorescope.sampler.SamplerRegistry;
import org.scorescope.schedule.Schedules;
import org.scorescope.ui.lab.ChartImage;
import org.scorescope.ui.lab.JobControls;
import org.scorescope.ui.lab.LabContext;
import org.scorescope.ui.service.BackgroundTask;
import org.scorescope.ui.service.Job;

/**
 * The rate-study window: the form (target, schedule with its final denoising step or maximum β, T
 * list or NFE budgets, samplers — ids with parameters are curves of their own —, N, seeds), Run and
 * Cancel with progress, the log–log chart (drawn off the FX thread), the notes (output level,
 * samplers left out, divergences with their remedy) and the fit table with the theory's order for
 * the metric, its kind and source; exports as CSV (the CLI sweep's columns), PNG and SVG (light,
 * large, readable in print). Its second axis is the size of a score error (issue 16,
 * {@link RateStudyErrors}): error against ε_score with the fitted slope and the theory's slope 1.
 */
final class RateStudyWindow {
    /** The axis choice: error against T (or NFE). */
    static final String AXIS_T = "steps T (NFE)";
    /** The axis choice: error against the score error's size. */
    static final String AXIS_EPS = "score error ε_score";
    final Stage stage = new Stage();
    final ComboBox<String> target = new ComboBox<>();
    final ComboBox<String> schedule = new ComboBox<>();
    final TextField steps = new TextField("10,20,40,80");
    final CheckBox budgets = new CheckBox("values are NFE budgets");
    final Spinner<Integer> particles = new Spinner<>(1000, 2_000_000, 100_000, 10_000);
    final Spinner<Integer> seeds = new Spinner<>(1, 20, 3);
    final Map<String, CheckBox> samplers = new LinkedHashMap<>();
    final TextField moreSamplers = new TextField();
    final CheckBox denoise = new CheckBox("final denoising step (output ᾱ_0 = 1)");
    final Spinner<Double> betaMax = new Spinner<>(0.05, 1.0, 1.0, 0.05);
    final ComboBox<String> axis = new ComboBox<>();
    final ComboBox<String> errorType = new ComboBox<>();
    final TextField sizes = new TextField("0.03, 0.1, 0.3");
    final Label notes = new Label();
    final Label message = new Label();
    final JobControls controls;
    final TableView<RateStudyPlan.FitRow> fits = new TableView<>();
    private final LabContext context;
    private final ChartImage chart;
    private final TableColumn<RateStudyPlan.FitRow, String> orderColumn;
    private volatile RateStudyPlan.Outcome outcome;
    private volatile RateStudyErrors.Outcome errorOutcome;

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
        denoise.setId("rs-denoise");
        denoise.setTooltip(new Tooltip("Theory schedule: add ᾱ_0 = 1 and the final denoising step (without it the errors are "
                + "measured at ᾱ_1, where the theorems measure)"));
        denoise.visibleProperty().bind(schedule.valueProperty().isEqualTo("theory"));
        denoise.managedProperty().bind(denoise.visibleProperty());
        betaMax.setId("rs-betamax");
        betaMax.setEditable(true);
        betaMax.setPrefWidth(90);
        Label betaLabel = new Label("β max (1 = none)");
        HBox beta = new HBox(6, betaLabel, betaMax);
        beta.setAlignment(Pos.CENTER_LEFT);
        Tooltip.install(beta, new Tooltip("Linear/cosine: clip every β_t at this value (the remedy when a step with β ≈ 1 diverges)"));
        beta.visibleProperty().bind(schedule.valueProperty().isEqualTo("linear").or(schedule.valueProperty().isEqualTo("cosine")));
        beta.managedProperty().bind(beta.visibleProperty());
        moreSamplers.setId("rs-more-samplers");
        moreSamplers.setPromptText("lagrange:K=1, lagrange:K=3, lagrange:K=4");
        moreSamplers.setPrefColumnCount(28);
        moreSamplers.setTooltip(new Tooltip("More samplers, as ids with parameters (each is its own curve): id:name=value:name=value, "
                + "separated by commas or spaces"));
        notes.setId("rs-notes");
        notes.setWrapText(true);
        notes.getStyleClass().add("hint");
        FlowPane boxes = new FlowPane(8, 4);
        for (String id : SamplerRegistry.ids()) {
            CheckBox c = new CheckBox(id);
            c.setId("rs-" + id);
            c.setTooltip(new Tooltip(describe(id)));
            c.setSelected(id.equals("ddim") || id.equals("accel-ddim-ms"));
            samplers.put(id, c);
            boxes.getChildren().add(c);
        }
        controls = new JobControls(context, "rs", message, this::start);
        axis.getItems().setAll(AXIS_T, AXIS_EPS);
        axis.setValue(AXIS_T);
        axis.setId("rs-axis");
        errorType.getItems().setAll(org.scorescope.score.ScoreError.TYPES);
        errorType.setValue("bias");
        errorType.setId("rs-error-type");
        sizes.setId("rs-sizes");
        sizes.setPrefColumnCount(14);
        HBox errors = new HBox(6, new Label("error"), errorType, new Label("sizes"), sizes);
        errors.setAlignment(Pos.CENTER_LEFT);
        Tooltip.install(errors, new Tooltip("The score error added to the exact score (bias, field: size = ε_score exactly; scale: κ; "
                + "noise-level: δ) — the CLI's sweep --score-error TYPE --score-errors SIZES; one curve per sampler and T"));
        errors.visibleProperty().bind(axis.valueProperty().isEqualTo(AXIS_EPS));
        errors.managedProperty().bind(errors.visibleProperty());
        budgets.disableProperty().bind(errors.visibleProperty());
        message.setId("rs-message");
        chart = new ChartImage(context.executor().lane("rate-study-chart"), "rate", RateStudyChart::create);
        chart.setId("rs-chart");
        chart.pollContinuously();
        fits.setId("rs-fits");
        fits.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        fits.setPrefHeight(150);
        column("sampler", RateStudyPlan.FitRow::sampler, 2);
        orderColumn = column("fitted order", RateStudyPlan.FitRow::order, 1);
        column("95% interval", RateStudyPlan.FitRow::interval, 1);
        column("theory order", RateStudyPlan.FitRow::theory, 1);
        column("kind and source of the theory order", RateStudyPlan.FitRow::source, 4);
        column("points fitted", RateStudyPlan.FitRow::fitted, 1);
        column("not fitted", RateStudyPlan.FitRow::marked, 1);
        Button csv = new Button("Export CSV…");
        csv.setOnAction(e -> choose("CSV", "*.csv").ifPresent(this::exportCsv));
        Button png = new Button("Export PNG…");
        png.setOnAction(e -> choose("PNG", "*.png").ifPresent(p -> exportChart(p, 1600, 1000)));
        Button svg = new Button("Export SVG…");
        svg.setOnAction(e -> choose("SVG", "*.svg").ifPresent(p -> exportChart(p, 1000, 640)));
        FlowPane row1 = new FlowPane(8, 6, new Label("Error against"), axis, errors, new Label("Target"), target, new Label("Schedule"),
                schedule, denoise, beta, new Label("T list"), steps, budgets);
        row1.setAlignment(Pos.CENTER_LEFT);
        HBox more = new HBox(8, new Label("More (ids with parameters)"), moreSamplers);
        more.setAlignment(Pos.CENTER_LEFT);
        HBox row2 = new HBox(8, new Label("Particles (TV only)"), particles, new Label("Seeds (1–20)"), seeds, controls.run, controls.cancel,
                controls.progress);
        row2.setAlignment(Pos.CENTER_LEFT);
        Label note = new Label("Gaussian targets (gaussian, gaussian1d, line): exact W₂, no Monte Carlo; others: histogram TV");
        note.getStyleClass().add("hint");
        VBox top = new VBox(6, row1, new Label("Samplers"), boxes, more, row2, message);
        top.setPadding(new Insets(8));
        BorderPane root = new BorderPane(chart);
        root.setTop(top);
        VBox bottom = new VBox(4, notes, fits, new HBox(8, csv, png, svg, note));
        bottom.setPadding(new Insets(6));
        root.setBottom(bottom);
        root.getStyleClass().add("root-pane");
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(1100, screen.getWidth()), Math.min(800, screen.getHeight()));
        context.style(scene);
        stage.setScene(scene);
    }

    private TableColumn<RateStudyPlan.FitRow, String> column(String name, java.util.function.Function<RateStudyPlan.FitRow, String> f,
            double weight) {
        TableColumn<RateStudyPlan.FitRow, String> c = new TableColumn<>(name);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(f.apply(cd.getValue())));
        c.setPrefWidth(90 * weight);
        c.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null || item.length() < 30 ? null : new Tooltip(item));
            }
        });
        fits.getColumns().add(c);
        return c;
    }

    /** A sampler's hover text: its name, canonical id, the form of its update and where it comes from. */
    static String describe(String id) {
        try {
            org.scorescope.sampler.SamplerInfo info = RateStudy.info(id);
            return info.displayName() + "\n" + info.key() + (info.form().isEmpty() ? "" : "\n" + info.form()) + "\n" + info.citation();
        } catch (IllegalArgumentException e) {
            return id;
        }
    }

    void show() {
        stage.show();
        stage.toFront();
    }

    /** Whether a study is running. */
    boolean running() {
        return controls.running();
    }

    /** Reads the form and starts the study on the executor. */
    void start() {
        int[] values;
        try {
            values = RateStudyPlan.parseValues(steps.getText(), AXIS_EPS.equals(axis.getValue()) ? 1 : 2);
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
        try {
            chosen.addAll(RateStudyPlan.parseSamplers(moreSamplers.getText()));
        } catch (IllegalArgumentException e) {
            message.setText(e.getMessage());
            return;
        }
        if (chosen.isEmpty()) {
            message.setText("Pick at least one sampler");
            return;
        }
        if (AXIS_EPS.equals(axis.getValue())) {
            startErrors(values, chosen);
            return;
        }
        RateStudyPlan plan = new RateStudyPlan(target.getValue(), schedule.getValue(), scheduleParams(), values, budgets.isSelected(),
                chosen, particles.getValue(), seeds.getValue());
        try {
            plan.scheduleWithParams();
        } catch (IllegalArgumentException e) {
            message.setText("Schedule: " + e.getMessage());
            return;
        }
        message.setText("running (" + plan.metric().id() + (plan.budgets() ? ", NFE budgets" : "") + ")");
        controls.start(BackgroundTask.of("Rate study", p -> plan.run(context.engine(), p)).showProgress(), this::finish,
                "The rate study", "cancelled");
    }

    /** Starts the study of the error against the score error's size (one curve per sampler and T). */
    private void startErrors(int[] values, List<String> chosen) {
        RateStudyErrors plan;
        try {
            plan = new RateStudyErrors(target.getValue(), schedule.getValue(), scheduleParams(), values, chosen, errorType.getValue(),
                    RateStudyErrors.parseSizes(sizes.getText()), particles.getValue(), seeds.getValue());
            plan.sweep();
        } catch (IllegalArgumentException e) {
            message.setText(e.getMessage());
            return;
        }
        message.setText("running (" + plan.metric() + " against the " + plan.type() + " error's size)");
        controls.start(BackgroundTask.of("Score-error study", p -> plan.run(context.engine(), p)).showProgress(), this::finishErrors,
                "The score-error study", "cancelled");
    }

    /** The schedule's parameters as the form sets them (defaults left out, so the study says what it changed). */
    Map<String, Double> scheduleParams() {
        Map<String, Double> p = new LinkedHashMap<>();
        if (schedule.getValue().equals("theory") && denoise.isSelected()) {
            p.put("denoise", 1.0);
        }
        if ((schedule.getValue().equals("linear") || schedule.getValue().equals("cosine")) && betaMax.getValue() != null
                && betaMax.getValue() < 1) {
            p.put("betaMax", betaMax.getValue());
        }
        return p;
    }

    private void finish(RateStudyPlan.Outcome o) {
        outcome = o;
        errorOutcome = null;
        message.setText(o.message());
        orderColumn.setText("fitted order");
        RateStudy.Result result = o.result();
        chart.update(c -> RateStudyChart.fill(c, result));
        notes.setText(String.join("\n", o.notes()));
        fits.getItems().setAll(o.fitRows());
    }

    private void finishErrors(RateStudyErrors.Outcome o) {
        errorOutcome = o;
        outcome = null;
        message.setText(o.message());
        orderColumn.setText("fitted slope");
        chart.update(c -> RateStudyErrorChart.fill(c, o));
        notes.setText(String.join("\n", o.notes()));
        fits.getItems().setAll(o.fitRows());
    }

    /** The last error study's outcome, or null (the last study was against T). */
    RateStudyErrors.Outcome errorOutcome() {
        return errorOutcome;
    }

    /** The rows of the last study (the CLI sweep's columns). */
    List<Sweep.Row> rows() {
        RateStudyPlan.Outcome o = outcome;
        return o == null ? List.of() : o.result().rows();
    }

    /** Whether the chart has been drawn. */
    boolean chartShown() {
        return chart.shown();
    }

    private java.util.Optional<Path> choose(String kind, String pattern) {
        return controls.choose("Export the rate study", kind, pattern);
    }

    /** Writes the rows as CSV on the executor: the CLI sweep's columns (with {@code score_error} for an error study). */
    Job<Path> exportCsv(Path p) {
        RateStudyPlan.Outcome o = outcome;
        RateStudyErrors.Outcome e = errorOutcome;
        return controls.exportLines(p, e != null ? e.csvLines() : o == null ? List.of(Sweep.Row.COLUMNS) : o.csvLines());
    }

    /** Writes the chart as PNG or SVG (by extension), light and with type scaled to the size, on the chart lane. */
    CompletableFuture<Void> exportChart(Path p, int width, int height) {
        return controls.exportChart(chart, p, width, height);
    }

    /** Stops a running study. */
    void close() {
        controls.cancel();
        stage.close();
    }
}
