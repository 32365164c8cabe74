package org.scorescope.ui.labs;

import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.scorescope.ui.lab.Lab;
import org.scorescope.ui.lab.LabContext;

/**
 * The target editor as a lab: draw Gaussians and boxes with the mouse, preview the exact density,
 * and run the drawn target (an explicit target in the scenario, so it is saved and exported with it).
 */
public final class TargetEditorLab implements Lab {
    private LabContext context;
    private TargetEditor editor;

    @Override
    public String id() {
        return "target-editor";
    }

    @Override
    public String title() {
        return "Draw a target";
    }

    @Override
    public void install(LabContext context) {
        this.context = context;
    }

    @Override
    public Optional<Node> controlPane() {
        Button open = new Button("Draw a target…");
        open.setId("open-editor");
        open.setMaxWidth(Double.MAX_VALUE);
        open.setOnAction(e -> open());
        Label hint = new Label("Gaussians and boxes by mouse; the score stays exact");
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        return Optional.of(new VBox(4, open, hint));
    }

    /** Opens (or brings forward) the editor. */
    TargetEditor open() {
        if (editor == null || !editor.stage.isShowing()) {
            editor = new TargetEditor(context);
        }
        editor.stage.show();
        editor.stage.toFront();
        return editor;
    }

    @Override
    public void launch(String argument) {
        open();
    }

    @Override
    public void close() {
        if (editor != null) {
            editor.stage.close();
        }
    }
}
