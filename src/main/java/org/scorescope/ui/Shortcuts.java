package org.scorescope.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import javafx.scene.Node;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.scorescope.ui.model.LayerToggle;
import org.scorescope.ui.model.SessionModel;

/**
 * Every keyboard shortcut, in one table: the key handler acts on it and the "?" overlay lists it, so
 * the list is complete by construction. Shortcuts act only when no text input has focus — typing a
 * digit into a field types a digit (Spinners and editable combo boxes keep focus themselves, so they
 * count as text inputs too). F11, F1, Ctrl+E and the type size (Ctrl+= / Ctrl+− / Ctrl+0) work everywhere, and so do PageDown / PageUp in
 * presentation mode. The presenter's tools (issue 18: pick, pointer, pen, keep, clear, freeze) are
 * plain letters that no built-in layer uses; a lab's layer that claims one keeps it.
 */
final class Shortcuts {
    /**
     * One shortcut.
     *
     * @param keys how it is written in the overlay ("Space", "1–8")
     * @param meaning what it does
     */
    record Shortcut(String keys, String meaning) {
    }

    private final SessionModel model;
    private final PlaybackController playback;
    private final Runnable exportFigure;
    private IntConsumer lectureStep = d -> {
    };
    private UiScale scale;

    /**
     * @param exportFigure what Ctrl+E does
     */
    Shortcuts(SessionModel model, PlaybackController playback, Runnable exportFigure) {
        this.model = model;
        this.playback = playback;
        this.exportFigure = exportFigure;
    }

    /** What PageDown (+1) and PageUp (−1) do in presentation mode: the next / previous lecture scenario. */
    void onLectureStep(IntConsumer step) {
        this.lectureStep = step;
    }

    /** What Ctrl+= / Ctrl+− / Ctrl+0 act on (they work everywhere, as Ctrl+E does). */
    void useScale(UiScale s) {
        this.scale = s;
    }

    /** Every shortcut, for the overlay. */
    List<Shortcut> all() {
        List<Shortcut> out = new ArrayList<>(List.of(
                new Shortcut("Space", "play / pause"),
                new Shortcut("← / →", "one step towards noise / towards the output"),
                new Shortcut("Home / End", "back to t = T / to t = 0"),
                new Shortcut("1–8", "show only that sampler's panel (again: all panels)"),
                new Shortcut("M", "show / hide the metrics"),
                new Shortcut("L", "panel arrangement: auto, one row, one column")));
        for (LayerToggle l : model.layers().all()) {
            if (l.key() != 0) {
                out.add(new Shortcut(String.valueOf(l.key()), "layer: " + l.label().toLowerCase()));
            }
        }
        out.addAll(List.of(
                new Shortcut("F11", "presentation mode: full screen, large type, controls hidden"),
                new Shortcut("PgDn / PgUp", "presentation mode: next / previous lecture scenario"),
                new Shortcut("Shift+click", "pick the particle under the mouse: its anatomy opens and follows the step"),
                new Shortcut("A", "pick mode: a plain click picks a particle (again: off)"),
                new Shortcut("H", "presenter's pointer: a bright spot follows the mouse (again: off)"),
                new Shortcut("W", "pen: drag on a panel to draw (again: off; drag pans)"),
                new Shortcut("R", "keep the drawings when the step changes (again: a step change clears them)"),
                new Shortcut("E", "erase the drawings"),
                new Shortcut("F", "freeze and compare: pin this frame as an amber ghost under the running one (again: off)"),
                new Shortcut("Ctrl+E", "export the figure of this step"),
                new Shortcut("Ctrl+= / Ctrl+− / Ctrl+0", "larger / smaller / default text (View menu; --ui-scale F at start)"),
                new Shortcut("? or F1", "this list"),
                new Shortcut("Esc", "close this list")));
        // a presenter key a lab's layer claims is that layer's (see plainKey)
        out.removeIf(s -> s.keys().length() == 1 && PRESENTER_KEYS.indexOf(s.keys().charAt(0)) >= 0 && !s.meaning().startsWith("layer:")
                && model.layers().byKey(s.keys().charAt(0)).isPresent());
        return out;
    }

    /** The presenter's one-letter keys. */
    private static final String PRESENTER_KEYS = "AHWREF";

