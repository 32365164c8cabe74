package org.scorescope.ui;

import java.util.HashMap;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.scorescope.distribution.Presets;
import org.scorescope.distribution.Target;
import org.scorescope.engine.Frame;
import org.scorescope.render.DensityGrid;
import org.scorescope.render.PanelRenderer;
import org.scorescope.render.PanelStyle;
import org.scorescope.render.Raster;
import org.scorescope.render.Viewport;
import org.scorescope.scenario.Scenario;
import org.scorescope.schedule.Schedules;
import org.scorescope.ui.lab.FxImages;
import org.scorescope.ui.model.SessionModel;
import org.scorescope.ui.service.BackgroundExecutor;
import org.scorescope.ui.service.BackgroundTask;

/**
 * Target (with thumbnails), schedule and its parameters, T, N and seed. Each control shows the
 * scenario's value exactly — a value beyond a control's range is shown, not clamped — and an edit
 * makes one new scenario.
 */
final class ScenarioControls extends VBox {
    private final SessionModel model;
    final ComboBox<String> target = new ComboBox<>();
    final ComboBox<String> schedule = new ComboBox<>();
    final Spinner<Integer> steps = Fields.intSpinner(1, Scenario.MAX_STEPS, SessionModel.DEFAULT.steps());
    final Slider particleSlider = new Slider(3, 6, 4);
    final TextField particles;
    final TextField seed;
    private final Spinner<Double> c0 = Fields.doubleSpinner(0.1, 10, 2, 0.1);
    private final Spinner<Double> c1 = Fields.doubleSpinner(0.1, 20, 4, 0.5);
    final CheckBox denoise = new CheckBox("final denoising step (to ᾱ_0 = 1)");
    final Spinner<Double> betaMax = Fields.doubleSpinner(0.05, 1, 1, 0.05);
    private final Label scheduleHint = new Label();
    private final Label abarT = new Label();
    private Map<String, Image> thumbnails = Map.of();
    private boolean showing;

