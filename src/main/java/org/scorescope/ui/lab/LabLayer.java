package org.scorescope.ui.lab;

/**
 * A layer a lab draws on every panel (guidance arrows, an observation, a misfit map). It gets a
 * check box (and optionally a key) in the window and is drawn by the render lane after the built-in
 * layers — never on the FX thread.
 */
public interface LabLayer {
    /** A stable id, unique in the window ("fixture.marker"); the check box's node id is "layer-" + id. */
    String id();

    /** What the check box says. */
    String label();

    /** The letter that toggles it (upper case), or 0 for none. Must not clash with the window's keys. */
    default char key() {
        return 0;
    }

    /**
     * Whether the layer means anything for this scenario (the class layers need a target with
     * classes, the likelihood band an observation). The window lists only the layers that apply.
     */
    default boolean appliesTo(org.scorescope.scenario.Scenario scenario) {
        return true;
    }

    /** Whether it is on when the window opens. */
    default boolean initiallyOn() {
        return false;
    }

    /**
     * Draws onto one panel's raster.
     *
     * @param canvas the panel: run, frame, slot, step, viewport and the raster to draw into
     */
    void paint(PanelCanvas canvas);
}