    /** 0 for the key 1 … 7 for the key 8 (top row or keypad); −1 for any other key. */
    private static int digit(KeyCode code) {
        if (code.compareTo(KeyCode.DIGIT1) >= 0 && code.compareTo(KeyCode.DIGIT8) <= 0) {
            return code.ordinal() - KeyCode.DIGIT1.ordinal();
        }
        if (code.compareTo(KeyCode.NUMPAD1) >= 0 && code.compareTo(KeyCode.NUMPAD8) <= 0) {
            return code.ordinal() - KeyCode.NUMPAD1.ordinal();
        }
        return -1;
    }

    /** The scene's filter of typed characters: "?" toggles the shortcut list (whatever the keyboard layout). */
    void typed(KeyEvent e, Node focus) {
        if ("?".equals(e.getCharacter()) && !typing(focus)) {
            model.shortcutsShown.set(!model.shortcutsShown.get());
            e.consume();
        }
    }

    /** Whether the focused node takes typed text (then only F-keys and Ctrl shortcuts act). */
    static boolean typing(Node focus) {
        for (Node n = focus; n != null; n = n.getParent()) {
            if (n instanceof TextInputControl || n instanceof Spinner<?> s && s.isEditable()
                    || n instanceof ComboBoxBase<?> c && c.isEditable()) {
                return true;
            }
        }
        return false;
    }

    /** The scene's key filter. */
    void handle(KeyEvent e, Node focus) {
        KeyCode code = e.getCode();
        if (code == KeyCode.F11) {
            model.presentation.set(!model.presentation.get());
        } else if (code == KeyCode.F1) {
            model.shortcutsShown.set(!model.shortcutsShown.get());
        } else if (code == KeyCode.E && e.isShortcutDown()) {
            exportFigure.run();
        } else if (scale != null && scale.handle(e)) {
            // Ctrl+= / Ctrl+− / Ctrl+0: the type size
        } else if ((code == KeyCode.PAGE_DOWN || code == KeyCode.PAGE_UP) && model.presentation.get()
                && !e.isShortcutDown() && !e.isAltDown()) {
            // A presenter's clicker: in presentation mode the controls are hidden, so a field that kept the
            // focus does not swallow it (outside presentation mode the keys stay with the focused control,
            // e.g. the guidance lab's w slider).
            lectureStep.accept(code == KeyCode.PAGE_DOWN ? 1 : -1);
        } else if (code == KeyCode.ESCAPE && model.shortcutsShown.get()) {
            model.shortcutsShown.set(false);
        } else if (typing(focus) || e.isShortcutDown() || e.isAltDown()) {
            return;
        } else if (!plainKey(e)) {
            return;
        }
        e.consume();
    }

    private void presenter(KeyCode code) {
        switch (code) {
            case A -> model.pickMode.set(!model.pickMode.get());
            case H -> model.pointer.set(!model.pointer.get());
            case W -> model.pen.set(!model.pen.get());
            case R -> model.keepAnnotations.set(!model.keepAnnotations.get());
            case E -> model.strokes.clear();
            case F -> model.frozen.set(!model.frozen.get());
            default -> {
            }
        }
    }

    private boolean plainKey(KeyEvent e) {
        KeyCode code = e.getCode();
        switch (code) {
            case SPACE -> playback.togglePlay();
            case LEFT -> playback.stepBy(1);
            case RIGHT -> playback.stepBy(-1);
            case HOME -> playback.home();
            case END -> playback.end();
            case M -> model.metricsShown.set(!model.metricsShown.get());
            case L -> model.layout.set(model.layout.get().next());
            case A, H, W, R, E, F -> {
                // a lab's layer that claims one of these letters keeps it (the list then leaves the tool out)
                var layer = model.layers().byKey(code.getChar().charAt(0));
                if (layer.isPresent()) {
                    layer.get().onProperty().set(!layer.get().isOn());
                } else {
                    presenter(code);
                }
            }
            default -> {
                int k = digit(code);
                if (k >= 0) {
                    int panels = model.scenario().samplers().size();
                    if (k < panels) {
                        model.focus.set(model.focus.get() == k ? -1 : k);
                    }
                    return true;
                }
                if (code.isLetterKey()) {
                    var layer = model.layers().byKey(code.getChar().charAt(0));
                    layer.ifPresent(l -> l.onProperty().set(!l.isOn()));
                    return layer.isPresent();
                }
                return false;
            }
        }
        return true;
    }
}
