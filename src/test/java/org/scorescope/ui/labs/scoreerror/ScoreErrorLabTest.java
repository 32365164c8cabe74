package org.scorescope.ui.labs.scoreerror;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.scorescope.scenario.Scenario;
import org.scorescope.scenario.ScenarioJson;
import org.scorescope.score.ScoreError;
import org.scorescope.ui.MainWindow;
import org.scorescope.ui.UiOptions;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 16, the window part: the score-error lab's type box, size and frequency fields edit the
 * scenario's {@code scoreError} (saved with it), the run uses it, and the realised ε_score shown is
 * the set size within its Monte Carlo error (bias and field errors are normalised to it exactly).
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ScoreErrorLabTest {
    private static final Pattern REALISED = Pattern.compile("realised ε_score = ([0-9.eE+-]+) ± ([0-9.eE+-]+), ε_Jacobi = ([0-9.eE+-]+)");

    private MainWindow window;

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

    private static double[] realised(Label l) {
        Matcher m = REALISED.matcher(l.getText());
        return m.find() ? new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3))} : null;
    }

    @Test
    @SuppressWarnings("unchecked")
    void typeSizeAndFrequencyEditTheScenarioAndTheRealisedErrorIsShown(FxRobot robot) {
        robot.interact(() -> {
            window.session().setParticles(2000);
            window.session().setSteps(10);
            robot.lookup("#control-scroll").queryAs(ScrollPane.class).setVvalue(1.0);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#lab-score-error").tryQuery().isPresent(), "the lab's section");
        ComboBox<String> type = robot.lookup("#score-error-type").queryAs(ComboBox.class);
        Label shown = robot.lookup("#score-error-realised").queryAs(Label.class);
        assertEquals(ScoreErrorLab.EXACT, type.getValue());
        assertNull(window.session().scenario().scoreError());

        robot.interact(() -> type.setValue("field"));
        ScoreError e = window.session().scenario().scoreError();
        assertEquals("field", e.type());
        assertEquals(ScoreErrorLab.FIRST_SIZE, e.size());
        Spinner<Double> size = robot.lookup("#field-score-error-size").queryAs(Spinner.class);
        Spinner<Double> freq = robot.lookup("#field-score-error-frequency").queryAs(Spinner.class);
        robot.interact(() -> size.getValueFactory().setValue(0.2));
        robot.interact(() -> freq.getValueFactory().setValue(3.0));
        e = window.session().scenario().scoreError();
        assertEquals(0.2, e.size(), 1e-12);
        assertEquals(3.0, e.frequency(), 1e-12);
        // the scenario's JSON carries it (saved and reopened with the scenario)
        Scenario back = ScenarioJson.parse(ScenarioJson.write(window.session().scenario()));
        assertEquals(e, back.scoreError());

        waitUntil("the realised error of the field run", 120, () -> realised(shown) != null && shown.getText().startsWith("field:0.2:3"));
        double[] r = realised(shown);
        assertEquals(0.2, r[0], 1e-6 + 3 * r[1], shown.getText());
        assertTrue(r[2] > 0, "a field has a Jacobian error: " + shown.getText());
        assertEquals(e, window.run().scenario().scoreError(), "the run uses the scenario's error");

        // a bias error: ε_Jacobi = 0; the type box follows a loaded scenario
        robot.interact(() -> type.setValue("bias"));
        waitUntil("the realised error of the bias run", 120, () -> shown.getText().startsWith("bias:0.2") && realised(shown) != null);
        r = realised(shown);
        assertEquals(0.2, r[0], 1e-9, shown.getText());
        assertEquals(0, r[2], 1e-12, shown.getText());
        robot.interact(() -> window.session().edit(s -> s.withScoreError(null)));
        assertEquals(ScoreErrorLab.EXACT, type.getValue());
        waitUntil("the exact score", 60, () -> shown.getText().startsWith("exact score"));
    }
}
