package org.scorescope.scenario;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.scorescope.distribution.ClassMixture;
import org.scorescope.distribution.Presets;
import org.scorescope.distribution.Target;
import org.scorescope.score.GuidedScore;
import org.scorescope.score.ScoreFunction;

/**
 * The class labels and the guidance of a scenario (003 Part 4): writing the fields
 * {@code target.classes} and {@code guidance} (they are read through {@link ScenarioJson}'s schemas),
 * checking them against each other with messages that name the field, and
 * what a guided run samples: the conditional law p(x | c) as the run's target (so the live TV is to
 * it) and the guided score as its score model.
 *
 * <pre>
 *  "target": {"type": "gaussian-mixture", "weights": [...], ..., "classes": [0, 1, 0, 1]}   (or a preset with classes)
 *  "guidance": {"class": 1, "w": 3, "interval": [0.1, 0.9]}   (interval in ᾱ, optional)
 * </pre>
 */
public final class GuidanceScenario {
    private GuidanceScenario() {
    }

    /** The presets that carry classes, for messages. */
    public static List<String> classedPresets() {
        return Presets.ids().stream().filter(id -> Presets.classes(id) != null).toList();
    }

    /**
     * The labelled target: the explicit {@code classes}, else the preset's own, else null (no classes).
     *
     * @throws ScenarioException naming {@code target.classes}
     */
    public static ClassMixture classes(Scenario.TargetSpec t) {
        int[] labels = t.classes() != null ? t.classes() : t.preset() != null ? Presets.classes(t.preset()) : null;
        if (labels == null) {
            return null;
        }
        if (t.embed() > 0) {
            throw new ScenarioException("target.classes", "classes cannot be combined with embed");
        }
        Target target = ScenarioBuilder.target(t);
        try {
            return ClassMixture.of(target, labels);
        } catch (IllegalArgumentException e) {
            String m = e.getMessage();
            if (m.startsWith("classes[")) {
                throw new ScenarioException("target." + m.substring(0, m.indexOf(']') + 1), m.substring(m.indexOf(']') + 2));
            }
            throw new ScenarioException("target.classes", m.startsWith("classes ") ? m.substring(8) : m);
        }
    }

    /**
     * Checks the classes and the guidance together.
     *
     * @throws ScenarioException naming {@code target.classes}, {@code guidance}, {@code guidance.class},
     *     {@code guidance.w} or {@code guidance.interval}
     */
    public static void validate(Scenario s) {
        ClassMixture m = classes(s.target());
        Scenario.GuidanceSpec g = s.guidance();
        if (g == null) {
            return;
        }
        if (m == null) {
            throw new ScenarioException("guidance", "the target has no classes; give target.classes or use a preset with classes ("
                    + String.join(", ", classedPresets()) + ")");
        }
        check(m, g, "guidance.class", "guidance.w", "guidance.interval");
    }

    /** Checks one guidance against a labelled target, naming the given fields. */
    static void check(ClassMixture m, Scenario.GuidanceSpec g, String classField, String wField, String intervalField) {
        if (!m.has(g.classId())) {
            throw new ScenarioException(classField, "class " + g.classId() + " is not one of the target's classes "
                    + java.util.Arrays.toString(m.classIds()));
        }
        if (!(g.w() >= 0) || !Double.isFinite(g.w())) {
            throw new ScenarioException(wField, "must be a finite number >= 0, was " + g.w());
        }
        if (!(g.from() >= 0 && g.from() < g.to() && g.to() <= 1)) {
            throw new ScenarioException(intervalField, "must be [a, b] with 0 <= a < b <= 1 (levels alpha-bar), was ["
                    + g.from() + ", " + g.to() + "]");
        }
    }

    /**
     * What a run of the scenario samples: its own target with the exact score, or, with guidance, the
     * conditional p(x | c) with the guided score.
     *
     * @param target the run's target (the law its metrics compare to)
     * @param score the score model its samplers see
     */
    public record Sampled(Target target, ScoreFunction score) {
    }

    /** The target and score model of a run; see {@link Sampled}. */
    public static Sampled sampled(Scenario s, Target target) {
        if (s.guidance() == null) {
            return new Sampled(target, new org.scorescope.score.ExactScore(target));
        }
        validate(s);
        ClassMixture m = classes(s.target());
        Scenario.GuidanceSpec g = s.guidance();
        return new Sampled(m.conditional(g.classId()), new GuidedScore(m, g.classId(), g.w(), g.from(), g.to()));
    }

    /** A sampler's label with the guidance, e.g. "ddpm · class 1, w = 3". */
    public static String label(String sampler, Scenario.GuidanceSpec g) {
        if (g == null) {
            return sampler;
        }
        return sampler + " · class " + g.classId() + ", w = " + number(g.w())
                + (g.hasInterval() ? " on [" + number(g.from()) + ", " + number(g.to()) + "]" : "");
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v) : Double.toString(v);
    }

    /** Writes {@code guidance} into the scenario's JSON object. */
    static void write(ObjectNode root, Scenario.GuidanceSpec g) {
        if (g == null) {
            return;
        }
        ObjectNode o = root.putObject("guidance");
        o.put("class", g.classId());
        o.put("w", g.w());
        if (g.hasInterval()) {
            ArrayNode a = o.putArray("interval");
            a.add(g.from());
            a.add(g.to());
        }
    }
}
