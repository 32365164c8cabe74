package org.scorescope.ui.labs.discrete;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.scorescope.discrete.DiscreteLaw;
import org.scorescope.discrete.DiscreteProcess;
import org.scorescope.discrete.DiscreteSamplers;
import org.scorescope.discrete.DiscreteScenario;
import org.scorescope.discrete.DiscreteTarget;
import org.scorescope.discrete.ExactLaw;
import org.scorescope.ui.MainWindow;
import org.scorescope.ui.UiOptions;
import org.scorescope.ui.model.SessionModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * {@code --scenario FILE} with a discrete scenario at window start opens the discrete lab with it (as
 * Open… does), runs it, and leaves the main window on the default scenario; a continuous scenario
 * file still opens in the main window, and a discrete file together with {@code --lab} is refused.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class DiscreteStartTest {
    static final String WORDS = "{\"title\": \"Words at start\", \"description\": \"d\", \"target\": \"language\", \"process\": \"masking\","
            + " \"horizon\": 5, \"samplers\": [\"tau-leaping\"], \"steps\": 7, \"particles\": 2000, \"seed\": 3}";
    private MainWindow window;

    private Path file;

    @Start
    void start(Stage stage) throws Exception {
        file = Files.createTempFile("scorescope-discrete-start", ".json");
        Files.writeString(file, WORDS);
        window = new MainWindow(stage, UiOptions.parse(List.of("--scenario", file.toString())));
    }

    @AfterEach
    void close(FxRobot robot) throws Exception {
        robot.interact(() -> window.close());
        Files.deleteIfExists(file);
    }

    @Test
    void aDiscreteScenarioGivenAtStartOpensTheDiscreteLabAndRunsIt(FxRobot robot) throws Exception {
        DiscreteWindow[] w = new DiscreteWindow[1];
        robot.interact(() -> w[0] = window.lab(DiscreteLab.class).open());
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> w[0].model.result.get() != null && !w[0].running());
        WaitForAsyncUtils.waitForFxEvents();
        DiscreteScenario sc = w[0].model.scenario.get();
        assertEquals("Words at start", sc.title());
        assertEquals(7, sc.steps());
        assertEquals(DiscreteProcess.MASKING, w[0].process.getValue());
        assertSame(SessionModel.DEFAULT, window.session().scenario(), "the main window shows the default scenario");
        // What the window shows at the output is the core's exact law for this file.
        DiscreteTarget target = sc.buildTarget();
        DiscreteLaw law = ExactLaw.output(target, sc.process(), DiscreteSamplers.of("tau-leaping"), sc.buildSchedule(sc.steps()), null, null,
                null);
        assertEquals(law.tv(target), w[0].model.frame().exactTv(), 1e-12);

        // Export from the window: jobs on the executor write the figure and the data.
        Path out = Files.createTempDirectory("scorescope-discrete-export");
        try {
            robot.interact(() -> w[0].exports.figure(out.resolve("words.pdf")));
            robot.interact(() -> w[0].exports.data(out.resolve("words-steps.csv"), DiscreteExport.STEPS));
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> Files.exists(out.resolve("words.pdf"))
                    && Files.exists(out.resolve("words.scenario.json")) && Files.exists(out.resolve("words-steps.csv")));
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> w[0].message.getText().startsWith("wrote "));
            assertTrue(Files.readString(out.resolve("words-steps.csv")).contains("\ntau-leaping,7,0.0," + law.tv(target) + ","),
                    "the output row carries the core's exact TV");
        } finally {
            try (var files = Files.list(out)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(out);
        }

        // A new target: until its run is done the heat map shows its p_data (drawn while the old result is still the one shown).
        DiscreteRunResult old = w[0].model.result.get();
        long drawn = w[0].heatMap.drawn();
        robot.interact(() -> w[0].model.load(new DiscreteScenario("", "", DiscreteScenario.TargetSpec.preset("picture"), DiscreteProcess.UNIFORM,
                4, "constant", org.scorescope.discrete.StepSchedule.DEFAULT_DELTA, List.of("tau-leaping", "euler", "ctmc-exact"), 512, 1_000_000,
                1)));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> w[0].heatMap.drawn() > drawn);
        assertSame(old, w[0].model.result.get(), "drawn before the new run finished");
        assertTrue(w[0].running());
    }

    @Test
    void theOptionIsRewrittenOnlyForDiscreteFiles() throws Exception {
        UiOptions discrete = UiOptions.parse(List.of("--scenario", file.toString()));
        assertNull(discrete.scenario());
        assertEquals("discrete:" + file, discrete.lab());
        IllegalArgumentException both = assertThrows(IllegalArgumentException.class,
                () -> UiOptions.parse(List.of("--scenario", file.toString(), "--lab", "rate-study")));
        assertTrue(both.getMessage().startsWith("--scenario: ") && both.getMessage().contains("discrete scenario"), both.getMessage());
        Path continuous = Files.createTempFile("scorescope-continuous-start", ".json");
        try {
            Files.writeString(continuous, "{\"target\": \"ring8\", \"samplers\": [\"ddpm\"], \"steps\": 10, \"particles\": 500}");
            UiOptions c = UiOptions.parse(List.of("--scenario", continuous.toString()));
            assertEquals(continuous, c.scenario());
            assertNull(c.lab());
        } finally {
            Files.deleteIfExists(continuous);
        }
    }
}
