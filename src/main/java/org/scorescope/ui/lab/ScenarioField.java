package org.scorescope.ui.lab;

import java.util.function.BiFunction;
import java.util.function.ToDoubleFunction;
import org.scorescope.scenario.Scenario;

/**
 * A scenario field a lab lets the user edit (a guidance scale, an observation noise level). The
 * shell draws the editor in the lab's section — a spinner for numbers, a check box for booleans —
 * and reads and writes the value through the two functions, so the value lives in the scenario and
 * is saved, reopened and exported with it. Showing a value never writes it back: a value outside
 * the editor's range stays in the scenario unchanged until the user edits the field.
 *
 * @param id a stable id; the editor's node id is "field-" + id
 * @param label what the editor is called, with its range ("guidance w (0–20)")
 * @param kind how it is edited
 * @param min smallest value the editor offers
 * @param max largest value the editor offers
 * @param step spinner step
 * @param get reads the value from a scenario (booleans: 1 = on, 0 = off)
 * @param set returns the scenario with the new value
 */
public record ScenarioField(String id, String label, Kind kind, double min, double max, double step,
        ToDoubleFunction<Scenario> get, BiFunction<Scenario, Double, Scenario> set) {

    /** How a field is edited. */
    public enum Kind {
        /** Any number in [min, max]. */
        NUMBER,
        /** A whole number in [min, max]. */
        WHOLE,
        /** On or off (a check box). */
        BOOLEAN
    }

    /** A check box field. */
    public static ScenarioField bool(String id, String label, ToDoubleFunction<Scenario> get, BiFunction<Scenario, Double, Scenario> set) {
        return new ScenarioField(id, label, Kind.BOOLEAN, 0, 1, 1, get, set);
    }
}
