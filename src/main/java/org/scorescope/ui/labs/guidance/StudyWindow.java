package org.scorescope.ui.labs.guidance;

import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.scorescope.metrics.GuidanceSweep;
import org.scorescope.scenario.Scenario;
import org.scorescope.ui.lab.ChartImage;
import org.scorescope.ui.lab.JobControls;
import org.scorescope.ui.lab.LabContext;
import org.scorescope.ui.service.BackgroundTask;
import org.scorescope.ui.service.Job;

/**
 * The w-study window, beside the rate study: Theorem 9's metric, the confidence and the spread
 * against w for the session's scenario (its samplers, T, schedule, class), N and seeds from the form;
 * Run and Cancel with progress; the chart drawn on the chart lane; CSV (the CLI sweep's columns),
 * PNG and SVG exports.
 */
final class StudyWindow {
    final Stage stage = new Stage();
    final TextField ws = new TextField("0, 0.5, 1, 2, 4, 8");
    final Spinner<Integer> particles = new Spinner<>(1000, 1_000_000, 20_000, 10_000);
    final Spinner<Integer> seeds = new Spinner<>(1, 20, 4);
    final Label message = new Label();
    final JobControls controls;
    private final LabContext context;
    private final ChartImage chart;
    private volatile StudyPlan.Outcome outcome;

    StudyWindow(LabContext context) {
        this.context = context;
        stage.setTitle("ScoreScope — w study (Theorem 9)");
        stage.initOwner(context.owner());
        ws.setId("ws-w");
        ws.setPrefColumnCount(16);
        particles.setEditable(true);
        particles.setId("ws-particles");
        seeds.setEditable(true);
        seeds.setId("ws-seeds");
        controls = new JobControls(context, "ws", message, this::start);
        message.setId("ws-message");
        message.setWrapText(true);
        chart = new ChartImage(context.executor().lane("w-study-chart"), "w-study", StudyChart::create);
        chart.setId("ws-chart");
        chart.pollContinuously();
        Button csv = new Button("Export CSV…");
        csv.setOnAction(e -> choose("CSV", "*.csv").ifPresent(this::exportCsv));
        Button png = new Button("Export PNG…");
        png.setOnAction(e -> choose("PNG", "*.png").ifPresent(p -> exportChart(p, 1400, 1400)));
        Button svg = new Button("Export SVG…");
        svg.setOnAction(e -> choose("SVG", "*.svg").ifPresent(p -> exportChart(p, 800, 900)));
        Label wLabel = new Label("_w list");
        wLabel.setMnemonicParsing(true);
        wLabel.setLabelFor(ws);
        FlowPane form = new FlowPane(8, 6, wLabel, ws, new Label("Particles"), particles, new Label("Seeds (1–20)"), seeds, controls.run,
                controls.cancel, controls.progress, controls.status);
        form.setAlignment(Pos.CENTER_LEFT);
        Label note = new Label("Classifier at the output level ᾱ₀ (the CLI's thm9-early, confidence-early); bars: 95% t-interval over seeds");
        note.getStyleClass().add("hint");
        VBox top = new VBox(4, form, message);
        top.setPadding(new Insets(8));
        BorderPane root = new BorderPane(chart);
        root.setTop(top);
        for (Button b : List.of(csv, png, svg)) {
            b.setMinWidth(Button.USE_PREF_SIZE);
        }
        note.setWrapText(true);
        HBox bottom = new HBox(8, csv, png, svg, note);
        bottom.setAlignment(Pos.CENTER_LEFT);
        bottom.setPadding(new Insets(6));
        root.setBottom(bottom);
        root.getStyleClass().add("root-pane");
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(900, screen.getWidth()), Math.min(860, screen.getHeight()));
        context.style(scene);
        stage.setScene(scene);
        describe();
    }

    private void describe() {
        Scenario s = context.session().scenario();
        GuidedRun g = GuidedRun.of(s);
        message.setText(g == null ? "The w study needs a target with classes (ring8-classes, two-classes, two-classes-1d, checkerboard-classes)."
                : String.format("%s · class %d · T = %d · %s · samplers %s", s.target().preset() != null ? s.target().preset() : "custom target",
                        g.classId(), s.steps(), s.schedule().id(), String.join(", ", s.samplers().stream().map(Scenario.SamplerSpec::id).toList())));
    }

    void show() {
        describe();
        stage.show();
        stage.toFront();
    }

    /** Whether a study is running. */
    boolean running() {
        return controls.running();
    }

    /** The last study's outcome, or null. */
    StudyPlan.Outcome outcome() {
        return outcome;
    }

    /** Whether the chart has been drawn. */
    boolean chartShown() {
        return chart.shown();
    }

    /** Reads the form and starts the study. */
    void start() {
        double[] values;
        try {
            values = StudyPlan.parse(ws.getText());
        } catch (IllegalArgumentException e) {
            message.setText(e.getMessage());
            return;
        }
        Scenario s = context.session().scenario();
        GuidedRun g = GuidedRun.of(s);
        if (g == null) {
            describe();
            return;
        }
        StudyPlan plan = new StudyPlan(s, g.classId(), values, particles.getValue(), seeds.getValue());
        List<String> samplers = s.samplers().stream().map(Scenario.SamplerSpec::id).distinct().toList();
        message.setText(String.format("running %d runs of %,d particles", plan.runs(), plan.particles()));
        controls.start(BackgroundTask.of("w study", p -> plan.run(context.engine(), p,
                        sums -> context.executor().ui().run(() -> chart.update(c -> StudyChart.fill(c, sums, samplers, Double.NaN, Double.NaN)))))
                .showProgress(), o -> {
                    outcome = o;
                    message.setText(o.message());
                    chart.update(c -> StudyChart.fill(c, o.summaries(), samplers, o.exactThm9(), o.exactSpread()));
                }, "The w study", "cancelled");
    }

    private java.util.Optional<Path> choose(String kind, String pattern) {
        return controls.choose("Export the w study", kind, pattern);
    }

    /** Writes the rows as CSV (the CLI's guided sweep columns) on the executor. */
    Job<Path> exportCsv(Path p) {
        StudyPlan.Outcome o = outcome;
        List<String> lines = new java.util.ArrayList<>(List.of(GuidanceSweep.Row.HEADER));
        (o == null ? List.<GuidanceSweep.Row>of() : o.rows()).forEach(row -> lines.add(row.csv()));
        return controls.exportLines(p, lines);
    }

    private void exportChart(Path p, int width, int height) {
        controls.exportChart(chart, p, width, height);
    }

    /** Stops a running study and closes. */
    void close() {
        controls.cancel();
        stage.close();
    }
}