    ScenarioControls(SessionModel model, BackgroundExecutor executor) {
        super(4);
        this.model = model;
        target.getItems().setAll(Presets.ids());
        target.setId("target");
        target.setCellFactory(l -> new TargetCell());
        target.setButtonCell(new TargetCell());
        target.setMaxWidth(Double.MAX_VALUE);
        target.setPromptText("custom target (drawn or from a file)");
        target.valueProperty().addListener((o, a, b) -> {
            if (!showing && b != null) {
                model.setPreset(b);
            }
        });
        schedule.setId("schedule");
        schedule.getItems().setAll(Schedules.IDS.stream().filter(s -> !s.equals("custom")).toList());
        schedule.setMaxWidth(Double.MAX_VALUE);
        schedule.valueProperty().addListener((o, a, b) -> {
            if (!showing && b != null) {
                model.setSchedule(b);
            }
        });
        c0.setId("c0");
        c1.setId("c1");
        c0.valueProperty().addListener((o, a, b) -> edit("c0", b));
        c1.valueProperty().addListener((o, a, b) -> edit("c1", b));
        HBox constants = new HBox(6, new Label("c0"), c0, new Label("c1"), c1);
        denoise.setId("denoise");
        denoise.setTooltip(new Tooltip("Without it the run stops at ᾱ_1, where the theorems measure (Li et al., ICML 2024, eq. 13); "
                + "with it, ᾱ_0 = 1 and one final denoising step"));
        denoise.selectedProperty().addListener((o, a, b) -> {
            if (!showing) {
                if (b) {
                    model.setScheduleParam("denoise", 1);
                } else {
                    model.clearScheduleParam("denoise");
                }
            }
        });
        VBox theory = new VBox(4, constants, denoise);
        theory.visibleProperty().bind(schedule.valueProperty().isEqualTo("theory"));
        theory.managedProperty().bind(theory.visibleProperty());
        betaMax.setId("beta-max");
        betaMax.setTooltip(new Tooltip("Clip every β_t at this value (1 = no clipping): the remedy when a step with β ≈ 1 "
                + "makes a first-order sampler diverge"));
        betaMax.valueProperty().addListener((o, a, b) -> {
            if (!showing && b != null) {
                if (b >= 1) {
                    model.clearScheduleParam("betaMax");
                } else {
                    model.setScheduleParam("betaMax", b);
                }
            }
        });
        HBox beta = new HBox(6, new Label("β max"), betaMax);
        beta.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        beta.visibleProperty().bind(schedule.valueProperty().isEqualTo("linear").or(schedule.valueProperty().isEqualTo("cosine")));
        beta.managedProperty().bind(beta.visibleProperty());
        scheduleHint.getStyleClass().add("hint");
        scheduleHint.setWrapText(true);
        abarT.getStyleClass().add("hint");
        steps.setId("steps");
        steps.setMaxWidth(Double.MAX_VALUE);
        steps.valueProperty().addListener((o, a, b) -> {
            if (!showing && b != null) {
                model.setSteps(b);
            }
        });
        particleSlider.setId("particles");
        particleSlider.setMajorTickUnit(1);
        particleSlider.setShowTickMarks(true);
        particleSlider.setFocusTraversable(false);
        HBox.setHgrow(particleSlider, Priority.ALWAYS);
        particles = Fields.wholeNumber("particles-field", 1, Scenario.MAX_PARTICLES, v -> model.setParticles((int) v));
        particles.setPrefColumnCount(8);
        particleSlider.valueChangingProperty().addListener((o, was, changing) -> {
            if (!changing) {
                model.setParticles(round(particleSlider.getValue()));
            }
        });
        particleSlider.valueProperty().addListener((o, a, b) -> {
            if (!showing && !particleSlider.isValueChanging()) {
                model.setParticles(round(b.doubleValue()));
            }
        });
        seed = Fields.wholeNumber("seed", 0, Long.MAX_VALUE, model::setSeed);
        seed.setMaxWidth(Double.MAX_VALUE);
        // Steps and seed side by side, the ranges in the headings: the section fits a 1280×720 screen.
        javafx.scene.layout.GridPane stepsSeed = new javafx.scene.layout.GridPane();
        stepsSeed.setHgap(8);
        stepsSeed.setVgap(4);
        stepsSeed.addRow(0, ControlPane.section("Steps T (1–10,000)"), ControlPane.section("Seed (≥ 0)"));
        stepsSeed.addRow(1, steps, seed);
        javafx.scene.layout.ColumnConstraints half = new javafx.scene.layout.ColumnConstraints();
        half.setPercentWidth(50);
        stepsSeed.getColumnConstraints().addAll(half, half);
        getChildren().addAll(ControlPane.section("Target"), target,
                ControlPane.section("Schedule"), schedule, theory, beta, scheduleHint, abarT, stepsSeed,
                ControlPane.section("Particles N (1k–1M slider; typed ≤ 10M)"), new HBox(6, particleSlider, particles));
        setPadding(Insets.EMPTY);
        model.scenarioProperty().addListener((o, a, b) -> show(b));
        show(model.scenario());
        executor.start(BackgroundTask.of("Drawing the target thumbnails", p -> drawThumbnails()).onSuccess(this::setThumbnails));
    }

    private void edit(String name, Double value) {
        if (!showing && value != null) {
            model.setScheduleParam(name, value);
        }
    }

