package org.scorescope.ui.present;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.Observable;
import javafx.scene.control.Label;
import org.scorescope.ui.model.SessionModel;

/**
 * A small label over the panels naming the presenter tools that are on ("pen · strokes kept ·
 * frozen at t = 12 · pick"), so a lecturer sees the mode in presentation mode, where the status
 * line is hidden. Hidden when no tool is on.
 */
public final class PresenterBadge extends Label {
    private final SessionModel model;
    private int frozenAt = -1;

    public PresenterBadge(SessionModel model) {
        this.model = model;
        setId("presenter-badge");
        getStyleClass().add("presenter-badge");
        setStyle("-fx-background-color: rgba(0,0,0,0.62); -fx-text-fill: white; -fx-padding: 3 9 3 9; -fx-background-radius: 6;");
        setMouseTransparent(true);
        for (Observable o : List.<Observable>of(model.pen, model.pointer, model.keepAnnotations, model.frozen, model.pickMode,
                model.strokes, model.presentation)) {
            o.addListener(x -> update());
        }
        update();
    }

    private void update() {
        List<String> on = new ArrayList<>();
        if (model.pen.get()) {
            on.add("✎ pen (W)");
        }
        if (model.pointer.get()) {
            on.add("● pointer (H)");
        }
        if (model.pen.get() || !model.strokes.isEmpty()) {
            on.add(model.keepAnnotations.get() ? "drawings kept across steps (R)" : "drawings cleared on step change (R)");
        }
        frozenAt = !model.frozen.get() ? -1 : frozenAt >= 0 ? frozenAt : model.step.get();
        if (model.frozen.get()) {
            on.add("frozen" + (frozenAt >= 0 ? " at t = " + frozenAt : "") + " (F)");
        }
        if (model.pickMode.get()) {
            on.add("click picks a particle (A)");
        }
        setText(String.join("  ·  ", on));
        setVisible(!on.isEmpty());
        setStyle("-fx-background-color: rgba(0,0,0,0.62); -fx-text-fill: white; -fx-background-radius: 6; -fx-padding: 3 9 3 9;"
                + (model.presentation.get() ? " -fx-font-size: 16px;" : ""));
    }
}
