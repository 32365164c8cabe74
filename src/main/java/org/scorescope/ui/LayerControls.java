package org.scorescope.ui;

import javafx.collections.ListChangeListener;
import javafx.scene.control.CheckBox;
import javafx.scene.layout.VBox;
import org.scorescope.ui.model.LayerToggle;
import org.scorescope.ui.model.SessionModel;

/** One check box per layer — the built-in ones and every lab's — with its key, and the frame-time overlay. */
final class LayerControls extends VBox {
    private final SessionModel model;
    private final VBox boxes = new VBox(3);

    LayerControls(SessionModel model) {
        super(4);
        this.model = model;
        CheckBox frame = new CheckBox("Frame-time overlay");
        frame.setId("toggle-frametime");
        frame.selectedProperty().bindBidirectional(model.frameTime);
        getChildren().addAll(ControlPane.section("Layers"), boxes, frame);
        model.layers().all().addListener((ListChangeListener<LayerToggle>) c -> rebuild());
        model.scenarioProperty().addListener((o, was, now) -> showApplicable());
        rebuild();
    }

    /** A layer that means nothing for the scenario (class layers on ring8) is not listed; its key still toggles it. */
    private void showApplicable() {
        for (javafx.scene.Node n : boxes.getChildren()) {
            LayerToggle l = (LayerToggle) n.getUserData();
            boolean applies = l.appliesTo(model.scenario());
            n.setVisible(applies);
            n.setManaged(applies);
        }
    }

    private void rebuild() {
        boxes.getChildren().clear();
        for (LayerToggle l : model.layers().all()) {
            CheckBox c = new CheckBox(l.label() + (l.key() != 0 ? " (" + l.key() + ")" : ""));
            c.setId("layer-" + l.id());
            c.selectedProperty().bindBidirectional(l.onProperty());
            c.setUserData(l);
            boxes.getChildren().add(c);
        }
        showApplicable();
    }
}
