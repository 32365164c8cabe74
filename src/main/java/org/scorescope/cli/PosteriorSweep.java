package org.scorescope.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scorescope.engine.Engine;
import org.scorescope.inverse.InverseProblem;
import org.scorescope.io.AtomicFile;
import org.scorescope.metrics.InverseSweep;
import org.scorescope.metrics.Sweep;
import org.scorescope.sampler.Sampler;
import org.scorescope.scenario.Scenario;
import org.scorescope.scenario.ScenarioBuilder;
import org.scorescope.scenario.ScenarioException;

/**
 * {@code sweep} on a scenario with an observation (issue 15): every sampler against the exact
 * posterior, metric tv-posterior (also what {@code tv} means here), w2-posterior, mode-weights or
 * mean-error; CSV rows as {@code sweep} writes them, and a table of means over seeds on stdout.
 */
final class PosteriorSweep {
    private PosteriorSweep() {
    }

    /** The posterior metric a {@code --metric} value asks for on a scenario with an observation. */
    static InverseSweep.Metric metric(String id) {
        InverseSweep.Metric m = InverseSweep.Metric.find("tv".equals(id) ? "tv-posterior" : id);
        if (m == null) {
            throw new ScenarioException("--metric", "with an observation the metrics are tv-posterior (or tv), w2-posterior, mode-weights, mean-error; was '"
                    + id + "'");
        }
        return m;
    }

    /**
     * Runs the sweep and writes the CSV (inside the command's output session); returns the summary to
     * print after the commit.
     */
    static Runnable run(Scenario s, InverseSweep.Metric metric, int[] values, boolean budgets, int seeds, Path out, int threads,
            java.io.PrintStream report) {
        InverseProblem problem = ScenarioBuilder.problem(s);
        if (metric == InverseSweep.Metric.W2_POSTERIOR && !problem.prior().isSingleGaussian()) {
            throw new ScenarioException("--metric", "w2-posterior needs a single-Gaussian prior (gaussian, gaussian1d, line), whose posterior is Gaussian; use tv-posterior");
        }
        List<Sampler> samplers = ScenarioBuilder.samplers(s, problem);
        List<String> labels = new ArrayList<>();
        for (Scenario.SamplerSpec sp : s.samplers()) {
            labels.add(label(sp));
        }
        InverseSweep.Plan plan = new InverseSweep.Plan(problem, ScenarioBuilder.schedule(s.schedule()), samplers, labels, values, budgets,
                s.particles(), seeds, s.seed(), metric);
        List<Sweep.Row> rows;
        try (Engine engine = new Engine(threads)) {
            rows = InverseSweep.run(plan, engine, r -> System.err.println(r.csv()), () -> false);
        }
        AtomicFile.write(out, w -> {
            w.write(Sweep.Row.HEADER + "\n");
            for (Sweep.Row r : rows) {
                w.write(r.csv() + "\n");
            }
        });
        return () -> {
            report.println("wrote " + SampleCommand.shown(out) + " (" + rows.size() + " rows); " + s.observation().describe(problem)
                    + "; posterior weights " + weights(problem));
            if (metric == InverseSweep.Metric.W2_POSTERIOR && labels.contains("dps")) {
                report.println("dps: no exact W2 (its step divides by ||y - A x0hat||, so its law is not Gaussian): NaN");
            }
            table(rows, metric.id(), report);
        };
    }

    private static String label(Scenario.SamplerSpec sp) {
        StringBuilder b = new StringBuilder(sp.id());
        sp.params().forEach((k, v) -> b.append(':').append(k).append('=').append(v == Math.rint(v) ? Long.toString((long) (double) v) : v.toString()));
        return b.toString();
    }

    private static String weights(InverseProblem p) {
        StringBuilder b = new StringBuilder("[");
        double[] w = p.weights();
        for (int c = 0; c < w.length; c++) {
            b.append(c == 0 ? "" : ", ").append(String.format("%.4g", w[c]));
        }
        return b.append(']').toString();
    }

    /** Mean over seeds of the metric, one line per sampler and T, with NFE. */
    private static void table(List<Sweep.Row> rows, String metric, java.io.PrintStream report) {
        Map<String, double[]> acc = new LinkedHashMap<>();
        for (Sweep.Row r : rows) {
            if (!r.metric().equals(metric)) {
                continue;
            }
            double[] a = acc.computeIfAbsent(r.sampler() + "\t" + r.steps(), k -> new double[3]);
            a[0] += r.value();
            a[1] += 1;
            a[2] = r.nfe();
        }
        report.printf("%-36s %6s %6s %12s%n", "sampler", "T", "NFE", metric);
        acc.forEach((k, a) -> {
            String[] parts = k.split("\t");
            report.printf("%-36s %6s %6d %12.5f%n", parts[0], parts[1], (long) a[2], a[0] / a[1]);
        });
    }
}
