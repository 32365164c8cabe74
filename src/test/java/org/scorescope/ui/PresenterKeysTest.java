package org.scorescope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.junit.jupiter.api.Test;
import org.scorescope.ui.model.LayerToggle;
import org.scorescope.ui.model.SessionModel;

/** The presenter's keys act on the session, are listed, and yield to a lab layer that claims the same letter. */
class PresenterKeysTest {

    private static KeyEvent press(KeyCode code) {
        return new KeyEvent(KeyEvent.KEY_PRESSED, code.getChar(), code.getChar(), code, false, false, false, false);
    }

    @Test
    void eachKeyTogglesItsToolAndEErases() {
        SessionModel model = new SessionModel();
        Shortcuts keys = new Shortcuts(model, new PlaybackController(model, () -> null), () -> {
        });
        keys.handle(press(KeyCode.A), null);
        keys.handle(press(KeyCode.H), null);
        keys.handle(press(KeyCode.W), null);
        keys.handle(press(KeyCode.R), null);
        keys.handle(press(KeyCode.F), null);
        assertTrue(model.pickMode.get() && model.pointer.get() && model.pen.get() && model.keepAnnotations.get() && model.frozen.get());
        model.strokes.add(new SessionModel.Stroke(0, 3, new double[] {0, 0, 1, 1}));
        keys.handle(press(KeyCode.E), null);
        assertTrue(model.strokes.isEmpty());
        keys.handle(press(KeyCode.F), null);
        assertFalse(model.frozen.get());
        assertEquals(1, keys.all().stream().filter(s -> s.keys().equals("F") && s.meaning().startsWith("freeze")).count());
    }

    @Test
    void aLabLayerThatClaimsAPresenterKeyKeepsIt() {
        SessionModel model = new SessionModel();
        LayerToggle layer = new LayerToggle("fixture-f", "Fixture", 'F', false);
        model.layers().add(layer);
        Shortcuts keys = new Shortcuts(model, new PlaybackController(model, () -> null), () -> {
        });
        keys.handle(press(KeyCode.F), null);
        assertTrue(layer.isOn(), "the layer took F");
        assertFalse(model.frozen.get(), "freeze did not");
        assertTrue(keys.all().stream().noneMatch(s -> s.keys().equals("F") && s.meaning().startsWith("freeze")), "the list leaves freeze out");
        assertTrue(keys.all().stream().anyMatch(s -> s.keys().equals("F") && s.meaning().equals("layer: fixture")));
    }
}
