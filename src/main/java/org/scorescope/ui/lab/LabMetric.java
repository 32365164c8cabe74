package org.scorescope.ui.lab;

import org.scorescope.engine.StepView;

/**
 * A number a lab measures on every sampler after every step (e.g. the guidance lab's classifier
 * accuracy, the inverse-problem lab's data misfit). The shell records it for the whole run, shows
 * it in the summary table and hands the series to every chart.
 */
public interface LabMetric {
    /** A stable id, unique in the window ("fixture.mean-x"). */
    String id();

    /** The name a table column and an axis show ("mean of x₀"). */
    String name();

    /** The unit, or "" for a pure number. */
    String unit();

    /**
     * Measures one sampler at one step. Runs on the engine's coordinating thread, between steps: it
     * must be quick (a pass over the particles at most) and must not keep the view.
     *
     * @param step the run between steps (valid only during this call)
     * @param slot the sampler
     * @return the value (NaN when undefined)
     */
    double measure(StepView step, int slot);

    /**
     * Whether this metric means something for the scenario (default: always). A metric that does not
     * apply is not measured in that run — its column stays empty — so a lab's metric costs nothing on
     * runs it has nothing to say about.
     */
    default boolean appliesTo(org.scorescope.scenario.Scenario scenario) {
        return true;
    }
}
