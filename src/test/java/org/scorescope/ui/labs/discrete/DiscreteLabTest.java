package org.scorescope.ui.labs.discrete;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
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
import org.scorescope.discrete.DiscreteLaw;
import org.scorescope.discrete.DiscreteProcess;
import org.scorescope.discrete.DiscreteSamplers;
import org.scorescope.discrete.DiscreteScenario;
import org.scorescope.discrete.DiscreteTarget;
import org.scorescope.discrete.ExactLaw;
import org.scorescope.ui.MainWindow;
import org.scorescope.ui.UiOptions;

/**
 * The discrete lab in the real window: its lecture opens from the lecture page and what the window
 * shows is the core's exact value; a discrete scenario file opened in the main window goes to the lab
 * (a bad one is refused naming the field); the heat map is drawn with the particles on it.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class DiscreteLabTest {
    private MainWindow window;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        window = new MainWindow(stage, UiOptions.none());
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> window.close());
    }

    private static void waitUntil(String what, long seconds, java.util.function.BooleanSupplier c) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, c::getAsBoolean);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting for: " + what, e);
        }
    }

    private DiscreteWindow discreteWindow(FxRobot robot) {
        DiscreteWindow[] w = new DiscreteWindow[1];
        robot.interact(() -> w[0] = window.lab(DiscreteLab.class).open());
        return w[0];
    }

    @Test
    void theLectureOpensFromTheLecturePageAndShowsTheCoresExactTv(FxRobot robot) {
        robot.clickOn("#open-lectures");
        waitUntil("lecture page", 10, () -> robot.lookup(".lecture-title").queryAll().stream()
                .anyMatch(n -> ((Label) n).getText().equals("Diffusion for discrete data")));
        Label title = robot.lookup(".lecture-title").queryAll().stream().map(n -> (Label) n)
                .filter(l -> l.getText().equals("Diffusion for discrete data")).findFirst().orElseThrow();
        Button open = (Button) title.getParent().getChildrenUnmodifiable().stream().filter(n -> n instanceof Button).findFirst().orElseThrow();
        var before = window.session().scenario();
        robot.interact(open::fire);
        DiscreteWindow w = discreteWindow(robot);
        waitUntil("the lecture's run is shown", 120, () -> w.model.result.get() != null && !w.running());
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(before, window.session().scenario(), "the main window's scenario is not touched");
        DiscreteScenario sc = w.model.scenario.get();
        assertEquals("Diffusion for discrete data", sc.title());
        assertTrue(w.about.getText().startsWith("Diffusion for discrete data — "), w.about.getText());
        assertEquals("picture", w.target.getValue());
        assertEquals(DiscreteProcess.UNIFORM, w.process.getValue());
        assertTrue(w.samplers.get("tau-leaping").isSelected() && w.samplers.get("euler").isSelected());
        assertTrue(w.samplers.get("unmasking").isDisable(), "unmasking is for the masking process only");
        // The output step: the TV the window shows is the core's exact TV of the output law (no Monte Carlo).
        DiscreteTarget target = sc.buildTarget();
        DiscreteLaw law = ExactLaw.output(target, sc.process(), DiscreteSamplers.of("tau-leaping"), sc.buildSchedule(sc.steps()), null, null,
                null);
        assertEquals(sc.steps(), w.model.step.get());
        assertEquals(law.tv(target), w.model.frame().exactTv(), 1e-12);
        String readout = robot.lookup("#dd-readout").queryAs(Label.class).getText();
        assertTrue(readout.contains("exact TV(law, q_τ) = " + DiscreteLabModel.number(law.tv(target))), readout);
        assertTrue(readout.contains("KL(q_τ ‖ law) = " + DiscreteLabModel.number(law.kl(target))), readout);
        // The second sampler through the picker.
        robot.interact(() -> w.shown.getSelectionModel().select(1));
        DiscreteLaw euler = ExactLaw.output(target, sc.process(), DiscreteSamplers.of("euler"), sc.buildSchedule(sc.steps()), null, null, null);
        assertTrue(robot.lookup("#dd-readout").queryAs(Label.class).getText().startsWith("euler · step 32 of 32"));
        assertEquals(euler.kl(target), w.model.frame().exactKl(), 1e-12);
        // The heat map is drawn, with particles (white dots) on it.
        waitUntil("heat map drawn", 30, () -> w.heatMap.drawn() > 0 && w.heatMap.image() != null);
        Image img = w.heatMap.image();
        PixelReader px = img.getPixelReader();
        int white = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int argb = px.getArgb(x, y);
                if ((argb & 0xFFFFFF) == 0xFFFFFF || ((argb >> 16 & 0xFF) > 240 && (argb >> 8 & 0xFF) > 240 && (argb & 0xFF) > 240)) {
                    white++;
                }
            }
        }
        assertTrue(white > 200, "particle dots drawn: " + white);
        // Back to the start: the sampler starts from Unif, and the TV shown is TV(Unif, q_T).
        robot.interact(() -> w.step.setValue(0));
        assertTrue(robot.lookup("#dd-readout").queryAs(Label.class).getText().contains("step 0 of 32 · τ = 4.000 ·"));
        waitUntil("chart drawn", 30, w.chart::shown);
    }

    @Test
    void aDiscreteScenarioFileOpenedInTheWindowGoesToTheLab(FxRobot robot) throws Exception {
        Path f = dir.resolve("lang.json");
        Files.writeString(f, "{\"title\": \"Words\", \"description\": \"d\", \"target\": \"language\", \"process\": \"masking\", \"horizon\": 5,"
                + " \"samplers\": [\"unmasking\"], \"steps\": 6, \"particles\": 3000, \"seed\": 2}");
        var before = window.session().scenario();
        boolean[] ok = new boolean[1];
        robot.interact(() -> ok[0] = window.openScenario(f));
        assertTrue(ok[0]);
        assertSame(before, window.session().scenario());
        DiscreteWindow w = discreteWindow(robot);
        waitUntil("the file's run is shown", 120, () -> w.model.result.get() != null && !w.running());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(6, w.model.scenario.get().steps());
        assertEquals(DiscreteProcess.MASKING, w.process.getValue());
        assertEquals(36 + 2, w.sentences.getItems().size(), "36 valid sentences, the invalid ones, the partly masked ones");
        double sampled = w.sentences.getItems().stream().mapToDouble(DiscreteFrame.SentenceRow::sampled).sum();
        assertEquals(1.0, sampled, 1e-9);
        assertFalse(w.particleList.getItems().get(0).contains("____"), "the output has no MASK left");
        robot.interact(() -> w.step.setValue(0));
        assertEquals("____ ____ ____ ____", w.particleList.getItems().get(0));
        // A bad discrete file: refused with the field named, nothing changed.
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"target\": {\"type\": \"discrete\", \"states\": 2, \"dims\": 2, \"probabilities\": [0.5, 0.5, -0.25, 0.25]}}");
        var shown = w.model.scenario.get();
        robot.interact(() -> ok[0] = window.openScenario(bad));
        assertFalse(ok[0]);
        assertTrue(window.session().status.get().contains("target.probabilities[2]"), window.session().status.get());
        assertSame(shown, w.model.scenario.get());
    }
}
