package org.scorescope.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.scorescope.engine.Engine;
import org.scorescope.engine.RunResult;
import org.scorescope.engine.RunSpec;
import org.scorescope.engine.StepView;
import org.scorescope.io.AtomicFile;
import org.scorescope.io.OutputSession;
import org.scorescope.scenario.MemoryEstimate;
import org.scorescope.scenario.Scenario;
import org.scorescope.scenario.ScenarioBuilder;
import org.scorescope.scenario.ScenarioException;
import org.scorescope.scenario.ScenarioInput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sample}: run one sampler and write its particles as CSV. */
@Command(name = "sample", mixinStandardHelpOptions = true,
        description = "Run a sampler and write the final particles (or every step) as CSV.")
public final class SampleCommand implements Callable<Integer> {
    @Mixin
    ScenarioOptions scenario;

    @Mixin
    DiscreteOptions discrete;

    @Mixin
    ImperfectScoreOptions imperfect;

    @Option(names = "--sampler", paramLabel = "ID", description = "Sampler id (default: the scenario's first sampler).")
    String sampler;

    @Option(names = "--param", paramLabel = "NAME=VALUE", description = "Sampler parameter, e.g. eta=0.5 (repeatable; needs --sampler).")
    Map<String, Double> params = new LinkedHashMap<>();

    @Option(names = "--steps", paramLabel = "T", description = "Number of steps T.")
    Integer steps;

    @Option(names = "--init", paramLabel = "FILE.csv", description = "Start from these particles (Y_T) instead of N(0, I); the row count sets N.")
    Path init;

    @Option(names = "--trajectory", description = "Write every step: columns x0..,diverged,particle,t,abar.")
    boolean trajectory;

    @Option(names = "--force", description = "Replace an existing output file.")
    boolean force;

    @Option(names = "--out", required = true, paramLabel = "FILE.csv", description = "Output CSV; - writes to standard output.")
    Path out;

    @Mixin
    GuidanceOptions guidance;

