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

/** Issue 5: the live metrics under the panels. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class MetricsPaneTest {
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
    void liveMetricsShowTvForEverySamplerAndASummaryThatCopies(FxRobot robot) {
        robot.interact(() -> window.session().setSteps(10));
        robot.interact(() -> robot.lookup("#metrics").queryAs(TabPane.class).getSelectionModel().select(2));
        robot.type(javafx.scene.input.KeyCode.END);
        SummaryTab summary = window.metricsPane.summary;
        waitUntil("summary filled at the end of the run", 30, () -> summary.table.getItems().size() == 2
                && !summary.table.getItems().get(0).cell("TV end", summary.header()).equals("–"));
        var row = summary.table.getItems().get(0);
        assertEquals("ddpm", row.cell("sampler", summary.header()));
        double tv = Double.parseDouble(row.cell("TV end", summary.header()));
        assertTrue(tv > 0 && tv < 1, row.toString());
        double seconds0 = Double.parseDouble(row.cell("compute s", summary.header()));
        double seconds1 = Double.parseDouble(summary.table.getItems().get(1).cell("compute s", summary.header()));
        // Shown with three significant digits, so two samplers of equal cost may print the same time.
        assertTrue(seconds0 > 0 && seconds1 > 0, "each sampler's own compute time: " + seconds0 + ", " + seconds1);
        assertTrue(summary.text().startsWith("sampler\tTV now"));
        robot.interact(() -> robot.lookup("#metrics").queryAs(TabPane.class).getSelectionModel().select(1));
        waitUntil("difference map", 20, () -> window.metricsPane.histograms.difference.getImage() != null);
        waitUntil("TV chart drawn", 20, () -> window.metricsPane.tvChartShown());
        // Gaussian targets also get the exact W2 and KL, step by step.
        robot.interact(() -> window.session().setPreset("gaussian"));
        robot.interact(() -> robot.lookup("#metrics").queryAs(TabPane.class).getSelectionModel().select(2));
        waitUntil("exact W2 in the summary", 30, () -> summary.table.getItems().size() == 2
                && !summary.table.getItems().get(0).cell("W2 end", summary.header()).equals("–"));
        robot.interact(() -> robot.lookup("#metrics").queryAs(TabPane.class).getSelectionModel().select(0));
        CheckBox byNfe = robot.lookup("#tv-by-nfe").queryAs(CheckBox.class);
        robot.clickOn(byNfe);
        assertTrue(byNfe.isSelected());
    }

    @Test
    void aPickedIdWithParametersRunsAndTheSummaryShowsItsTheoryOrdersAndTheScheduleOffersTheFinalStep(FxRobot robot) {
        robot.interact(() -> {
            window.session().setSteps(12);
            window.session().setPreset("gaussian");
        });
        robot.interact(() -> robot.lookup("#sampler-1").queryAs(javafx.scene.control.ComboBox.class).getSelectionModel()
                .select("lagrange:K=3"));
        assertEquals(java.util.Map.of("K", 3.0), window.session().scenario().samplers().get(1).params());
        robot.interact(() -> robot.lookup("#metrics").queryAs(TabPane.class).getSelectionModel().select(2));
        robot.type(javafx.scene.input.KeyCode.END);
        SummaryTab summary = window.metricsPane.summary;
        waitUntil("theory orders in the summary", 60, () -> summary.table.getItems().size() == 2
                && summary.table.getItems().get(1).cell("theory order", summary.header()).contains("W2 3"));
        var row = summary.table.getItems().get(1);
        assertTrue(row.cell("theory order", summary.header()).startsWith("TV 3 · W2 3 · KL "), row.toString());
        assertTrue(row.detail().contains("solver order"), row.detail());
        assertTrue(summary.table.getItems().get(0).cell("theory order", summary.header()).startsWith("TV 1 "), summary.text());
        // The theory schedule offers its final denoising step; ticking it runs to ᾱ_0 = 1.
        robot.interact(() -> robot.lookup("#schedule").queryAs(javafx.scene.control.ComboBox.class).getSelectionModel().select("theory"));
        CheckBox denoise = robot.lookup("#denoise").queryAs(CheckBox.class);
        assertTrue(denoise.isVisible() && !denoise.isSelected());
        robot.interact(() -> denoise.setSelected(true));
        assertEquals(java.util.Map.of("denoise", 1.0), window.session().scenario().schedule().params());
        waitUntil("the run ends at ᾱ_0 = 1", 30, () -> window.run() != null && window.run().grid().abar(0) == 1.0);
    }
}
