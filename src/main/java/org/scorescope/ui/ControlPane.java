package org.scorescope.ui;

import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.scorescope.sampler.SamplerRegistry;
import org.scorescope.schedule.Schedules;
import org.scorescope.distribution.Presets;

/**
 * The left pane: target (with thumbnails), schedule and its parameters, T, N, seed, one to four
 * samplers with their parameters, and the layer toggles. Every control shows its allowed range and
 * writes straight into the {@link Session}; the window restarts the run on any scenario change.
 */
final class ControlPane extends VBox {
    private final Session session;
    private final VBox samplerRows = new VBox(4);
    private final Label abarT = new Label();
    private Map<String, Image> thumbnails = Map.of();
    final ComboBox<String> target = new ComboBox<>();
    final Button rateStudy = new Button("Rate study…");
    final Button lectures = new Button("Lectures…");
    final Button open = new Button("Open…");
    final Button save = new Button("Save…");
    final javafx.scene.control.MenuButton recent = new javafx.scene.control.MenuButton("Recent");
    final Button exportFigure = new Button("Export figure…");
    final Button editor = new Button("Draw a target…");
    final Button exportAnimation = new Button("Export animation…");
    final Button exportSmallMultiples = new Button("Small multiples…");
    final Button exportData = new Button("Export data…");
    final Spinner<Integer> exportScale = new Spinner<>(1, 4, 2);

