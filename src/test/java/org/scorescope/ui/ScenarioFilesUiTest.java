package org.scorescope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
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
import org.scorescope.scenario.ScenarioJson;

/** Issue 7: lecture start page, scenario files in the GUI, bad files that change nothing. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ScenarioFilesUiTest {
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

    private static void waitUntil(String what, java.util.function.BooleanSupplier c) {
        UiWait.until(what, c);
    }

    @Test
    void aLectureOpensWithOneClickFromTheStartPage(FxRobot robot) {
        robot.clickOn("#open-lectures");
        waitUntil("lecture page", () -> robot.lookup("#lecture-4").tryQuery().isPresent());
        robot.clickOn("#lecture-4");
        waitUntil("the 1D lecture is running", () -> {
            Label c = robot.lookup("#caption-1").tryQueryAs(Label.class).orElse(null);
            return c != null && c.getText() != null && c.getText().startsWith("ddim-exact");
        });
        assertEquals("bimodal1d", window.session().scenario().target().preset());
        String banner = robot.lookup("#scenario-banner").queryAs(Label.class).getText();
        assertTrue(banner.startsWith("1D: trajectories through time — The picture drawn on the board"), banner);
    }

    @Test
    void badScenarioFilesGiveTheirOwnMessageAndChangeNothing(FxRobot robot) throws Exception {
        String[][] cases = {
            {"{\"target\": \"ring8\", \"samplers\": [\"ddpm\"", "not valid JSON"},
            {"{\"target\": \"ring9\", \"samplers\": [\"ddpm\"]}", "target: unknown target 'ring9'"},
            {"{\"target\": \"ring8\", \"samplers\": [\"ddpm\"], \"particles\": -5}", "particles: must be in 1..10000000, was -5"},
            {"{\"target\": \"ring8\", \"samplers\": [\"ddpm\"], \"particles\": 1000000000000}", "particles: must be in 1..10000000"},
            {"{\"target\": {\"type\": \"gaussian-mixture\", \"weights\": [1], \"means\": [[NaN, 0]], \"covariances\": [[[1,0],[0,1]]]}, \"samplers\": [\"ddpm\"]}",
                "target.means[0][0]: must be finite"},
            {"{\"target\": \"ring8\", \"samplers\": [\"ddim\"], \"schedule\": {\"id\": \"custom\", \"values\": [0.99, 0.5, 0.7]}, \"steps\": 2}",
                "schedule.values: alpha-bar must be strictly decreasing"},
            {"{\"target\": \"ring8\", \"samplers\": [\"warp-drive\"]}", "samplers[0]: unknown sampler 'warp-drive'"}};
        var before = window.session().scenario();
        for (int i = 0; i < cases.length; i++) {
            Path f = dir.resolve("bad" + i + ".json");
            Files.writeString(f, cases[i][0]);
            boolean[] ok = new boolean[1];
            robot.interact(() -> ok[0] = window.openScenario(f));
            assertFalse(ok[0]);
            assertTrue(window.files.lastError.contains(cases[i][1]), window.files.lastError + " should contain " + cases[i][1]);
            assertSame(before, window.session().scenario(), "the session is unchanged");
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup(".dialog-pane").tryQuery().isPresent(), "an error dialog is shown");
    }

    @Test
    void saveAndReopenRoundTrips(FxRobot robot) throws Exception {
        robot.interact(() -> {
            window.session().setSteps(17);
            window.session().setSeed(5);
        });
        Path f = dir.resolve("mine.json");
        robot.interact(() -> window.saveScenario(f));
        assertEquals(17, ScenarioJson.read(f).steps());
        robot.interact(() -> window.session().setSteps(9));
        boolean[] ok = new boolean[1];
        robot.interact(() -> ok[0] = window.openScenario(f));
        assertTrue(ok[0]);
        assertEquals(17, window.session().scenario().steps());
        assertEquals(5, window.session().scenario().seed());
        assertTrue(RecentFiles.list().contains(f.toAbsolutePath()));
    }

    @Test
    void exportsTheFigureAndTheDataBehindTheView(FxRobot robot) throws Exception {
        robot.interact(() -> window.session().setSteps(6));
        robot.type(javafx.scene.input.KeyCode.END);
        waitUntil("run finished and shown", () -> {
            Label c = robot.lookup("#caption-0").tryQueryAs(Label.class).orElse(null);
            return c != null && c.getText() != null && c.getText().contains("t = 0 / 6") && window.run() != null;
        });
        Path png = dir.resolve("view.png");
        java.util.concurrent.Future<?>[] job = new java.util.concurrent.Future<?>[1];
        robot.interact(() -> job[0] = window.exports.figure(png, 2).result());
        job[0].get(60, TimeUnit.SECONDS);
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(png.toFile());
        assertTrue(img.getWidth() > 300 && img.getHeight() > 300, img.getWidth() + "x" + img.getHeight());
        assertEquals(6, ScenarioJson.read(dir.resolve("view.scenario.json")).steps());
        Path csv = dir.resolve("particles.csv");
        Path metrics = dir.resolve("run-metrics.csv");
        Path json = dir.resolve("run.json");
        waitUntil("metrics of the whole run", () -> window.session().step.get() == 0);
        java.util.List<java.util.concurrent.Future<?>> jobs = new java.util.ArrayList<>();
        robot.interact(() -> {
            jobs.add(window.exports.data(csv, ExportController.PARTICLES).result());
            jobs.add(window.exports.data(metrics, ExportController.METRICS).result());
            jobs.add(window.exports.data(json, ExportController.JSON).result());
        });
        for (var j : jobs) {
            j.get(60, TimeUnit.SECONDS);
        }
        java.util.List<String> lines = Files.readAllLines(csv);
        assertTrue(lines.get(0).startsWith("# scenario: {"));
        assertEquals("sampler,particle,x0,x1", lines.get(2));
        assertEquals(3 + 2 * 20_000, lines.size());
        java.util.List<String> m = Files.readAllLines(metrics);
        assertEquals("sampler,t,abar,nfe,tv,noise_floor_mean,noise_floor_sd,diverged,w2,kl", m.get(1));
        assertEquals(2 + 2 * 7, m.size());
        Path traj = dir.resolve("run-trajectories.csv");
        robot.interact(() -> jobs.add(window.exports.data(traj, ExportController.TRAJECTORIES).result()));
        jobs.get(3).get(60, TimeUnit.SECONDS);
        java.util.List<String> tl = Files.readAllLines(traj);
        assertEquals("sampler,particle,t,abar,x0,x1", tl.get(1));
        assertEquals(2 + 2 * 32 * 7, tl.size(), "32 tracked particles × 7 levels × 2 samplers");
        assertTrue(tl.get(2).startsWith("ddpm,0,6,"), tl.get(2));
        // The TV box can be the current view.
        robot.interact(() -> window.metricsPane.summary.boxFromView.fire());
        waitUntil("box from the view", () -> window.metricsPane.summary.boxLabel.getText().endsWith("(view)"));
        robot.interact(() -> window.metricsPane.summary.boxReset.fire());
        waitUntil("box of the target", () -> window.metricsPane.summary.boxLabel.getText().endsWith("(target)"));
        var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toFile());
        assertEquals(2, tree.get("metrics").size());
        assertEquals(6, tree.get("scenario").get("steps").asInt());
    }

    @Test
    void exportsAnAnimationWithProgressAndACancelThatLeavesNothing(FxRobot robot) throws Exception {
        robot.interact(() -> window.session().setSteps(6));
        Path gif = dir.resolve("run.gif");
        java.util.concurrent.Future<?>[] job = new java.util.concurrent.Future<?>[1];
        robot.interact(() -> job[0] = window.exports.animation(gif, 5).result());
        job[0].get(120, TimeUnit.SECONDS);
        try (var in = javax.imageio.ImageIO.createImageInputStream(gif.toFile())) {
            var r = javax.imageio.ImageIO.getImageReadersByFormatName("gif").next();
            r.setInput(in);
            assertEquals(7, r.getNumImages(true));
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.session().status.get().startsWith("wrote "), window.session().status.get());
        // A long run: the export waits for it with a progress bar; the user clicks Cancel in the status line.
        Path mp4 = dir.resolve("never.mp4");
        robot.interact(() -> {
            window.session().setSteps(400);
            window.session().setParticles(300_000);
        });
        robot.interact(() -> job[0] = window.exports.animation(mp4, 5).result());
        waitUntil("the export's cancel button", () -> robot.lookup("#job-cancel").queryButton().isVisible());
        robot.clickOn("#job-cancel");
        try {
            job[0].get(120, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.CancellationException expected) {
            // cancelled
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(job[0].isDone());
        waitUntil("status says cancelled", () -> window.session().status.get().contains("cancelled"));
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().contains("never")), "no file and no temporary file left");
        }
    }

    @Test
    void exportsOnePanelSmallMultiplesAndTheTvChart(FxRobot robot) throws Exception {
        robot.interact(() -> window.session().setSteps(6));
        robot.type(javafx.scene.input.KeyCode.END);
        waitUntil("run shown to the end", () -> {
            Label c = robot.lookup("#caption-0").tryQueryAs(Label.class).orElse(null);
            return c != null && c.getText() != null && c.getText().contains("t = 0 / 6");
        });
        Path all = dir.resolve("all.png");
        Path one = dir.resolve("one.png");
        Path grid = dir.resolve("grid.png");
        java.util.concurrent.Future<?>[] job = new java.util.concurrent.Future<?>[1];
        robot.interact(() -> job[0] = window.exports.figure(all, 1).result());
        job[0].get(60, TimeUnit.SECONDS);
        int sideBySide = (int) window.panels().get(0).getWidth();
        robot.type(javafx.scene.input.KeyCode.DIGIT2);
        waitUntil("focused", () -> window.session().focus.get() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        int alone = (int) window.panels().get(1).getWidth();
        robot.interact(() -> job[0] = window.exports.figure(one, 1).result());
        job[0].get(60, TimeUnit.SECONDS);
        robot.interact(() -> job[0] = window.exports.figure(grid, 1, new int[] {6, 3, 0}).result());
        job[0].get(60, TimeUnit.SECONDS);
        var a = javax.imageio.ImageIO.read(all.toFile());
        var o = javax.imageio.ImageIO.read(one.toFile());
        var g = javax.imageio.ImageIO.read(grid.toFile());
        // Figures take the panels' size on screen: the focused panel is wider than each of the two side by side.
        // Each cell is that width plus the same margins: all = 2 cells of the side-by-side width, one = 1 cell of the focused width.
        assertEquals(a.getWidth() / 2.0 - sideBySide, o.getWidth() - alone, 2,
                "two samplers side by side (grid 1x2) vs one: " + a.getWidth() + " (panels " + sideBySide + ") vs " + o.getWidth()
                        + " (panel " + alone + ")");
        assertEquals(o.getHeight(), g.getHeight(), "one row");
        assertEquals(3 * o.getWidth(), g.getWidth(), 3, "three step columns");
        Path chart = dir.resolve("tv.png");
        Path chartSvg = dir.resolve("tv.svg");
        window.metricsPane.tv.export(chart, 900, 400).get(30, TimeUnit.SECONDS);
        window.metricsPane.tv.export(chartSvg, 900, 400).get(30, TimeUnit.SECONDS);
        assertEquals(900, javax.imageio.ImageIO.read(chart.toFile()).getWidth());
        var f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        assertEquals("svg", f.newDocumentBuilder().parse(chartSvg.toFile()).getDocumentElement().getNodeName());
    }
}
