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
 * @param guidance guided sampling toward one class of a target with classes, or null for none
 * @param observation a linear observation of the target (inverse problems, issue 15), or null
 * @param scoreError a score error of known size every sampler sees (issue 16, {@link ImperfectScenario}), or null
 */
public record Scenario(String title, String description, TargetSpec target, ScheduleSpec schedule,
        List<SamplerSpec> samplers, int steps, int particles, long seed, GuidanceSpec guidance, ObservationSpec observation,
        org.scorescope.score.ScoreError scoreError) {

    /** A scenario with guidance (or null), no observation and the exact score. */
    public Scenario(String title, String description, TargetSpec target, ScheduleSpec schedule,
            List<SamplerSpec> samplers, int steps, int particles, long seed, GuidanceSpec guidance) {
        this(title, description, target, schedule, samplers, steps, particles, seed, guidance, null, null);
    }

    /** A scenario with guidance and an observation (either may be null) and the exact score. */
    public Scenario(String title, String description, TargetSpec target, ScheduleSpec schedule,
            List<SamplerSpec> samplers, int steps, int particles, long seed, GuidanceSpec guidance, ObservationSpec observation) {
        this(title, description, target, schedule, samplers, steps, particles, seed, guidance, observation, null);
    }

    /** The same scenario with another observation (null for none). */
    public Scenario withObservation(ObservationSpec o) {
        return new Scenario(title, description, target, schedule, samplers, steps, particles, seed, guidance, o, scoreError);
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

    /** A scenario without guidance. */
    public Scenario(String title, String description, TargetSpec target, ScheduleSpec schedule, List<SamplerSpec> samplers, int steps,
            int particles, long seed) {
        this(title, description, target, schedule, samplers, steps, particles, seed, (GuidanceSpec) null);
    }

    /** The same scenario with another score error (null: the exact score). */
    public Scenario withScoreError(org.scorescope.score.ScoreError e) {
        return new Scenario(title, description, target, schedule, samplers, steps, particles, seed, guidance, observation, e);
    }

    /**
     * Guidance of every sampler toward class c with strength w (003 Part 4): the samplers see the
     * score ∇log p(x|c) + w ∇log p(c|x); see {@link GuidanceScenario}.
     *
     * @param classId the class c, one of the target's class ids
     * @param w the strength, finite and ≥ 0 (0: plain conditional sampling)
     * @param from lower end of the guidance interval in ᾱ (0 when none)
     * @param to upper end (1 when none)
     */
    public record GuidanceSpec(int classId, double w, double from, double to) {
        /** Guidance at every level. */
        public static GuidanceSpec of(int classId, double w) {
            return new GuidanceSpec(classId, w, 0, 1);
        }

        /** Whether an interval narrower than [0, 1] is set. */
        public boolean hasInterval() {
            return from != 0 || to != 1;
        }
    }

    /** The same scenario with other guidance (null: none). */
    public Scenario withGuidance(GuidanceSpec g) {
        return new Scenario(title, description, target, schedule, samplers, steps, particles, seed, g, observation, scoreError);
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
     * @param classes a class id per component (beside {@code weights}), or null: the preset's own classes, if any
     * @param placement training points drawn from the target and the frame of its embedding (issue 16), or null
     */
    public record TargetSpec(String preset, String type, double[] weights, double[][] means, double[][][] covariances,
            double[][] lo, double[][] hi, int embed, int[] classes, Placement placement) {
        /** A target without a placement. */
        public TargetSpec(String preset, String type, double[] weights, double[][] means, double[][][] covariances, double[][] lo,
                double[][] hi, int embed, int[] classes) {
            this(preset, type, weights, means, covariances, lo, hi, embed, classes, null);
        }

        /** A target without explicit classes. */
        public TargetSpec(String preset, String type, double[] weights, double[][] means, double[][][] covariances, double[][] lo,
                double[][] hi, int embed) {
            this(preset, type, weights, means, covariances, lo, hi, embed, null);
        }

        /** A preset target. */
        public static TargetSpec preset(String id) {
            return new TargetSpec(id, null, null, null, null, null, null, 0);
        }
    }

    /**
     * Where the target goes (issue 16, {@link ImperfectScenario}): first n training points may be drawn
     * from it (the empirical, memorising target), then {@code embed} places it in R^d by a frame.
     *
     * @param frame "axes" (zero padding, the default) or "random"
     * @param frameSeed seed of a random frame
     * @param normalVariance data variance off the plane (0: rank k)
     * @param training number of training points, 0 for none
     * @param trainingSeed seed of their draw
     */
    public record Placement(String frame, long frameSeed, double normalVariance, int training, long trainingSeed) {
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
        /** Copies the map, keeping its order (a file written again keeps its fields in place). */
        public ScheduleSpec {
            params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
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
        /** Copies the map, keeping its order (a file written again keeps its fields in place). */
        public SamplerSpec {
            params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
        }

        /** A sampler with default parameters. */
        public static SamplerSpec of(String id) {
            return new SamplerSpec(id, Map.of());
        }
    }

    /** The same scenario under another title and paragraph: every other field (guidance, observation, score error) kept. */
    public Scenario retitled(String newTitle, String newDescription) {
        return new Scenario(newTitle, newDescription, target, schedule, samplers, steps, particles, seed, guidance, observation, scoreError);
    }

    /** The same scenario with other values for the fields a user overrides most. */
    public Scenario with(TargetSpec target, ScheduleSpec schedule, List<SamplerSpec> samplers, Integer steps,
            Integer particles, Long seed) {
        return new Scenario(title, description, target != null ? target : this.target,
                schedule != null ? schedule : this.schedule, samplers != null ? samplers : this.samplers,
                steps != null ? steps : this.steps, particles != null ? particles : this.particles,
                seed != null ? seed : this.seed, guidance, observation, scoreError);
    }
}
