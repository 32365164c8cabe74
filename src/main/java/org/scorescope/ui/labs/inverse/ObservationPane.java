package org.scorescope.ui.labs.inverse;

import java.util.function.UnaryOperator;
import javafx.geometry.Insets;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.scorescope.distribution.Target;
import org.scorescope.inverse.InverseProblem;
import org.scorescope.scenario.ObservationSpec;
import org.scorescope.scenario.Scenario;
import org.scorescope.scenario.ScenarioException;
import org.scorescope.ui.lab.FxImages;
import org.scorescope.ui.lab.LabContext;
import org.scorescope.ui.service.BackgroundTask;
import org.scorescope.ui.service.Failures;

/**
 * The inverse-problems lab's controls (issue 15): a task picker, y and σ, "draw y from the prior",
 * "compare the samplers", the exact posterior's weights, and a small map of the prior where a click
 * or a drag puts the observed object: y = A x for the clicked x, the likelihood band moves, the run
 * restarts. Every edit is checked off the FX thread through the scenario's one validation (and the
 * exact posterior is built there); a bad one is shown in a dialog and changes nothing. The pane
 * follows the scenario: a loaded or edited scenario updates the controls and the map.
 */
final class ObservationPane {
    static final int MAP_WIDTH = 240;
    static final int MAP_HEIGHT = 180;

    private final LabContext context;
    final ComboBox<String> task = new ComboBox<>();
    final TextField y = new TextField();
    final Spinner<Double> sigma = new Spinner<>(0.01, 5.0, ObservationEdit.DEFAULT_SIGMA, 0.05);
    final Button draw = new Button("Draw y");
    final Button compare = new Button("Compare samplers");
    final Label info = new Label();
    final ImageView map = new ImageView();
    private final VBox root;
    private boolean syncing;
    private long mapGeneration;
    private PickerImage shown;
    /** The last clicked object x; y = A x when a task is picked. */
    private double[] point = {2.5, 0.0};
    /** An edit waiting while another is being checked (a drag makes many; only the newest counts). */
    private UnaryOperator<Scenario> pending;
    private boolean checking;

    ObservationPane(LabContext context) {
        this.context = context;
        task.getItems().addAll(ObservationEdit.TASKS);
        task.setId("inverse-task");
        task.setMaxWidth(Double.MAX_VALUE);
        task.setTooltip(new Tooltip("y = A x₀ + ε: inpaint-x observes x₁; project [cos 30°, sin 30°]; denoise A = I; "
                + "blur [[¾,¼],[¼,¾]]; blur:1 the average [½ ½]"));
        y.setId("inverse-y");
        y.setPromptText("y, e.g. 2.5 or 1.5, 0.2");
        sigma.setId("inverse-sigma");
        sigma.setEditable(true);
        sigma.setPrefWidth(90);
        draw.setId("inverse-draw");
        draw.setTooltip(new Tooltip("draw y from the prior predictive with the scenario's seed"));
        compare.setId("inverse-compare");
        compare.setMaxWidth(Double.MAX_VALUE);
        compare.setTooltip(new Tooltip("posterior-exact, snr-split, dps, ddrm, ddnm side by side on the same noise"));
        info.setId("inverse-info");
        info.setWrapText(true);
        info.getStyleClass().add("hint");
        map.setId("inverse-map");
        map.setFitWidth(MAP_WIDTH);
        map.setFitHeight(MAP_HEIGHT);
        map.setCursor(Cursor.CROSSHAIR);
        Tooltip.install(map, new Tooltip("click or drag: observe this x (y = A x); the band moves and the run restarts"));

        task.setOnAction(e -> {
            if (!syncing && task.getValue() != null) {
                String t = task.getValue();
                apply(s -> t.equals("off") ? ObservationEdit.withoutInverseSamplers(ObservationEdit.observe(s, t, point))
                        : ObservationEdit.observe(s, t, point), "task " + t);
            }
        });
        y.setOnAction(e -> {
            String text = y.getText();
            apply(s -> ObservationEdit.withY(s, ObservationEdit.parse(text)), "y = " + text);
        });
        sigma.valueProperty().addListener((o, a, b) -> {
            if (!syncing && b != null) {
                apply(s -> ObservationEdit.withSigma(s, b), "σ = " + b);
            }
        });
        draw.setOnAction(e -> apply(ObservationEdit::drawnY, "y drawn from the prior"));
        compare.setOnAction(e -> apply(ObservationEdit::compared, "samplers compared"));
        map.addEventHandler(MouseEvent.MOUSE_PRESSED, this::clicked);
        map.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::clicked);

