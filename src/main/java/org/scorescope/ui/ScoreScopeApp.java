package org.scorescope.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.FileHandler;
import java.util.logging.Level;
import java.util.logging.SimpleFormatter;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.scorescope.ui.service.Failures;

/**
 * The JavaFX application. Started by {@link org.scorescope.Launcher}, never as the main class. Writes
 * its log to {@code ~/.scorescope/scorescope.log} and routes every uncaught exception — on the FX
 * thread or any other — to the window's failure reporter (log + dialog).
 */
public final class ScoreScopeApp extends Application {
    private static volatile MainWindow window;

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
        logToFile();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
            MainWindow w = window;
            if (w != null) {
                w.failures().report("Unexpected error on " + t.getName(), e);
            } else {
                Failures.LOG.log(Level.SEVERE, "unexpected error on " + t.getName(), e);
            }
        });
        window = new MainWindow(stage, options);
    }

    private static void logToFile() {
        try {
            Path dir = Path.of(System.getProperty("user.home"), ".scorescope");
            Files.createDirectories(dir);
            Path file = dir.resolve("scorescope.log");
            FileHandler h = new FileHandler(file.toString(), 1 << 20, 1, true);
            h.setFormatter(new SimpleFormatter());
            Failures.LOG.addHandler(h);
            Failures.setLogFile(file.toString());
        } catch (IOException | SecurityException e) {
            System.err.println("scorescope: cannot write the log file (" + e.getMessage() + "); the log goes to the console");
        }
    }

    @Override
    public void stop() {
        MainWindow w = window;
        if (w != null) {
            w.close();
        }
    }
}
