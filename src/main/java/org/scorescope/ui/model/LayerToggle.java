package org.scorescope.ui.model;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * A layer the user can switch on and off: the built-in ones (density, contours, particles, score
 * field, trails) and those labs add. The key, when not 0, toggles it from the keyboard.
 */
public final class LayerToggle {
    private final String id;
    private final String label;
    private final char key;
    private final BooleanProperty on;
    private final java.util.function.Predicate<org.scorescope.scenario.Scenario> applies;

    /**
     * @param id a stable id ("density", "guidance.arrows")
     * @param label what the check box says
     * @param key the letter that toggles it (upper case), or 0 for none
     * @param initiallyOn whether it starts on
     */
    public LayerToggle(String id, String label, char key, boolean initiallyOn) {
        this(id, label, key, initiallyOn, scenario -> true);
    }

    /**
     * A layer listed only for the scenarios it applies to.
     *
     * @param applies whether the layer means anything for a scenario
     */
    public LayerToggle(String id, String label, char key, boolean initiallyOn,
            java.util.function.Predicate<org.scorescope.scenario.Scenario> applies) {
        this.applies = applies;
        this.id = id;
        this.label = label;
        this.key = key;
        this.on = new SimpleBooleanProperty(initiallyOn);
    }

    /** Whether the layer means anything for this scenario (the window lists only those). */
    public boolean appliesTo(org.scorescope.scenario.Scenario scenario) {
        return scenario == null || applies.test(scenario);
    }

    /** The layer's id. */
    public String id() {
        return id;
    }

    /** The check box text. */
    public String label() {
        return label;
    }

    /** The toggle key, or 0. */
    public char key() {
        return key;
    }

    /** Whether it is shown. */
    public BooleanProperty onProperty() {
        return on;
    }

    /** Whether it is shown now. */
    public boolean isOn() {
        return on.get();
    }
}