        GridPane grid = new GridPane();
        grid.setHgap(6);
        grid.setVgap(4);
        grid.addRow(0, new Label("task"), task);
        grid.addRow(1, new Label("y"), y);
        grid.addRow(2, new Label("σ"), new HBox(6, sigma, draw));
        Label hint = new Label("click the map to observe a point; the window's density layer is the posterior p(x₀ | y)");
        hint.setWrapText(true);
        hint.getStyleClass().add("hint");
        root = new VBox(6, grid, map, hint, compare, info);
        root.setPadding(new Insets(2, 0, 2, 0));
        context.session().scenarioProperty().addListener((o, a, b) -> follow(b));
        follow(context.session().scenario());
    }

    Node node() {
        return root;
    }

    /** Whether an edit is being checked or waiting (tests wait for this to clear). */
    boolean busy() {
        return checking || pending != null;
    }

    private void clicked(MouseEvent e) {
        PickerImage img = shown;
        if (img == null || context.session().scenario().observation() == null) {
            return;
        }
        double px = e.getX() / map.getBoundsInLocal().getWidth() * img.view().width();
        double py = e.getY() / map.getBoundsInLocal().getHeight() * img.view().height();
        double[] x = {img.view().wx(px), img.view().wy(py)};
        point = x;
        apply(s -> ObservationEdit.atPoint(s, x), "observed point");
    }

    /**
     * Checks the edited scenario off the FX thread; applies it when it is valid, else shows why and
     * changes nothing.
     */
    void apply(UnaryOperator<Scenario> edit, String what) {
        if (checking) {
            pending = edit;
            return;
        }
        Scenario before = context.session().scenario();
        Scenario candidate;
        try {
            candidate = edit.apply(before);
        } catch (ScenarioException e) {
            refuse(what, e);
            return;
        }
        checking = true;
        context.executor().start(BackgroundTask.of("Checking the observation", p -> ObservationEdit.checked(candidate))
                .onSuccess(problem -> {
                    finish();
                    if (context.session().scenario() == before) {
                        context.session().edit(s -> candidate);
                    } else {
                        apply(edit, what); // the scenario changed meanwhile: the same edit on the new one
                    }
                })
                .onFailure(error -> {
                    finish();
                    refuse(what, Failures.unwrap(error));
                }));
    }

    private void finish() {
        checking = false;
        UnaryOperator<Scenario> next = pending;
        pending = null;
        if (next != null) {
            apply(next, "observed point");
        }
    }

    private void refuse(String what, Throwable error) {
        String message = error instanceof ScenarioException se ? se.getMessage() : Failures.oneLine(error);
        context.dialogs().showError("The observation was not changed (" + what + ")", message, error instanceof ScenarioException ? null : error);
        follow(context.session().scenario());
    }

    /** Shows a scenario's observation in the controls and redraws the map off the FX thread. */
    private void follow(Scenario s) {
        syncing = true;
        try {
            ObservationSpec o = s.observation();
            task.setValue(o == null ? "off" : o.task() != null ? o.task() : "matrix A");
            y.setText(o == null ? "" : o.y() == null ? "draw" : ObservationEdit.format(o.y()));
            if (o != null) {
                sigma.getValueFactory().setValue(o.sigma());
            }
            boolean on = o != null;
            y.setDisable(!on);
            sigma.setDisable(!on);
            draw.setDisable(!on);
            compare.setDisable(!on);
        } finally {
            syncing = false;
        }
        long generation = ++mapGeneration;
        context.executor().start(BackgroundTask.of("Drawing the observation map", p -> map(s))
                .onSuccess(m -> {
                    if (generation == mapGeneration) {
                        shown = m.image();
                        map.setImage(m.image() == null ? null : FxImages.of(m.image().raster()));
                        info.setText(m.text());
                    }
                })
                .onFailure(error -> {
                    if (generation == mapGeneration) {
                        shown = null;
                        map.setImage(null);
                        info.setText("no map: " + Failures.oneLine(error));
                    }
                }));
    }

    /** The map and the text under it, built off the FX thread. */
    private record MapResult(PickerImage image, String text) {
    }

    private static MapResult map(Scenario s) {
        Target prior = ObservationEdit.prior(s);
        if (prior.dim() != 2 || !(prior instanceof org.scorescope.distribution.GaussianMixture)) {
            return new MapResult(null, "The inverse-problems lab works on 2D Gaussian-mixture priors; this target is "
                    + (prior.dim() != 2 ? prior.dim() + "D" : "not a Gaussian mixture") + ".");
        }
        InverseProblem p = s.observation() == null ? null : org.scorescope.scenario.ScenarioBuilder.problem(s);
        PickerImage img = PickerImage.render(prior, p, MAP_WIDTH, MAP_HEIGHT);
        return new MapResult(img, p == null ? "No observation: pick a task to observe the target through y = A x₀ + ε."
                : PosteriorText.of(p));
    }
}
