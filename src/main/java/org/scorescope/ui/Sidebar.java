package org.scorescope.ui;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;

/**
 * The scrolling left column around the {@link ControlPane}: the vertical bar is always shown (and
 * styled to be seen on a projector, scorescope.css {@code #control-scroll}), so a lecturer at
 * 1280×720 sees that there is more below; a control reached by Tab is scrolled into view, so every
 * control can be reached from the keyboard. Its width follows the type size (em, in the CSS).
 */
final class Sidebar extends ScrollPane {
    /** Space kept above and below a control scrolled into view, in px. */
    private static final double MARGIN = 12;

    Sidebar(ControlPane controls) {
        super(controls);
        setId("control-scroll");
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        setVbarPolicy(ScrollBarPolicy.ALWAYS);
        sceneProperty().addListener((o, was, now) -> follow(now));
    }

    private void follow(Scene scene) {
        if (scene != null) {
            scene.focusOwnerProperty().addListener((o, a, focus) -> {
                if (focus != null && contains(focus)) {
                    reveal(focus);
                }
            });
        }
    }

    private boolean contains(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p == getContent()) {
                return true;
            }
        }
        return false;
    }

    /** Scrolls the least that shows the node (with a margin); nothing when it is already shown. */
    void reveal(Node node) {
        Node content = getContent();
        layout();
        Bounds b = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
        double contentHeight = content.getBoundsInLocal().getHeight();
        double viewport = getViewportBounds().getHeight();
        double room = contentHeight - viewport;
        if (b == null || room <= 0) {
            return;
        }
        double top = getVvalue() * room;
        double newTop = top;
        if (b.getMinY() - MARGIN < top) {
            newTop = b.getMinY() - MARGIN;
        } else if (b.getMaxY() + MARGIN > top + viewport) {
            newTop = Math.min(b.getMinY() - MARGIN, b.getMaxY() + MARGIN - viewport);
        }
        setVvalue(Math.max(0, Math.min(1, newTop / room)));
    }

    /** Whether the node lies wholly inside the visible part of the column (tests). */
    boolean shows(Node node) {
        Bounds view = localToScene(getLayoutBounds());
        Bounds b = node.localToScene(node.getBoundsInLocal());
        return node.isVisible() && b.getMinY() >= view.getMinY() - 0.5 && b.getMaxY() <= view.getMaxY() + 0.5;
    }
}
