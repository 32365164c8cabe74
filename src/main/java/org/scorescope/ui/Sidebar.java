package org.scorescope.ui;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;

/**
 * The scrolling left column around the {@link ControlPane}: the vertical bar is always shown (and
 * styled to be seen on a projector, scorescope.css {@code #control-scroll}), so a lecturer at
 * 1280×720 sees that there is more below. A control reached by Tab is scrolled into view by the
 * ScrollPane itself, so every control can be reached from the keyboard (WindowAt720pTest). Its
 * width follows the type size (em, in the CSS).
 */
final class Sidebar extends ScrollPane {
    Sidebar(ControlPane controls) {
        super(controls);
        setId("control-scroll");
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        setVbarPolicy(ScrollBarPolicy.ALWAYS);
    }

    /** Whether the node lies wholly inside the visible part of the column (tests). */
    boolean shows(Node node) {
        Bounds view = localToScene(getLayoutBounds());
        Bounds b = node.localToScene(node.getBoundsInLocal());
        return node.isVisible() && b.getMinY() >= view.getMinY() - 0.5 && b.getMaxY() <= view.getMaxY() + 0.5;
    }
}
