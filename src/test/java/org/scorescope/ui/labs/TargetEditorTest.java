package org.scorescope.ui.labs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.scorescope.scenario.ScenarioBuilder;
import org.scorescope.ui.MainWindow;
import org.scorescope.ui.UiOptions;

/** Issue 7, must-show 3: draw a two-component target, sample it, export a PNG. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class TargetEditorTest {
    private MainWindow window;
    private Stage stage;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = new MainWindow(stage, UiOptions.none());
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> window.close());
    }

    private static void waitUntil(String what, java.util.function.BooleanSupplier c) {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, c::getAsBoolean);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting for: " + what, e);
        }
    }

    @Test
    void drawTwoGaussiansSampleThemAndExportAPng(FxRobot robot) throws Exception {
        org.scorescope.ui.UiScroll.intoView(robot, "#open-editor");
        robot.clickOn("#open-editor");
        TargetEditor[] ed = new TargetEditor[1];
        robot.interact(() -> ed[0] = window.lab(TargetEditorLab.class).open());
        TargetEditor e = ed[0];
        waitUntil("editor", () -> robot.lookup("#editor-canvas").tryQuery().isPresent());
        var canvas = e.canvas;
        Point2D origin = canvas.localToScreen(0, 0);
        // Click twice: one Gaussian at (-2, 1), one at (2, -1) in world units (the view is [-6, 6]², 520 px).
        double scale = TargetEditor.SIZE / 12.0;
        Point2D a = origin.add((-2 + 6) * scale, (6 - 1) * scale);
        Point2D b = origin.add((2 + 6) * scale, (6 + 1) * scale);
        robot.clickOn(a, MouseButton.PRIMARY);
        robot.clickOn(b, MouseButton.PRIMARY);
        waitUntil("two components", () -> e.components.size() == 2);
        double[][] before = e.components.get(1).covariance();
        // Drag the major-axis handle of the second component (2 sd along angle 0 → 1.2 world units right) further out.
        Point2D handle = b.add(2 * 0.6 * scale, 0);
        robot.drag(handle, MouseButton.PRIMARY).moveTo(handle.add(30, -30)).release(MouseButton.PRIMARY);
        double[][] after = e.components.get(1).covariance();
        assertNotEquals(before[0][1], after[0][1], "the ellipse was rotated by dragging its handle");
        robot.interact(() -> e.weight.getValueFactory().setValue(3.0));
        assertEquals(3.0, e.components.get(1).weight);
        // A box beside them: Box mode, drag from (-4, -2) to (-1, -4).
        robot.clickOn("#editor-box");
        Point2D from = origin.add((-4 + 6) * scale, (6 + 2) * scale);
        Point2D to = origin.add((-1 + 6) * scale, (6 + 4) * scale);
        robot.drag(from, MouseButton.PRIMARY).moveTo(to).release(MouseButton.PRIMARY);
        waitUntil("three components", () -> e.components.size() == 3);
        assertEquals("mixture", e.spec().type());
        waitUntil("density preview", e::previewShown);
        robot.clickOn("#editor-use");
        waitUntil("the run uses the drawn target", () -> window.session().status.get().startsWith("custom target"));
        var target = ScenarioBuilder.target(window.session().scenario().target());
        assertTrue(target instanceof org.scorescope.distribution.CompositeTarget, "Gaussians and a box in one target");
        assertEquals(5.0 / 5.0, target.boxMass(new double[] {-50, -50}, new double[] {50, 50}, 0.5), 1e-9);
        robot.interact(() -> stage.toFront());
        robot.interact(() -> window.session().setSteps(8));
        robot.clickOn("#end");
        waitUntil("sampled to the end", () -> {
            Label c = robot.lookup("#caption-0").tryQueryAs(Label.class).orElse(null);
            return c != null && c.getText() != null && c.getText().contains("t = 0 / 8");
        });
        Path png = dir.resolve("drawn.png");
        java.util.concurrent.Future<?>[] job = new java.util.concurrent.Future<?>[1];
        robot.interact(() -> job[0] = window.exportFigure(png, 1));
        job[0].get(60, TimeUnit.SECONDS);
        var img = javax.imageio.ImageIO.read(png.toFile());
        assertTrue(img.getWidth() > 200);
        var saved = org.scorescope.scenario.ScenarioJson.read(dir.resolve("drawn.scenario.json"));
        assertEquals("mixture", saved.target().type());
        assertEquals(2, saved.target().means().length);
        assertEquals(1, saved.target().lo().length);
        assertEquals(3.0, saved.target().weights()[1], 0);
    }
}
