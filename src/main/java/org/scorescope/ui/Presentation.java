package org.scorescope.ui;

import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.scorescope.ui.model.SessionModel;

/**
 * Presentation mode (F11): full screen, large type (the "presentation" style class doubles the
 * captions and the lecture text), controls and timeline hidden, short captions. Without a window
 * manager (a bare X server, some projectors' kiosks) full screen is a no-op, so the window also
 * covers the screen explicitly and goes back to its place afterwards.
 */
final class Presentation {
    private final Stage stage;
    private final Parent root;
    private Rectangle2D windowBounds;

    Presentation(Stage stage, Parent root, SessionModel model) {
        this.stage = stage;
        this.root = root;
        stage.setFullScreenExitHint("");
        stage.fullScreenProperty().addListener((o, a, full) -> {
            if (!full && model.presentation.get()) {
                model.presentation.set(false);
            }
        });
        model.presentation.addListener((o, a, on) -> apply(on));
    }

    private void apply(boolean on) {
        if (on) {
            root.getStyleClass().add("presentation");
        } else {
            root.getStyleClass().remove("presentation");
        }
        if (stage.isFullScreen() != on) {
            stage.setFullScreen(on);
        }
        if (on && windowBounds == null) {
            windowBounds = new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
            Rectangle2D screen = Screen.getPrimary().getBounds();
            stage.setX(screen.getMinX());
            stage.setY(screen.getMinY());
            stage.setWidth(screen.getWidth());
            stage.setHeight(screen.getHeight());
        } else if (!on && windowBounds != null) {
            stage.setX(windowBounds.getMinX());
            stage.setY(windowBounds.getMinY());
            stage.setWidth(windowBounds.getWidth());
            stage.setHeight(windowBounds.getHeight());
            windowBounds = null;
        }
    }
}