    ControlPane(Session session) {
        super(6);
        this.session = session;
        getStyleClass().add("controls");
        setPadding(new Insets(10));
        setPrefWidth(300);

        target.getItems().setAll(Presets.ids());
        target.setId("target");
        target.valueProperty().bindBidirectional(session.target);
        target.setCellFactory(l -> new TargetCell());
        target.setButtonCell(new TargetCell());
        target.setMaxWidth(Double.MAX_VALUE);

        ComboBox<String> schedule = new ComboBox<>();
        schedule.setId("schedule");
        schedule.getItems().setAll(Schedules.IDS.stream().filter(s -> !s.equals("custom")).toList());
        schedule.valueProperty().bindBidirectional(session.schedule);
        schedule.setMaxWidth(Double.MAX_VALUE);
        Spinner<Double> c0 = doubleSpinner(0.1, 10, session.c0.get(), 0.1);
        c0.valueProperty().addListener((o, a, b) -> session.c0.set(b));
        Spinner<Double> c1 = doubleSpinner(0.1, 20, session.c1.get(), 0.5);
        c1.valueProperty().addListener((o, a, b) -> session.c1.set(b));
        HBox theory = new HBox(6, new Label("c0"), c0, new Label("c1"), c1);
        theory.visibleProperty().bind(session.schedule.isEqualTo("theory"));
        theory.managedProperty().bind(theory.visibleProperty());
        abarT.getStyleClass().add("hint");

        Spinner<Integer> steps = intSpinner(2, 1000, session.steps.get());
        steps.setId("steps");
        steps.valueProperty().addListener((o, a, b) -> session.steps.set(b));
        session.steps.addListener((o, a, b) -> steps.getValueFactory().setValue(b.intValue()));

        Slider particles = new Slider(3, 6, Math.log10(session.particles.get()));
        particles.setId("particles");
        particles.setMajorTickUnit(1);
        particles.setShowTickMarks(true);
        Label particlesLabel = new Label();
        particlesLabel.textProperty().bind(session.particles.asString("N = %,d"));
        particles.valueChangingProperty().addListener((o, was, changing) -> {
            if (!changing) {
                session.particles.set(roundParticles(particles.getValue()));
            }
        });
        particles.valueProperty().addListener((o, a, b) -> {
            if (!particles.isValueChanging()) {
                session.particles.set(roundParticles(b.doubleValue()));
            }
        });
        session.particles.addListener((o, a, b) -> {
            if (Math.abs(Math.log10(b.intValue()) - particles.getValue()) > 1e-3) {
                particles.setValue(Math.log10(b.intValue()));
            }
        });

        Spinner<Integer> seed = intSpinner(0, 1_000_000, session.seed.get());
        seed.setId("seed");
        seed.valueProperty().addListener((o, a, b) -> session.seed.set(b));
        session.seed.addListener((o, a, b) -> seed.getValueFactory().setValue(b.intValue()));

        Button add = new Button("+ Add sampler");
        add.setId("add-sampler");
        add.setOnAction(e -> {
            if (session.samplers.size() < 4) {
                session.samplers.add(Session.SamplerChoice.of("ddim"));
            }
        });
        add.disableProperty().bind(javafx.beans.binding.Bindings.size(session.samplers).greaterThanOrEqualTo(4));
        session.samplers.addListener((ListChangeListener<Session.SamplerChoice>) c -> rebuildSamplers());
        rebuildSamplers();

        CheckBox density = toggle("Exact density (D)", session.density, "toggle-density");
        CheckBox contours = toggle("Contour lines", session.contours, "toggle-contours");
        CheckBox cloud = toggle("Particles", session.particlesShown, "toggle-particles");
        CheckBox field = toggle("Score field (S)", session.scoreField, "toggle-field");
        CheckBox trails = toggle("Trails (T)", session.trails, "toggle-trails");
        CheckBox frame = toggle("Frame-time overlay", session.frameTime, "toggle-frametime");

        rateStudy.setId("open-rate-study");
        rateStudy.setMaxWidth(Double.MAX_VALUE);
        lectures.setId("open-lectures");
        open.setId("open-scenario");
        save.setId("save-scenario");
        recent.setId("recent-scenarios");
        javafx.scene.layout.GridPane files = new javafx.scene.layout.GridPane();
        files.setHgap(4);
        files.setVgap(4);
        Button[] grid = {lectures, rateStudy, open, save, exportFigure, exportData};
        for (int i = 0; i < grid.length; i++) {
            grid[i].setMaxWidth(Double.MAX_VALUE);
            javafx.scene.layout.GridPane.setHgrow(grid[i], Priority.ALWAYS);
            files.add(grid[i], i % 2, i / 2);
        }
        recent.setMaxWidth(Double.MAX_VALUE);
        editor.setMaxWidth(Double.MAX_VALUE);
        files.add(recent, 0, 3);
        files.add(editor, 1, 3);
        exportAnimation.setId("export-animation");
        exportAnimation.setMaxWidth(Double.MAX_VALUE);
        exportSmallMultiples.setId("export-small-multiples");
        exportSmallMultiples.setMaxWidth(Double.MAX_VALUE);
        files.add(exportAnimation, 0, 4);
        files.add(exportSmallMultiples, 1, 4);
        javafx.scene.layout.ColumnConstraints half = new javafx.scene.layout.ColumnConstraints();
        half.setPercentWidth(50);
        files.getColumnConstraints().addAll(half, half);
        exportFigure.setId("export-figure");
        exportData.setId("export-data");
        exportScale.setPrefWidth(60);
        exportScale.setTooltip(new javafx.scene.control.Tooltip("PNG scale: 1–4 × the panel's screen size"));
        Label scaleLabel = new Label("PNG export scale (1–4×)");
        scaleLabel.getStyleClass().add("hint");
        HBox exports = new HBox(6, scaleLabel, exportScale);
        exports.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        editor.setId("open-editor");
        editor.setMaxWidth(Double.MAX_VALUE);
        getChildren().addAll(
                files,
                exports,
                section("Target"), target,
                section("Schedule"), schedule, theory, abarT,
                section("Steps T (2–1000)"), steps,
                section("Particles (1,000–1,000,000, log)"), particles, particlesLabel,
                section("Seed (0–1,000,000)"), seed,
                section("Samplers (1–4, same initial noise)"), samplerRows, add,
                section("Layers"), density, contours, cloud, field, trails, frame,
                hint("Space play · ←/→ step · Home/End · F11 present · 1–4 focus"));
    }

    /** Shows ᾱ_T of the current grid (it must be near 0). */
    void showAbarT(double v) {
        abarT.setText(String.format("ᾱ_T = %.3g (noise end), ᾱ_0 at output", v));
    }

    /** Installs the preset thumbnails once they are drawn. */
    void setThumbnails(Map<String, Image> images) {
        thumbnails = images;
        target.setButtonCell(new TargetCell());
    }

