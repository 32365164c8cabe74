package org.scorescope.ui.labs.inverse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.scorescope.scenario.Scenario;
import org.scorescope.ui.MainWindow;
import org.scorescope.ui.UiOptions;
import org.scorescope.ui.model.SessionModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A lab chart's tab is in the metrics pane only where it applies ({@code LabChart.appliesTo}): the
 * "Posterior weights" tab is hidden for a scenario without an observation, appears with one (after the
 * three fixed tabs), and goes again when the observation is removed — also when it was the tab on show.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class PosteriorWeightsTabTest {
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow(stage, UiOptions.none());
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> window.close());
    }

    private static List<String> titles(TabPane tabs) {
        return tabs.getTabs().stream().map(Tab::getText).toList();
    }

    @Test
    void theTabShowsOnlyWithAnObservation(FxRobot robot) {
        TabPane tabs = robot.lookup("#metrics").queryAs(TabPane.class);
        assertTrue(window.session().scenario().observation() == null);
        assertFalse(titles(tabs).contains("Posterior weights"), "no observation, no tab: " + titles(tabs));
        assertEquals(List.of("TV over the run", "Histograms", "Summary"), titles(tabs).subList(0, 3));

        Scenario lecture = InverseLab.lecture().with(null, null, null, null, 2000, null);
        robot.interact(() -> window.session().load(lecture));
        assertTrue(titles(tabs).contains("Posterior weights"), "with an observation: " + titles(tabs));
        assertEquals(List.of("TV over the run", "Histograms", "Summary"), titles(tabs).subList(0, 3), "lab tabs come after the fixed ones");

        Tab weights = tabs.getTabs().stream().filter(t -> t.getText().equals("Posterior weights")).findFirst().orElseThrow();
        robot.interact(() -> tabs.getSelectionModel().select(weights));
        robot.interact(() -> window.session().load(SessionModel.DEFAULT));
        assertFalse(titles(tabs).contains("Posterior weights"), "the observation gone, the tab goes: " + titles(tabs));
        assertTrue(tabs.getSelectionModel().getSelectedIndex() >= 0 && tabs.getSelectionModel().getSelectedIndex() < tabs.getTabs().size(),
                "another tab is on show");
    }
}
