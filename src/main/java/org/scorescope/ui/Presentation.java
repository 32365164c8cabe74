package org.scorescope.ui;

import java.util.List;
import java.util.Optional;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.scorescope.scenario.LectureScenarios;
import org.scorescope.teaching.LecturePart;
import org.scorescope.teaching.LectureSequence;
import org.scorescope.ui.model.SessionModel;

/**
 * Presentation mode (F11): full screen, large type (the "presentation" style class doubles the
 * captions and the lecture text), controls and timeline hidden, short captions. Without a window
 * manager (a bare X server, some projectors' kiosks) full screen is a no-op, so the window also
 * covers the screen explicitly and goes back to its place afterwards.
 *
 * <p>PageDown / PageUp (a presenter's clicker) walk the shipped lecture scenarios in the lecture's
 * order ({@link LectureSequence}, issue 18), wrapping around; the status line names the part when it
 * changes.
 */
final class Presentation {
    private final Stage stage;
    private final Parent root;
    private final SessionModel model;
    private List<LectureScenarios.Lecture> shipped;
    private Rectangle2D windowBounds;

    Presentation(Stage stage, Parent root, SessionModel model) {
        this.model = model;
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

    /**
     * Opens the next (+1) or previous (−1) lecture scenario after the one loaded; when the loaded
     * scenario is not a shipped lecture, the first one (FX thread).
     */
    void stepLecture(int delta) {
        if (shipped == null) {
            shipped = LectureScenarios.all();
        }
        String title = model.scenario().title();
        String current = shipped.stream().filter(l -> l.scenario().title().equals(title)).map(LectureScenarios.Lecture::file)
                .filter(f -> LectureSequence.partOf(f).isPresent()).findFirst().orElse("");
        String next = current.isEmpty() ? LectureSequence.scenarios().get(0) : LectureSequence.step(current, delta);
        LectureScenarios.Lecture lecture = shipped.stream().filter(l -> l.file().equals(next)).findFirst().orElseThrow();
        Optional<LecturePart> before = LectureSequence.partOf(current);
        LecturePart part = LectureSequence.partOf(next).orElseThrow();
        model.load(lecture.scenario());
        if (before.map(p -> p.number() != part.number()).orElse(true)) {
            model.status.set("Part " + part.number() + " — " + part.title());
        }
    }
}