    private int roundParticles(double log10) {
        double v = Math.pow(10, log10);
        double mag = Math.pow(10, Math.floor(Math.log10(v)));
        return (int) Math.max(1000, Math.min(1_000_000, Math.round(v / mag * 2) / 2.0 * mag));
    }

    private void rebuildSamplers() {
        samplerRows.getChildren().clear();
        for (int i = 0; i < session.samplers.size(); i++) {
            samplerRows.getChildren().add(samplerRow(i));
        }
    }

    private Node samplerRow(int i) {
        Session.SamplerChoice choice = session.samplers.get(i);
        ComboBox<String> id = new ComboBox<>();
        id.setId("sampler-" + i);
        id.getItems().setAll(SamplerRegistry.ids());
        id.setValue(choice.id());
        id.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(id, Priority.ALWAYS);
        id.valueProperty().addListener((o, a, b) -> session.samplers.set(i, Session.SamplerChoice.of(b)));
        VBox row = new VBox(2);
        HBox head = new HBox(4, id);
        row.getChildren().add(head);
        for (SamplerRegistry.Parameter p : SamplerRegistry.parameterSpecs(choice.id())) {
            double fallback = p.name().equals("R") ? Math.max(1, choice.params().getOrDefault("K", 2.0) - 1) : p.defaultValue();
            double value = choice.params().getOrDefault(p.name(), fallback);
            Spinner<Double> sp = doubleSpinner(p.min(), p.max(), value, p.step());
            sp.setId("param-" + i + "-" + p.name());
            sp.setPrefWidth(90);
            String range = p.step() == 1 ? String.format("%.0f–%.0f", p.min(), p.max()) : String.format("%.1f–%.1f", p.min(), p.max());
            sp.setTooltip(new javafx.scene.control.Tooltip(p.meaning()));
            sp.valueProperty().addListener((o, a, b) -> {
                java.util.Map<String, Double> params = new java.util.LinkedHashMap<>(session.samplers.get(i).params());
                params.put(p.name(), p.step() == 1 ? Math.rint(b) : b);
                session.samplers.set(i, new Session.SamplerChoice(choice.id(), params));
            });
            Label name = new Label(p.name() + " (" + range + ")");
            name.getStyleClass().add("hint");
            HBox line = new HBox(6, name, sp);
            line.setPadding(new Insets(0, 0, 0, 12));
            row.getChildren().add(line);
        }
        Button remove = new Button("−");
        remove.setId("remove-sampler-" + i);
        remove.setDisable(session.samplers.size() <= 1);
        remove.setOnAction(e -> session.samplers.remove(i));
        head.getChildren().add(remove);
        return row;
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section");
        return l;
    }

    private static Label hint(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("hint");
        l.setWrapText(true);
        return l;
    }

    private static CheckBox toggle(String text, javafx.beans.property.BooleanProperty p, String id) {
        CheckBox c = new CheckBox(text);
        c.setId(id);
        c.selectedProperty().bindBidirectional(p);
        return c;
    }

    private static Spinner<Integer> intSpinner(int min, int max, int value) {
        Spinner<Integer> s = new Spinner<>(min, max, value);
        s.setEditable(true);
        s.setMaxWidth(Double.MAX_VALUE);
        s.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                commit(s);
            }
        });
        return s;
    }

    private static Spinner<Double> doubleSpinner(double min, double max, double value, double step) {
        Spinner<Double> s = new Spinner<>(new SpinnerValueFactory.DoubleSpinnerValueFactory(min, max, value, step));
        s.setEditable(true);
        s.setPrefWidth(90);
        s.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                commit(s);
            }
        });
        return s;
    }

    private static <T> void commit(Spinner<T> s) {
        try {
            T v = s.getValueFactory().getConverter().fromString(s.getEditor().getText());
            s.getValueFactory().setValue(v);
        } catch (RuntimeException e) {
            s.getEditor().setText(s.getValueFactory().getConverter().toString(s.getValue()));
        }
    }

    private final class TargetCell extends ListCell<String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
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
            setTooltip(new javafx.scene.control.Tooltip(Presets.description(item)));
        }
    }
}
