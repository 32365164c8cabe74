package org.scorescope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 4, must-show 1: the real window, driven headless (Monocle) as a user would: controls,
 * playback, stepping, scrubbing, overlays, presentation mode; closing leaves no engine thread (the FX
 * thread staying free while a million particles compute: {@link FxThreadTest}).
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = new MainWindow(stage, UiOptions.none());
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> window.close());
    }

    private static void waitUntil(String what, BooleanSupplier condition) {
        UiWait.until(what, condition);
    }

    private String caption(FxRobot robot, int i) {
        return robot.lookup("#caption-" + i).queryAs(Label.class).getText();
    }

    private String stepLabel(FxRobot robot) {
        return robot.lookup("#step-label").queryAs(Label.class).getText();
    }

    @Test
    void opensWithTheDefaultScenarioReadyToPlay(FxRobot robot) {
        waitUntil("two captions at t = 40", () -> caption(robot, 0) != null && caption(robot, 0).startsWith("ddpm   t = 40 / 40")
                && caption(robot, 1) != null && caption(robot, 1).startsWith("accel-ddpm   t = 40 / 40"));
        assertEquals("t = 40 / 40", stepLabel(robot));
        assertTrue(caption(robot, 0).contains("NFE 0"), caption(robot, 0));
        robot.type(KeyCode.SPACE);
        waitUntil("playback reached the end", () -> "t = 0 / 40".equals(stepLabel(robot)));
        waitUntil("final captions", () -> caption(robot, 0).contains("t = 0 / 40") && caption(robot, 0).contains("NFE 40"));
        assertTrue(caption(robot, 1).matches("(?s).*TV 0\\.[0-9]{3}.*"), caption(robot, 1));
    }

    @Test
    void pickTargetAndSamplersThenPlayPauseStepScrub(FxRobot robot) {
        robot.interact(() -> robot.lookup("#target").queryAs(ComboBox.class).getSelectionModel().select("moons"));
        robot.interact(() -> robot.lookup("#sampler-0").queryAs(ComboBox.class).getSelectionModel().select("ddim"));
        robot.interact(() -> robot.lookup("#sampler-1").queryAs(ComboBox.class).getSelectionModel().select("accel-ddim-ms"));
        waitUntil("captions of the new samplers", () -> caption(robot, 0) != null && caption(robot, 0).startsWith("ddim   t = 40")
                && caption(robot, 1) != null && caption(robot, 1).startsWith("accel-ddim-ms   t = 40"));
        assertTrue(window.session().status.get().startsWith("moons"), window.session().status.get());

        robot.type(KeyCode.SPACE);
        waitUntil("playing", () -> !"t = 40 / 40".equals(stepLabel(robot)));
        robot.type(KeyCode.SPACE);
        String paused = stepLabel(robot);
        WaitForAsyncUtils.sleep(400, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        String stillPaused = stepLabel(robot);
        assertEquals(paused, stillPaused, "paused playback does not move");
        int t = Integer.parseInt(stillPaused.replaceAll("t = (\\d+) / 40", "$1"));

        robot.type(KeyCode.LEFT);
        waitUntil("stepped back", () -> stepLabel(robot).equals("t = " + (t + 1) + " / 40"));
        robot.type(KeyCode.END);
        waitUntil("end", () -> stepLabel(robot).equals("t = 0 / 40"));
        waitUntil("caption at the end", () -> caption(robot, 1).startsWith("accel-ddim-ms   t = 0 / 40"));
        robot.type(KeyCode.RIGHT);
        assertEquals("t = 0 / 40", stepLabel(robot), "cannot step past the output level");
        robot.type(KeyCode.HOME);
        waitUntil("home", () -> stepLabel(robot).equals("t = 40 / 40"));

        // Scrub: press on the slider at 3/4 of its width, i.e. step 40 − 30 = 10.
        Slider slider = robot.lookup("#scrubber").queryAs(Slider.class);
        robot.moveTo(slider).moveBy(slider.getWidth() * 0.25 - 8, 0).press(javafx.scene.input.MouseButton.PRIMARY)
                .release(javafx.scene.input.MouseButton.PRIMARY);
        waitUntil("scrubbed to a middle step", () -> {
            int s = Integer.parseInt(stepLabel(robot).replaceAll("t = (\\d+) / 40", "$1"));
            return s > 0 && s < 40;
        });
        String scrubbed = stepLabel(robot).replace("t = ", "").replace(" / 40", "");
        waitUntil("captions follow the scrub", () -> caption(robot, 0).startsWith("ddim   t = " + scrubbed + " / 40"));

        robot.clickOn("#forward");
        waitUntil("forward button", () -> stepLabel(robot).equals("t = " + (Integer.parseInt(scrubbed) - 1) + " / 40"));
    }

    @Test
    void overlaysToggleFromKeysAndBoxes(FxRobot robot) {
        waitUntil("first frame", () -> caption(robot, 0) != null && caption(robot, 0).startsWith("ddpm"));
        CheckBox field = robot.lookup("#layer-score-field").queryAs(CheckBox.class);
        CheckBox density = robot.lookup("#layer-density").queryAs(CheckBox.class);
        CheckBox trails = robot.lookup("#layer-trails").queryAs(CheckBox.class);
        assertFalse(field.isSelected());
        robot.type(KeyCode.S);
        assertTrue(field.isSelected());
        assertTrue(density.isSelected());
        robot.type(KeyCode.D);
        assertFalse(density.isSelected());
        assertTrue(trails.isSelected());
        robot.type(KeyCode.T);
        assertFalse(trails.isSelected());
        // The layer boxes are low in the control pane, above the labs' sections: scroll to them, as a user would.
        robot.interact(() -> {
            ScrollPane scroll = robot.lookup("#control-scroll").queryAs(ScrollPane.class);
            javafx.scene.Node box = robot.lookup("#layer-contours").query();
            double y = scroll.getContent().sceneToLocal(box.localToScene(0, 0)).getY();
            double room = scroll.getContent().getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
            scroll.setVvalue(room <= 0 ? 0 : Math.min(1, Math.max(0, (y - 20) / room)));
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#layer-contours");
        assertTrue(robot.lookup("#layer-contours").queryAs(CheckBox.class).isSelected());
        robot.clickOn("#layer-particles");
        assertFalse(robot.lookup("#layer-particles").queryAs(CheckBox.class).isSelected());
        robot.clickOn("#toggle-frametime");
        waitUntil("frame-time overlay", () -> robot.lookup("#frame-time").queryAs(Label.class).getText().startsWith("FX "));
        // Every layer state still renders: the captions keep following the steps.
        robot.type(KeyCode.END);
        waitUntil("rendered at the end with the new layers", () -> caption(robot, 0).contains("t = 0 / 40"));
        robot.type(KeyCode.DIGIT2);
        waitUntil("focused on panel 2", () -> window.panels().get(0).getScene() == null || window.panels().get(0).getParent() == null);
        robot.type(KeyCode.DIGIT2);
        waitUntil("both panels again", () -> window.panels().get(0).getParent() != null);
    }

    @Test
    void presentationModeHidesControlsAndComesBack(FxRobot robot) {
        waitUntil("first frame", () -> caption(robot, 0) != null && caption(robot, 0).startsWith("ddpm"));
        ScrollPane controls = robot.lookup("#control-scroll").queryAs(ScrollPane.class);
        assertTrue(controls.isVisible());
        robot.type(KeyCode.F11);
        waitUntil("presentation", () -> !controls.isVisible() && stage.getScene().getRoot().getStyleClass().contains("presentation"));
        robot.type(KeyCode.SPACE);
        waitUntil("plays in presentation mode", () -> !caption(robot, 0).contains("t = 40 / 40"));
        robot.type(KeyCode.F11);
        waitUntil("back", () -> controls.isVisible() && !stage.getScene().getRoot().getStyleClass().contains("presentation"));
    }

    @Test
    void closingTheWindowStopsEveryEngineThread(FxRobot robot) {
        waitUntil("first frame", () -> caption(robot, 0) != null && caption(robot, 0).startsWith("ddpm"));
        robot.interact(() -> window.session().setParticles(300_000));
        robot.interact(() -> {
            window.close();
            stage.close();
        });
        try {
            waitUntil("engine and background threads gone", () -> Thread.getAllStackTraces().keySet().stream()
                    .noneMatch(t -> t.isAlive() && (t.getName().startsWith("scorescope-engine") || t.getName().startsWith("scorescope-bg"))));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + ": " + Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                    .map(Thread::getName).filter(n -> n.startsWith("scorescope")).toList(), e);
        }
    }

    @Test
    void samplerParametersAreEditableWithTheirRanges(FxRobot robot) {
        robot.interact(() -> robot.lookup("#sampler-1").queryAs(ComboBox.class).getSelectionModel().select("lagrange"));
        waitUntil("K spinner", () -> robot.lookup("#param-1-K").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        javafx.scene.control.Spinner<Double> k = robot.lookup("#param-1-K").queryAs(javafx.scene.control.Spinner.class);
        robot.interact(() -> k.increment());
        // The caption names the sampler by its canonical id, as the CSV/JSON outputs and the legends do (issue 12).
        waitUntil("caption shows K=3", () -> caption(robot, 1) != null && caption(robot, 1).startsWith("lagrange:K=3:R=2:anchors=0"));
        assertTrue(robot.lookup(".hint").queryAll().stream().anyMatch(n -> n instanceof Label l && l.getText().equals("K (1–4)")));
    }
}
