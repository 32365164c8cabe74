package org.scorescope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.scorescope.ui.lab.Lab;
import org.scorescope.ui.labs.Labs;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 13, must-show 2: a lab written in test code appears in the window with its control, its
 * scenario field, its layer, its metric, its chart and its lecture — the shell is unchanged; the lab
 * is only passed in the list of labs.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class FixtureLabTest {
    private MainWindow window;
    private final FixtureLab lab = new FixtureLab();

    @Start
    void start(Stage stage) {
        List<Lab> labs = new ArrayList<>(Labs.all());
        labs.add(lab);
        window = new MainWindow(stage, UiOptions.none(), ShellServices.defaults().withLabs(labs));
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> window.close());
    }

    private static int centre(PanelView p) {
        int[] size = p.imageSize();
        return p.pixel(size[0] / 2, size[1] / 2);
    }

    @Test
    void theFixtureLabAppearsWithItsControlFieldLayerMetricChartAndLecture(FxRobot robot) {
        robot.interact(() -> robot.lookup("#control-scroll").queryAs(ScrollPane.class).setVvalue(1.0));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#lab-fixture").tryQuery().isPresent(), "the lab's section");
        robot.clickOn("#fixture-button");
        assertEquals(1, lab.clicks);
        assertEquals("fixture clicked 1", window.session().status.get());

        // Its scenario field edits the scenario (one new run).
        @SuppressWarnings("unchecked")
        Spinner<Double> field = robot.lookup("#field-fixture-steps").queryAs(Spinner.class);
        assertEquals(40.0, field.getValue());
        robot.interact(() -> field.getValueFactory().setValue(12.0));
        assertEquals(12, window.session().scenario().steps());

        // Its layer: a check box with its key, drawn on every panel by the render lane.
        CheckBox layer = robot.lookup("#layer-fixture-marker").queryAs(CheckBox.class);
        assertTrue(layer.isSelected());
        assertEquals("Fixture marker (X)", layer.getText());
        UiWait.until("the marker on both panels", () -> window.panels().size() == 2
                && window.panels().stream().allMatch(p -> centre(p) == FixtureLab.MAGENTA));
        robot.interact(() -> window.panels().get(0).requestFocus());
        robot.type(KeyCode.X);
        assertTrue(!layer.isSelected(), "X toggles it");
        UiWait.until("the marker gone", () -> window.panels().stream().noneMatch(p -> centre(p) == FixtureLab.MAGENTA));

        // Its metric: a summary column, filled for every sampler; the run ends near the ring's centre.
        robot.type(KeyCode.END);
        robot.interact(() -> robot.lookup("#metrics").queryAs(TabPane.class).getSelectionModel().select(2));
        SummaryTab summary = window.metricsPane.summary;
        assertTrue(summary.header().contains("mean of x0"), summary.header().toString());
        UiWait.until("the lab metric at t = 0", () -> summary.table.getItems().size() == 2
                && !summary.table.getItems().get(0).cell("mean of x0", summary.header()).equals("–")
                && window.session().step.get() == 0);
        double mean = Double.parseDouble(summary.table.getItems().get(0).cell("mean of x0", summary.header()));
        assertTrue(Math.abs(mean) < 0.3, "ring8 is centred at 0: mean of x0 = " + mean);

        // Its chart: a tab of the metrics pane, drawn off the FX thread.
        TabPane tabs = robot.lookup("#metrics").queryAs(TabPane.class);
        // Registered labs with charts come first (tabs 3, 4, …); the fixture's is the last tab.
        int tab = tabs.getTabs().size() - 1;
        assertEquals("Fixture chart", tabs.getTabs().get(tab).getText());
        robot.interact(() -> tabs.getSelectionModel().select(tab));
        UiWait.until("the lab's chart drawn", () -> window.metricsPane.labChartShown(tab - 3));

        // Its lecture: on the lecture page under its title; one click opens it.
        robot.interact(() -> window.openLectures());
        UiWait.until("lecture page", () -> robot.lookup(".lecture-heading").tryQuery().isPresent());
        assertTrue(robot.lookup(".lecture-heading").queryAll().stream().anyMatch(n -> ((Label) n).getText().equals("Fixture lab")));
        int last = robot.lookup(".lecture-title").queryAll().size() - 1;
        robot.interact(() -> robot.lookup("#lecture-" + last).queryButton().fire());
        assertEquals("Fixture lecture", window.session().scenario().title());
        assertNotEquals(12, window.session().scenario().steps());
    }
}