    /** Shows a scenario's values exactly. */
    private void show(Scenario s) {
        showing = true;
        try {
            Scenario.TargetSpec t = s.target();
            target.setValue(t.preset() != null && t.embed() == 0 ? t.preset() : null);
            String sid = s.schedule().id();
            if (!schedule.getItems().contains(sid)) {
                schedule.getItems().add(sid);
            }
            schedule.setValue(sid);
            c0.getValueFactory().setValue(s.schedule().params().getOrDefault("c0", 2.0));
            c1.getValueFactory().setValue(s.schedule().params().getOrDefault("c1", 4.0));
            denoise.setSelected(s.schedule().params().getOrDefault("denoise", 0.0) == 1);
            betaMax.getValueFactory().setValue(s.schedule().params().getOrDefault("betaMax", 1.0));
            scheduleHint.setText(scheduleHint(s.schedule()));
            scheduleHint.setVisible(!scheduleHint.getText().isEmpty());
            scheduleHint.setManaged(scheduleHint.isVisible());
            steps.getValueFactory().setValue(s.steps());
            particleSlider.setValue(Math.max(3, Math.min(6, Math.log10(s.particles()))));
            Fields.show(particles, s.particles());
            Fields.show(seed, s.seed());
        } finally {
            showing = false;
        }
    }

    private static String scheduleHint(Scenario.ScheduleSpec sc) {
        StringBuilder b = new StringBuilder();
        if (sc.spacing() != null) {
            b.append("spacing ").append(sc.spacing()).append(' ');
        }
        sc.params().forEach((k, v) -> {
            if (!(sc.id().equals("theory") && (k.equals("c0") || k.equals("c1") || k.equals("denoise")))
                    && !(k.equals("betaMax") && v >= 0.05)) {
                b.append(k).append(' ').append(v).append(' ');
            }
        });
        if (sc.values() != null) {
            b.append(sc.values().length).append(" levels given in the file");
        }
        return b.length() == 0 ? "" : "from the scenario: " + b.toString().strip();
    }

    /** Shows ᾱ_T of the current grid (it must be near 0). */
    void showAbarT(double v) {
        abarT.setText(String.format("ᾱ_T = %.3g (noise end), ᾱ_0 at output", v));
    }

    private static int round(double log10) {
        double v = Math.pow(10, log10);
        double mag = Math.pow(10, Math.floor(Math.log10(v)));
        return (int) Math.max(ScenarioLimits.SLIDER_MIN, Math.min(ScenarioLimits.SLIDER_MAX, Math.round(v / mag * 2) / 2.0 * mag));
    }

    private static Map<String, int[]> drawThumbnails() {
        Map<String, int[]> out = new HashMap<>();
        int size = 64;
        for (String id : Presets.ids()) {
            Target target = Presets.get(id);
            double[][] b = target.bounds();
            Raster r;
            if (target.dim() == 1) {
                r = PanelRenderer.spaceTime(target, new double[] {0.999, 0.5}, new Frame[2], 0, 1, b[0][0], b[1][0], size, size,
                        new PanelStyle(true, false, false, false, false, 1), 0);
            } else {
                Viewport v = Viewport.fit(new double[] {b[0][0], b[0][1]}, new double[] {b[1][0], b[1][1]}, size, size);
                r = new Raster(size, size, PanelRenderer.BACKGROUND);
                DensityGrid.of(target, 0.99, v).paint(r, org.scorescope.render.ColorMap.VIRIDIS, 1);
            }
            out.put(id, r.argb);
        }
        return out;
    }

    private void setThumbnails(Map<String, int[]> pixels) {
        Map<String, Image> images = new HashMap<>();
        pixels.forEach((id, argb) -> images.put(id, FxImages.of(argb, 64, 64)));
        thumbnails = images;
        target.setButtonCell(new TargetCell());
    }

    private final class TargetCell extends ListCell<String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(empty ? null : target.getPromptText());
                setGraphic(null);
                return;
            }
            setText(item);
            Image img = thumbnails.get(item);
            if (img != null) {
                ImageView v = new ImageView(img);
                v.setFitWidth(40);
                v.setFitHeight(40);
                setGraphic(v);
            } else {
                setGraphic(null);
            }
            setTooltip(new Tooltip(Presets.description(item)));
        }
    }
}
