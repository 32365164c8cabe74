package org.scorescope.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.scorescope.scenario.Scenario;
import org.scorescope.scenario.ScenarioException;
import org.scorescope.scenario.ScenarioJson;
import picocli.CommandLine.Option;

/** The options that pick a scenario: a file, a preset, or both (flags override the file). */
public final class ScenarioOptions {
    @Option(names = "--scenario", paramLabel = "FILE", description = "Scenario file (JSON); flags given with it override its fields.")
    Path scenario;

    @Option(names = "--target", paramLabel = "ID", description = "Target preset: ${COMPLETION-CANDIDATES}.",
            completionCandidates = TargetIds.class)
    String target;

    @Option(names = "--schedule", paramLabel = "ID", description = "Schedule: theory, linear, cosine, logsnr, edm, vp-continuous, custom (discrete targets: constant, geometric).")
    String schedule;

    @Option(names = "--spacing", paramLabel = "time|logsnr", description = "Grid spacing of vp-continuous (default logsnr).")
    String spacing;

    @Option(names = "--grid", paramLabel = "FILE", description = "Custom alpha-bar grid, one value per line, output level first, T+1 values.")
    Path grid;

    @Option(names = "--particles", paramLabel = "N", description = "Number of particles.")
    Integer particles;

    @Option(names = "--seed", paramLabel = "S", description = "Seed.")
    Long seed;

    @Option(names = "--threads", paramLabel = "P", description = "Worker threads (default: all cores). Results do not depend on it.")
    Integer threads;

    @picocli.CommandLine.Mixin
    ObserveOptions observe = new ObserveOptions();

    /** Target ids for the help text. */
    static final class TargetIds extends java.util.ArrayList<String> {
        private static final long serialVersionUID = 1L;

        TargetIds() {
            super(org.scorescope.distribution.Presets.ids());
            addAll(org.scorescope.discrete.DiscretePresets.ids());
        }
    }

    /**
     * The scenario the options describe; samplers and steps are set by the command.
     *
     * @param samplers sampler specs from the command's flags, or null to keep the file's
     * @param steps T from the command's flags, or null
     */
    Scenario resolve(List<Scenario.SamplerSpec> samplers, Integer steps) {
        Scenario base;
        if (scenario != null) {
            base = ScenarioJson.read(scenario);
        } else {
            if (target == null) {
                throw new ScenarioException("--target", "give --target ID or --scenario FILE");
            }
            if (samplers == null) {
                throw new ScenarioException("--sampler", "give a sampler or a --scenario FILE");
            }
            base = new Scenario("", "", Scenario.TargetSpec.preset(target), Scenario.ScheduleSpec.of("linear"),
                    samplers, 20, 20_000, 1);
        }
        Scenario.ScheduleSpec sched = null;
        Integer t = steps;
        if (grid != null) {
            double[] values = CsvParticles.readGrid(grid);
            if (schedule != null && !schedule.equals("custom")) {
                throw new ScenarioException("--grid", "a grid file sets the custom schedule; drop --schedule " + schedule);
            }
            if (steps != null && steps != values.length - 1) {
                throw new ScenarioException("--steps", "the grid file has " + values.length + " values, so T = "
                        + (values.length - 1) + ", not " + steps);
            }
            sched = new Scenario.ScheduleSpec("custom", Map.of(), null, values);
            t = values.length - 1;
        } else if (schedule != null || spacing != null) {
            String id = schedule != null ? schedule : base.schedule().id();
            sched = new Scenario.ScheduleSpec(id, schedule == null ? base.schedule().params() : Map.of(), spacing, null);
        }
        if (particles != null && (particles < 1 || particles > Scenario.MAX_PARTICLES)) {
            throw new ScenarioException("--particles", "must be in 1.." + Scenario.MAX_PARTICLES + ", was " + particles);
        }
        if (seed != null && seed < 0) {
            throw new ScenarioException("--seed", "must be >= 0, was " + seed);
        }
        if (t != null && (t < 1 || t > Scenario.MAX_STEPS)) {
            throw new ScenarioException("--steps", "must be in 1.." + Scenario.MAX_STEPS + ", was " + t);
        }
        Scenario.TargetSpec targetSpec = target != null && scenario != null ? Scenario.TargetSpec.preset(target) : null;
        Scenario s = observe.apply(base.with(targetSpec, sched, samplers, t, particles, seed));
        org.scorescope.scenario.ScenarioBuilder.validate(s);
        return s;
    }

    /** Worker threads. */
    int threads() {
        if (threads != null && (threads < 1 || threads > 256)) {
            throw new ScenarioException("--threads", "must be in 1..256, was " + threads);
        }
        return threads != null ? threads : Runtime.getRuntime().availableProcessors();
    }
}
