package org.scorescope.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.scorescope.engine.Engine;
import org.scorescope.io.AtomicFile;
import org.scorescope.metrics.RateStudy;
import org.scorescope.metrics.Sweep;
import org.scorescope.sampler.SamplerId;
import org.scorescope.sampler.SamplerRegistry;
import org.scorescope.scenario.Scenario;
import org.scorescope.scenario.ScenarioBuilder;
import org.scorescope.scenario.ScenarioException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sweep}: error against T for several samplers, as CSV. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Measure the error at the output level for several samplers and step counts.")
public final class SweepCommand implements Callable<Integer> {
    @Mixin
    ScenarioOptions scenario;

    @Mixin
    DiscreteOptions discrete;

    @Mixin
    DiscreteSweepOptions discreteSweep;

    @Mixin
    ImperfectScoreOptions imperfect;

    @Option(names = "--samplers", split = ",", paramLabel = "a,b,...", description = "Sampler ids, with parameters as id:name=value:name=value "
            + "(lagrange:K=3) (default: the scenario's).")
    List<String> samplers;

    @Option(names = "--param", paramLabel = "NAME=V1[,V2...]", description = "Run every listed sampler that takes parameter NAME "
            + "(and does not set it itself) once per value, e.g. K=1,2,3,4 (repeatable).")
    List<String> params = new ArrayList<>();

    @Option(names = "--steps", split = ",", required = true, paramLabel = "10,20,...", description = "Step counts T.")
    List<Integer> steps;

    @Option(names = "--seeds", paramLabel = "K", defaultValue = "1", description = "Seeds per point for tv (default ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--metric", paramLabel = "tv|exact-w2|exact-kl|eps-score|eps-jacobi", defaultValue = "tv", description = "Error measure (default ${DEFAULT-VALUE}; "
            + "eps-score and eps-jacobi: the realised score error; "
            + "discrete targets: exact-kl, exact-tv or tv; with guidance one or more of thm9, thm9-early, confidence, confidence-early, "
            + "spread, beyond, tv-conditional, tv-tilted, floor-conditional, floor-tilted).")
    String metric;

    @Option(names = "--out", required = true, paramLabel = "FILE.csv", description = "Output CSV.")
    Path out;

    @Mixin
    GuidanceOptions guidance;

    @Override
    public Integer call() {
        if (DiscreteCli.applies(scenario, discrete, discreteSweep)) {
            return DiscreteCli.sweep(scenario, discrete, samplers, steps, metric, seeds, discreteSweep.findKl, out);
        }
        List<Scenario.SamplerSpec> specs = null;
        if (samplers != null || !params.isEmpty()) {
            specs = new ArrayList<>();
            List<SamplerId> ids;
            try {
                ids = samplers == null ? scenarioIds() : SamplerId.parseList(samplers);
            } catch (IllegalArgumentException e) {
                throw new ScenarioException("--samplers", e.getMessage());
            }
            try {
                for (SamplerId id : SamplerRegistry.expand(ids, parameterValues())) {
                    specs.add(new Scenario.SamplerSpec(id.base(), id.params()));
                }
            } catch (IllegalArgumentException e) {
                throw new ScenarioException("--param", e.getMessage());
            }
        }
        if (ImperfectScoreCli.appliesToSweep(imperfect, discrete.dims, metric, scenario)) {
            return ImperfectScoreCli.sweep(scenario, imperfect, discrete.dims, specs, steps, metric, seeds, out);
        }
        Scenario first = scenario.resolve(specs, steps.get(0));
        if (GuidedSweep.applies(this, first)) {
            return GuidedSweep.run(this, first);
        }
        Sweep.Metric m;
        try {
            m = Sweep.Metric.of(metric);
        } catch (IllegalArgumentException e) {
            throw new ScenarioException("--metric", e.getMessage());
        }
        if (seeds < 1 || seeds > 1000) {
            throw new ScenarioException("--seeds", "must be in 1..1000, was " + seeds);
        }
        for (int t : steps) {
            if (t < 1 || t > Scenario.MAX_STEPS) {
                throw new ScenarioException("--steps", "each T must be in 1.." + Scenario.MAX_STEPS + ", was " + t);
            }
        }
        Scenario s = scenario.resolve(specs, steps.get(0));
        int[] ts = steps.stream().mapToInt(Integer::intValue).toArray();
        Sweep.Plan plan = new Sweep.Plan(ScenarioBuilder.target(s.target()), ScenarioBuilder.schedule(s.schedule()),
                ScenarioBuilder.samplers(s), ts, s.particles(), seeds, s.seed(), m);
        if (m.exact() && !plan.target().isSingleGaussian()) {
            throw new ScenarioException("--metric", m.id() + " needs a single-Gaussian target (gaussian, gaussian1d, line); use tv");
        }
        List<Sweep.Row> rows;
        try (Engine engine = new Engine(scenario.threads())) {
            rows = Sweep.run(plan, engine, r -> System.err.println(r.csvRow()), () -> false);
        }
        AtomicFile.write(out, w -> {
            w.write(Sweep.Row.COLUMNS + "\n");
            for (Sweep.Row r : rows) {
                w.write(r.csvRow() + "\n");
            }
        });
        System.out.println("wrote " + out + " (" + rows.size() + " rows)");
        java.util.TreeSet<Integer> all = new java.util.TreeSet<>(steps);
        RateStudy.Result result = new RateStudy.Result(RateStudy.curves(rows, java.util.Map.of()), m,
                RateStudy.outputLevel(plan.schedule(), all), rows, List.of());
        for (String line : RateStudy.summary(result)) {
            System.out.println(line);
        }
        return 0;
    }

    private List<SamplerId> scenarioIds() {
        return scenario.resolve(null, steps.get(0)).samplers().stream().map(sp -> new SamplerId(sp.id(), sp.params())).toList();
    }

    private java.util.Map<String, List<Double>> parameterValues() {
        java.util.Map<String, List<Double>> values = new java.util.LinkedHashMap<>();
        for (String p : params) {
            int eq = p.indexOf('=');
            if (eq <= 0) {
                throw new ScenarioException("--param", "write NAME=V1,V2,..., was '" + p + "'");
            }
            List<Double> vs = new ArrayList<>();
            for (String v : p.substring(eq + 1).split(",")) {
                try {
                    vs.add(Double.parseDouble(v.trim()));
                } catch (NumberFormatException e) {
                    throw new ScenarioException("--param", p.substring(0, eq) + " must be numbers, was '" + v.trim() + "'");
                }
            }
            values.put(p.substring(0, eq).trim(), vs);
        }
        return values;
    }
}
