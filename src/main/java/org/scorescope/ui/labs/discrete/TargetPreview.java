package org.scorescope.ui.labs.discrete;

import java.util.Arrays;
import org.scorescope.discrete.DiscreteScenario;
import org.scorescope.discrete.DiscreteTarget;
import org.scorescope.discrete.ProductTarget;
import org.scorescope.discrete.StateIndex;

/**
 * What the heat map shows while a run of a new target computes: p_data of coordinates (0, 1) — the
 * output every sampler aims at, cheap to get from the table (one pass over {@code [S]^d}) or from two
 * coordinate laws — with the run's progress in the caption. The target is built once, on the drawing
 * lane (a picture target reads its image there), never on the FX thread. The chart says the same
 * until the run is done ({@link #follow}).
 */
final class TargetPreview {
    private final DiscreteScenario scenario;
    private DiscreteTarget target;
    private double[] pair;
    private String problem;

    TargetPreview(DiscreteScenario scenario) {
        this.scenario = scenario;
    }

    /**
     * Shows p_data on the heat map and the run's progress on the chart at every whole percent, while
     * {@code waiting} holds (FX thread).
     *
     * @param progress the run's progress, 0 … 1
     * @param waiting whether the run is still the one computing and its result not yet shown
     */
    void follow(javafx.beans.value.ObservableDoubleValue progress, java.util.function.BooleanSupplier waiting, LanePicture heatMap,
            org.scorescope.ui.lab.ChartImage chart) {
        int[] percent = {-1};
        Runnable show = () -> {
            int now = (int) Math.floor(100 * Math.max(0, progress.get()));
            if (waiting.getAsBoolean() && now != percent[0]) {
                percent[0] = now;
                heatMap.show(painter(now));
                chart.update(c -> DiscreteRunChart.waiting(c, "computing the exact laws and the particles… " + now + "%"));
            }
        };
        progress.addListener((o, a, b) -> show.run());
        show.run();
    }

    /** A painter of p_data with "computing… NN%" under it (runs on the drawing lane). */
    LanePicture.Painter painter(int percent) {
        return (w, h, scale) -> {
            prepare();
            if (target == null) {
                return new int[w * h];
            }
            String caption = String.format(java.util.Locale.ROOT, "p_data (the target, coordinates 1 and 2) · computing the run: %d%%",
                    percent);
            boolean masking = scenario.process().alphabet(target.states()) > target.states();
            return HeatMapPainter.paint(pair, null, target.states(), masking, target.words(), caption, w, h, scale);
        };
    }

    /** p_data of coordinates (0, 1) on K × K (MASK row and column empty), null when d = 1. */
    static double[] pair(DiscreteTarget t, int k) {
        if (t.dims() < 2) {
            return null;
        }
        if (t instanceof ProductTarget p) {
            return Projections.outer(Arrays.copyOf(p.marginal(0), k), Arrays.copyOf(p.marginal(1), k));
        }
        int s = t.states();
        int d = t.dims();
        double[] out = new double[k * k];
        int[] x = new int[d];
        long n = t.size();
        for (int j = 0; j < n; j++) {
            StateIndex.decode(j, s, x);
            out[x[0] * k + x[1]] += t.probability(x);
        }
        return out;
    }

    private synchronized void prepare() {
        if (target != null || problem != null) {
            return;
        }
        try {
            DiscreteTarget t = scenario.buildTarget();
            pair = pair(t, scenario.process().alphabet(t.states()));
            target = t;
        } catch (RuntimeException e) {
            // The run reports the problem with its field; the preview draws nothing.
            problem = String.valueOf(e.getMessage());
        }
    }
}
