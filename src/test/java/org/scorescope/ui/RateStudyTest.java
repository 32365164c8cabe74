package org.scorescope.ui;

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

/** Issue 5, must-show 2: a rate study driven end to end in the real window, and the live metrics. */
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
        UiWait.until(what, seconds, c);
    }

    @Test
    void rateStudyOnGaussian1dRecoversTheOrdersOfDdimAndTheAcceleratedSampler(FxRobot robot) throws Exception {
        robot.clickOn("#open-rate-study");
        RateStudyWindow[] rs = new RateStudyWindow[1];
        robot.interact(() -> rs[0] = window.openRateStudy());
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
        RateStudyWindow.FitRow ddim = rows.stream().filter(r -> r.sampler().equals("ddim")).findFirst().orElseThrow();
        RateStudyWindow.FitRow accel = rows.stream().filter(r -> r.sampler().equals("accel-ddim-ms")).findFirst().orElseThrow();
        assertEquals(1.0, Double.parseDouble(ddim.order()), 0.1, "ddim order shown");
        assertEquals(2.0, Double.parseDouble(accel.order()), 0.15, "accel-ddim-ms order shown");
        assertEquals("1.0", ddim.theory());
        assertEquals("2.0", accel.theory());
        // The exported data has the CLI sweep's columns; the chart exports as PNG and SVG.
        Path csv = dir.resolve("rate.csv");
        Path png = dir.resolve("rate.png");
        Path svg = dir.resolve("rate.svg");
        robot.interact(() -> {
            w.exportCsv(csv);
            w.exportPng(png, 800, 500);
            w.exportSvg(svg, 800, 500);
        });
        List<String> lines = Files.readAllLines(csv);
        assertEquals("sampler,steps,nfe,seed,particles,metric,value", lines.get(0));
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
    void nfeBudgetsPickEachSamplersOwnSteps(FxRobot robot) {
        RateStudyWindow[] rs = new RateStudyWindow[1];
        robot.interact(() -> rs[0] = window.openRateStudy());
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
        robot.interact(() -> rs[0] = window.openRateStudy());
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

    @Test
    void liveMetricsShowTvForEverySamplerAndASummaryThatCopies(FxRobot robot) {
        robot.interact(() -> window.session.steps.set(10));
        robot.interact(() -> robot.lookup("#metrics").queryAs(TabPane.class).getSelectionModel().select(2));
        robot.type(javafx.scene.input.KeyCode.END);
        waitUntil("summary filled at the end of the run", 30, () -> window.metricsPane.table.getItems().size() == 2
                && !window.metricsPane.table.getItems().get(0).tvEnd().equals("–"));
        var row = window.metricsPane.table.getItems().get(0);
        assertEquals("ddpm", row.sampler());
        double tv = Double.parseDouble(row.tvEnd());
        assertTrue(tv > 0 && tv < 1, row.toString());
        assertTrue(window.metricsPane.summaryText().startsWith("sampler\tTV now"));
        robot.interact(() -> robot.lookup("#metrics").queryAs(TabPane.class).getSelectionModel().select(1));
        waitUntil("difference map", 20, () -> window.metricsPane.difference.getImage() != null);
        waitUntil("TV chart drawn", 20, () -> window.metricsPane.tvChartShown());
        // Gaussian targets also get the exact W2 and KL, step by step.
        robot.interact(() -> window.session.target.set("gaussian"));
        robot.interact(() -> robot.lookup("#metrics").queryAs(TabPane.class).getSelectionModel().select(2));
        waitUntil("exact W2 in the summary", 30, () -> window.metricsPane.table.getItems().size() == 2
                && !window.metricsPane.table.getItems().get(0).w2End().equals("–"));
        robot.interact(() -> robot.lookup("#metrics").queryAs(TabPane.class).getSelectionModel().select(0));
        CheckBox byNfe = robot.lookup("#tv-by-nfe").queryAs(CheckBox.class);
        robot.clickOn(byNfe);
        assertTrue(byNfe.isSelected());
    }
}
