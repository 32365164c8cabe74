package org.scorescope.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The application options a lecturer types to start a demo: {@code --play} plays once the run starts, and the window fits the screen. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class StartOptionsTest {
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = new MainWindow(stage, UiOptions.parse(List.of("--play", "--particles", "2000")));
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> window.close());
    }

    @Test
    void playStartsPlaybackWithoutAKey(FxRobot robot) {
        int start = window.session().step.get();
        UiWait.until("the step moves towards the output", () -> window.session().step.get() < start);
        assertTrue(window.session().playing.get() || window.session().step.get() == 0, "still playing (or already at the output)");
    }

    @Test
    void theWindowFitsTheScreensUsableArea(FxRobot robot) {
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        assertTrue(stage.getScene().getHeight() <= screen.getHeight() && stage.getScene().getWidth() <= screen.getWidth(),
                stage.getScene().getWidth() + "x" + stage.getScene().getHeight() + " on " + screen);
    }
}
