package org.scorescope.ui;

import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.scorescope.ui.model.SessionModel;

/** The "?" overlay: every shortcut of {@link Shortcuts}, over the panels; a click or Esc closes it. */
final class ShortcutOverlay extends StackPane {
    /** The widest a shortcut's meaning gets before it wraps. */
    private static final double MEANING_WIDTH = 380;
    private final HBox columns = new HBox(28);

    ShortcutOverlay(SessionModel model, Shortcuts shortcuts) {
        setId("shortcut-overlay");
        getStyleClass().add("overlay");
        Label title = new Label("Keyboard shortcuts");
        title.getStyleClass().add("overlay-title");
        Label note = new Label("They act when no text field has focus; click anywhere or press Esc to close.");
        note.getStyleClass().add("hint");
        VBox box = new VBox(12, title, columns, note);
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

    private static GridPane column() {
        GridPane g = new GridPane();
        g.setHgap(14);
        g.setVgap(6);
        return g;
    }

    /**
     * Two columns (the playback, view and layer keys; then presentation, the presenter's tools and the
     * rest, from F11 on), so that the list fits a 1280×720 projector.
     */
    private void fill(Shortcuts shortcuts) {
        GridPane left = column();
        GridPane right = column();
        columns.getChildren().setAll(left, right);
        List<Shortcuts.Shortcut> all = shortcuts.all();
        int split = (all.size() + 1) / 2;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).keys().equals("F11") && i >= all.size() / 3 && i <= 2 * all.size() / 3) {
                split = i;
            }
        }
        for (int i = 0; i < all.size(); i++) {
            Shortcuts.Shortcut s = all.get(i);
            Label key = new Label(s.keys());
            key.getStyleClass().add("overlay-key");
            Label meaning = new Label(s.meaning());
            meaning.getStyleClass().add("overlay-text");
            meaning.setWrapText(true);
            meaning.setMaxWidth(MEANING_WIDTH);
            GridPane grid = i < split ? left : right;
            int row = i < split ? i : i - split;
            GridPane.setValignment(key, VPos.TOP);
            GridPane.setValignment(meaning, VPos.TOP);
            grid.add(key, 0, row);
            grid.add(meaning, 1, row);
        }
    }
}
