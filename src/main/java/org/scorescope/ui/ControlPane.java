package org.scorescope.ui;

import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The left column: files and exports, the scenario, the samplers, the layers, then one section per
 * lab. It only lays the sections out; each binds itself to the session.
 */
final class ControlPane extends VBox {
    final Button lectures = button("Lectures…", "open-lectures", "The lecture scenarios, with their explanations");
    final Button open = button("Open…", "open-scenario", "Open a scenario file (or drop one on the window)");
    final Button save = button("Save…", "save-scenario", "Save the scenario as it is now");
    final MenuButton recent = new MenuButton("Recent");
    final Button exportFigure = button("Figure…", "export-figure", "The current step of every panel, as PNG, SVG or PDF (Ctrl+E)");
    final Button exportSmallMultiples = button("Small multiples…", "export-small-multiples", "Chosen steps as columns");
    final Button exportAnimation = button("Animation…", "export-animation", "The whole run as GIF or MP4");
    final Button exportData = button("Data…", "export-data", "Particles, metric series or trajectories (CSV, JSON)");
    final Button shortcuts = button("Keys (?)", "show-shortcuts", "Every keyboard shortcut");
    final Spinner<Integer> exportScale = Fields.intSpinner(1, 4, 2);
    final ScenarioControls scenario;
    final SamplerControls samplers;
    final LayerControls layers;

    ControlPane(ScenarioControls scenario, SamplerControls samplers, LayerControls layers, List<Node> labSections) {
        super(6);
        this.scenario = scenario;
        this.samplers = samplers;
        this.layers = layers;
        getStyleClass().add("controls");
        setPadding(new Insets(10));
        setPrefWidth(320);
        recent.setId("recent-scenarios");
        recent.setMaxWidth(Double.MAX_VALUE);
        exportScale.setId("export-scale");
        exportScale.setPrefWidth(70);
        exportScale.setTooltip(new Tooltip("PNG scale: 1–4 × the panel's size on screen"));
        Label scaleLabel = new Label("PNG scale (1–4×)");
        scaleLabel.getStyleClass().add("hint");
        HBox scale = new HBox(6, scaleLabel, exportScale, shortcuts);
        scale.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        getChildren().addAll(twoColumns(lectures, recent, open, save), section("Export"),
                twoColumns(exportFigure, exportSmallMultiples, exportAnimation, exportData), scale,
                scenario, samplers, layers);
        getChildren().addAll(labSections);
    }

    private static GridPane twoColumns(javafx.scene.control.Control... cells) {
        GridPane g = new GridPane();
        g.setHgap(4);
        g.setVgap(4);
        for (int i = 0; i < cells.length; i++) {
            cells[i].setMaxWidth(Double.MAX_VALUE);
            cells[i].setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            GridPane.setHgrow(cells[i], Priority.ALWAYS);
            g.add(cells[i], i % 2, i / 2);
        }
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        g.getColumnConstraints().addAll(half, half);
        return g;
    }

    private static Button button(String text, String id, String tip) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        return b;
    }

    /** A section heading. */
    static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section");
        l.setWrapText(true);
        return l;
    }
}
