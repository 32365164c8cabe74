package org.scorescope.ui;

import java.util.function.LongConsumer;
import java.util.function.UnaryOperator;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.Tooltip;
import javafx.util.StringConverter;

/**
 * Input fields that never throw at the user: whole-number fields accept only digits while typing and
 * commit on Enter or when focus leaves; spinners take typed text the same way and put back the
 * last good value when the text is not a number (no NumberFormatException dialog).
 */
final class Fields {
    private Fields() {
    }

    /**
     * A field for a whole number in [min, max]; typing accepts digits only; a committed value outside
     * the range is refused with the range shown, and the field goes back to the last value.
     *
     * @param id the node id
     * @param min smallest allowed value
     * @param max largest allowed value
     * @param commit receives each committed value
     */
    static TextField wholeNumber(String id, long min, long max, LongConsumer commit) {
        TextField f = new TextField();
        f.setId(id);
        UnaryOperator<TextFormatter.Change> digits = c -> c.getControlNewText().matches("[0-9,]*") ? c : null;
        f.setTextFormatter(new TextFormatter<>(digits));
        f.setTooltip(new Tooltip(String.format("a whole number in %,d … %,d; Enter to apply", min, max)));
        Runnable apply = () -> {
            String t = f.getText().replace(",", "");
            if (t.isEmpty()) {
                restore(f);
                return;
            }
            try {
                long v = Long.parseLong(t);
                if (v < min || v > max) {
                    f.getStyleClass().add("invalid");
                    f.setTooltip(new Tooltip(String.format("%,d is outside %,d … %,d", v, min, max)));
                    restore(f);
                    return;
                }
                f.getStyleClass().remove("invalid");
                commit.accept(v);
            } catch (NumberFormatException e) {
                restore(f);
            }
        };
        f.setOnAction(e -> apply.run());
        f.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                apply.run();
            }
        });
        return f;
    }

    /** Shows a value in a whole-number field (not while the user is typing in it). */
    static void show(TextField f, long value) {
        f.setUserData(value);
        if (!f.isFocused()) {
            f.setText(String.format("%,d", value));
        }
    }

    private static void restore(TextField f) {
        Object v = f.getUserData();
        f.setText(v == null ? "" : String.format("%,d", (Long) v));
    }

    /** An editable integer spinner whose typed text is checked, never thrown. */
    static Spinner<Integer> intSpinner(int min, int max, int value) {
        SpinnerValueFactory.IntegerSpinnerValueFactory f = new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max, value);
        makeSafe(f);
        Spinner<Integer> s = new Spinner<>(f);
        s.setEditable(true);
        commitOnFocusLoss(s);
        return s;
    }

    /** An editable decimal spinner whose typed text is checked, never thrown. */
    static Spinner<Double> doubleSpinner(double min, double max, double value, double step) {
        SpinnerValueFactory.DoubleSpinnerValueFactory f = new SpinnerValueFactory.DoubleSpinnerValueFactory(min, max, value, step);
        makeSafe(f);
        Spinner<Double> s = new Spinner<>(f);
        s.setEditable(true);
        s.setPrefWidth(90);
        commitOnFocusLoss(s);
        return s;
    }

    /** Commits the typed text when focus leaves; text that is not a number puts back the value. */
    static <T> void commitOnFocusLoss(Spinner<T> s) {
        s.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                commit(s);
            }
        });
    }

    private static <T> void commit(Spinner<T> s) {
        s.getValueFactory().setValue(s.getValueFactory().getConverter().fromString(s.getEditor().getText()));
        s.getEditor().setText(s.getValueFactory().getConverter().toString(s.getValue()));
    }

    /** Typed text that is not a number reads as the current value (a spinner never gets null). */
    private static <T> void makeSafe(SpinnerValueFactory<T> f) {
        StringConverter<T> inner = f.getConverter();
        f.setConverter(new StringConverter<>() {
            @Override
            public String toString(T v) {
                return inner.toString(v);
            }

            @Override
            public T fromString(String text) {
                try {
                    T v = inner.fromString(text == null ? null : text.strip());
                    return v != null ? v : f.getValue();
                } catch (RuntimeException e) {
                    return f.getValue();
                }
            }
        });
    }
}
