package org.scorescope.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scorescope.io.OutputSession;
import org.scorescope.scenario.ScenarioException;
import org.scorescope.scenario.ScenarioInput;
import picocli.CommandLine.Option;

/**
 * The options that pick a scenario: a file, a preset, or both. Flags win: they replace the file's
 * fields and fill in what it leaves out (a file with only a target runs with {@code --sampler ddim}).
 * A flag whose value would be ignored is refused.
 */
public final class ScenarioOptions {
    @Option(names = "--scenario", paramLabel = "FILE",
            description = "Scenario file (JSON). Flags win: they replace its fields and fill in what it leaves out "
                    + "(a file with only a target runs with --sampler ID).")
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
     * The file's fields with the flags applied; the command adds its own (samplers, steps) and
     * builds it.
     *
     * @param steps T from the command's flags, or null
     * @param stepsFlag the flag that gave it
     */
    ScenarioInput input(Integer steps, String stepsFlag) {
        ScenarioInput in = scenario != null ? ScenarioInput.fromFile(scenario, "--scenario") : ScenarioInput.empty();
        in.whenMissing("target", "--target", "give --target ID, or a --scenario FILE with a target");
        if (target != null) {
            in.set("target", target, "--target");
        }
        if (schedule != null) {
            in.set("schedule", schedule, "--schedule");
        }
        if (steps != null) {
            in.set("steps", steps, stepsFlag);
        }
        if (grid != null) {
            if (schedule != null && !schedule.equals("custom")) {
                throw new ScenarioException("--grid", "a grid file is the custom schedule; drop --schedule " + schedule);
            }
            if (spacing != null) {
                throw new ScenarioException("--spacing", "a grid file sets every level itself; drop --spacing");
            }
            double[] values = CsvParticles.readGrid(grid);
            if (steps != null && steps != values.length - 1) {
                throw new ScenarioException(stepsFlag, "the grid file has " + values.length + " values, so T = " + (values.length - 1)
                        + ", not " + steps);
            }
            Map<String, Object> custom = new LinkedHashMap<>();
            custom.put("id", "custom");
            custom.put("values", values);
            in.set("schedule", custom, "--grid").blame("schedule.values", "--grid");
            in.set("steps", values.length - 1, "--grid");
        }
        if (spacing != null) {
            String id = scheduleId(in);
            if (!"vp-continuous".equals(id)) {
                throw new ScenarioException("--spacing", "only the vp-continuous schedule has a spacing; the schedule is '" + id
                        + "' (add --schedule vp-continuous)");
            }
            in.set("schedule.spacing", spacing, "--spacing");
        }
        if (particles != null) {
            in.set("particles", particles, "--particles");
        }
        if (seed != null) {
            in.set("seed", seed, "--seed");
        }
        observe.apply(in);
        return in;
    }

    private static String scheduleId(ScenarioInput in) {
        JsonNode s = in.get("schedule");
        if (s == null) {
            return "linear";
        }
        if (s.isTextual()) {
            return s.textValue();
        }
        JsonNode id = s.get("id");
        return id != null && id.isTextual() ? id.textValue() : "?";
    }

    /** The files the command reads: its outputs may not replace them. */
    void protectInputs(OutputSession out) {
        out.input(scenario, "--scenario");
        out.input(grid, "--grid");
    }

    /** The scenario file, or null. */
    Path scenarioFile() {
        return scenario;
    }

    /** Whether --particles was given. */
    boolean particlesGiven() {
        return particles != null;
    }

    /** Worker threads. */
    int threads() {
        if (threads != null && (threads < 1 || threads > 256)) {
            throw new ScenarioException("--threads", "must be in 1..256, was " + threads);
        }
        return threads != null ? threads : Runtime.getRuntime().availableProcessors();
    }

    /** Sampler ids from a comma-separated flag, checked for empty entries. */
    static List<Object> samplerList(List<String> ids, String flag) {
        if (ids.isEmpty()) {
            throw new ScenarioException(flag, "give at least one sampler id, e.g. " + flag + " ddim,ddpm");
        }
        for (String id : ids) {
            if (id.isBlank()) {
                throw new ScenarioException(flag, "has an empty entry; give sampler ids separated by commas, e.g. " + flag + " ddim,ddpm");
            }
        }
        return ids.stream().map(s -> (Object) s.trim()).toList();
    }
}
