package org.scorescope.ui;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.scorescope.ui.model.SessionModel;

/**
 * Above the panels: the scenario's title and paragraph (a lecture's text), and what the window
 * cannot show of the scenario, if anything.
 */
final class ScenarioBanner extends VBox {
    final Label text = new Label();
    final Label notice = new Label();

    ScenarioBanner(SessionModel model) {
        text.setId("scenario-banner");
        text.getStyleClass().add("banner");
        text.setWrapText(true);
        text.setMaxWidth(Double.MAX_VALUE);
        text.textProperty().bind(Bindings.createStringBinding(() -> {
            var s = model.scenario();
            return s.title().isEmpty() ? "" : s.title() + (s.description().isEmpty() ? "" : " — " + s.description());
        }, model.scenarioProperty()));
        text.visibleProperty().bind(text.textProperty().isNotEmpty());
        text.managedProperty().bind(text.visibleProperty());
        notice.setId("scenario-notice");
        notice.getStyleClass().add("notice");
        notice.setWrapText(true);
        notice.setMaxWidth(Double.MAX_VALUE);
        notice.textProperty().bind(model.notice);
        notice.visibleProperty().bind(model.notice.isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());
        getChildren().addAll(text, notice);
    }
}
