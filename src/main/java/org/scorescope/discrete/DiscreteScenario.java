package org.scorescope.discrete;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.scorescope.scenario.ScenarioException;

/**
 * A discrete-diffusion scenario: target, forward process, horizon T, step schedule, samplers, steps N,
 * particles and seed. Read and written by {@link DiscreteScenarioJson}; {@link #validate} checks that
 * everything can be built (and fits in memory) before any work starts.
 *
 * @param schedule {@code constant} or {@code geometric}
 * @param delta the geometric schedule's last interval δ
 */
public record DiscreteScenario(String title, String description, TargetSpec target, DiscreteProcess process, double horizon,
        String schedule, double delta, List<String> samplers, int steps, int particles, long seed) {
    /** Largest horizon T. */
    public static final double MAX_HORIZON = 100;
    /** Largest number of steps N. */
    public static final int MAX_STEPS = 100_000;
    /** Largest particle count. */
    public static final int MAX_PARTICLES = 10_000_000;

    /** The default horizon of a process: 16 for uniform, 5 for masking (e^{−T} negligible in both). */
    public static double defaultHorizon(DiscreteProcess process) {
        return process == DiscreteProcess.UNIFORM ? 16 : 5;
    }

    /**
     * What the target is: a preset (with optional S and d), an explicit table, independent marginals,
     * or an image file.
     *
     * @param preset a {@link DiscretePresets} id, or null
     * @param states S (presets, tables), or null
     * @param dims d (presets, tables), or null
     * @param probabilities an explicit row-major table, or null
     * @param marginals independent coordinates' laws, or null
     * @param image a grey image, or null
     * @param words the vocabulary of a table, or an empty list
     */
    public record TargetSpec(String preset, Integer states, Integer dims, double[] probabilities, double[][] marginals, Path image,
            List<String> words) {
        /** A preset with default S and d. */
        public static TargetSpec preset(String id) {
            return new TargetSpec(id, null, null, null, null, null, List.of());
        }

        /** Builds the target; failures name {@code field} and the offending sub-field. */
        public DiscreteTarget build(String field) {
            if (preset != null) {
                return DiscretePresets.of(field, preset, states, dims);
            }
            if (image != null) {
                return DiscreteTargets.image(field + ".image", image);
            }
            if (marginals != null) {
                return DiscreteTargets.product(field, "product", marginals);
            }
            if (probabilities == null) {
                throw new ScenarioException(field, "give \"preset\", \"probabilities\" (with \"states\" and \"dims\"), \"marginals\" or \"image\"");
            }
            if (states == null || dims == null) {
                throw new ScenarioException(field + (states == null ? ".states" : ".dims"), "is required with \"probabilities\"");
            }
            return DiscreteTargets.table(field, "table", states, dims, probabilities, words);
        }
    }

    /** The target, checked. */
    public DiscreteTarget buildTarget() {
        return target.build("target");
    }

    /** The step schedule with N steps. */
    public StepSchedule buildSchedule(int n) {
        return StepSchedule.of(schedule, horizon, n, delta);
    }

    /** The samplers, checked against the process. */
    public List<DiscreteSampler> buildSamplers() {
        List<DiscreteSampler> out = new ArrayList<>();
        for (int i = 0; i < samplers.size(); i++) {
            String field = "samplers[" + i + "]";
            DiscreteSampler s;
            try {
                s = DiscreteSamplers.of(samplers.get(i));
            } catch (IllegalArgumentException e) {
                throw new ScenarioException(field, e.getMessage());
            }
            if (!s.supports(process)) {
                throw new ScenarioException(field, "'" + s.id() + "' is only defined for the masking process");
            }
            out.add(s);
        }
        if (out.isEmpty()) {
            throw new ScenarioException("samplers", "give at least one of " + String.join(", ", DiscreteSamplers.ids()));
        }
        return out;
    }

    /** A copy with some fields replaced (null keeps the field). */
    public DiscreteScenario with(TargetSpec target, DiscreteProcess process, Double horizon, String schedule, List<String> samplers,
            Integer steps, Integer particles, Long seed) {
        DiscreteProcess p = process != null ? process : this.process;
        double h = horizon != null ? horizon : process != null && process != this.process ? defaultHorizon(p) : this.horizon;
        return new DiscreteScenario(title, description, target != null ? target : this.target, p, h,
                schedule != null ? schedule : this.schedule, delta, samplers != null ? samplers : this.samplers,
                steps != null ? steps : this.steps, particles != null ? particles : this.particles, seed != null ? seed : this.seed);
    }

    /**
     * Checks every field and the memory the run needs; returns the built target.
     *
     * @throws ScenarioException naming the first bad field
     */
    public DiscreteTarget validate() {
        if (!(horizon > 0 && horizon <= MAX_HORIZON)) {
            throw new ScenarioException("horizon", "must be in (0, " + MAX_HORIZON + "], was " + horizon);
        }
        if (steps < 1 || steps > MAX_STEPS) {
            throw new ScenarioException("steps", "must be in 1.." + MAX_STEPS + ", was " + steps);
        }
        if (particles < 1 || particles > MAX_PARTICLES) {
            throw new ScenarioException("particles", "must be in 1.." + MAX_PARTICLES + ", was " + particles);
        }
        if (seed < 0) {
            throw new ScenarioException("seed", "must be >= 0, was " + seed);
        }
        if (!schedule.equals("constant") && !schedule.equals("geometric")) {
            throw new ScenarioException("schedule", "must be 'constant' or 'geometric', was '" + schedule + "'");
        }
        if (schedule.equals("geometric") && !(delta > 0 && delta < horizon)) {
            throw new ScenarioException("schedule.delta", "must be in (0, T = " + horizon + "), was " + delta);
        }
        buildSamplers();
        DiscreteTarget t = buildTarget();
        checkMemory(t, process, particles);
        return t;
    }

    /** Refuses a run whose tables and particles would not fit in a quarter of the heap. */
    public static void checkMemory(DiscreteTarget t, DiscreteProcess process, long particles) {
        long budget = Runtime.getRuntime().maxMemory() / 4;
        if (t instanceof JointTarget j && j.scoreBytes(process) > budget) {
            throw new ScenarioException("target", "its exact " + process.id() + " score tables need " + (j.scoreBytes(process) >> 20)
                    + " MiB, more than the " + (budget >> 20) + " MiB allowed; use fewer states or coordinates");
        }
        long bytes = 4L * particles * t.dims();
        if (bytes > budget) {
            throw new ScenarioException("particles", particles + " particles of d = " + t.dims() + " need " + (bytes >> 20)
                    + " MiB, more than the " + (budget >> 20) + " MiB allowed");
        }
    }
}
