package org.scorescope.ui;

import java.util.Locale;
import java.util.prefs.Preferences;
import javafx.beans.binding.Bindings;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Parent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * The window's own UI scale: one factor on the root's {@code -fx-font-size} (13 px, 20 px in
 * presentation mode). Every other size in scorescope.css is in em, so text, hints, captions and the
 * controls sized by their text grow with it — on a 4K projector {@code --ui-scale 2} does what
 * {@code -Dglass.gtk.uiScale=2} did, without the toolkit's option. Ctrl+= / Ctrl+− walk a ladder of
 * factors (as browsers zoom), Ctrl+0 goes back to 1; the factor chosen by keyboard or the View menu
 * is kept in the user's preferences (next to the recent files); {@code --ui-scale} wins over it for
 * one session and is not saved.
 */
final class UiScale {
    /** The smallest factor. */
    static final double MIN = 0.5;
    /** The largest factor. */
    static final double MAX = 4;
    /** The root font size at factor 1, in px (scorescope.css's .root). */
    static final double BASE_PX = 13;
    /** The root font size in presentation mode at factor 1, in px. */
    static final double PRESENTATION_PX = 20;
    private static final double[] LADDER = {0.5, 0.67, 0.75, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.25, 2.5, 3, 3.5, 4};
    private static final String KEY = "uiScale";
    private final DoubleProperty factor = new SimpleDoubleProperty(1);
    private boolean save;

    private UiScale(double start) {
        factor.set(start);
    }

    /**
     * The scale of a session: the start option when given (0: not given), else the saved one.
     *
     * @param option the value of {@code --ui-scale}, or 0
     */
    static UiScale start(double option) {
        UiScale s = new UiScale(option > 0 ? option : saved());
        s.save = true;
        return s;
    }

    /** The factor (1 = 13 px type). */
    DoubleProperty factorProperty() {
        return factor;
    }

    double factor() {
        return factor.get();
    }

    /**
     * Parses the value of {@code --ui-scale}: a number from {@link #MIN} to {@link #MAX}.
     *
     * @throws IllegalArgumentException naming the option and the allowed range
     */
    static double parse(String v, String flag) {
        double f;
        try {
            f = Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            f = Double.NaN;
        }
        if (!(f >= MIN && f <= MAX)) {
            throw new IllegalArgumentException(flag + ": '" + v + "' is not a number from " + format(MIN) + " to " + format(MAX)
                    + " (the factor on the type size, e.g. 2 on a 4K screen)");
        }
        return f;
    }

    private static String format(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%s", v);
    }

    /** Binds a scene root's font size to the factor (and to presentation mode's larger type). */
    void applyTo(Parent root, ObservableBooleanValue presentation) {
        root.styleProperty().bind(Bindings.createStringBinding(() -> style(factor.get(), presentation.get()), factor, presentation));
    }

    /** Binds a root without presentation mode (the lecture page). */
    void applyTo(Parent root) {
        root.styleProperty().bind(Bindings.createStringBinding(() -> style(factor.get(), false), factor));
    }

    /** The root's inline style at a factor. */
    static String style(double factor, boolean presentation) {
        return String.format(Locale.ROOT, "-fx-font-size: %.2fpx;", (presentation ? PRESENTATION_PX : BASE_PX) * factor);
    }

    /** One step up the ladder (Ctrl+=). */
    void larger() {
        set(next(factor.get(), +1));
    }

    /** One step down the ladder (Ctrl+−). */
    void smaller() {
        set(next(factor.get(), -1));
    }

    /** Back to 1 (Ctrl+0). */
    void reset() {
        set(1);
    }

    private void set(double f) {
        factor.set(Math.max(MIN, Math.min(MAX, f)));
        if (save) {
            try {
                node().putDouble(KEY, factor.get());
            } catch (IllegalStateException | SecurityException e) {
                // preferences unavailable: the factor holds for this session
            }
        }
    }

    /** The next factor of the ladder above (+1) or below (−1) f. */
    static double next(double f, int direction) {
        if (direction > 0) {
            for (double v : LADDER) {
                if (v > f + 1e-9) {
                    return v;
                }
            }
            return MAX;
        }
        for (int i = LADDER.length - 1; i >= 0; i--) {
            if (LADDER[i] < f - 1e-9) {
                return LADDER[i];
            }
        }
        return MIN;
    }

    /**
     * The key filter's part: Ctrl+= (or Ctrl++, keypad +), Ctrl+− (keypad −), Ctrl+0 (keypad 0).
     *
     * @return whether the key was one of them (and acted)
     */
    boolean handle(KeyEvent e) {
        if (!e.isShortcutDown() || e.isAltDown()) {
            return false;
        }
        KeyCode c = e.getCode();
        if (c == KeyCode.EQUALS || c == KeyCode.PLUS || c == KeyCode.ADD) {
            larger();
        } else if (c == KeyCode.MINUS || c == KeyCode.SUBTRACT) {
            smaller();
        } else if (c == KeyCode.DIGIT0 || c == KeyCode.NUMPAD0) {
            reset();
        } else {
            return false;
        }
        return true;
    }

    private static Preferences node() {
        return Preferences.userRoot().node(System.getProperty("scorescope.prefs", "org/scorescope"));
    }

    /** The saved factor (1 when none or out of range). */
    static double saved() {
        try {
            double f = node().getDouble(KEY, 1);
            return f >= MIN && f <= MAX ? f : 1;
        } catch (IllegalStateException | SecurityException e) {
            return 1;
        }
    }
}
