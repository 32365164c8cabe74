package org.scorescope.ui.lab;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.scorescope.engine.RunListener;
import org.scorescope.engine.StepView;

/**
 * Records every lab metric of a run, step by step, as immutable snapshots (a run listener on the
 * engine's coordinating thread; readers on any thread take {@link #latest()}).
 */
public final class LabMetricSeries implements RunListener {
    private final List<LabMetric> metrics;
    private final boolean[] measured;
    private final AtomicReference<double[][][]> latest = new AtomicReference<>();
    private double[][][] building;

    /** @param metrics the metrics to record, in column order (every one measured) */
    public LabMetricSeries(List<LabMetric> metrics) {
        this(metrics, null);
    }

    /**
     * @param metrics the metrics, in column order
     * @param scenario the run's scenario: a metric that does not {@linkplain LabMetric#appliesTo apply} to it is
     *     not measured (NaN at every step); null measures every metric
     */
    public LabMetricSeries(List<LabMetric> metrics, org.scorescope.scenario.Scenario scenario) {
        this.metrics = List.copyOf(metrics);
        this.measured = new boolean[this.metrics.size()];
        for (int m = 0; m < measured.length; m++) {
            measured[m] = scenario == null || this.metrics.get(m).appliesTo(scenario);
        }
    }

    /** Whether metric {@code m} is measured in this run. */
    public boolean measured(int m) {
        return measured[m];
    }

    /** The metrics recorded. */
    public List<LabMetric> metrics() {
        return metrics;
    }

    /** The values so far, [metric][slot][step], NaN where not computed; null before the first step. */
    public double[][][] latest() {
        return latest.get();
    }

    /** One value, NaN when not computed. */
    public double value(int metric, int slot, int step) {
        double[][][] v = latest.get();
        return v == null ? Double.NaN : v[metric][slot][step];
    }

    @Override
    public void onStep(StepView v) {
        if (metrics.isEmpty()) {
            return;
        }
        int steps = v.grid().steps();
        if (building == null || v.t() == steps) {
            building = new double[metrics.size()][v.samplers()][steps + 1];
            for (double[][] m : building) {
                for (double[] s : m) {
                    Arrays.fill(s, Double.NaN);
                }
            }
        }
        for (int m = 0; m < metrics.size(); m++) {
            if (!measured[m]) {
                continue;
            }
            for (int k = 0; k < v.samplers(); k++) {
                building[m][k][v.t()] = metrics.get(m).measure(v, k);
            }
        }
        double[][][] copy = new double[building.length][][];
        for (int m = 0; m < building.length; m++) {
            copy[m] = new double[building[m].length][];
            for (int k = 0; k < building[m].length; k++) {
                copy[m][k] = building[m][k].clone();
            }
        }
        latest.set(copy);
    }
}
