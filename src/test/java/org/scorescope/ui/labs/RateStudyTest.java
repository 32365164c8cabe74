package org.scorescope.ui.labs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
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
import org.scorescope.ui.MainWindow;
import org.scorescope.ui.UiOptions;

/** Issue 5, must-show 2: a rate study driven end to end in the real window (the rate study is a lab since issue 13). */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class RateStudyTest {
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

    @Test
    void rateStudyOnGaussian1dRecoversTheOrdersOfDdimAndTheAcceleratedSampler(FxRobot robot) throws Exception {
        org.scorescope.ui.UiScroll.intoView(robot, "#open-rate-study");
        robot.clickOn("#open-rate-study");
        RateStudyWindow[] rs = new RateStudyWindow[1];
        robot.interact(() -> rs[0] = window.lab(RateStudyLab.class).open());
        RateStudyWindow w = rs[0];
        robot.interact(() -> {
            w.target.setValue("gaussian1d");
            w.schedule.setValue("vp-continuous");
            w.steps.setText("200,400,800");
            for (var e : w.samplers.entrySet()) {
                e.getValue().setSelected(e.getKey().equals("ddim") || e.getKey().equals("accel-ddim-ms"));
            }
        });
        robot.clickOn("#rs-run");
        waitUntil("the study finishes", 120, () -> !w.running() && w.fits.getItems().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#rs-message").queryAs(Label.class).getText().startsWith("done"),
                robot.lookup("#rs-message").queryAs(Label.class).getText());
        var rows = w.fits.getItems();
        RateStudyPlan.FitRow ddim = rows.stream().filter(r -> r.sampler().equals("ddim")).findFirst().orElseThrow();
        RateStudyPlan.FitRow accel = rows.stream().filter(r -> r.sampler().equals("accel-ddim-ms")).findFirst().orElseThrow();
        assertEquals(1.0, Double.parseDouble(ddim.order()), 0.1, "ddim order shown");
        assertEquals(2.0, Double.parseDouble(accel.order()), 0.15, "accel-ddim-ms order shown");
        assertEquals("1", ddim.theory());
        assertEquals("2", accel.theory());
        assertTrue(ddim.source().startsWith("solver order: Euler step"), ddim.source());
        assertTrue(robot.lookup("#rs-notes").queryAs(Label.class).getText().startsWith("output level ᾱ_0 = "),
                robot.lookup("#rs-notes").queryAs(Label.class).getText());
        // The exported data has the CLI sweep's columns; the chart exports as PNG and SVG.
        Path csv = dir.resolve("rate.csv");
        Path png = dir.resolve("rate.png");
        Path svg = dir.resolve("rate.svg");
        java.util.List<java.util.concurrent.Future<?>> jobs = new java.util.ArrayList<>();
        robot.interact(() -> {
            jobs.add(w.exportCsv(csv).result());
            jobs.add(w.exportChart(png, 800, 500));
            jobs.add(w.exportChart(svg, 800, 500));
        });
        for (var j : jobs) {
            j.get(60, TimeUnit.SECONDS);
        }
        List<String> lines = Files.readAllLines(csv);
        assertEquals(org.scorescope.metrics.Sweep.Row.COLUMNS, lines.get(0));
        assertEquals(7, lines.size());
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(png.toFile());
        assertEquals(800, img.getWidth());
        assertEquals(500, img.getHeight());
        String text = Files.readString(svg);
        assertTrue(text.startsWith("<?xml") || text.startsWith("<svg"), text.substring(0, 40));
        var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        var doc = factory.newDocumentBuilder().parse(svg.toFile());
        assertEquals("svg", doc.getDocumentElement().getNodeName());
        assertTrue(text.contains("ddim"));
    }

    @Test
    void samplerIdsWithParametersAreCurvesOfTheirOwn(FxRobot robot) {
        RateStudyWindow[] rs = new RateStudyWindow[1];
        robot.interact(() -> rs[0] = window.lab(RateStudyLab.class).open());
        RateStudyWindow w = rs[0];
        robot.interact(() -> {
            w.target.setValue("gaussian1d");
            w.schedule.setValue("vp-continuous");
            w.steps.setText("50,100");
            w.samplers.values().forEach(b -> b.setSelected(false));
            w.moreSamplers.setText("lagrange:K=1, lagrange:K=3");
        });
        robot.clickOn("#rs-run");
        waitUntil("finished", 120, () -> !w.running() && w.fits.getItems().size() == 2);
        assertEquals(List.of("lagrange:K=1:R=1:anchors=0", "lagrange:K=3:R=2:anchors=0"),
                w.fits.getItems().stream().map(RateStudyPlan.FitRow::sampler).toList());
        assertEquals(List.of("1", "3"), w.fits.getItems().stream().map(RateStudyPlan.FitRow::theory).toList());
        robot.interact(() -> w.moreSamplers.setText("lagrange:K=9"));
        robot.clickOn("#rs-run");
        WaitForAsyncUtils.waitForFxEvents();
        String text = robot.lookup("#rs-message").queryAs(Label.class).getText();
        assertTrue(text.startsWith("sampler 'lagrange:K=9': "), text);
    }

    @Test
    void nfeBudgetsPickEachSamplersOwnSteps(FxRobot robot) {
        RateStudyWindow[] rs = new RateStudyWindow[1];
        robot.interact(() -> rs[0] = window.lab(RateStudyLab.class).open());
        RateStudyWindow w = rs[0];
        robot.interact(() -> {
            w.target.setValue("gaussian1d");
            w.steps.setText("20,40,80");
            w.budgets.setSelected(true);
            for (var e : w.samplers.entrySet()) {
                e.getValue().setSelected(e.getKey().equals("ddim-exact") || e.getKey().equals("dpm-solver-2"));
            }
        });
        robot.clickOn("#rs-run");
        waitUntil("finished", 120, () -> !w.running() && w.fits.getItems().size() == 2);
        for (var r : w.rows()) {
            int expected = r.sampler().equals("dpm-solver-2") ? (int) r.nfe() / 2 : (int) r.nfe();
            assertEquals(expected, r.steps(), r.toString());
            assertTrue(r.nfe() == 20 || r.nfe() == 40 || r.nfe() == 80, r.toString());
        }
        assertEquals(6, w.rows().size());
    }

    @Test
    void rateStudyOnRing8MeasuresTvAndCanBeCancelled(FxRobot robot) {
        RateStudyWindow[] rs = new RateStudyWindow[1];
        robot.interact(() -> rs[0] = window.lab(RateStudyLab.class).open());
        RateStudyWindow w = rs[0];
        robot.interact(() -> {
            w.target.setValue("ring8");
            w.steps.setText("5,10,20,40,80,160,320");
            w.particles.getValueFactory().setValue(400_000);
            w.seeds.getValueFactory().setValue(5);
        });
        robot.clickOn("#rs-run");
        waitUntil("started", 20, w::running);
        robot.clickOn("#rs-cancel");
        waitUntil("cancelled", 60, () -> !w.running());
        WaitForAsyncUtils.waitForFxEvents();
        String text = robot.lookup("#rs-message").queryAs(Label.class).getText();
        assertTrue(text.startsWith("cancelled"), text);
        assertTrue(w.rows().size() < 2 * 7 * 5);
        assertTrue(w.rows().stream().allMatch(r -> r.metric().equals("tv")));
    }
    /**
     * Issue 16 in the rate-study window: the ε_score axis runs on the executor and shows the core's
     * slope (1e-12) of exact W2 against a bias error, 1 ± 0.05, in the fit table and on the chart.
     */
    @Test
    void errorAgainstEpsScoreShowsTheCoresSlope(FxRobot robot) throws Exception {
        RateStudyWindow[] rs = new RateStudyWindow[1];
        robot.interact(() -> rs[0] = window.lab(RateStudyLab.class).open());
        RateStudyWindow w = rs[0];
        robot.interact(() -> {
            w.axis.setValue(RateStudyWindow.AXIS_EPS);
            w.target.setValue("gaussian");
            w.schedule.setValue("linear");
            w.steps.setText("999");
            w.errorType.setValue("bias");
            w.sizes.setText("0.03, 0.1, 0.3");
            for (var e : w.samplers.entrySet()) {
                e.getValue().setSelected(e.getKey().equals("ddim"));
            }
        });
        robot.clickOn("#rs-run");
        waitUntil("finished", 120, () -> !w.running() && w.errorOutcome() != null && w.chartShown());
        WaitForAsyncUtils.waitForFxEvents();
        String text = robot.lookup("#rs-message").queryAs(Label.class).getText();
        assertEquals("done: 3 measurements", text);
        double core = RateStudyErrorsTest.coreSlope("ddim", new double[] {0.03, 0.1, 0.3},
                org.scorescope.schedule.Schedules.create("linear", java.util.Map.of(), null, null).grid(999));
        double shown = w.errorOutcome().curves().get(0).slope();
        assertEquals(core, shown, 1e-12);
        assertEquals(1, shown, 0.05);
        RateStudyPlan.FitRow row = w.fits.getItems().get(0);
        assertEquals("ddim T=999", row.sampler());
        assertEquals(String.format(java.util.Locale.ROOT, "%.3f", core), row.order());
        assertEquals("fitted slope", w.fits.getColumns().get(1).getText());
        Path csv = dir.resolve("eps.csv");
        java.util.List<java.util.concurrent.Future<?>> jobs = new java.util.ArrayList<>();
        robot.interact(() -> jobs.add(w.exportCsv(csv).result()));
        jobs.get(0).get(60, TimeUnit.SECONDS);
        assertEquals("sampler,steps,nfe,seed,particles,metric,value,floor,diverged,score_error", Files.readAllLines(csv).get(0));
    }
}
