package org.scorescope.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The left column: the file buttons, the View menu and the keys, then collapsible sections — the
 * scenario, the samplers, the exports, the layers, then one per lab. It only lays the sections out;
 * each binds itself to the session. At 1280×720 the scenario and the samplers fit on screen; the
 * column scrolls (with a visible bar, {@link Sidebar}) to the rest, and a folded section shows at
 * least its title, so a lecturer sees that it is there.
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

    /** The collapsible sections, in their order (Scenario, Samplers, Export, Layers, then the labs). */
    final List<TitledPane> sections = new ArrayList<>();

    ControlPane(ScenarioControls scenario, SamplerControls samplers, LayerControls layers, List<Node> labSections, Node viewMenu) {
        super(6);
        this.scenario = scenario;
        this.samplers = samplers;
        this.layers = layers;
        getStyleClass().add("controls");
        setPadding(new Insets(8, 10, 10, 10));
        recent.setId("recent-scenarios");
        recent.setMaxWidth(Double.MAX_VALUE);
        exportScale.setId("export-scale");
        exportScale.setTooltip(new Tooltip("PNG scale: 1–4 × the panel's size on screen"));
        Label scaleLabel = new Label("PNG scale (1–4×)");
        scaleLabel.getStyleClass().add("hint");
        HBox scale = new HBox(6, scaleLabel, exportScale);
        scale.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        GridPane exportButtons = twoColumns(exportFigure, exportSmallMultiples, exportAnimation, exportData);
        exportButtons.setMaxWidth(Double.MAX_VALUE);
        VBox export = new VBox(4, exportButtons, scale);
        export.setPadding(Insets.EMPTY);
        // Scenario and samplers first: at 1280×720 they fit under the file buttons; the rest folds.
        sections.add(fold("Scenario", "section-scenario", scenario));
        sections.add(fold("Samplers (1–8, same initial noise)", "section-samplers", samplers));
        sections.add(fold("Export", "section-export", export));
        sections.add(adopt(layers, "section-layers"));
        for (Node lab : labSections) {
            sections.add(adopt(lab, "section-" + (lab.getId() == null ? "lab" : lab.getId())));
        }
        getChildren().add(twoColumns(lectures, recent, open, save, (javafx.scene.control.Control) viewMenu, shortcuts));
        getChildren().addAll(sections);
    }

    /** A collapsible section around a part of the column (open at first). */
    static TitledPane fold(String title, String id, Node content) {
        TitledPane t = new TitledPane(title, content);
        t.setId(id);
        t.setAnimated(false);
        t.setExpanded(true);
        t.getStyleClass().add("fold");
        t.setMaxWidth(Double.MAX_VALUE);
        return t;
    }

    /**
     * A section whose content brings its own heading (a lab's section, the layers): the heading
     * becomes the fold's title, so it is not said twice.
     */
    static TitledPane adopt(Node part, String id) {
        String title = "";
        if (part instanceof Pane p && !p.getChildren().isEmpty() && p.getChildren().get(0) instanceof Label l
                && l.getStyleClass().contains("section")) {
            title = l.getText();
            p.getChildren().remove(0);
        }
        return fold(title, id, part);
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
