package org.scorescope.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.scorescope.engine.Engine;
import org.scorescope.io.AtomicFile;
import org.scorescope.io.OutputSession;
import org.scorescope.metrics.InverseSweep;
import org.scorescope.metrics.RateStudy;
import org.scorescope.metrics.Sweep;
import org.scorescope.sampler.SamplerId;
import org.scorescope.sampler.SamplerRegistry;
import org.scorescope.scenario.MemoryEstimate;
import org.scorescope.scenario.Scenario;
import org.scorescope.scenario.ScenarioBuilder;
import org.scorescope.scenario.ScenarioException;
import org.scorescope.scenario.ScenarioInput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sweep}: error against T for several samplers, as CSV. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Measure the error at the output level for several samplers and step counts.")
public final class SweepCommand implements Callable<Integer> {
    /** A sweep runs its samplers one after the other, so it takes more than a figure shows. */
    static final int MAX_SAMPLERS = 64;

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

    @Option(names = "--seeds", paramLabel = "K", description = "Seeds per point for tv (default 1).")
    Integer seeds;

    @Option(names = "--metric", paramLabel = "tv|exact-w2|exact-kl|eps-score|eps-jacobi", defaultValue = "tv",
            description = "Error measure (default ${DEFAULT-VALUE}; eps-score and eps-jacobi: the realised score error; "
            + "discrete targets: exact-kl, exact-tv or tv; with guidance one or more of thm9, thm9-early, confidence, confidence-early, "
            + "spread, beyond, tv-conditional, tv-tilted, floor-conditional, floor-tilted).")
    String metric;

    @Option(names = "--force", description = "Replace an existing output file.")
    boolean force;

    @Option(names = "--out", required = true, paramLabel = "FILE.csv", description = "Output CSV; - writes to standard output.")
    Path out;

    @Option(names = "--budgets", description = "The values of --steps are NFE budgets: each sampler runs the largest T whose counted NFE "
            + "fits (observation scenarios).")
    boolean budgets;

    @Mixin
    GuidanceOptions guidance;

    @Option(names = "--shard", paramLabel = "i/n", description = "Run only shard i of n (1 ≤ i ≤ n) of the sweep's cells and write them "
            + "with the sweep's fingerprint; `scorescope merge OUT.csv SHARD.csv...` joins the n shard files into the unsharded CSV.")
    String shard;

