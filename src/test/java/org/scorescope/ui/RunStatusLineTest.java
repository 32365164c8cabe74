package org.scorescope.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A long run (N·samplers·T ≥ 5·10⁷, so its job shows in the status line) is described by its count
 * and names of samplers and the steps done: "Computing 3 samplers: ddpm, accel-ddpm, ddim — step
 * 12/40", not "Computing … sampler(s)".
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class RunStatusLineTest {
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow(stage, UiOptions.parse(List.of("--size", "1280x720", "--panels", "3", "--particles", "500000",
                "--ui-scale", "1")));
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> window.close());
    }

    @Test
    void theStatusLineNamesTheSamplersAndTheStep(FxRobot robot) {
        Label job = robot.lookup("#job-title").queryAs(Label.class);
        UiWait.until("the run's job in the status line", () -> job.isVisible() && job.getText() != null
                && job.getText().startsWith("Computing 3 samplers"));
        String first = job.getText();
        assertTrue(first.matches("Computing 3 samplers: ddpm, accel-ddpm, ddim — step \\d+/40"), first);
        UiWait.until("the step counts up", () -> job.getText().matches(".* — step ([1-9]\\d*)/40"));
        assertTrue(!job.getText().contains("(s)"), job.getText());
        robot.clickOn("#job-cancel");
    }
}
