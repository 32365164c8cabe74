package org.scorescope.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Set;
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
    private static final Set<String> ERROR_FIELDS = Set.of("type", "size", "frequency", "features", "seed", "direction");
    private static final Set<String> TRAINING_FIELDS = Set.of("n", "seed");

    private ImperfectScenario() {
    }

    /** The {@code scoreError} object, or null when absent. */
    static ScoreError readScoreError(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isObject()) {
            throw new ScenarioException("scoreError", "must be an object {\"type\": ..., \"size\": ...}");
        }
        for (Iterator<String> it = n.fieldNames(); it.hasNext();) {
            String f = it.next();
            if (!ERROR_FIELDS.contains(f)) {
                throw new ScenarioException("scoreError." + f, "unknown field; allowed: " + String.join(", ", ERROR_FIELDS));
            }
        }
        if (!n.has("type") || !n.get("type").isTextual()) {
            throw new ScenarioException("scoreError.type", "is required: one of " + String.join(", ", ScoreError.TYPES));
        }
        double[] direction = null;
        if (n.has("direction")) {
            JsonNode d = n.get("direction");
            if (!d.isArray() || d.isEmpty()) {
                throw new ScenarioException("scoreError.direction", "must be a non-empty array of numbers");
            }
            direction = new double[d.size()];
            for (int i = 0; i < direction.length; i++) {
                direction[i] = number(d.get(i), "scoreError.direction[" + i + "]");
            }
        }
        try {
            return new ScoreError(n.get("type").asText(), n.has("size") ? number(n.get("size"), "scoreError.size") : require("scoreError.size"),
                    n.has("frequency") ? number(n.get("frequency"), "scoreError.frequency") : 1,
                    n.has("features") ? (int) whole(n.get("features"), "scoreError.features") : ScoreError.DEFAULT_FEATURES,
                    n.has("seed") ? whole(n.get("seed"), "scoreError.seed") : 1, direction);
        } catch (IllegalArgumentException e) {
            throw new ScenarioException("scoreError." + fieldOf(e.getMessage()), e.getMessage());
        }
    }

    private static double require(String field) {
        throw new ScenarioException(field, "is required (a number >= 0)");
    }

    /** The frame, normal variance and training points of a target object, or null when it has none. */
    static Scenario.Placement readPlacement(JsonNode n) {
        boolean any = n.has("frame") || n.has("frameSeed") || n.has("normalVariance") || n.has("training");
        if (!any) {
            return null;
        }
        String frame = "axes";
        if (n.has("frame")) {
            frame = n.get("frame").asText("");
            if (!frame.equals("axes") && !frame.equals("random")) {
                throw new ScenarioException("target.frame", "must be 'axes' or 'random', was " + n.get("frame"));
            }
        }
        long frameSeed = n.has("frameSeed") ? whole(n.get("frameSeed"), "target.frameSeed") : 1;
        double rest = n.has("normalVariance") ? number(n.get("normalVariance"), "target.normalVariance") : 0;
        if (!(rest >= 0) || rest > 1e6) {
            throw new ScenarioException("target.normalVariance", "must be a number in 0..1e6, was " + rest);
        }
        if ((n.has("frame") || n.has("frameSeed") || n.has("normalVariance")) && !n.has("embed")) {
            throw new ScenarioException(n.has("frame") ? "target.frame" : n.has("frameSeed") ? "target.frameSeed" : "target.normalVariance",
                    "needs \"embed\": d");
        }
        int training = 0;
        long trainingSeed = 1;
        if (n.has("training")) {
            JsonNode t = n.get("training");
            if (!t.isObject()) {
                throw new ScenarioException("target.training", "must be an object {\"n\": ..., \"seed\": ...}");
            }
            for (Iterator<String> it = t.fieldNames(); it.hasNext();) {
                String f = it.next();
                if (!TRAINING_FIELDS.contains(f)) {
                    throw new ScenarioException("target.training." + f, "unknown field; allowed: n, seed");
                }
            }
            if (!t.has("n")) {
                throw new ScenarioException("target.training.n", "is required");
            }
            long k = whole(t.get("n"), "target.training.n");
            if (k < 1 || k > EmpiricalTarget.MAX_POINTS) {
                throw new ScenarioException("target.training.n", "must be in 1.." + EmpiricalTarget.MAX_POINTS + ", was " + k);
            }
            training = (int) k;
            trainingSeed = t.has("seed") ? whole(t.get("seed"), "target.training.seed") : 1;
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
                throw new ScenarioException("target.embed", "must be in " + k + ".." + FramedTarget.MAX_DIM + " (at least the target's dimension "
                        + k + "), was " + t.embed());
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

    /** Builds the score once so that a bad error fails validation. */
    static void validate(Scenario s) {
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

    private static double number(JsonNode n, String field) {
        if (n == null || !n.isNumber()) {
            throw new ScenarioException(field, "must be a number, was " + n);
        }
        double v = n.asDouble();
        if (!Double.isFinite(v)) {
            throw new ScenarioException(field, "must be finite, was " + v);
        }
        return v;
    }

    private static long whole(JsonNode n, String field) {
        if (n == null || !n.isIntegralNumber() || !n.canConvertToLong() || n.asLong() < 0) {
            throw new ScenarioException(field, "must be a whole number >= 0, was " + n);
        }
        return n.asLong();
    }
}
