package org.scorescope.cli;

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
import org.scorescope.scenario.Scenario;
import org.scorescope.scenario.ScenarioBuilder;
import org.scorescope.scenario.ScenarioException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sample}: run one sampler and write its particles as CSV. */
@Command(name = "sample", mixinStandardHelpOptions = true,
        description = "Run samplers and write the final particles (or every step) as CSV.")
public final class SampleCommand implements Callable<Integer> {
    @Mixin
    ScenarioOptions scenario;

    @Mixin
    DiscreteOptions discrete;

    @Mixin
    ImperfectScoreOptions imperfect;

    @Option(names = "--sampler", paramLabel = "ID", description = "Sampler id (default: the scenario's first sampler).")
    String sampler;

    @Option(names = "--param", paramLabel = "NAME=VALUE", description = "Sampler parameter, e.g. eta=0.5 (repeatable).")
    Map<String, Double> params = new LinkedHashMap<>();

    @Option(names = "--steps", paramLabel = "T", description = "Number of steps T.")
    Integer steps;

    @Option(names = "--init", paramLabel = "FILE.csv", description = "Start from these particles (Y_T) instead of N(0, I); the row count sets N.")
    Path init;

    @Option(names = "--trajectory", description = "Write every step: columns x0..,diverged,particle,t,abar.")
    boolean trajectory;

    @Option(names = "--out", required = true, paramLabel = "FILE.csv", description = "Output CSV.")
    Path out;

    @Mixin
    GuidanceOptions guidance;

    @Override
    public Integer call() throws Exception {
        if (DiscreteCli.applies(scenario, discrete)) {
            return DiscreteCli.sample(scenario, discrete, sampler, params, steps, init, trajectory, out);
        }
        List<Scenario.SamplerSpec> samplers = sampler == null ? null : List.of(new Scenario.SamplerSpec(sampler, params));
        if (sampler == null && !params.isEmpty()) {
            throw new ScenarioException("--param", "give --sampler with --param");
        }
        Scenario s = guidance.apply(scenario.resolve(samplers, steps), false);
        if (sampler == null) {
            s = s.with(null, null, List.of(s.samplers().get(0)), null, null, null);
        }
        double[][] initial = null;
        if (init != null) {
            initial = CsvParticles.read(init, ImperfectScoreCli.dim(s, imperfect));
            s = s.with(null, null, null, null, initial[0].length, null);
        }
        if (discrete.dims != null) {
            throw new ScenarioException("--dims", "is a sweep axis; sample takes --embed D");
        }
        RunSpec spec = ImperfectScoreCli.run(s, initial, imperfect);
        int d = spec.target().dim();
        try (Engine engine = new Engine(scenario.threads())) {
            if (trajectory) {
                AtomicFile.write(out, w -> {
                    w.write(CsvParticles.coordinateHeader(d) + ",diverged,particle,t,abar\n");
                    List<Exception> failure = new ArrayList<>();
                    engine.run(spec, v -> writeStep(v, w, failure));
                    if (!failure.isEmpty()) {
                        throw new java.io.IOException(failure.get(0));
                    }
                });
                System.out.println("wrote " + out + " (" + spec.particles() + " particles x " + (spec.grid().steps() + 1) + " levels)");
            } else {
                RunResult r = engine.run(spec, null);
                double[][] p = r.positions().get(0);
                boolean[] flags = divergedFlags(p);
                AtomicFile.write(out, w -> {
                    w.write(CsvParticles.coordinateHeader(d) + ",diverged\n");
                    for (int i = 0; i < spec.particles(); i++) {
                        CsvParticles.writeCoordinates(w, p, i);
                        w.write(flags[i] ? ",1\n" : ",0\n");
                    }
                });
                System.out.printf("wrote %s: %d particles, sampler %s, T=%d, NFE=%d per particle, %d diverged, %.2f s%n",
                        out, spec.particles(), spec.slots().get(0).label(), spec.grid().steps(), r.nfe()[0], r.diverged()[0], r.seconds());
                ImperfectScoreCli.summary(spec, r, imperfect, engine, System.out);
                if (s.guidance() != null) {
                    GuidanceReport.print(s, p, spec.particles(), spec.grid().abar(0));
                }
            }
        }
        return 0;
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
