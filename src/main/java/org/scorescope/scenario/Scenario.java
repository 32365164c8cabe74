package org.scorescope.scenario;

import java.util.List;
import java.util.Map;

/**
 * Everything that defines a run, as saved in a scenario file. Immutable; build the model objects
 * with {@link ScenarioBuilder}.
 *
 * @param title a short title (may be empty)
 * @param description a paragraph shown with the scenario (may be empty)
 * @param target the target
 * @param schedule the schedule
 * @param samplers one to eight samplers
 * @param steps T
 * @param particles N
 * @param seed the seed
 * @param observation a linear observation of the target (inverse problems, issue 15), or null
 */
public record Scenario(String title, String description, TargetSpec target, ScheduleSpec schedule,
        List<SamplerSpec> samplers, int steps, int particles, long seed, ObservationSpec observation) {

    /** A scenario without an observation. */
    public Scenario(String title, String description, TargetSpec target, ScheduleSpec schedule,
            List<SamplerSpec> samplers, int steps, int particles, long seed) {
        this(title, description, target, schedule, samplers, steps, particles, seed, null);
    }

    /** The same scenario with another observation (null for none). */
    public Scenario withObservation(ObservationSpec o) {
        return new Scenario(title, description, target, schedule, samplers, steps, particles, seed, o);
    }

    /** Largest N a scenario may ask for. */
    public static final int MAX_PARTICLES = 10_000_000;
    /** Largest T. */
    public static final int MAX_STEPS = 10_000;
    /** Largest number of samplers in one scenario. */
    public static final int MAX_SAMPLERS = 8;

    /** Copies the list. */
    public Scenario {
        samplers = List.copyOf(samplers);
    }

    /**
     * A target: a preset id, or explicit components.
     *
     * @param preset a preset id, or null for an explicit target
     * @param type "gaussian-mixture" or "box-mixture" when explicit
     * @param weights component weights
     * @param means Gaussian means (gaussian-mixture)
     * @param covariances Gaussian covariances (gaussian-mixture)
     * @param lo box lower corners (box-mixture)
     * @param hi box upper corners (box-mixture)
     * @param embed ambient dimension for zero-padding embedding, or 0 for none
     */
    public record TargetSpec(String preset, String type, double[] weights, double[][] means, double[][][] covariances,
            double[][] lo, double[][] hi, int embed) {
        /** A preset target. */
        public static TargetSpec preset(String id) {
            return new TargetSpec(id, null, null, null, null, null, null, 0);
        }
    }

    /**
     * A schedule.
     *
     * @param id schedule id
     * @param params numeric parameters
     * @param spacing vp-continuous spacing ("time" or "logsnr"), or null
     * @param values the custom ᾱ list, or null
     */
    public record ScheduleSpec(String id, Map<String, Double> params, String spacing, double[] values) {
        /** Copies the map. */
        public ScheduleSpec {
            params = Map.copyOf(params);
        }

        /** A schedule with default parameters. */
        public static ScheduleSpec of(String id) {
            return new ScheduleSpec(id, Map.of(), null, null);
        }
    }

    /**
     * A sampler with its parameters.
     *
     * @param id sampler id
     * @param params numeric parameters
     */
    public record SamplerSpec(String id, Map<String, Double> params) {
        /** Copies the map. */
        public SamplerSpec {
            params = Map.copyOf(params);
        }

        /** A sampler with default parameters. */
        public static SamplerSpec of(String id) {
            return new SamplerSpec(id, Map.of());
        }
    }

    /** The same scenario with other values for the fields a user overrides most. */
    public Scenario with(TargetSpec target, ScheduleSpec schedule, List<SamplerSpec> samplers, Integer steps,
            Integer particles, Long seed) {
        return new Scenario(title, description, target != null ? target : this.target,
                schedule != null ? schedule : this.schedule, samplers != null ? samplers : this.samplers,
                steps != null ? steps : this.steps, particles != null ? particles : this.particles,
                seed != null ? seed : this.seed, observation);
    }
}
