package org.scorescope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.scorescope.scenario.LectureScenarios;
import org.scorescope.teaching.LecturePart;
import org.scorescope.teaching.LectureSequence;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Issue 18: the lecture page follows 003's six parts, and PageDown / PageUp walk the lecture in presentation mode. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class LectureSequenceUiTest {
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow(stage, UiOptions.none());
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> window.close());
    }

    private static String titleOf(String file) {
        return LectureScenarios.all().stream().filter(l -> l.file().equals(file)).findFirst().orElseThrow().scenario().title();
    }

    @Test
    void theLecturePageListsTheSixPartsInOrderAndOpensAScenario(FxRobot robot) {
        UiScroll.intoView(robot, "#open-lectures");
        robot.clickOn("#open-lectures");
        UiWait.until("lecture page", () -> robot.lookup("#part-6").tryQuery().isPresent());
        List<String> headings = robot.lookup(".lecture-part").queryAll().stream().map(n -> ((Label) n).getText()).toList();
        List<String> expected = LectureSequence.parts().stream().map(p -> p.number() + ". " + p.title()).toList();
        assertEquals(expected, headings);
        // Part 2's first scenario sits under part 2's heading and opens with one click.
        String file = LectureSequence.parts().get(1).scenarios().get(0);
        int index = LectureScenarios.files().indexOf(file);
        Node button = robot.lookup("#lecture-" + index).query();
        Node part2 = robot.lookup("#part-2").query();
        Node part3 = robot.lookup("#part-3").query();
        double y = button.localToScene(0, 0).getY();
        assertTrue(part2.localToScene(0, 0).getY() < y && y < part3.localToScene(0, 0).getY(), "the scenario is listed under its part");
        robot.interact(() -> {
            ScrollPane scroll = (ScrollPane) button.getScene().getRoot();
            double top = scroll.getContent().sceneToLocal(button.localToScene(0, 0)).getY();
            double room = scroll.getContent().getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
            scroll.setVvalue(room <= 0 ? 0 : Math.min(1, Math.max(0, (top - 20) / room)));
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(button);
        UiWait.until("the lecture is loaded", () -> window.session().scenario().title().equals(titleOf(file)));
    }

    @Test
    void pageDownAndPageUpWalkTheLectureInPresentationMode(FxRobot robot) {
        String first = LectureSequence.scenarios().get(0);
        robot.interact(() -> window.session().load(LectureScenarios.all().get(LectureScenarios.files().size() - 1).scenario()));
        String start = LectureScenarios.files().get(LectureScenarios.files().size() - 1);
        robot.interact(() -> window.session().presentation.set(true));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> window.stage().getScene().getRoot().requestFocus()); // off any text field
        String expected = start;
        for (KeyCode key : List.of(KeyCode.PAGE_DOWN, KeyCode.PAGE_DOWN, KeyCode.PAGE_UP)) {
            String before = expected;
            expected = LectureSequence.step(expected, key == KeyCode.PAGE_DOWN ? 1 : -1);
            robot.type(key);
            String title = titleOf(expected);
            UiWait.until("after " + key + ": " + title, () -> window.session().scenario().title().equals(title));
            LecturePart part = LectureSequence.partOf(expected).orElseThrow();
            if (LectureSequence.partOf(before).orElseThrow().number() != part.number()) {
                assertEquals("Part " + part.number() + " — " + part.title(), window.session().status.get());
            }
        }
        assertEquals(first, expected, "wrapped from the last scenario to the first, on, and back");
    }
}
