package org.scorescope.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Point2D;
import javafx.scene.control.Spinner;
import javafx.scene.image.Image;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.scorescope.engine.Frame;
import org.scorescope.render.PanelRenderer;
import org.scorescope.render.Viewport;
import org.scorescope.scenario.ScenarioJson;
import org.scorescope.ui.model.SessionModel;
import org.scorescope.ui.present.Ghost;
import org.scorescope.ui.present.PanelOverlay;
import org.scorescope.ui.present.ParticlePicker;
import org.scorescope.ui.service.BackgroundExecutor;
import org.scorescope.ui.service.UiThread;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 18, must-show 3 (presenter tools) and the pick: in presentation mode the pen draws a stroke
 * with the robot's mouse (and does not pan), a step change clears it unless R keeps it, E erases,
 * F pins the frame on screen as a ghost that stays while the running frame changes; Shift+click picks
 * the nearest particle, rings it, and the anatomy window opens on it and follows the step.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class PresenterToolsUiTest {
    private static final String JSON = "{\"title\": \"presenter\", \"target\": \"ring8\", \"samplers\": [\"ddpm\", \"accel-ddpm\"],"
            + " \"steps\": 10, \"particles\": 3000, \"seed\": 3}";
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow(stage, UiOptions.none());
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> window.close());
    }

    private SessionModel model() {
        return window.session();
    }

    private void runAndShow(FxRobot robot, int step) {
        robot.interact(() -> model().load(ScenarioJson.parse(JSON)));
        UiWait.until("the run to finish", () -> window.run() != null && window.run().finished().isDone()
                && window.run().scenario().title().equals("presenter"));
        robot.interact(() -> {
            model().playing.set(false);
            model().step.set(step);
        });
        showing(step);
    }

    private void showing(int step) {
        UiWait.until("panels at t = " + step, () -> window.panels().size() == 2 && window.panels().stream()
                .allMatch(p -> p.captionText() != null && p.captionText().contains("t=" + step + " ") || p.captionText() != null
                        && p.captionText().contains("t = " + step + " ")));
    }

    private void key(FxRobot robot, KeyCode code) {
        robot.interact(() -> window.stage().getScene().getRoot().requestFocus());
        robot.type(code);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Pixels of the pen's colour in the overlay of panel 0. */
    private static int penPixels(FxRobot robot, PanelView p) {
        AtomicReference<WritableImage> img = new AtomicReference<>();
        robot.interact(() -> img.set(p.overlay().snapshot(null, null)));
        int n = 0;
        var reader = img.get().getPixelReader();
        for (int y = 0; y < (int) img.get().getHeight(); y++) {
            for (int x = 0; x < (int) img.get().getWidth(); x++) {
                Color c = reader.getColor(x, y);
                if (c.getRed() > 0.8 && c.getGreen() < 0.4 && c.getBlue() > 0.25 && c.getBlue() < 0.6 && c.getOpacity() > 0.9) {
                    n++;
                }
            }
        }
        return n;
    }

    private void draw(FxRobot robot, PanelView p) {
        Point2D c = robot.point(p).query();
        robot.moveTo(c.add(-60, 10));
        robot.press(MouseButton.PRIMARY);
        robot.moveTo(c.add(-20, -25));
        robot.moveTo(c.add(30, 5));
        robot.moveTo(c.add(60, 30));
        robot.release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void thePenDrawsAStrokeThatAStepChangeClearsUnlessKeptAndEErases(FxRobot robot) {
        runAndShow(robot, 6);
        robot.interact(() -> model().presentation.set(true));
        WaitForAsyncUtils.waitForFxEvents();
        PanelView p = window.panels().get(0);
        assertEquals(0, penPixels(robot, p), "nothing drawn yet");
        key(robot, KeyCode.W);
        assertTrue(model().pen.get(), "W: the pen");
        double[] box = model().viewBox.get().clone();
        draw(robot, p);
        assertEquals(1, model().strokes.size(), "one stroke");
        SessionModel.Stroke s = model().strokes.get(0);
        assertEquals(0, s.slot());
        assertEquals(6, s.step());
        assertTrue(s.size() >= 3, "the stroke has the robot's points: " + s.size());
        assertArrayEquals(box, model().viewBox.get(), "drawing does not pan");
        assertTrue(penPixels(robot, p) > 100, "the stroke is on the panel");
        assertEquals(0, penPixels(robot, window.panels().get(1)), "only on the panel it was drawn on");

        key(robot, KeyCode.LEFT);
        assertEquals(7, model().step.get());
        assertTrue(model().strokes.isEmpty(), "a step change clears the drawings");
        assertEquals(0, penPixels(robot, p));

        key(robot, KeyCode.R);
        assertTrue(model().keepAnnotations.get(), "R: keep");
        draw(robot, p);
        key(robot, KeyCode.RIGHT);
        assertEquals(6, model().step.get());
        assertEquals(1, model().strokes.size(), "kept across the step");
        assertTrue(penPixels(robot, p) > 100);

        key(robot, KeyCode.E);
        assertTrue(model().strokes.isEmpty(), "E erases");
        assertEquals(0, penPixels(robot, p));
        assertTrue(robot.lookup("#presenter-badge").query().isVisible(), "the badge names the pen");
    }

    @Test
    void freezePinsTheFrameOnScreenAsAGhostUnderTheRunningOne(FxRobot robot) {
        runAndShow(robot, 8);
        PanelView p = window.panels().get(0);
        int[] size = p.imageSize();
        AtomicReference<int[]> frozen = new AtomicReference<>();
        robot.interact(() -> {
            int[] px = new int[size[0] * size[1]];
            for (int y = 0; y < size[1]; y++) {
                for (int x = 0; x < size[0]; x++) {
                    px[y * size[0] + x] = p.pixel(x, y);
                }
            }
            frozen.set(px);
        });
        key(robot, KeyCode.F);
        assertTrue(model().frozen.get(), "F: frozen");
        Image ghost = p.ghostImage();
        assertNotNull(ghost, "a ghost is shown");
        int[] expected = Ghost.of(frozen.get(), PanelRenderer.BACKGROUND);
        int[] shown = pixels(ghost);
        assertArrayEquals(expected, shown, "the ghost is the frame that was on screen, dimmed (not recomputed)");

        robot.interact(() -> model().step.set(1));
        showing(1);
        assertArrayEquals(expected, pixels(p.ghostImage()), "the ghost stays while the running frame changes");
        int differ = 0;
        for (int i = 0; i < frozen.get().length; i++) {
            if (p.pixel(i % size[0], i / size[0]) != frozen.get()[i]) {
                differ++;
            }
        }
        assertTrue(differ > 1000, "the running frame is another one: " + differ + " pixels changed");
        key(robot, KeyCode.F);
        assertFalse(model().frozen.get());
        assertNull(p.ghostImage(), "F again: the ghost is gone");
    }

    private static int[] pixels(Image img) {
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        int[] out = new int[w * h];
        img.getPixelReader().getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbPreInstance(), out, 0, w);
        return out;
    }

    @Test
    void shiftClickPicksTheNearestParticleRingsItAndTheAnatomyFollows(FxRobot robot) {
        runAndShow(robot, 5);
        PanelGrid grid = (PanelGrid) robot.lookup("#panel-grid").query();
        // the scan on a lane of an executor, as the window can give it (useLane); without one it runs on the FX thread
        BackgroundExecutor executor = BackgroundExecutor.create(UiThread.fx(), window.failures());
        robot.interact(() -> grid.presenter().useLane(executor.lane("pick")));
        try {
            pickAndFollow(robot, grid);
        } finally {
            executor.close();
        }
    }

    private void pickAndFollow(FxRobot robot, PanelGrid grid) {
        PanelView p = window.panels().get(1);
        // aim at particle 40 of accel-ddpm (slot 1) at t = 5
        AtomicReference<Point2D> at = new AtomicReference<>();
        AtomicReference<double[]> perPx = new AtomicReference<>();
        robot.interact(() -> {
            Viewport v = grid.viewport(p, grid.outputScale());
            Frame.SamplerFrame sf = window.run().frameAt(5).samplers().get(1);
            double s = grid.outputScale();
            at.set(p.localToScreen(v.px(sf.positions()[0][40]) / s, v.py(sf.positions()[1][40]) / s));
            perPx.set(new double[] {(v.x1() - v.x0()) / v.width() * s, (v.y1() - v.y0()) / v.height() * s});
        });
        robot.moveTo(at.get());
        robot.press(KeyCode.SHIFT);
        robot.clickOn(MouseButton.PRIMARY);
        robot.release(KeyCode.SHIFT);
        UiWait.until("a pick", () -> model().pick.get() != null);
        SessionModel.Pick pick = model().pick.get();
        assertEquals(1, pick.slot());
        // the particle nearest to where the mouse landed (a pixel grid away from particle 40 at most)
        AtomicReference<Integer> expected = new AtomicReference<>();
        robot.interact(() -> {
            Point2D local = p.screenToLocal(robot.point(at.get()).query());
            Viewport v = grid.viewport(p, grid.outputScale());
            double s = grid.outputScale();
            Frame.SamplerFrame sf = window.run().frameAt(5).samplers().get(1);
            expected.set(ParticlePicker.nearest(sf.positions()[0], sf.positions()[1], sf.stored(), v.wx(local.getX() * s),
                    v.wy(local.getY() * s), perPx.get()[0], perPx.get()[1], PanelPresenter.PICK_RADIUS));
        });
        assertEquals(expected.get().intValue(), pick.particle(), "the nearest particle to the click");
        PanelOverlay.State drawn = p.overlay().drawn();
        assertNotNull(drawn.ring(), "a ring around it");
        float[][] pos = window.run().frameAt(5).samplers().get(1).positions();
        assertEquals(pos[0][pick.particle()], drawn.ring()[0], 0.0);
        assertEquals(pos[1][pick.particle()], drawn.ring()[1], 0.0);
        assertNull(window.panels().get(0).overlay().drawn().ring(), "no ring on the other sampler's panel");

        // the anatomy window opened on it and follows the step
        UiWait.until("the anatomy window", () -> robot.lookup("#anatomy-particle").tryQuery().isPresent());
        Spinner<?> spinner = robot.lookup("#anatomy-particle").queryAs(Spinner.class);
        UiWait.until("the anatomy shows the pick", () -> Integer.valueOf(pick.particle()).equals(spinner.getValue()));
        UiWait.until("its anatomy at t = 5", () -> robot.lookup("#anatomy-message").queryLabeled().getText().startsWith("step t = 5"));
        robot.interact(() -> model().step.set(3));
        UiWait.until("its anatomy at t = 3", () -> robot.lookup("#anatomy-message").queryLabeled().getText().startsWith("step t = 3"));
        showing(3);
        UiWait.until("the ring moved to t = 3", () -> {
            double[] r = p.overlay().drawn().ring();
            float[][] q = window.run().frameAt(3).samplers().get(1).positions();
            return r != null && r[0] == q[0][pick.particle()] && r[1] == q[1][pick.particle()];
        });
    }

    @Test
    void inPickModeAPlainClickPicksOnTheFxThreadWhenThereIsNoLane(FxRobot robot) {
        runAndShow(robot, 5);
        PanelGrid grid = (PanelGrid) robot.lookup("#panel-grid").query();
        PanelView p = window.panels().get(0);
        key(robot, KeyCode.A);
        assertTrue(model().pickMode.get(), "A: pick mode");
        AtomicReference<Point2D> at = new AtomicReference<>();
        robot.interact(() -> {
            Viewport v = grid.viewport(p, grid.outputScale());
            Frame.SamplerFrame sf = window.run().frameAt(5).samplers().get(0);
            double s = grid.outputScale();
            at.set(p.localToScreen(v.px(sf.positions()[0][7]) / s, v.py(sf.positions()[1][7]) / s));
        });
        robot.clickOn(at.get(), MouseButton.PRIMARY);
        UiWait.until("a pick", () -> model().pick.get() != null);
        assertEquals(0, model().pick.get().slot());
        double[] ring = p.overlay().drawn().ring();
        assertNotNull(ring);
        Point2D local = p.screenToLocal(at.get());
        double s = grid.outputScale();
        Viewport v = grid.viewport(p, s);
        double dx = v.px(ring[0]) / s - local.getX();
        double dy = v.py(ring[1]) / s - local.getY();
        assertTrue(Math.hypot(dx, dy) <= PanelPresenter.PICK_RADIUS, "the ringed particle is within the pick radius of the click");
        key(robot, KeyCode.A);
        assertFalse(model().pickMode.get());
    }
}
