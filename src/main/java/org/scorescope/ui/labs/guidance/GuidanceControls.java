package org.scorescope.ui.labs.guidance;

import java.util.Arrays;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.scorescope.scenario.GuidanceScenario;
import org.scorescope.scenario.Scenario;
import org.scorescope.ui.lab.LabContext;
import org.scorescope.ui.lab.RunView;
import org.scorescope.ui.model.LayerToggle;

/**
 * The lab's section of the control column: guided on/off, the class picker, the w slider (arrow
 * keys move it by ¼; the run restarts when the slider is released or a key moved it), the NFE line
 * (the counted NFE of the finished run), the heat-map choice (the run's own law, p(x), p(x | c), the
 * tilted law) and the buttons that open the w comparison and the w study. Every edit goes through
 * the session's scenario, so it is saved and reopened with it.
 */
final class GuidanceControls extends VBox {
    final CheckBox guided = new CheckBox("_Guided sampling");
    final ComboBox<Integer> classPicker = new ComboBox<>();
    final Slider w = new Slider(0, GuidanceEdits.MAX_W, 0);
    final Label wValue = new Label();
    final Label nfe = new Label();
    final Label hint = new Label();
    final ToggleGroup heat = new ToggleGroup();
    private final LabContext context;
    private boolean showing;