    @Override
    public Integer call() throws Exception {
        if (DiscreteCli.applies(scenario, discrete)) {
            return DiscreteCli.inSession(scenario, force, out, report -> DiscreteCli.sample(scenario, discrete, sampler, params, steps, init,
                    trajectory, out, report));
        }
        if (sampler == null && !params.isEmpty()) {
            throw new ScenarioException("--param", "give --sampler with --param");
        }
        ScenarioInput in = scenario.input(steps, "--steps");
        if (sampler != null) {
            Map<String, Object> spec = new LinkedHashMap<>();
            spec.put("id", sampler);
            spec.putAll(params);
            in.set("samplers", List.of(params.isEmpty() ? sampler : spec), "--sampler");
            params.keySet().forEach(name -> in.blame("samplers[0]." + name, "--param"));
        }
        in.whenMissing("samplers", "--sampler", "give --sampler ID (the scenario names no sampler)");
        if (discrete.dims != null) {
            throw new ScenarioException("--dims", "is a sweep axis; sample takes --embed D");
        }
        imperfect.apply(in, false);
        Scenario s = guidance.apply(in.build(), false);
        if (s.samplers().size() > 1) {
            s = s.with(null, null, List.of(s.samplers().get(0)), null, null, null);
        }
        int d = ScenarioBuilder.target(s.target()).dim();
        double[][] initial = null;
        if (init != null) {
            initial = CsvParticles.read(init, d);
            int rows = initial[0].length;
            if (scenario.particlesGiven() && rows != s.particles()) {
                throw new ScenarioException("--particles", "--init '" + init + "' has " + rows + " particles, so N = " + rows + ", not "
                        + s.particles() + "; drop --particles");
            }
            s = s.with(null, null, null, null, rows, null);
        }
        MemoryEstimate need = MemoryEstimate.of(s.particles(), d, s.samplers(), s.steps());
        if (initial != null) {
            need.withInitialParticles();
        }
        if (trajectory) {
            need.writingEveryStep();
        }
        need.check(init != null ? "--init" : imperfect.embed != null && d > 2 ? "--embed" : "--particles", MemoryEstimate.availableHeap());
        RunSpec spec = ScenarioBuilder.run(s, initial);
        ImperfectScoreCli.checkSample(spec, imperfect);
        boolean toStdout = OutputSession.isStdout(out);
        PrintStream report = toStdout ? System.err : System.out;
        try (OutputSession session = OutputSession.open(force ? OutputSession.Existing.REPLACE : OutputSession.Existing.REFUSE);
                Engine engine = new Engine(scenario.threads())) {
            scenario.protectInputs(session);
            session.input(init, "--init");
            session.claim(out, "--out");
            if (imperfect.plot != null) {
                session.claim(imperfect.plot, "--plot");
            }
            if (trajectory) {
                OutputSpace.check(out, (long) spec.particles() * (spec.grid().steps() + 1) * (24L * d + 40), "--trajectory",
                        "lower --particles or --steps");
                AtomicFile.write(out, w -> {
                    w.write(CsvParticles.coordinateHeader(d) + ",diverged,particle,t,abar\n");
                    List<Exception> failure = new ArrayList<>();
                    engine.run(spec, v -> writeStep(v, w, failure));
                    if (!failure.isEmpty()) {
                        throw new java.io.IOException(failure.get(0));
                    }
                });
                session.commit();
                report.println("wrote " + shown(out) + " (" + spec.particles() + " particles x " + (spec.grid().steps() + 1) + " levels)");
            } else {
                // The same scale and tail rules as sweep and the window: a cloud off the target's scale is named, not only NaNs.
                org.scorescope.metrics.Divergence.ParticleCheck scale = new org.scorescope.metrics.Divergence.ParticleCheck(spec.target());
                org.scorescope.metrics.Divergence[] divergence = {null};
                RunResult r = engine.run(spec, v -> {
                    if (divergence[0] == null && v.t() < spec.grid().steps()) {
                        divergence[0] = scale.check(spec.slots().get(0).label(), spec.grid(), v, 0);
                    }
                });
                double[][] p = r.positions().get(0);
                boolean[] flags = divergedFlags(p);
                AtomicFile.write(out, w -> {
                    w.write(CsvParticles.coordinateHeader(d) + ",diverged\n");
                    for (int i = 0; i < spec.particles(); i++) {
                        CsvParticles.writeCoordinates(w, p, i);
                        w.write(flags[i] ? ",1\n" : ",0\n");
                    }
                });
                java.io.ByteArrayOutputStream measured = new java.io.ByteArrayOutputStream();
                try (PrintStream lines = new PrintStream(measured, true, java.nio.charset.StandardCharsets.UTF_8)) {
                    ImperfectScoreCli.summary(spec, r, imperfect, engine, lines);
                }
                session.commit();
                report.printf("wrote %s: %d particles, sampler %s, T=%d, NFE=%d per particle, %d non-finite, %.2f s%n",
                        shown(out), spec.particles(), spec.slots().get(0).label(), spec.grid().steps(), r.nfe()[0], r.diverged()[0], r.seconds());
                if (divergence[0] != null) {
                    report.println("warning: " + divergence[0].message());
                }
                report.print(measured.toString(java.nio.charset.StandardCharsets.UTF_8));
                if (s.observation() != null) {
                    PosteriorSummary.print(s, spec, r, report);
                }
                if (s.guidance() != null) {
                    GuidanceReport.print(s, p, spec.particles(), spec.grid().abar(0), report);
                }
            }
        }
        return 0;
    }

    static String shown(Path out) {
        return OutputSession.isStdout(out) ? "standard output" : out.toString();
    }

    private static boolean[] divergedFlags(double[][] p) {
        boolean[] f = new boolean[p[0].length];
        for (double[] axis : p) {
            for (int i = 0; i < f.length; i++) {
                f[i] |= !Double.isFinite(axis[i]);
            }
        }
        return f;
    }

    private static void writeStep(StepView v, java.io.BufferedWriter w, List<Exception> failure) {
        if (!failure.isEmpty()) {
            return;
        }
        try {
            double[][] p = v.positions(0);
            String suffix = "," + v.t() + "," + v.abar() + "\n";
            for (int i = 0; i < p[0].length; i++) {
                CsvParticles.writeCoordinates(w, p, i);
                w.write(v.isDiverged(0, i) ? ",1," : ",0,");
                w.write(Integer.toString(i));
                w.write(suffix);
            }
        } catch (java.io.IOException e) {
            failure.add(e);
        }
    }
}
