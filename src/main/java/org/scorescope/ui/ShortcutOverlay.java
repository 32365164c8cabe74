package org.scorescope.ui;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.scorescope.ui.model.SessionModel;

/** The "?" overlay: every shortcut of {@link Shortcuts}, over the panels; a click or Esc closes it. */
final class ShortcutOverlay extends StackPane {
    private final GridPane grid = new GridPane();

    ShortcutOverlay(SessionModel model, Shortcuts shortcuts) {
        setId("shortcut-overlay");
        getStyleClass().add("overlay");
        grid.setHgap(18);
        grid.setVgap(6);
        Label title = new Label("Keyboard shortcuts");
        title.getStyleClass().add("overlay-title");
        Label note = new Label("They act when no text field has focus; click anywhere or press Esc to close.");
        note.getStyleClass().add("hint");
        VBox box = new VBox(12, title, grid, note);
        box.getStyleClass().add("overlay-box");
        box.setPadding(new Insets(20, 28, 20, 28));
        box.setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        getChildren().add(box);
        StackPane.setAlignment(box, Pos.CENTER);
        visibleProperty().bind(model.shortcutsShown);
        managedProperty().bind(model.shortcutsShown);
        setOnMouseClicked(e -> model.shortcutsShown.set(false));
        model.shortcutsShown.addListener((o, a, on) -> {
            if (on) {
                fill(shortcuts);
            }
        });
    }

    private void fill(Shortcuts shortcuts) {
        grid.getChildren().clear();
        int row = 0;
        for (Shortcuts.Shortcut s : shortcuts.all()) {
            Label key = new Label(s.keys());
            key.getStyleClass().add("overlay-key");
            Label meaning = new Label(s.meaning());
            meaning.getStyleClass().add("overlay-text");
            grid.add(key, 0, row);
            grid.add(meaning, 1, row++);
        }
    }
}
