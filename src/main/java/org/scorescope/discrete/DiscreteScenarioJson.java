package org.scorescope.discrete;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.scorescope.io.BadInputException;
import org.scorescope.io.TextInput;
import org.scorescope.scenario.ScenarioException;
import org.scorescope.scenario.ScenarioJson;

/**
 * Reads and writes discrete scenario files. Every field is checked; a failure is a
 * {@link ScenarioException} naming the field by its path.
 *
 * <pre>
 * {"title": "...", "description": "...",
 *  "target": "picture"
 *         or {"type": "discrete", "preset": "product", "states": 4, "dims": 8}
 *         or {"type": "discrete", "states": S, "dims": d, "probabilities": [S^d values, row-major], "words": [...]}
 *         or {"type": "discrete", "marginals": [[S values], … d laws]}
 *         or {"type": "discrete", "image": "face.png"}      (relative to the scenario file)
 *  "process": "uniform" | "masking",  "horizon": 16,
 *  "schedule": "constant" | "geometric" | {"id": "geometric", "delta": 0.001},
 *  "samplers": ["tau-leaping", "euler", "ctmc-exact", "unmasking"],
 *  "steps": 64, "particles": 20000, "seed": 1}
 * </pre>
 */
public final class DiscreteScenarioJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();
    private static final Set<String> TOP = Set.of("title", "description", "target", "process", "horizon", "schedule", "samplers", "steps",
            "particles", "seed");
    private static final Set<String> TARGET = Set.of("type", "preset", "states", "dims", "probabilities", "marginals", "image", "words");

    private DiscreteScenarioJson() {
    }

    /** Whether this JSON text is a discrete scenario (a discrete target, or a "process" or "horizon" field). */
    public static boolean isDiscrete(String json) {
        try {
            JsonNode root = MAPPER.readTree(json.startsWith("\uFEFF") ? json.substring(1) : json);
            if (root == null || !root.isObject()) {
                return false;
            }
            JsonNode t = root.get("target");
            if (root.has("process") || root.has("horizon")) {
                return true;
            }
            return t != null && (t.isTextual() && DiscretePresets.isPreset(t.asText()) || t.isObject() && "discrete".equals(t.path("type").asText()));
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    /** Whether this file holds a discrete scenario; false when it cannot be read (the caller reports that). */
    public static boolean isDiscrete(Path file) {
        try {
            return isDiscrete(TextInput.read(file, "file", ScenarioJson.MAX_FILE_BYTES));
        } catch (BadInputException e) {
            return false;
        }
    }

    /** Reads and checks a scenario file; images are resolved against its folder. */
    public static DiscreteScenario read(Path file) {
        String text;
        try {
            text = TextInput.read(file, "file", ScenarioJson.MAX_FILE_BYTES);
        } catch (BadInputException e) {
            throw new ScenarioException(e.field(), e.getMessage().substring(e.field().length() + 2));
        }
        Path base = file.toAbsolutePath().getParent();
        return parse(text, base);
    }

    /** Parses and checks scenario JSON. */
    public static DiscreteScenario parse(String json, Path base) {
        // The scenario layer's strict reader: duplicate keys, trailing content and size limits are named by their path.
        JsonNode root = ScenarioJson.parseJson(json);
        if (root == null || !root.isObject()) {
            throw new ScenarioException("file", "must be a JSON object with the fields " + String.join(", ", TOP));
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext();) {
            String f = it.next();
            if (!TOP.contains(f)) {
                throw new ScenarioException(f, "unknown field; allowed: " + String.join(", ", TOP));
            }
        }
        JsonNode t = root.get("target");
        if (t == null || t.isNull()) {
            throw new ScenarioException("target", "is required");
        }
        DiscreteScenario.TargetSpec target = target(t, base);
        DiscreteProcess process;
        try {
            process = root.has("process") ? DiscreteProcess.of(root.get("process").asText()) : DiscreteProcess.UNIFORM;
        } catch (IllegalArgumentException e) {
            throw new ScenarioException("process", e.getMessage());
        }
        double horizon = root.has("horizon") ? number(root.get("horizon"), "horizon") : DiscreteScenario.defaultHorizon(process);
        String schedule = "constant";
        double delta = StepSchedule.DEFAULT_DELTA;
        JsonNode s = root.get("schedule");
        if (s != null) {
            if (s.isTextual()) {
                schedule = s.asText();
            } else if (s.isObject()) {
                schedule = s.path("id").asText("");
                if (s.has("delta")) {
                    delta = number(s.get("delta"), "schedule.delta");
                }
            } else {
                throw new ScenarioException("schedule", "must be 'constant', 'geometric' or {\"id\": \"geometric\", \"delta\": δ}");
            }
        }
        List<String> samplers = new ArrayList<>();
        JsonNode list = root.get("samplers");
        if (list == null) {
            samplers.add("tau-leaping");
        } else if (list.isArray()) {
            for (int i = 0; i < list.size(); i++) {
                JsonNode n = list.get(i);
                if (!n.isTextual()) {
                    throw new ScenarioException("samplers[" + i + "]", "must be a sampler id: " + String.join(", ", DiscreteSamplers.ids()));
                }
                samplers.add(n.asText());
            }
        } else {
            throw new ScenarioException("samplers", "must be a list of sampler ids");
        }
        int steps = (int) integer(root, "steps", 1, DiscreteScenario.MAX_STEPS, 64);
        int particles = (int) integer(root, "particles", 1, DiscreteScenario.MAX_PARTICLES, 20_000);
        long seed = integer(root, "seed", 0, Long.MAX_VALUE, 1);
        DiscreteScenario sc = new DiscreteScenario(root.path("title").asText(""), root.path("description").asText(""), target, process,
                horizon, schedule, delta, samplers, steps, particles, seed);
        sc.validate();
        return sc;
    }

    private static DiscreteScenario.TargetSpec target(JsonNode n, Path base) {
        if (n.isTextual()) {
            if (!DiscretePresets.isPreset(n.asText())) {
                throw new ScenarioException("target", "unknown discrete preset '" + n.asText() + "'; allowed: " + String.join(", ", DiscretePresets.ids()));
            }
            return DiscreteScenario.TargetSpec.preset(n.asText());
        }
        if (!n.isObject()) {
            throw new ScenarioException("target", "must be a preset id or an object with \"type\": \"discrete\"");
        }
        for (Iterator<String> it = n.fieldNames(); it.hasNext();) {
            String f = it.next();
            if (!TARGET.contains(f)) {
                throw new ScenarioException("target." + f, "unknown field; allowed: " + String.join(", ", TARGET));
            }
        }
        if (!"discrete".equals(n.path("type").asText())) {
            throw new ScenarioException("target.type", "must be 'discrete', was '" + n.path("type").asText() + "'");
        }
        Integer states = n.has("states") ? (int) integer(n, "states", 2, DiscreteTarget.MAX_TABLE, 0, "target.states") : null;
        Integer dims = n.has("dims") ? (int) integer(n, "dims", 1, DiscreteTarget.MAX_DIMS, 0, "target.dims") : null;
        String preset = n.has("preset") ? n.get("preset").asText() : null;
        if (preset != null && !DiscretePresets.isPreset(preset)) {
            throw new ScenarioException("target.preset", "unknown discrete preset '" + preset + "'; allowed: " + String.join(", ", DiscretePresets.ids()));
        }
        double[] probabilities = n.has("probabilities") ? vector(n.get("probabilities"), "target.probabilities") : null;
        double[][] marginals = null;
        if (n.has("marginals")) {
            JsonNode m = n.get("marginals");
            if (!m.isArray()) {
                throw new ScenarioException("target.marginals", "must be a list of d lists of S probabilities");
            }
            marginals = new double[m.size()][];
            for (int i = 0; i < m.size(); i++) {
                marginals[i] = vector(m.get(i), "target.marginals[" + i + "]");
            }
        }
        Path image = null;
        if (n.has("image")) {
            image = Path.of(n.get("image").asText());
            if (!image.isAbsolute() && base != null) {
                image = base.resolve(image);
            }
        }
        List<String> words = new ArrayList<>();
        if (n.has("words")) {
            JsonNode w = n.get("words");
            if (!w.isArray()) {
                throw new ScenarioException("target.words", "must be a list of S words");
            }
            for (JsonNode x : w) {
                words.add(x.asText());
            }
        }
        return new DiscreteScenario.TargetSpec(preset, states, dims, probabilities, marginals, image, words);
    }

    private static double[] vector(JsonNode n, String field) {
        if (n == null || !n.isArray()) {
            throw new ScenarioException(field, "must be a list of numbers");
        }
        double[] v = new double[n.size()];
        for (int i = 0; i < v.length; i++) {
            JsonNode x = n.get(i);
            if (!x.isNumber()) {
                throw new ScenarioException(field + "[" + i + "]", "must be a number, was " + x);
            }
            v[i] = x.asDouble();
        }
        return v;
    }

    private static double number(JsonNode n, String field) {
        if (n == null || !n.isNumber() || !Double.isFinite(n.asDouble())) {
            throw new ScenarioException(field, "must be a finite number, was " + n);
        }
        return n.asDouble();
    }

    private static long integer(JsonNode root, String field, long min, long max, long dflt) {
        return integer(root, field, min, max, dflt, field);
    }

    private static long integer(JsonNode root, String field, long min, long max, long dflt, String path) {
        JsonNode n = root.get(field);
        if (n == null) {
            return dflt;
        }
        if (!n.isIntegralNumber() || !n.canConvertToLong()) {
            throw new ScenarioException(path, "must be a whole number in " + min + ".." + max + ", was " + n);
        }
        long v = n.asLong();
        if (v < min || v > max) {
            throw new ScenarioException(path, "must be in " + min + ".." + max + ", was " + v);
        }
        return v;
    }

    /** The scenario as JSON (images by the path given). */
    public static String write(DiscreteScenario s) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("title", s.title());
        root.put("description", s.description());
        DiscreteScenario.TargetSpec t = s.target();
        if (t.preset() != null && t.states() == null && t.dims() == null) {
            root.put("target", t.preset());
        } else {
            ObjectNode o = root.putObject("target");
            o.put("type", "discrete");
            if (t.preset() != null) {
                o.put("preset", t.preset());
            }
            if (t.states() != null) {
                o.put("states", t.states());
            }
            if (t.dims() != null) {
                o.put("dims", t.dims());
            }
            if (t.probabilities() != null) {
                ArrayNode a = o.putArray("probabilities");
                for (double v : t.probabilities()) {
                    a.add(v);
                }
            }
            if (t.marginals() != null) {
                ArrayNode a = o.putArray("marginals");
                for (double[] m : t.marginals()) {
                    ArrayNode row = a.addArray();
                    for (double v : m) {
                        row.add(v);
                    }
                }
            }
            if (t.image() != null) {
                o.put("image", t.image().toString());
            }
            if (!t.words().isEmpty()) {
                ArrayNode a = o.putArray("words");
                t.words().forEach(a::add);
            }
        }
        root.put("process", s.process().id());
        root.put("horizon", s.horizon());
        if (s.schedule().equals("geometric")) {
            ObjectNode o = root.putObject("schedule");
            o.put("id", "geometric");
            o.put("delta", s.delta());
        } else {
            root.put("schedule", s.schedule());
        }
        ArrayNode a = root.putArray("samplers");
        s.samplers().forEach(a::add);
        root.put("steps", s.steps());
        root.put("particles", s.particles());
        root.put("seed", s.seed());
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
