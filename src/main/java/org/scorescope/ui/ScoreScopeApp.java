package org.scorescope.ui;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.stage.Stage;

/**
 * The JavaFX application. Started by {@link org.scorescope.Launcher}, never as the main class.
 */
public final class ScoreScopeApp extends Application {
    private MainWindow window;

    /** Launches the application and blocks until its window closes. */
    public static void launchApp(String[] args) {
        Application.launch(ScoreScopeApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        UiOptions options;
        try {
            options = UiOptions.parse(getParameters().getRaw());
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            Platform.exit();
            return;
        }
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
            System.err.println("unexpected error on " + t.getName() + ": " + e);
            if (Platform.isFxApplicationThread()) {
                Alert a = new Alert(Alert.AlertType.ERROR, "Something went wrong: " + e.getMessage()
                        + "\nThe run keeps its state; please report this with the scenario.");
                a.setHeaderText("ScoreScope");
                a.show();
            }
        });
        window = new MainWindow(stage, options);
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
    }
}
