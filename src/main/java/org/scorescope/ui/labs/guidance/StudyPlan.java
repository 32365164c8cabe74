package org.scorescope.ui.labs.guidance;

import java.util.ArrayList;
import java.util.List;
import org.scorescope.distribution.ClassMixture;
import org.scorescope.engine.Engine;
import org.scorescope.metrics.GuidanceMeasure;
import org.scorescope.metrics.GuidanceSweep;
import org.scorescope.scenario.GuidanceScenario;
import org.scorescope.scenario.Scenario;
import org.scorescope.scenario.ScenarioBuilder;
import org.scorescope.ui.service.Progress;

/**
 * A w study of the session's scenario: the core's {@link GuidanceSweep} (one run per sampler, w and
 * seed; the same rows as {@code scorescope sweep --guidance}) measuring Theorem 9's E[1/p(c | Y)],
 * the confidence E[p(c | Y)] (both with the exact classifier at the output level ᾱ_0, the CLI's
 * {@code thm9-early} and {@code confidence-early}, defined on every target) and the spread tr Cov(Y),
 * summarised as mean ± 95% t-interval over the seeds. Runs on an executor job; cancel stops it
 * between runs and keeps what was measured.
 *
 * @param scenario the session's scenario (target with classes, schedule, samplers, T, first seed)
 * @param classId the class c
 * @param ws the strengths
 * @param particles N per run
 * @param seeds seeds per point
 */
record StudyPlan(Scenario scenario, int classId, double[] ws, int particles, int seeds) {
    /** The metrics of the study, in chart order. */
    static final List<GuidanceMeasure.Metric> METRICS = List.of(GuidanceMeasure.Metric.THM9_EARLY,
            GuidanceMeasure.Metric.CONFIDENCE_EARLY, GuidanceMeasure.Metric.SPREAD);

    /**
     * What a study produced.
     *
     * @param rows every measurement (the CLI's columns)
     * @param summaries mean and interval per (sampler, w, metric)
     * @param exactThm9 E[1/p(c | X)] for exact draws of p(x | c): 1/π_c
     * @param exactSpread tr Cov of p_{ᾱ_0}(x | c)
     * @param message what to tell the user
     */
    record Outcome(List<GuidanceSweep.Row> rows, List<GuidanceSweep.Summary> summaries, double exactThm9, double exactSpread,
            String message) {
    }

    /** The number of runs. */
    int runs() {
        return scenario.samplers().size() * ws.length * seeds;
    }

    /**
     * Runs the study.
     *
     * @param partial receives the summaries so far after every run (on the job's thread)
     */
    Outcome run(Engine engine, Progress progress, java.util.function.Consumer<List<GuidanceSweep.Summary>> partial) {
        ClassMixture m = GuidanceScenario.classes(scenario.target());
        var schedule = ScenarioBuilder.schedule(scenario.schedule());
        double[] from = scenario.guidance() != null ? new double[] {scenario.guidance().from(), scenario.guidance().to()} : new double[] {0, 1};
        GuidanceSweep.Plan plan = new GuidanceSweep.Plan(m, classId, schedule, ScenarioBuilder.samplers(scenario), new int[] {scenario.steps()},
                ws, from[0], from[1], particles, seeds, scenario.seed(), METRICS);
        int total = runs();
        int[] done = new int[1];
        List<GuidanceSweep.Row> sofar = new ArrayList<>();
        progress.update(0, "run 1 of " + total);
        List<GuidanceSweep.Row> rows = GuidanceSweep.run(plan, engine, row -> {
            sofar.add(row);
            if (row.metric().equals(METRICS.get(METRICS.size() - 1).id())) {
                done[0]++;
                progress.update((double) done[0] / total, "run " + done[0] + " of " + total + " done (" + row.sampler() + ", w = "
                        + GuidanceControls.fmt(row.guidance()) + ")");
                partial.accept(GuidanceSweep.summarise(sofar));
            }
        }, progress::isCancelled);
        GuidanceMeasure exact = new GuidanceMeasure(m, classId, 0, ScenarioBuilder.grid(scenario).abar(0),
                org.scorescope.metrics.Binning.defaultFor(m.unconditional(), particles));
        String message = done[0] == total ? String.format("done: %d runs of %,d particles, T = %d", total, particles, scenario.steps())
                : "cancelled after " + done[0] + " of " + total + " runs; the chart shows what was measured";
        return new Outcome(List.copyOf(rows), GuidanceSweep.summarise(rows), exact.exactConditional(GuidanceMeasure.Metric.THM9_EARLY),
                exact.exactConditional(GuidanceMeasure.Metric.SPREAD), message);
    }

    /**
     * Reads the w list ("0, 0.5, 1, 2, 4, 8").
     *
     * @throws IllegalArgumentException with what is allowed
     */
    static double[] parse(String text) {
        List<Double> out = new ArrayList<>();
        for (String p : text.trim().split("\\s*,\\s*|\\s+")) {
            double v;
            try {
                v = Double.parseDouble(p);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("w list: '" + p + "' is not a number; give numbers >= 0 separated by commas, e.g. 0, 0.5, 1, 2, 4, 8");
            }
            if (!(v >= 0) || !Double.isFinite(v)) {
                throw new IllegalArgumentException("w list: must be finite numbers >= 0, was " + p);
            }
            out.add(v);
        }
        if (out.isEmpty() || out.size() > 20) {
            throw new IllegalArgumentException("w list: give 1 to 20 values");
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
