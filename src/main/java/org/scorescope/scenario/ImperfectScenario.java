package org.scorescope.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.scorescope.distribution.EmbeddedTarget;
import org.scorescope.distribution.EmpiricalTarget;
import org.scorescope.distribution.FramedTarget;
import org.scorescope.distribution.GaussianMixture;
import org.scorescope.distribution.OrthonormalFrame;
import org.scorescope.distribution.Target;
import org.scorescope.score.ExactScore;
import org.scorescope.score.PerturbedScore;
import org.scorescope.score.ScoreError;
import org.scorescope.score.ScoreFunction;

/**
 * The issue-16 fields of a scenario (docs/imperfect-scores.md): reading and writing them with
 * messages that name the field, placing the target (training points, embedding by a frame), and the
 * score the samplers see.
 *
 * <pre>
 *  "target": {"preset": "ring8", "training": {"n": 64, "seed": 7}}                       (the empirical, memorising target)
 *  "target": {"preset": "gaussian", "embed": 512, "frame": "random", "frameSeed": 1, "normalVariance": 0.8}
 *  "scoreError": {"type": "field", "size": 0.1, "frequency": 3, "features": 32, "seed": 1}   (or bias with "direction": [...])
 * </pre>
 * {@code embed} alone keeps its old meaning, zero padding ({@code "frame": "axes"}).
 */
public final class ImperfectScenario {
    private static final java.util.List<String> ERROR_FIELDS = java.util.List.of("type", "size", "frequency", "features", "seed", "direction");

    private ImperfectScenario() {
    }

    /** The {@code scoreError} object (checked against {@link ScenarioJson#SCORE_ERROR}), or null when absent. */
    static ScoreError readScoreError(JsonNode n) {
        if (n == null) {
            return null;
        }
        Schema.Values v = ScenarioJson.SCORE_ERROR.read(n, "scoreError", "a score error");
        String type = v.text("type");
        if (v.has("frequency") && !type.equals("field")) {
            throw new ScenarioException("scoreError.frequency", "'frequency' is for field errors only; the type is '" + type + "'");
        }
        if (v.has("features") && !type.equals("field")) {
            throw new ScenarioException("scoreError.features", "'features' is for field errors only; the type is '" + type + "'");
        }
        if (v.has("direction") && !type.equals("bias")) {
            throw new ScenarioException("scoreError.direction", "'direction' is for bias errors only; the type is '" + type + "'");
        }
        try {
            return new ScoreError(type, v.number("size"), v.number("frequency"), (int) v.whole("features"), v.whole("seed"),
                    v.numbers("direction"));
        } catch (IllegalArgumentException e) {
            throw new ScenarioException("scoreError." + fieldOf(e.getMessage()), e.getMessage());
        }
    }

    /** The frame, normal variance and training points of a checked target object, or null when it has none. */
    static Scenario.Placement readPlacement(Schema.Values v) {
        boolean framing = v.has("frame") || v.has("frameSeed") || v.has("normalVariance");
        if (!framing && !v.has("training")) {
            return null;
        }
        if (framing && !v.has("embed")) {
            String f = v.has("frame") ? "frame" : v.has("frameSeed") ? "frameSeed" : "normalVariance";
            throw new ScenarioException("target." + f, "needs \"embed\": d, the ambient dimension (--embed D)");
        }
        String frame = v.has("frame") ? v.text("frame") : "axes";
        if (v.has("frameSeed") && !frame.equals("random")) {
            throw new ScenarioException("target.frameSeed", "only a random frame has a seed (frame 'random', --frame random)");
        }
        long frameSeed = v.has("frameSeed") ? v.whole("frameSeed") : 1;
        double rest = v.has("normalVariance") ? v.number("normalVariance") : 0;
        int training = 0;
        long trainingSeed = 1;
        if (v.has("training")) {
            Schema.Values t = ScenarioJson.TRAINING.read(v.node("training"), v.path("training"), "training points");
            training = (int) t.whole("n");
            trainingSeed = t.whole("seed");
        }
        return new Scenario.Placement(frame, frameSeed, rest, training, trainingSeed);
    }

    /** The largest {@code embed}. */
    static int maxEmbed() {
        return FramedTarget.MAX_DIM;
    }

