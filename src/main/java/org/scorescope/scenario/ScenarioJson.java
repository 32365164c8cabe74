package org.scorescope.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and writes scenario files (JSON). Reading validates every field and throws a
 * {@link ScenarioException} naming the first bad one; it never returns a half-read scenario.
 *
 * <pre>
 * {"title": "...", "description": "...",
 *  "target": "ring8"  or  {"type": "gaussian-mixture", "weights": [...], "means": [[...]], "covariances": [[[...]]]}
 *                     or  {"type": "box-mixture", "weights": [...], "lo": [[...]], "hi": [[...]]}
 *                     or  {"type": "mixture", "weights": [Gaussians..., boxes...], "means", "covariances", "lo", "hi"}  (optional "embed": d),
 *  "schedule": "linear"  or  {"id": "vp-continuous", "spacing": "logsnr", "beta0": 0.1}  or  {"id": "custom", "values": [...]},
 *  "samplers": ["ddpm", {"id": "ddim-eta", "eta": 0.5}],
 *  "steps": 20, "particles": 20000, "seed": 1,
 *  "guidance": {"class": 1, "w": 3},   (optional; the target's components need "classes", see GuidanceScenario)
 *  "scoreError": {"type": "bias", "size": 0.1}}   (optional; and target "training", "frame", "normalVariance": see ImperfectScenario)
 * </pre>
 */
public final class ScenarioJson {
    /** NaN and Infinity are read as numbers so that the message can name the field that holds one. */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();
    private static final Set<String> TOP = Set.of("title", "description", "target", "schedule", "samplers", "steps", "particles", "seed",
            "guidance", "scoreError");

    private ScenarioJson() {
    }

    /** Reads a scenario file. */
    public static Scenario read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ScenarioException("file", "cannot read '" + file + "': " + e.getMessage());
        }
        return parse(text);
    }

    /** Parses and validates scenario JSON. */
    public static Scenario parse(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ScenarioException("file", "not valid JSON (" + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new ScenarioException("file", "must be a JSON object with the fields " + String.join(", ", TOP));
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext();) {
            String f = it.next();
            if (!TOP.contains(f)) {
                throw new ScenarioException(f, "unknown field; allowed: " + String.join(", ", TOP));
            }
        }
        String title = root.path("title").asText("");
        String description = root.path("description").asText("");
        Scenario.TargetSpec target = target(require(root, "target"));
        Scenario.ScheduleSpec schedule = root.has("schedule") ? schedule(root.get("schedule")) : Scenario.ScheduleSpec.of("linear");
        List<Scenario.SamplerSpec> samplers = samplers(require(root, "samplers"));
        int steps = (int) integer(root, "steps", 1, Scenario.MAX_STEPS, 20);
        int particles = (int) integer(root, "particles", 1, Scenario.MAX_PARTICLES, 20_000);
        long seed = integer(root, "seed", 0, Long.MAX_VALUE, 1);
        Scenario s = new Scenario(title, description, target, schedule, samplers, steps, particles, seed,
                GuidanceScenario.readGuidance(root.get("guidance")), ImperfectScenario.readScoreError(root.get("scoreError")));
        ScenarioBuilder.validate(s);
        return s;
    }

    private static JsonNode require(JsonNode root, String field) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            throw new ScenarioException(field, "is required");
        }
        return n;
    }

    private static long integer(JsonNode root, String field, long min, long max, long dflt) {
        JsonNode n = root.get(field);
        if (n == null) {
            return dflt;
        }
        if (!n.isIntegralNumber() || !n.canConvertToLong()) {
            throw new ScenarioException(field, "must be a whole number in " + min + ".." + max + ", was " + n);
        }
        long v = n.asLong();
        if (v < min || v > max) {
            throw new ScenarioException(field, "must be in " + min + ".." + max + ", was " + v);
        }
        return v;
    }

    private static Scenario.TargetSpec target(JsonNode n) {
        if (n.isTextual()) {
            return Scenario.TargetSpec.preset(n.asText());
        }
        if (!n.isObject()) {
            throw new ScenarioException("target", "must be a preset id or an object with a \"type\"");
        }
        int embed;
        try {
            embed = n.has("embed") ? (int) integer(n, "embed", 1, ImperfectScenario.maxEmbed(), 0) : 0;
        } catch (ScenarioException e) {
            throw new ScenarioException("target.embed", e.getMessage().substring("embed: ".length()));
        }
        int[] classes = n.has("classes") ? GuidanceScenario.readClasses(n.get("classes")) : null;
        Scenario.Placement placement = ImperfectScenario.readPlacement(n);
        if (n.has("preset")) {
            return new Scenario.TargetSpec(n.get("preset").asText(), null, null, null, null, null, null, embed, classes, placement);
        }
        String type = n.path("type").asText("");
        double[] w = vector(n.get("weights"), "target.weights");
        switch (type) {
            case "gaussian-mixture":
                return new Scenario.TargetSpec(null, type, w, matrix(n.get("means"), "target.means"),
                        tensor(n.get("covariances"), "target.covariances"), null, null, embed, classes, placement);
            case "box-mixture":
                return new Scenario.TargetSpec(null, type, w, null, null, matrix(n.get("lo"), "target.lo"),
                        matrix(n.get("hi"), "target.hi"), embed, classes, placement);
            case "mixture":
                return new Scenario.TargetSpec(null, type, w, n.has("means") ? matrix(n.get("means"), "target.means") : null,
                        n.has("covariances") ? tensor(n.get("covariances"), "target.covariances") : null,
                        n.has("lo") ? matrix(n.get("lo"), "target.lo") : null, n.has("hi") ? matrix(n.get("hi"), "target.hi") : null, embed, classes, placement);
            default:
                throw new ScenarioException("target.type", "must be 'gaussian-mixture', 'box-mixture' or 'mixture', was '" + type + "'");
        }
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

    private static double[] vector(JsonNode n, String field) {
        if (n == null || !n.isArray() || n.isEmpty()) {
            throw new ScenarioException(field, "must be a non-empty array of numbers");
        }
        double[] v = new double[n.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = number(n.get(i), field + "[" + i + "]");
        }
        return v;
    }

    private static double[][] matrix(JsonNode n, String field) {
        if (n == null || !n.isArray() || n.isEmpty()) {
            throw new ScenarioException(field, "must be a non-empty array of arrays");
        }
        double[][] m = new double[n.size()][];
        for (int i = 0; i < m.length; i++) {
            m[i] = vector(n.get(i), field + "[" + i + "]");
        }
        return m;
    }

    private static double[][][] tensor(JsonNode n, String field) {
        if (n == null || !n.isArray() || n.isEmpty()) {
            throw new ScenarioException(field, "must be a non-empty array of matrices");
        }
        double[][][] m = new double[n.size()][][];
        for (int i = 0; i < m.length; i++) {
            m[i] = matrix(n.get(i), field + "[" + i + "]");
        }
        return m;
    }

    private static Scenario.ScheduleSpec schedule(JsonNode n) {
        if (n.isTextual()) {
            return Scenario.ScheduleSpec.of(n.asText());
        }
        if (!n.isObject() || !n.has("id")) {
            throw new ScenarioException("schedule", "must be a schedule id or an object with an \"id\"");
        }
        Map<String, Double> params = new LinkedHashMap<>();
        String spacing = null;
        double[] values = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            switch (e.getKey()) {
                case "id":
                    break;
                case "spacing":
                    spacing = e.getValue().asText();
                    break;
                case "values":
                    values = vector(e.getValue(), "schedule.values");
                    break;
                default:
                    params.put(e.getKey(), number(e.getValue(), "schedule." + e.getKey()));
            }
        }
        return new Scenario.ScheduleSpec(n.get("id").asText(), params, spacing, values);
    }

    private static List<Scenario.SamplerSpec> samplers(JsonNode n) {
        if (!n.isArray() || n.isEmpty() || n.size() > Scenario.MAX_SAMPLERS) {
            throw new ScenarioException("samplers", "must be an array of 1.." + Scenario.MAX_SAMPLERS + " sampler ids or objects");
        }
        List<Scenario.SamplerSpec> out = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
            JsonNode s = n.get(i);
            String field = "samplers[" + i + "]";
            if (s.isTextual()) {
                out.add(Scenario.SamplerSpec.of(s.asText()));
            } else if (s.isObject() && s.has("id")) {
                Map<String, Double> params = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = s.fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (!e.getKey().equals("id")) {
                        params.put(e.getKey(), number(e.getValue(), field + "." + e.getKey()));
                    }
                }
                out.add(new Scenario.SamplerSpec(s.get("id").asText(), params));
            } else {
                throw new ScenarioException(field, "must be a sampler id or an object with an \"id\"");
            }
        }
        return out;
    }

    /** The scenario as pretty-printed JSON that {@link #parse} reads back to an equal scenario. */
    public static String write(Scenario s) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("title", s.title());
        root.put("description", s.description());
        Scenario.TargetSpec t = s.target();
        if (t.preset() != null && t.embed() == 0 && t.classes() == null && t.placement() == null) {
            root.put("target", t.preset());
        } else {
            ObjectNode tn = root.putObject("target");
            if (t.preset() != null) {
                tn.put("preset", t.preset());
            } else {
                tn.put("type", t.type());
                tn.set("weights", MAPPER.valueToTree(t.weights()));
                if (t.means() != null) {
                    tn.set("means", MAPPER.valueToTree(t.means()));
                    tn.set("covariances", MAPPER.valueToTree(t.covariances()));
                }
                if (t.lo() != null) {
                    tn.set("lo", MAPPER.valueToTree(t.lo()));
                    tn.set("hi", MAPPER.valueToTree(t.hi()));
                }
            }
            if (t.embed() > 0) {
                tn.put("embed", t.embed());
            }
            if (t.classes() != null) {
                tn.set("classes", MAPPER.valueToTree(t.classes()));
            }
            ImperfectScenario.writePlacement(tn, t.placement());
        }
        Scenario.ScheduleSpec sc = s.schedule();
        if (sc.params().isEmpty() && sc.spacing() == null && sc.values() == null) {
            root.put("schedule", sc.id());
        } else {
            ObjectNode sn = root.putObject("schedule");
            sn.put("id", sc.id());
            if (sc.spacing() != null) {
                sn.put("spacing", sc.spacing());
            }
            sc.params().forEach(sn::put);
            if (sc.values() != null) {
                sn.set("values", MAPPER.valueToTree(sc.values()));
            }
        }
        ArrayNode samplers = root.putArray("samplers");
        for (Scenario.SamplerSpec sp : s.samplers()) {
            if (sp.params().isEmpty()) {
                samplers.add(sp.id());
            } else {
                ObjectNode o = samplers.addObject();
                o.put("id", sp.id());
                sp.params().forEach(o::put);
            }
        }
        root.put("steps", s.steps());
        root.put("particles", s.particles());
        root.put("seed", s.seed());
        GuidanceScenario.write(root, s.guidance());
        ImperfectScenario.writeScoreError(root, s.scoreError());
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
