package org.scorescope.ui.labs.teaching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.scorescope.engine.ParticleTracer;
import org.scorescope.sampler.StepAnatomy;
import org.scorescope.scenario.ScenarioBuilder;
import org.scorescope.scenario.ScenarioJson;
import org.scorescope.ui.MainWindow;
import org.scorescope.ui.UiOptions;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 18, must-show 1 (window part): the teaching lab's anatomy window draws, for each sampler, one
 * arrow per term of the particle's step (as many as an independent trace of the same particle has),
 * the equation card with the step's coefficients, and N / P step through the sub-steps.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class TeachingLabTest {
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow(stage, UiOptions.none());
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> window.close());
    }

    static void until(String what, BooleanSupplier condition) {
        long end = System.nanoTime() + 60_000_000_000L;
        while (true) {
            WaitForAsyncUtils.waitForFxEvents();
            AtomicReference<Boolean> ok = new AtomicReference<>(false);
            WaitForAsyncUtils.waitForAsyncFx(10_000, () -> ok.set(condition.getAsBoolean()));
            if (ok.get()) {
                return;
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            WaitForAsyncUtils.sleep(50, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
    }

    @Test
    void theAnatomyWindowDrawsEveryTermOfTheParticlesStepAndStepsThroughThem(FxRobot robot) {
        String json = "{\"title\": \"anatomy\", \"target\": \"ring8\", \"samplers\": [\"ddpm\", \"accel-ddim\", \"dpm-solver-2\", \"piadm-ode\"],"
                + " \"steps\": 10, \"particles\": 3000, \"seed\": 7}";
        robot.interact(() -> window.session().load(ScenarioJson.parse(json)));
        until("the run to finish", () -> window.run() != null && window.run().finished().isDone() && window.run().labels().size() == 4);
        robot.interact(() -> {
            window.session().playing.set(false);
            window.session().step.set(4);
        });
        AtomicReference<AnatomyWindow> w = new AtomicReference<>();
        robot.interact(() -> w.set(window.lab(TeachingLab.class).open()));
        robot.interact(() -> w.get().particle.getValueFactory().setValue(17));
        var spec = ScenarioBuilder.run(ScenarioJson.parse(json), null);
        List<String> labels = window.run().labels();
        for (int slot = 0; slot < 4; slot++) {
            StepAnatomy expected = ParticleTracer.trace(spec, slot, 17).get(10 - 4);
            String label = labels.get(slot);
            robot.interact(() -> w.get().sampler.setValue(label));
            int arrows = expected.arrows();
            until(label + ": " + arrows + " arrows", () -> w.get().view.arrows() == arrows && w.get().message.getText().startsWith("step t = 4"));
            assertNotNull(w.get().equation.getImage());
            assertTrue(w.get().equation.getImage().getHeight() > 250, label + ": the equation card with its live lines");
            assertEquals(arrows, w.get().view.shown(), "all sub-steps drawn first");
        }
        robot.interact(() -> w.get().stage.getScene().getRoot().requestFocus());
        robot.press(KeyCode.N).release(KeyCode.N);
        assertEquals(1, w.get().view.shown(), "N wraps to the first sub-step");
        robot.press(KeyCode.N).release(KeyCode.N);
        assertEquals(2, w.get().view.shown());
        robot.press(KeyCode.P).release(KeyCode.P);
        assertEquals(1, w.get().view.shown());
    }
}
