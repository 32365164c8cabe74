package org.scorescope.ui.labs.guidance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
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
import org.scorescope.engine.RunResult;
import org.scorescope.metrics.GuidanceSweep;
import org.scorescope.scenario.LectureScenarios;
import org.scorescope.scenario.Scenario;
import org.scorescope.ui.MainWindow;
import org.scorescope.ui.UiOptions;
import org.scorescope.ui.lab.RunView;

/** The guidance lab in the real window: the lecture runs guided, the controls drive the scenario, both windows compute. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class GuidanceLabTest {
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

    private static Scenario lecture() {
        return LectureScenarios.all().stream().filter(l -> l.scenario().title().equals("The mystery of guidance")).findFirst()
                .orElseThrow().scenario();
    }

    private RunResult finishedRun(FxRobot robot, Scenario expected) throws Exception {
        waitUntil("the run of the scenario starts", 30, () -> window.run() != null && window.run().scenario().equals(expected));
        RunView run = window.run();
        return run.finished().get(120, TimeUnit.SECONDS);
    }

    @Test
    void theLectureRunsGuidedWithDoubledNfeAndTheLabsLayers(FxRobot robot) throws Exception {
        Scenario smaller = lecture().with(null, null, null, 30, 4000, null);
        robot.interact(() -> window.session().load(smaller));
        RunResult r = finishedRun(robot, smaller);
        assertEquals(List.of(60L, 60L), List.of(r.nfe()[0], r.nfe()[1]), "ddpm and ddim at T = 30, guided: 2 evaluations per call");
        assertEquals("ddpm · class 1, w = 3", window.run().labels().get(0));
        GuidanceLab lab = window.lab(GuidanceLab.class);
        GuidanceControls c = lab.controls();
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(c.guided.isSelected());
        assertEquals(1, c.classPicker.getValue());
        assertEquals("w = 3", c.wValue.getText());
        waitUntil("the NFE line shows the count", 10, () -> c.nfe.getText().contains("ddpm 60 = 2 × 30"));
        for (String id : List.of(GuidanceLayers.BOUNDARY, GuidanceLayers.CLASSES, GuidanceLayers.FIELD, "guidance-heat-tilted")) {
            assertTrue(robot.lookup("#layer-" + id).tryQuery().isPresent(), "check box of " + id);
        }
        assertTrue(window.session().layers().on(GuidanceLayers.BOUNDARY) && window.session().layers().on(GuidanceLayers.CLASSES));
        double[][] thm9 = window.run().labMetrics().latest()[window.run().labMetrics().metrics().stream().map(m -> m.id()).toList()
                .indexOf(GuidanceMetrics.THM9)];
        assertTrue(thm9[0][0] > 1 && thm9[0][0] < 1.3, "guided at w = 3: E[1/p(c|Y)] well below 1/pi_c = 2, was " + thm9[0][0]);
        Label caption = robot.lookup("#caption-0").queryAs(Label.class);
        assertNotNull(caption);
    }

    @Test
    void theKeyboardMovesWAndTheRunRestartsGuided(FxRobot robot) throws Exception {
        Scenario small = lecture().with(null, null, List.of(Scenario.SamplerSpec.of("ddim")), 10, 2000, null);
        robot.interact(() -> window.session().load(small));
        finishedRun(robot, small);
        GuidanceControls c = window.lab(GuidanceLab.class).controls();
        robot.interact(() -> c.w.requestFocus());
        robot.type(KeyCode.UP);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(3.25, window.session().scenario().guidance().w(), "UP moves w by a quarter and reruns");
        robot.type(KeyCode.DOWN, 2);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2.75, window.session().scenario().guidance().w());
        robot.interact(() -> c.classPicker.setValue(0));
        assertEquals(0, window.session().scenario().guidance().classId());
        robot.interact(() -> c.guided.setSelected(false));
        assertEquals(null, window.session().scenario().guidance());
        RunResult r = finishedRun(robot, window.session().scenario());
        assertEquals(10, r.nfe()[0], "unguided: one evaluation per step");
        robot.interact(() -> robot.lookup("#heat-tilted").queryAs(javafx.scene.control.RadioButton.class).setSelected(true));
        assertTrue(window.session().layers().on("guidance-heat-tilted"));
        assertFalse(window.session().layers().on("guidance-heat-unconditional"));
    }

    @Test
    void aBadGuidanceFileGivesItsOneLineAndChangesNothing(FxRobot robot) throws Exception {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, "{\"target\": \"two-classes\", \"samplers\": [\"ddpm\"], \"guidance\": {\"class\": 1, \"w\": -0.5}}");
        Scenario before = window.session().scenario();
        boolean[] ok = new boolean[1];
        robot.interact(() -> ok[0] = window.openScenario(f));
        assertFalse(ok[0]);
        assertSame(before, window.session().scenario());
        WaitForAsyncUtils.waitForFxEvents();
        String text = robot.lookup(".dialog-pane").queryAs(javafx.scene.control.DialogPane.class).getContentText();
        assertTrue(text.startsWith("guidance.w: must be in [0, 1000000], was -0.5"), text);
        assertFalse(text.contains("\n"), "one line: " + text);
    }

    @Test
    void theComparisonRunsTheSameNoiseAtEachWAndTheStudyChartsTheorem9(FxRobot robot) throws Exception {
        Scenario small = lecture().with(null, null, List.of(Scenario.SamplerSpec.of("ddim")), 20, 3000, null);
        robot.interact(() -> window.session().load(small));
        CompareWindow[] cw = new CompareWindow[1];
        robot.interact(() -> cw[0] = window.lab(GuidanceLab.class).openCompare());
        robot.interact(() -> cw[0].ws.setText("0, 3"));
        robot.clickOn("#gc-run");
        waitUntil("two panels", 120, () -> !cw[0].running() && cw[0].panels().size() == 2);
        List<ComparePlan.Panel> p = cw[0].panels();
        assertEquals(20, p.get(0).nfe(), "w = 0: plain conditional sampling, one evaluation per step");
        assertEquals(40, p.get(1).nfe(), "w = 3: two");
        assertTrue(p.get(1).thm9() < p.get(0).thm9(), "Theorem 9: E[1/p(c|Y)] lower at w = 3");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#gc-caption-1").queryAs(Label.class).getText().startsWith("w = 3 · NFE 40"));
        robot.interact(() -> cw[0].close());
        StudyWindow[] sw = new StudyWindow[1];
        robot.interact(() -> {
            sw[0] = window.lab(GuidanceLab.class).openStudy();
            sw[0].ws.setText("0, 2");
            sw[0].particles.getValueFactory().setValue(3000);
            sw[0].seeds.getValueFactory().setValue(2);
        });
        robot.clickOn("#ws-run");
        waitUntil("the study and its chart", 120, () -> !sw[0].running() && sw[0].outcome() != null && sw[0].chartShown());
        List<GuidanceSweep.Summary> s = sw[0].outcome().summaries().stream().filter(x -> x.metric().equals("thm9-early")).toList();
        assertEquals(2, s.size());
        assertTrue(s.get(1).mean() < s.get(0).mean(), "E[1/p(c|Y)] falls from w = 0 to w = 2");
        assertEquals(2, s.get(0).seeds());
        assertEquals(2.0, sw[0].outcome().exactThm9(), 1e-12, "1/pi_c with pi_c = 1/2");
        robot.interact(() -> sw[0].close());
    }
}
