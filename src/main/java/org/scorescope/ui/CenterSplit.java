package org.scorescope.ui;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableDoubleValue;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;

/**
 * The panels over the metrics pane, with a divider the user drags (its grip is drawn, scorescope.css
 * {@code #center-split}). The metrics pane's minimum height is {@value #METRICS_EM} em of the type
 * (273 px at 13 px: at 1280×720 the TV chart keeps a plot a lecture can read instead of a 70-px
 * strip), but never more than {@value #METRICS_SHARE} of the split, so large type on a small screen
 * does not squeeze the panels away. The divider goes back to where the user left it (first:
 * {@value #FIRST}) when the type size changes and when the metrics are shown again (M).
 */
final class CenterSplit extends SplitPane {
    /** The divider's first position: about two thirds panels. */
    static final double FIRST = 0.64;
    /** The metrics pane's minimum height, in em of the type. */
    static final double METRICS_EM = 21;
    /** The most of the split's height that the minimum may take. */
    static final double METRICS_SHARE = 0.45;
    private final Node metrics;
    private double divider = FIRST;

    /**
     * @param typePx the type size in px (13 × the UI scale)
     */
    CenterSplit(Node panels, Region metrics, ObservableDoubleValue typePx) {
        this.metrics = metrics;
        setId("center-split");
        setOrientation(Orientation.VERTICAL);
        getItems().addAll(panels, metrics);
        setDividerPositions(FIRST);
        metrics.minHeightProperty().bind(Bindings.createDoubleBinding(
                () -> Math.min(METRICS_EM * typePx.get(), METRICS_SHARE * getHeight()), typePx, heightProperty()));
        typePx.addListener((o, a, b) -> restoreDivider());
        addEventFilter(MouseEvent.MOUSE_RELEASED, e -> {
            if (e.getTarget() instanceof Node n && (n.getStyleClass().contains("split-pane-divider")
                    || n.getParent() != null && n.getParent().getStyleClass().contains("split-pane-divider"))) {
                divider = getDividerPositions()[0];
            }
        });
    }

    /** Where the user left the divider (or the first position). */
    double userDivider() {
        return divider;
    }

    private void restoreDivider() {
        if (getItems().contains(metrics)) {
            setDividerPositions(divider);
        }
    }

    /** Shows or hides the metrics pane under the panels. */
    void showMetrics(boolean on) {
        boolean shown = getItems().contains(metrics);
        if (on && !shown) {
            getItems().add(metrics);
            setDividerPositions(divider);
        } else if (!on && shown) {
            getItems().remove(metrics);
        }
    }
}
