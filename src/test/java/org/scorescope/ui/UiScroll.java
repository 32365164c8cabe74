package org.scorescope.ui;

import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Scrolls the control pane so that a control is on screen before a test clicks it, as a user would (labs make the pane tall). */
public final class UiScroll {
    private UiScroll() {
    }

    /** Scrolls {@code #control-scroll} until the node is in its viewport. */
    public static void intoView(FxRobot robot, Node node) {
        robot.interact(() -> {
            ScrollPane scroll = robot.lookup("#control-scroll").queryAs(ScrollPane.class);
            double y = scroll.getContent().sceneToLocal(node.localToScene(0, 0)).getY();
            double room = scroll.getContent().getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
            scroll.setVvalue(room <= 0 ? 0 : Math.min(1, Math.max(0, (y - 20) / room)));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The same for a node found by its CSS query, e.g. {@code "#open-editor"}. */
    public static void intoView(FxRobot robot, String query) {
        intoView(robot, robot.lookup(query).<Node>query());
    }
}
