package org.scorescope.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** The JavaFX application (a placeholder until the visualizer lands). */
public final class ScoreScopeApp extends Application {
    /** Launches the application and blocks until its window closes. */
    public static void launchApp(String[] args) {
        Application.launch(ScoreScopeApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("ScoreScope");
        stage.setScene(new Scene(new StackPane(new Label("ScoreScope: the visualizer is coming. Use the CLI: sample, sweep, bench.")), 800, 500));
        stage.show();
    }
}
