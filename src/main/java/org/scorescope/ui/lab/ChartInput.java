package org.scorescope.ui.lab;

import org.scorescope.metrics.RunMetrics;

/**
 * What a chart is drawn from.
 *
 * @param run the run
 * @param metrics the newest snapshot of the live metrics (null before the first step)
 * @param labMetrics the lab metrics so far, [metric][slot][step] (null before the first step or when there are none)
 * @param step the displayed step
 */
public record ChartInput(RunView run, RunMetrics.Snapshot metrics, double[][][] labMetrics, int step) {
    /** The series of one lab metric, by id, [slot][step]; null when absent. */
    public double[][] labSeries(String metricId) {
        if (labMetrics == null) {
            return null;
        }
        var list = run.labMetrics().metrics();
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).id().equals(metricId)) {
                return labMetrics[i];
            }
        }
        return null;
    }
}
