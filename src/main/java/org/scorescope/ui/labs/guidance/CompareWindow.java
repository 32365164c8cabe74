package org.scorescope.ui.labs.guidance;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.scorescope.engine.RunHandle;
import org.scorescope.scenario.Scenario;
import org.scorescope.ui.lab.FxImages;
import org.scorescope.ui.lab.JobControls;
import org.scorescope.ui.lab.LabContext;
import org.scorescope.ui.service.BackgroundTask;

/**
 * The w comparison: the session's scenario (target with classes, first sampler, T, N, seed) run at
 * up to four w on the same noise, side by side — heat map, decision boundary, particles by class,
 * and under each panel its w, counted NFE, E[1/p(c|Y)], confidence and spread. Runs and draws on an
 * executor job with progress and Cancel; the FX thread only shows the finished pixels.
 */
final class CompareWindow {
    final Stage stage = new Stage();
    final TextField ws = new TextField("0, 1, 3, 8");
    final ComboBox<GuidancePictures.Law> law = new ComboBox<>();
    final Label message = new Label();
    final JobControls controls;
    final GridPane panels = new GridPane();
    private final LabContext context;
    private volatile List<ComparePlan.Panel> shown = List.of();

    CompareWindow(LabContext context) {
        this.context = context;
        stage.setTitle("ScoreScope — guidance at different w, same noise");
        stage.initOwner(context.owner());
        ws.setId("gc-w");
        ws.setPrefColumnCount(12);
        ws.setOnAction(e -> start());
        law.getItems().setAll(GuidancePictures.Law.values());
        law.setValue(GuidancePictures.Law.TILTED);
        law.setId("gc-law");
        law.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(GuidancePictures.Law l) {
                return l == null ? "" : "heat map " + l.formula;
            }

            @Override
            public GuidancePictures.Law fromString(String s) {
                return null;
            }
        });
        controls = new JobControls(context, "gc", message, this::start);
        controls.run.setDefaultButton(true);
        message.setId("gc-message");
        message.setWrapText(true);
        panels.setId("gc-panels");
        panels.setHgap(8);
        panels.setVgap(4);
        panels.setAlignment(Pos.CENTER);
        Label wLabel = new Label("_w values (1–4)");
        wLabel.setMnemonicParsing(true);
        wLabel.setLabelFor(ws);
        FlowPane top = new FlowPane(8, 6, wLabel, ws, law, controls.run, controls.cancel, controls.progress, controls.status);
        top.setAlignment(Pos.CENTER_LEFT);
        VBox head = new VBox(4, top, message);
        head.setPadding(new Insets(8));
        BorderPane root = new BorderPane(panels);
        root.setTop(head);
        root.getStyleClass().add("root-pane");
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(1200, screen.getWidth()), Math.min(760, screen.getHeight()));
        context.style(scene);
        stage.setScene(scene);
        describe();
    }

    private void describe() {
        Scenario s = context.session().scenario();
        GuidedRun g = GuidedRun.of(s);
        message.setText(g == null || g.classes().dim() != 2
                ? "The comparison needs a 2D target with classes (ring8-classes, two-classes, checkerboard-classes)."
                : String.format("%s, class %d, %s · T = %d · N = %,d · seed %d — every panel starts from the same noise",
                        s.samplers().get(0).id(), g.classId(), s.target().preset() != null ? s.target().preset() : "custom target",
                        s.steps(), s.particles(), s.seed()));
    }

    void show() {
        describe();
        stage.show();
        stage.toFront();
    }

    /** Whether a comparison is running. */
    boolean running() {
        return controls.running();
    }

    /** The panels shown now. */
    List<ComparePlan.Panel> panels() {
        return shown;
    }

    /** Grid of columns × rows that gives n square panels the largest side in the area. */
    static int[] grid(int n, double width, double height) {
        return grid(n, width, height, 0);
    }

    /** The same with a caption of the given height under every panel; {cols, rows, side}. */
    static int[] grid(int n, double width, double height, double caption) {
        int[] best = {n, 1, 0};
        double side = 0;
        for (int cols = 1; cols <= n; cols++) {
            int rows = (n + cols - 1) / cols;
            double s = Math.min(width / cols - 8, height / rows - caption);
            if (s > side) {
                side = s;
                best = new int[] {cols, rows, (int) s};
            }
        }
        return best;
    }

    /** Reads the form and starts the runs. */
    void start() {
        double[] values;
        try {
            values = ComparePlan.parse(ws.getText());
        } catch (IllegalArgumentException e) {
            message.setText(e.getMessage());
            return;
        }
        Scenario s = context.session().scenario();
        GuidedRun g = GuidedRun.of(s);
        if (g == null || g.classes().dim() != 2) {
            describe();
            return;
        }
        double scale = stage.getOutputScaleX();
        double width = Math.max(200, stage.getScene().getWidth() - 24);
        double height = Math.max(200, stage.getScene().getHeight() - 80);
        int[] grid = grid(values.length, width, height, 44);
        int side = (int) (Math.max(120, grid[2]) * scale);
        ComparePlan plan = new ComparePlan(s, g.classId(), values, law.getValue(), side);
        AtomicReference<RunHandle> running = new AtomicReference<>();
        describe();
        controls.start(BackgroundTask.of("Guidance at " + values.length + " values of w", p -> plan.run(context.engine(), p, running))
                .showProgress()
                .whenCancelRequested(() -> {
                    RunHandle h = running.get();
                    if (h != null) {
                        h.cancel();
                    }
                }), list -> showPanels(list, grid[0], scale), "The guidance comparison",
                "cancelled — the panels shown are from the last finished comparison");
    }

    private void showPanels(List<ComparePlan.Panel> list, int cols, double scale) {
        shown = List.copyOf(list);
        panels.getChildren().clear();
        for (int k = 0; k < list.size(); k++) {
            ComparePlan.Panel p = list.get(k);
            ImageView image = new ImageView(FxImages.of(p.argb(), p.side(), p.side()));
            image.setFitWidth(p.side() / scale);
            image.setFitHeight(p.side() / scale);
            image.setId("gc-panel-" + k);
            Label caption = new Label(p.caption());
            caption.setId("gc-caption-" + k);
            caption.setMaxWidth(p.side() / scale);
            caption.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            panels.add(new VBox(2, image, caption), k % cols, k / cols);
        }
    }

    /** Stops a running comparison and closes. */
    void close() {
        controls.cancel();
        stage.close();
    }
}
