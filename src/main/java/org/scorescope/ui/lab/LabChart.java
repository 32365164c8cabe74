package org.scorescope.ui.lab;

import org.jfree.chart.JFreeChart;
import org.scorescope.scenario.Scenario;

/**
 * A chart a lab adds as a tab of the metrics pane. The chart object is confined to the window's
 * chart lane: {@link #create} and {@link #update} run there, never on the FX thread, and the shell
 * draws the chart into an image the pane shows. Use {@link ChartStyle} for the sampler colours.
 */
public interface LabChart {
    /** The tab's title. */
    String title();

    /**
     * Whether the chart has anything to show for a scenario: its tab is in the metrics pane only then,
     * and comes and goes as the scenario changes (FX thread; keep it cheap). By default always.
     */
    default boolean appliesTo(Scenario scenario) {
        return true;
    }

    /** Makes the chart once (chart lane). */
    JFreeChart create();

    /**
     * Brings the chart up to date with the run (chart lane), at most a few times a second.
     *
     * @param chart the chart {@link #create} made
     * @param input the run, its metrics so far and the displayed step
     */
    void update(JFreeChart chart, ChartInput input);
}
