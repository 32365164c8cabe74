package org.scorescope.ui;

import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;

/**
 * The panels over the metrics pane, with a divider the user drags (its grip is drawn, scorescope.css
 * {@code #center-split}). The metrics pane has a minimum height in em ({@code #metrics}, {@code #tv-chart}),
 * so at 1280×720 the TV chart keeps a plot a lecture can read instead of a 70-px strip; hiding
 * and showing the metrics (M) keeps the divider where the user left it.
 */
final class CenterSplit extends SplitPane {
    /** The divider's first position: about two thirds panels. */
    static final double FIRST = 0.64;
    private final Node metrics;
    private double divider = FIRST;

    CenterSplit(Node panels, Node metrics) {
        this.metrics = metrics;
        setId("center-split");
        setOrientation(Orientation.VERTICAL);
        getItems().addAll(panels, metrics);
        setDividerPositions(FIRST);
        SplitPane.setResizableWithParent(metrics, false);
    }

    /** Shows or hides the metrics pane under the panels. */
    void showMetrics(boolean on) {
        boolean shown = getItems().contains(metrics);
        if (on && !shown) {
            getItems().add(metrics);
            setDividerPositions(divider);
        } else if (!on && shown) {
            divider = getDividerPositions()[0];
            getItems().remove(metrics);
        }
    }
}
