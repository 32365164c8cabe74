package org.scorescope.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.scorescope.engine.RunSpec;
import org.scorescope.engine.SamplerSlot;
import org.scorescope.sampler.Sampler;
import org.scorescope.sampler.SamplerInfo;
import org.scorescope.sampler.StepContext;
import org.scorescope.scenario.ScenarioBuilder;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 13, must-show 3: a sampler that throws in the middle of a run — the user sees a dialog with
 * the cause (and the status line says it); the panels keep the last computed step.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class FailingSamplerTest {
    private MainWindow window;

    /** Steps like its inner sampler until t = 30, then throws. */
    record Breaking(Sampler inner) implements Sampler {
        @Override
        public SamplerInfo info() {
            return inner.info();
        }

        @Override
        public Object newMemory(int dim, int capacity) {
            return inner.newMemory(dim, capacity);
        }

        @Override
        public void step(StepContext ctx, double[][] y, int n) {
            if (ctx.t() <= 30) {
                throw new IllegalStateException("deliberately broken at t = " + ctx.t());
            }
            inner.step(ctx, y, n);
        }
    }

    @Start
    void start(Stage stage) {
        ShellServices services = ShellServices.defaults().withRunSpecs(s -> {
            RunSpec spec = ScenarioBuilder.run(s, null);
            List<SamplerSlot> slots = new ArrayList<>(spec.slots());
            SamplerSlot second = slots.get(1);
            slots.set(1, new SamplerSlot(new Breaking(second.sampler()), second.label(), second.noiseKey()));
            return new RunSpec(spec.target(), spec.score(), spec.grid(), slots, spec.particles(), spec.seed(), spec.initial());
        });
        window = new MainWindow(stage, UiOptions.none(), services);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> window.close());
    }

    @Test
    void aFailingSamplerShowsADialogWithTheCause(FxRobot robot) {
        UiWait.until("an error dialog", () -> robot.lookup("#error-dialog").tryQuery().isPresent());
        DialogPane pane = robot.lookup("#error-dialog").queryAs(DialogPane.class);
        assertTrue(pane.getHeaderText().startsWith("The run stopped at t = 30 of T = 40"), pane.getHeaderText());
        assertTrue(pane.getContentText().contains("IllegalStateException: deliberately broken at t = 30"), pane.getContentText());
        assertTrue(pane.getExpandableContent() != null, "the details (stack trace) are behind the expander");
        assertTrue(window.session().status.get().contains("deliberately broken"), window.session().status.get());
        robot.interact(() -> window.playback().end());
        UiWait.until("the panels show the last computed step", () -> {
            Label c = robot.lookup("#caption-0").tryQueryAs(Label.class).orElse(null);
            return c != null && c.getText() != null && c.getText().contains("t = 30 / 40");
        });
    }
}