    /**
     * The target with its training points drawn and its embedding applied.
     *
     * @throws ScenarioException naming {@code target.training.n} or {@code target.embed}
     */
    static Target place(Scenario.TargetSpec t, Target base) {
        Scenario.Placement p = t.placement();
        Target out = base;
        if (p != null && p.training() > 0) {
            try {
                out = new EmpiricalTarget(base, p.training(), p.trainingSeed());
            } catch (IllegalArgumentException e) {
                throw new ScenarioException("target.training.n", e.getMessage());
            }
        }
        boolean framed = p != null && (p.frame().equals("random") || p.normalVariance() > 0);
        if (t.embed() > 0 && (t.embed() != out.dim() || framed)) {
            int k = out.dim();
            if (t.embed() < k || t.embed() > FramedTarget.MAX_DIM) {
                throw new ScenarioException("target.embed", "must be in " + k + ".." + FramedTarget.MAX_DIM + " (the ambient dimension d is at least the "
                        + "target's dimension " + k + "), was " + t.embed());
            }
            if (!framed && t.embed() <= GaussianMixture.MAX_DIM) {
                return new EmbeddedTarget(out, t.embed());
            }
            OrthonormalFrame f = p != null && p.frame().equals("random") ? OrthonormalFrame.random(t.embed(), k, p.frameSeed())
                    : OrthonormalFrame.axes(t.embed(), k);
            return new FramedTarget(out, f, p == null ? 0 : p.normalVariance());
        }
        return out;
    }

    /** The score every sampler sees: the exact one, with the scenario's error if it has one. */
    static ScoreFunction score(Scenario s, Target target, ScoreFunction exact) {
        if (s.scoreError() == null) {
            return exact;
        }
        if (s.guidance() != null) {
            throw new ScenarioException("scoreError", "cannot be combined with guidance yet");
        }
        try {
            return new PerturbedScore(exact, target, s.scoreError());
        } catch (IllegalArgumentException e) {
            throw new ScenarioException("scoreError." + fieldOf(e.getMessage()), e.getMessage());
        }
    }

    /** The samplers that evaluate every particle at its own level (they call {@code scoreLevels}). */
    private static final java.util.List<String> LEVEL_PER_PARTICLE = java.util.List.of("rand-midpoint");

    /**
     * Refuses a field error of non-zero size with a sampler that draws a level per particle: the
     * field is normalised exactly per level, which would cost that normalisation per particle.
     *
     * @param field the field or flag named in the message
     */
    public static void checkLevels(ScoreError e, java.util.List<Scenario.SamplerSpec> samplers, String field) {
        if (e == null || !e.type().equals("field") || e.size() == 0) {
            return;
        }
        for (Scenario.SamplerSpec sp : samplers) {
            if (LEVEL_PER_PARTICLE.contains(sp.id())) {
                throw new ScenarioException(field, "field errors are normalised per noise level; " + sp.id()
                        + " draws a level per particle and cannot use them (use bias, scale or noise-level, or another sampler)");
            }
        }
    }

    /** Builds the score once so that a bad error fails validation. */
    static void validate(Scenario s) {
        Scenario.Placement p = s.target().placement();
        if (p != null && p.training() > 0 && s.guidance() != null) {
            throw new ScenarioException("target.training", "training points cannot be combined with guidance yet");
        }
        if (s.observation() != null && s.scoreError() != null) {
            throw new ScenarioException("scoreError", "cannot be combined with an observation yet");
        }
        if (s.observation() != null && p != null && p.training() > 0) {
            throw new ScenarioException("target.training", "training points cannot be combined with an observation yet");
        }
        checkLevels(s.scoreError(), s.samplers(), "scoreError");
        if (s.scoreError() != null) {
            Target t = ScenarioBuilder.target(s.target());
            score(s, t, new ExactScore(t));
        }
    }

    /** Writes the placement into a target object. */
    static void writePlacement(ObjectNode tn, Scenario.Placement p) {
        if (p == null) {
            return;
        }
        if (!p.frame().equals("axes")) {
            tn.put("frame", p.frame());
            tn.put("frameSeed", p.frameSeed());
        }
        if (p.normalVariance() != 0) {
            tn.put("normalVariance", p.normalVariance());
        }
        if (p.training() > 0) {
            ObjectNode t = tn.putObject("training");
            t.put("n", p.training());
            t.put("seed", p.trainingSeed());
        }
    }

    /** Writes the {@code scoreError} object. */
    static void writeScoreError(ObjectNode root, ScoreError e) {
        if (e == null) {
            return;
        }
        ObjectNode n = root.putObject("scoreError");
        n.put("type", e.type());
        n.put("size", e.size());
        if (e.type().equals("field")) {
            n.put("frequency", e.frequency());
            n.put("features", e.features());
        }
        n.put("seed", e.seed());
        if (e.direction() != null) {
            var a = n.putArray("direction");
            for (double v : e.direction()) {
                a.add(v);
            }
        }
    }

    private static String fieldOf(String message) {
        for (String f : ERROR_FIELDS) {
            if (message != null && message.startsWith(f)) {
                return f;
            }
        }
        return "type";
    }
}
