package org.scorescope.ui;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.scorescope.scenario.Scenario;
import org.scorescope.ui.lab.Lab;
import org.scorescope.ui.lab.ScenarioField;
import org.scorescope.ui.model.SessionModel;

/**
 * A lab's section of the control column: its title, an editor per scenario field it contributes
 * (bound to the session's scenario through the field's get/set), and its own control pane.
 */
final class LabSection extends VBox {
    private boolean showing;

    LabSection(Lab lab, SessionModel model) {
        super(4);
        setId("lab-" + lab.id());
        getChildren().add(ControlPane.section(lab.title()));
        for (ScenarioField f : lab.scenarioFields()) {
            getChildren().add(editor(f, model));
        }
        lab.controlPane().ifPresent(getChildren()::add);
    }

    private Node editor(ScenarioField f, SessionModel model) {
        if (f.kind() == ScenarioField.Kind.BOOLEAN) {
            CheckBox box = new CheckBox(f.label());
            box.setId("field-" + f.id());
            Runnable show = () -> {
                showing = true;
                box.setSelected(f.get().applyAsDouble(model.scenario()) != 0);
                showing = false;
            };
            show.run();
            model.scenarioProperty().addListener((o, a, b) -> show.run());
            box.selectedProperty().addListener((o, a, b) -> {
                if (!showing) {
                    model.edit(s -> f.set().apply(s, b ? 1.0 : 0.0));
                }
            });
            return box;
        }
        Scenario s0 = model.scenario();
        Spinner<Double> sp = Fields.doubleSpinner(f.min(), f.max(), f.get().applyAsDouble(s0), f.step());
        sp.setId("field-" + f.id());
        model.scenarioProperty().addListener((o, a, b) -> {
            showing = true;
            sp.getValueFactory().setValue(f.get().applyAsDouble(b));
            showing = false;
        });
        sp.valueProperty().addListener((o, a, b) -> {
            if (!showing && b != null) {
                double v = f.kind() == ScenarioField.Kind.WHOLE ? Math.rint(b) : b;
                model.edit(s -> f.set().apply(s, v));
            }
        });
        Label name = new Label(f.label());
        name.getStyleClass().add("hint");
        HBox line = new HBox(6, name, sp);
        line.setAlignment(Pos.CENTER_LEFT);
        return line;
    }
}
