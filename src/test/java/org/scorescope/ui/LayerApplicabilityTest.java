package org.scorescope.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.CheckBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.scorescope.scenario.Scenario;
import org.scorescope.ui.labs.inverse.InverseLab;
import org.scorescope.ui.model.SessionModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The layer list shows a lab's layer only where it means something: class layers need classes, the likelihood band an observation. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class LayerApplicabilityTest {
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow(stage, UiOptions.none());
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> window.close());
    }

    private static boolean listed(FxRobot robot, String id) {
        CheckBox box = robot.lookup("#layer-" + id).queryAs(CheckBox.class);
        return box.isVisible() && box.isManaged();
    }

    @Test
    void classAndObservationLayersAreListedOnlyWhereTheyApply(FxRobot robot) {
        assertFalse(listed(robot, "guidance-classes"), "ring8 has no classes");
        assertFalse(listed(robot, "guidance-boundary"), "ring8 has no classes");
        assertFalse(listed(robot, "inverse-likelihood"), "no observation");
        assertTrue(listed(robot, "density"), "the built-in layers are always listed");

        robot.interact(() -> window.session().setPreset("ring8-classes"));
        assertTrue(listed(robot, "guidance-classes"), "ring8-classes has classes");
        assertTrue(listed(robot, "guidance-boundary"), "ring8-classes has classes");

        robot.interact(() -> window.session().setPreset("two-classes-1d"));
        assertFalse(listed(robot, "guidance-classes"), "a 1D target has classes but no plane to draw them on");
        assertFalse(listed(robot, "guidance-field"), "a 1D target has classes but no plane to draw them on");

        Scenario lecture = InverseLab.lecture().with(null, null, null, null, 2000, null);
        robot.interact(() -> window.session().load(lecture));
        assertTrue(listed(robot, "inverse-likelihood"), "with an observation");

        Scenario oneD = org.scorescope.scenario.ScenarioJson.parse("{\"target\": \"bimodal1d\", \"samplers\": [\"posterior-exact\"], "
                + "\"steps\": 20, \"particles\": 2000, \"observation\": {\"task\": \"denoise\", \"y\": [0.5], \"sigma\": 0.5}}");
        robot.interact(() -> window.session().load(oneD));
        assertFalse(listed(robot, "inverse-likelihood"), "a 1D prior's space–time view has no plane for the band");
        assertFalse(listed(robot, "inverse-prior"), "a 1D prior's space–time view has no plane for contours");

        robot.interact(() -> window.session().load(SessionModel.DEFAULT));
        assertFalse(listed(robot, "inverse-likelihood"), "the observation gone");
        assertFalse(listed(robot, "guidance-classes"), "back on ring8");
    }
}