    GuidanceControls(LabContext context, Runnable openCompare, Runnable openStudy) {
        super(5);
        this.context = context;
        setId("guidance-controls");
        guided.setId("guidance-on");
        guided.setMnemonicParsing(true);
        guided.setTooltip(new Tooltip("Every sampler sees ∇log p(x|c) + w ∇log p(c|x) (003 Part 4)"));
        classPicker.setId("guidance-class");
        classPicker.setCellFactory(l -> new ClassCell());
        classPicker.setButtonCell(new ClassCell());
        Label classLabel = new Label("_Class");
        classLabel.setMnemonicParsing(true);
        classLabel.setLabelFor(classPicker);
        w.setId("guidance-w");
        w.setBlockIncrement(0.25);
        w.setMajorTickUnit(2);
        w.setMinorTickCount(3);
        w.setShowTickMarks(true);
        w.setShowTickLabels(true);
        w.setSnapToTicks(false);
        w.setTooltip(new Tooltip("↑/↓ move w by ¼, Page Up/Down by 1 (←/→ step the timeline); Alt+W focuses the slider"));
        HBox.setHgrow(w, Priority.ALWAYS);
        // A horizontal slider moves on ←/→ only, which the window keeps for the timeline: ↑/↓ (¼) and Page Up/Down (1) move w.
        w.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            double step = switch (e.getCode()) {
                case UP, KP_UP -> 0.25;
                case DOWN, KP_DOWN -> -0.25;
                case PAGE_UP -> 1;
                case PAGE_DOWN -> -1;
                default -> 0;
            };
            if (step != 0) {
                w.setValue(GuidanceEdits.snap(w.getValue() + step));
                e.consume();
            }
        });
        wValue.setId("guidance-w-value");
        wValue.setMinWidth(60);
        Label wLabel = new Label("_w");
        wLabel.setMnemonicParsing(true);
        wLabel.setLabelFor(w);
        nfe.setId("guidance-nfe");
        nfe.setWrapText(true);
        nfe.getStyleClass().add("hint");
        hint.setWrapText(true);
        hint.getStyleClass().add("hint");
        FlowPane heatRow = new FlowPane(8, 2);
        heatRow.getChildren().add(radio("run's law", null));
        for (GuidancePictures.Law law : GuidancePictures.Law.values()) {
            RadioButton r = radio(law.shortName, law);
            r.setTooltip(new Tooltip("Heat map of " + law.formula + " at the displayed step's level"));
            heatRow.getChildren().add(r);
        }
        Button compare = new Button("Compare w…");
        compare.setId("open-guidance-compare");
        compare.setOnAction(e -> openCompare.run());
        compare.setTooltip(new Tooltip("Up to four panels at different w, same sampler, same noise"));
        Button study = new Button("w study…");
        study.setId("open-w-study");
        study.setOnAction(e -> openStudy.run());
        study.setTooltip(new Tooltip("Theorem 9's E[1/p(c|Y)], confidence and spread against w, with 95% intervals"));
        HBox classRow = new HBox(6, classLabel, classPicker);
        classRow.setAlignment(Pos.CENTER_LEFT);
        HBox wRow = new HBox(6, wLabel, w, wValue);
        wRow.setAlignment(Pos.CENTER_LEFT);
        Label heatLabel = new Label("Heat map at the shown step");
        heatLabel.getStyleClass().add("hint");
        getChildren().addAll(guided, classRow, wRow, nfe, heatLabel, heatRow, new HBox(6, compare, study), hint);
        guided.selectedProperty().addListener((o, a, b) -> commit());
        classPicker.valueProperty().addListener((o, a, b) -> commit());
        w.valueProperty().addListener((o, a, b) -> {
            wValue.setText("w = " + fmt(GuidanceEdits.snap(b.doubleValue())));
            if (!w.isValueChanging()) {
                commit();
            }
        });
        w.valueChangingProperty().addListener((o, a, b) -> {
            if (!b) {
                commit();
            }
        });
        context.session().scenarioProperty().addListener((o, a, b) -> show(b));
        context.run().addListener((o, a, b) -> watch(b));
        show(context.session().scenario());
    }

    private RadioButton radio(String text, GuidancePictures.Law law) {
        RadioButton r = new RadioButton(text);
        r.setId("heat-" + (law == null ? "run" : law.name().toLowerCase()));
        r.setToggleGroup(heat);
        r.setSelected(law == null);
        r.selectedProperty().addListener((o, a, b) -> {
            if (b) {
                for (GuidancePictures.Law l : GuidancePictures.Law.values()) {
                    layer(GuidanceLayers.HEAT_PREFIX + l.name().toLowerCase()).onProperty().set(l == law);
                }
            }
        });
        return r;
    }

    private LayerToggle layer(String id) {
        return context.session().layers().get(id);
    }

    /** Shows the scenario's guidance (never writes it back). */
    private void show(Scenario s) {
        showing = true;
        try {
            GuidedRun g = GuidedRun.of(s);
            boolean usable = g != null;
            guided.setDisable(!usable);
            classPicker.setDisable(!usable);
            w.setDisable(!usable);
            if (usable) {
                classPicker.getItems().setAll(Arrays.stream(g.classes().classIds()).boxed().toList());
                classPicker.setValue(g.classId());
                hint.setText("");
            } else {
                classPicker.getItems().clear();
                hint.setText("Guidance needs a target with classes: " + String.join(", ", GuidanceScenario.classedPresets())
                        + ", or \"classes\" in the scenario file.");
            }
            guided.setSelected(s.guidance() != null);
            double value = s.guidance() != null ? s.guidance().w() : 0;
            w.setValue(Math.min(GuidanceEdits.MAX_W, value));
            wValue.setText("w = " + fmt(value));
            nfe.setText(GuidanceEdits.costNote(s));
        } finally {
            showing = false;
        }
    }

    /** Writes the controls into the scenario (one edit, one restart). */
    private void commit() {
        if (showing || guided.isDisabled() || classPicker.getValue() == null) {
            return;
        }
        Scenario s = context.session().scenario();
        double value = GuidanceEdits.snap(w.getValue());
        if (s.guidance() != null && s.guidance().w() > GuidanceEdits.MAX_W && w.getValue() >= GuidanceEdits.MAX_W) {
            value = s.guidance().w();
        }
        double chosen = value;
        context.session().edit(sc -> guided.isSelected() ? GuidanceEdits.guide(sc, classPicker.getValue(), chosen) : GuidanceEdits.unguide(sc));
    }

    /** When a run finishes, shows its counted NFE. */
    private void watch(RunView run) {
        if (run == null) {
            return;
        }
        run.finished().thenAccept(r -> context.executor().ui().run(() -> {
            if (context.run().get() == run) {
                nfe.setText(GuidanceEdits.costNote(run.scenario()) + " " + GuidanceEdits.measuredNote(run.scenario(), run.labels(), r.nfe()));
            }
        }));
    }

    static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /** A class with its colour swatch. */
    private final class ClassCell extends ListCell<Integer> {
        @Override
        protected void updateItem(Integer id, boolean empty) {
            super.updateItem(id, empty);
            if (empty || id == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            GuidedRun g = GuidedRun.of(context.session().scenario());
            int index = g == null ? 0 : Math.max(0, Arrays.binarySearch(g.classes().classIds(), id));
            int argb = GuidancePictures.classColor(index);
            setGraphic(new Rectangle(12, 12, Color.rgb((argb >> 16) & 0xFF, (argb >> 8) & 0xFF, argb & 0xFF)));
            setText("class " + id);
        }
    }
}
