package org.scorescope.ui;

import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.scorescope.scenario.LectureScenarios;
import org.scorescope.scenario.Scenario;
import org.scorescope.ui.lab.Lab;

/**
 * The lecture start page: each scenario with its title and paragraph, one click to open — the
 * built-in set, then each lab's lectures under the lab's title.
 */
final class LecturesWindow {
    final Stage stage = new Stage();
    private int index;

    LecturesWindow(List<Lab> labs, Consumer<Scenario> open, Consumer<Scene> style) {
        stage.setTitle("ScoreScope — lectures");
        VBox list = new VBox(14);
        list.setPadding(new Insets(16));
        for (LectureScenarios.Lecture l : LectureScenarios.all()) {
            list.getChildren().add(entry(l.scenario(), open));
        }
        for (Lab lab : labs) {
            if (!lab.lectures().isEmpty()) {
                Label heading = ControlPane.section(lab.title());
                heading.getStyleClass().add("lecture-heading");
                list.getChildren().add(heading);
                lab.lectures().forEach(s -> list.getChildren().add(entry(s, open)));
            }
        }
        ScrollPane scroll = new ScrollPane(list);
        scroll.setFitToWidth(true);
        Scene scene = new Scene(scroll, 760, 700);
        style.accept(scene);
        stage.setScene(scene);
    }

    private VBox entry(Scenario s, Consumer<Scenario> open) {
        Label title = new Label(s.title());
        title.getStyleClass().add("lecture-title");
        Label text = new Label(s.description());
        text.setWrapText(true);
        text.setMaxWidth(680);
        text.getStyleClass().add("lecture-text");
        Button b = new Button("Open");
        b.setId("lecture-" + index++);
        b.setOnAction(e -> {
            open.accept(s);
            stage.close();
        });
        return new VBox(4, title, text, b);
    }
}
