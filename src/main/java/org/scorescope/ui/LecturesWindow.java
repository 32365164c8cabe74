package org.scorescope.ui;

import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.scorescope.scenario.LectureScenarios;

/** The start page of the lecture set: each scenario with its title and paragraph, one click to open. */
final class LecturesWindow {
    final Stage stage = new Stage();

    LecturesWindow(MainWindow window) {
        stage.setTitle("ScoreScope — lectures");
        VBox list = new VBox(14);
        list.setPadding(new Insets(16));
        int i = 0;
        for (LectureScenarios.Lecture l : LectureScenarios.all()) {
            Label title = new Label(l.scenario().title());
            title.getStyleClass().add("section");
            title.setStyle("-fx-font-size: 16px;");
            Label text = new Label(l.scenario().description());
            text.setWrapText(true);
            text.setMaxWidth(640);
            Button open = new Button("Open");
            open.setId("lecture-" + i++);
            open.setOnAction(e -> {
                window.load(l.scenario());
                stage.close();
            });
            list.getChildren().add(new VBox(4, title, text, open));
        }
        ScrollPane scroll = new ScrollPane(list);
        scroll.setFitToWidth(true);
        Scene scene = new Scene(scroll, 720, 700);
        scene.getStylesheets().add(MainWindow.class.getResource("scorescope.css").toExternalForm());
        stage.setScene(scene);
    }
}