    @Override
    public Integer call() {
        SweepShards.Shard part = shard == null ? null : SweepShards.Shard.parse(shard, "--shard");
        if (part != null && DiscreteCli.applies(scenario, discrete, discreteSweep)) {
            throw new ScenarioException("--shard", "sharding covers sweeps on continuous targets without guidance; run this sweep unsharded");
        }
        if (DiscreteCli.applies(scenario, discrete, discreteSweep)) {
            return DiscreteCli.inSession(scenario, force, out, report -> DiscreteCli.sweep(scenario, discrete, samplers, steps, metric,
                    seeds == null ? 1 : seeds, discreteSweep.findKl, out, report));
        }
        checkSteps();
        if (seeds != null && (seeds < 1 || seeds > 1000)) {
            throw new ScenarioException("--seeds", "must be in 1..1000, was " + seeds);
        }
        ScenarioInput in = scenario.input(steps.get(0), "--steps");
        List<Object> ids = samplerIds(in);
        if (ids != null) {
            in.set("samplers", ids, samplers != null ? "--samplers" : "--param");
        }
        in.whenMissing("samplers", "--samplers", "give --samplers a,b,... (the scenario names no sampler)");
        imperfect.apply(in, discrete.dims != null);
        Scenario s = in.build(MAX_SAMPLERS);
        if (ImperfectScoreCli.appliesToSweep(imperfect, discrete.dims, metric, s)) {
            ImperfectScoreCli.SweepRun run = ImperfectScoreCli.prepareSweep(s, imperfect, discrete.dims, steps, metric, seeds,
                    scenario.particlesGiven());
            return inSession(report -> run.run(scenario.threads(), out, report));
        }
        if (GuidedSweep.applies(this, s)) {
            if (part != null) {
                throw new ScenarioException("--shard", "sharding covers sweeps on continuous targets without guidance; run this sweep unsharded");
            }
            return inSession(report -> GuidedSweep.run(this, s, report));
        }
        if (s.observation() != null) {
            if (part != null) {
                throw new ScenarioException("--shard", "sharding covers sweeps on continuous targets without guidance or observation; "
                        + "run this sweep unsharded");
            }
            InverseSweep.Metric pm = PosteriorSweep.metric(metric);
            int d = ScenarioBuilder.target(s.target()).dim();
            for (Scenario.SamplerSpec sp : s.samplers()) {
                MemoryEstimate.of(s.particles(), d, List.of(sp), steps.stream().max(Integer::compare).orElseThrow())
                        .check("--particles", MemoryEstimate.availableHeap());
            }
            return inSession(report -> PosteriorSweep.run(s, pm, steps.stream().mapToInt(Integer::intValue).toArray(), budgets,
                    seeds == null ? 1 : seeds, out, scenario.threads(), report));
        }
        if (InverseSweep.Metric.find(metric) != null) {
            throw new ScenarioException("--metric", metric + " compares with the exact posterior: give an observation "
                    + "(--observe-A, --observe-y, --observe-sigma)");
        }
        if (budgets) {
            throw new ScenarioException("--budgets", "NFE budgets are for scenarios with an observation; drop --budgets");
        }
        Sweep.Metric m;
        try {
            m = Sweep.Metric.of(metric);
        } catch (IllegalArgumentException e) {
            throw new ScenarioException("--metric", org.scorescope.scenario.NearestName.unknown("metric", metric,
                    List.of("tv", "exact-w2", "exact-kl")) + " (with an observation: tv-posterior, w2-posterior, mode-weights, mean-error)");
        }
        if (m.exact() && seeds != null) {
            throw new ScenarioException("--seeds", m.id() + " is exact (no particles, no seeds); drop --seeds or use --metric tv");
        }
        if (m.exact() && scenario.particlesGiven()) {
            throw new ScenarioException("--particles", m.id() + " is exact (no particles, no seeds); drop --particles or use --metric tv");
        }
        int[] ts = steps.stream().mapToInt(Integer::intValue).toArray();
        Sweep.Plan plan = new Sweep.Plan(ScenarioBuilder.target(s.target()), ScenarioBuilder.schedule(s.schedule()),
                ScenarioBuilder.samplers(s), ts, s.particles(), seeds == null ? 1 : seeds, s.seed(), m);
        if (m.exact() && !plan.target().isSingleGaussian()) {
            throw new ScenarioException("--metric", m.id() + " needs a single-Gaussian target (gaussian, gaussian1d, line); use tv");
        }
        for (int t : ts) {
            try {
                plan.schedule().grid(t);
            } catch (IllegalArgumentException e) {
                throw new ScenarioException("--steps", "T = " + t + ": " + e.getMessage());
            }
        }
        if (!m.exact()) {
            Scenario.SamplerSpec heaviest = s.samplers().stream().max((a, b) -> Long.compare(
                    MemoryEstimate.of(1, 1, List.of(a), 1).bytes(), MemoryEstimate.of(1, 1, List.of(b), 1).bytes())).orElseThrow();
            MemoryEstimate.of(s.particles(), plan.target().dim(), List.of(heaviest), steps.stream().max(Integer::compare).orElseThrow())
                    .check("--particles", MemoryEstimate.availableHeap());
        }
        if (part != null) {
            return shardInSession(s, plan, part);
        }
        return inSession(report -> {
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
            return () -> {
                report.println("wrote " + SampleCommand.shown(out) + " (" + rows.size() + " rows)");
                java.util.TreeSet<Integer> all = new java.util.TreeSet<>(steps);
                RateStudy.Result result = new RateStudy.Result(RateStudy.curves(rows, java.util.Map.of()), m,
                        RateStudy.outputLevel(plan.schedule(), all), rows, List.of());
                for (String line : RateStudy.summary(result)) {
                    report.println(line);
                }
            };
        });
    }

