package org.scorescope.scenario;

import java.util.ArrayList;
import java.util.List;
import org.scorescope.engine.RunSpec;
import org.scorescope.engine.SamplerSlot;
import org.scorescope.sampler.Sampler;
import org.scorescope.sampler.SamplerRegistry;
import org.scorescope.schedule.Grid;
import org.scorescope.schedule.Schedule;
import org.scorescope.schedule.Schedules;
import org.scorescope.distribution.BoxMixture;
import org.scorescope.distribution.GaussianMixture;
import org.scorescope.distribution.Presets;
import org.scorescope.distribution.Target;

/**
 * Turns a {@link Scenario} into model objects, translating every model complaint into a
 * {@link ScenarioException} that names the scenario field.
 */
public final class ScenarioBuilder {
    private ScenarioBuilder() {
    }

    /**
     * Checks a scenario made in code (the application's editor) through the same validation as a
     * file: its JSON form is read back through {@link ScenarioJson}.
     *
     * @throws ScenarioException naming the first bad field by its JSON path
     */
    public static void validate(Scenario s) {
        ScenarioJson.fromTree(ScenarioJson.tree(s));
    }

    /** Builds every model object once, so that a bad scenario fails here and not halfway through a run. */
    static void checkModels(Scenario s) {
        target(s.target());
        GuidanceScenario.validate(s);
        ImperfectScenario.validate(s);
        grid(s);
        samplers(s);
    }

    /** The prior, observation and exact posterior of a scenario with an observation, else null. */
    public static org.scorescope.inverse.InverseProblem problem(Scenario s) {
        if (s.observation() != null && s.guidance() != null) {
            throw new ScenarioException("observation", "cannot be combined with guidance: give one of them");
        }
        return s.observation() == null ? null : s.observation().problem(target(s.target()), s.seed());
    }

    /** The target. */
    public static Target target(Scenario.TargetSpec t) {
        Target base;
        try {
            if (t.preset() != null) {
                base = Presets.get(t.preset());
            } else if ("gaussian-mixture".equals(t.type())) {
                base = new GaussianMixture(t.weights(), t.means(), t.covariances());
            } else if ("mixture".equals(t.type())) {
                base = mixed(t);
            } else {
                base = new BoxMixture(t.weights(), t.lo(), t.hi());
            }
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException | NullPointerException e) {
            String suffix = t.preset() != null ? "" : fieldOf(e.getMessage(), TARGET_FIELDS);
            throw new ScenarioException("target" + suffix, withoutField(e.getMessage(), suffix));
        }
        return ImperfectScenario.place(t, base);
    }

    private static final List<String> TARGET_FIELDS = List.of("weights", "means", "covariances", "lo", "hi");

    /** Gaussians (weights first) and boxes (weights after them) in one exact target. */
    private static Target mixed(Scenario.TargetSpec t) {
        int kg = t.means() == null ? 0 : t.means().length;
        int kb = t.lo() == null ? 0 : t.lo().length;
        if (t.weights().length != kg + kb) {
            throw new IllegalArgumentException("weights must have one entry per Gaussian and per box (" + (kg + kb) + "), had " + t.weights().length);
        }
        java.util.List<Target> parts = new java.util.ArrayList<>();
        java.util.List<Double> w = new java.util.ArrayList<>();
        if (kg > 0) {
            double[] wg = java.util.Arrays.copyOfRange(t.weights(), 0, kg);
            parts.add(new GaussianMixture(wg, t.means(), t.covariances()));
            w.add(java.util.Arrays.stream(wg).sum());
        }
        if (kb > 0) {
            double[] wb = java.util.Arrays.copyOfRange(t.weights(), kg, kg + kb);
            parts.add(new BoxMixture(wb, t.lo(), t.hi()));
            w.add(java.util.Arrays.stream(wb).sum());
        }
        return new org.scorescope.distribution.CompositeTarget(parts.toArray(new Target[0]), w.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /**
     * The JSON path suffix a model message starts with: "covariances[2] must be symmetric" gives
     * ".covariances[2]"; "" when it names none of {@code names}.
     */
    static String fieldOf(String message, List<String> names) {
        if (message == null) {
            return "";
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^([A-Za-z0-9]+)((\\[\\d+\\])*)").matcher(message);
        if (m.find() && names.contains(m.group(1))) {
            return "." + m.group(1) + m.group(2);
        }
        return "";
    }

    /** The message without the field name it starts with (the exception names the field already). */
    private static String withoutField(String message, String suffix) {
        String m = String.valueOf(message);
        return !suffix.isEmpty() && m.startsWith(suffix.substring(1)) ? m.substring(suffix.length() - 1).trim() : m;
    }

    /** The schedule. */
    public static Schedule schedule(Scenario.ScheduleSpec spec) {
        try {
            return Schedules.create(spec.id(), spec.params(), spec.spacing(), spec.values());
        } catch (IllegalArgumentException e) {
            String suffix = spec.values() != null ? ".values" : fieldOf(e.getMessage(), List.copyOf(spec.params().keySet()));
            throw new ScenarioException("schedule" + suffix, withoutField(e.getMessage(), suffix));
        }
    }

    /** The grid of T steps. */
    public static Grid grid(Scenario s) {
        Schedule schedule = schedule(s.schedule());
        try {
            return schedule.grid(s.steps());
        } catch (IllegalArgumentException e) {
            throw new ScenarioException("steps", e.getMessage());
        }
    }

    /** The samplers. */
    public static List<Sampler> samplers(Scenario s) {
        return samplers(s, problem(s));
    }

    /** The samplers, the inverse-problem ones built with the scenario's observation. */
    public static List<Sampler> samplers(Scenario s, org.scorescope.inverse.InverseProblem problem) {
        List<Sampler> out = new ArrayList<>();
        for (int i = 0; i < s.samplers().size(); i++) {
            Scenario.SamplerSpec sp = s.samplers().get(i);
            try {
                out.add(SamplerRegistry.create(sp.id(), sp.params(), problem));
            } catch (IllegalArgumentException e) {
                String suffix = fieldOf(e.getMessage(), List.copyOf(sp.params().keySet()));
                throw new ScenarioException("samplers[" + i + "]" + suffix, withoutField(e.getMessage(), suffix));
            }
        }
        return out;
    }

    /** A run of all the scenario's samplers, from N(0, I) or from the given initial particles. */
    public static RunSpec run(Scenario s, double[][] initial) {
        Target target = target(s.target());
        org.scorescope.inverse.InverseProblem problem = problem(s);
        List<SamplerSlot> slots = new ArrayList<>();
        List<Sampler> built = samplers(s, problem);
        for (int i = 0; i < built.size(); i++) {
            // Captions, figures, legends and data files all name a sampler by its canonical id with every
            // parameter (lagrange:K=3:R=2:anchors=0), the id the CSV/JSON outputs and the rate study write.
            SamplerSlot slot = SamplerSlot.of(built.get(i));
            slots.add(new SamplerSlot(slot.sampler(), GuidanceScenario.label(slot.label(), s.guidance()), slot.noiseKey()));
        }
        if (problem != null) {
            // the samplers' model is the prior's score; the truth every metric compares with is the posterior
            return new RunSpec(problem.posterior(), new org.scorescope.score.ExactScore(target), grid(s), slots, s.particles(), s.seed(), initial);
        }
        GuidanceScenario.Sampled sampled = GuidanceScenario.sampled(s, target);
        return new RunSpec(sampled.target(), ImperfectScenario.score(s, sampled.target(), sampled.score()), grid(s), slots, s.particles(),
                s.seed(), initial);
    }
}
