package org.scorescope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scorescope.Launcher;

/**
 * {@code --ui-scale F}: parsed into the options, bad values refused as every bad input is — exit 2,
 * one line naming the option and the allowed range (then the usage line), no stack trace; the
 * zoom ladder of Ctrl+= / Ctrl+− stays inside the range; the root's style is the factor times 13 px.
 */
class UiScaleOptionTest {
    @Test
    void theOptionIsParsed() {
        assertEquals(2.0, UiOptions.parse(List.of("--ui-scale", "2")).uiScale());
        assertEquals(1.5, UiOptions.parse(List.of("--size", "3840x2160", "--ui-scale", "1.5", "--play")).uiScale());
        assertEquals(0.5, UiOptions.parse(List.of("--ui-scale", "0.5")).uiScale());
        assertEquals(4.0, UiOptions.parse(List.of("--ui-scale", "4")).uiScale());
        assertEquals(0.0, UiOptions.parse(List.of("--play")).uiScale(), "not given: the saved factor applies");
        assertEquals(0.0, UiOptions.none().uiScale());
        assertTrue(UiOptions.NAMES.contains("--ui-scale"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"9", "0", "0.49", "4.01", "-2", "abc", "NaN", "Infinity", "2x", ""})
    void badValuesExitTwoWithOneLineNamingTheOptionAndTheRange(String value) {
        StringWriter err = new StringWriter();
        OptionalInt code = Launcher.headless(new PrintWriter(err, true), "--ui-scale", value);
        assertEquals(OptionalInt.of(2), code, err.toString());
        String[] lines = err.toString().split("\n");
        assertEquals("error: --ui-scale: '" + value + "' is not a number from 0.5 to 4 (the factor on the type size, e.g. 2 on a 4K screen)",
                lines[0]);
        assertTrue(lines.length == 1 || lines.length == 2 && lines[1].startsWith("usage: "), err.toString());
        assertFalse(err.toString().contains("Exception"), err.toString());
    }

    @Test
    void aMissingValueIsNamed() {
        StringWriter err = new StringWriter();
        assertEquals(OptionalInt.of(2), Launcher.headless(new PrintWriter(err, true), "--play", "--ui-scale"));
        assertTrue(err.toString().startsWith("error: --ui-scale: needs a value"), err.toString());
    }

    @Test
    void aMistypedNameIsSuggested() {
        StringWriter err = new StringWriter();
        assertEquals(OptionalInt.of(2), Launcher.headless(new PrintWriter(err, true), "--ui-scal", "2"));
        assertTrue(err.toString().contains("--ui-scale"), err.toString());
    }

    @Test
    void theLadderStaysInTheRangeAndWalksBothWays() {
        double f = 1;
        for (int i = 0; i < 40; i++) {
            double g = UiScale.next(f, +1);
            assertTrue(g > f || g == UiScale.MAX, f + " → " + g);
            f = g;
        }
        assertEquals(UiScale.MAX, f);
        for (int i = 0; i < 40; i++) {
            f = UiScale.next(f, -1);
        }
        assertEquals(UiScale.MIN, f);
        assertEquals(1.1, UiScale.next(1, +1));
        assertEquals(0.9, UiScale.next(1, -1));
        assertEquals(2.0, UiScale.next(1.8, +1), "an off-ladder factor (from --ui-scale) goes to the next rung");
        assertEquals(1.75, UiScale.next(1.8, -1));
    }

    @Test
    void theRootStyleIsTheFactorTimesTheBaseSize() {
        assertEquals("-fx-font-size: 13.00px;", UiScale.style(1, false));
        assertEquals("-fx-font-size: 26.00px;", UiScale.style(2, false));
        assertEquals("-fx-font-size: 40.00px;", UiScale.style(2, true), "presentation mode's 20 px, scaled too");
    }
}