    /**
     * The samplers the flags give, as scenario entries ({"id": base, parameters}): the ids of
     * {@code --samplers} (or the scenario's), each expanded over the values of {@code --param};
     * null when neither flag is given.
     */
    private List<Object> samplerIds(ScenarioInput in) {
        if (samplers == null && params.isEmpty()) {
            return null;
        }
        List<SamplerId> ids;
        if (samplers != null) {
            ScenarioOptions.samplerList(samplers, "--samplers");
            try {
                ids = SamplerId.parseList(samplers);
            } catch (IllegalArgumentException e) {
                throw new ScenarioException("--samplers", e.getMessage());
            }
        } else {
            ids = in.build(MAX_SAMPLERS).samplers().stream().map(sp -> new SamplerId(sp.id(), sp.params())).toList();
        }
        List<SamplerId> expanded;
        try {
            expanded = SamplerRegistry.expand(ids, parameterValues());
        } catch (IllegalArgumentException e) {
            throw new ScenarioException("--param", e.getMessage());
        }
        List<Object> entries = new ArrayList<>();
        for (SamplerId id : expanded) {
            java.util.Map<String, Object> o = new java.util.LinkedHashMap<>();
            o.put("id", id.base());
            o.putAll(id.params());
            entries.add(o);
        }
        return entries;
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

    private int shardInSession(Scenario s, Sweep.Plan plan, SweepShards.Shard part) {
        int total = SweepShards.cells(plan).size();
        if (part.count() > total) {
            throw new ScenarioException("--shard", "n = " + part.count() + " shards for a sweep of " + total + " cells; use at most " + total);
        }
        if (plan.metric().exact()) {
            for (org.scorescope.sampler.Sampler sampler : plan.samplers()) {
                if (!RateStudy.exactlyPropagable(sampler)) {
                    throw new IllegalArgumentException(sampler.info().key() + " has no exact Gaussian law (its randomness is not Gaussian): "
                            + "measure it with the metric tv");
                }
            }
        }
        String fingerprint = SweepShards.fingerprint(s, steps, seeds == null ? 1 : seeds, plan.metric());
        String outputLevel = RateStudy.outputLevel(plan.schedule(), new java.util.TreeSet<>(steps));
        return inSession(report -> ShardedSweep.run(plan, part, scenario.threads(), out, fingerprint, outputLevel, report));
    }

    /** The list of T: not empty, each in range, none twice. */
    private void checkSteps() {
        if (steps.isEmpty()) {
            throw new ScenarioException("--steps", "give at least one T, e.g. --steps 10,20,40");
        }
        Set<Integer> seen = new HashSet<>();
        for (int t : steps) {
            if (t < 1 || t > Scenario.MAX_STEPS) {
                throw new ScenarioException("--steps", "each T must be in 1.." + Scenario.MAX_STEPS + ", was " + t);
            }
            if (!seen.add(t)) {
                throw new ScenarioException("--steps", "T = " + t + " is listed twice");
            }
        }
    }

    /**
     * Runs the sweep in the output layer: the output claimed before the run, written at the commit;
     * the summary the body returns is printed after the commit (to standard error when the CSV goes
     * to standard output).
     */
    int inSession(java.util.function.Function<PrintStream, Runnable> body) {
        PrintStream report = OutputSession.isStdout(out) ? System.err : System.out;
        Runnable summary;
        try (OutputSession session = OutputSession.open(force ? OutputSession.Existing.REPLACE : OutputSession.Existing.REFUSE)) {
            scenario.protectInputs(session);
            session.claim(out, "--out");
            if (imperfect.plot != null) {
                session.claim(imperfect.plot, "--plot");
            }
            summary = body.apply(report);
            session.commit();
        }
        summary.run();
        return 0;
    }
}
