package org.scorescope.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scorescope.distribution.GaussianMixture;
import org.scorescope.distribution.Presets;
import org.scorescope.io.BadInputException;
import org.scorescope.io.TextInput;
import org.scorescope.sampler.SamplerId;
import org.scorescope.sampler.SamplerRegistry;
import org.scorescope.schedule.Schedules;

/**
 * Reads and writes scenario files (JSON). Reading goes through the one validation layer: the text
 * ({@link TextInput}: UTF-8 with or without a byte-order mark), the JSON ({@link StrictJson}: no
 * duplicate keys, nothing after the object, bounded sizes), every object against its
 * {@link Schema} (declared below), the rules that tie fields together, and the model constructors
 * ({@link ScenarioBuilder}). The first problem is a {@link ScenarioException} naming the field by
 * its JSON path; nothing else is ever thrown, and no half-read scenario is returned.
 *
 * <pre>
 * {"title": "...", "description": "...",
 *  "target": "ring8"  or  {"type": "gaussian-mixture", "weights": [...], "means": [[...]], "covariances": [[[...]]]}
 *                     or  {"type": "box-mixture", "weights": [...], "lo": [[...]], "hi": [[...]]}
 *                     or  {"type": "mixture", "weights": [Gaussians..., boxes...], "means", "covariances", "lo", "hi"}
 *                     (each optionally with "embed": d), or {"preset": "ring8", "embed": 4},
 *  "schedule": "linear"  or  {"id": "vp-continuous", "spacing": "logsnr", "beta0": 0.1}  or  {"id": "custom", "values": [...]},
 *  "samplers": ["ddpm", "lagrange:K=3", {"id": "ddim-eta", "eta": 0.5}],
 *  "steps": 20, "particles": 20000, "seed": 1,
 *  "guidance": {"class": 1, "w": 3},   (optional; the target's components need "classes", see GuidanceScenario)
 *  "observation": {"task": "inpaint-x" or "A": [[1, 0]], "y": [2.5] or "draw", "sigma": 0.2},  (optional; see {@link ObservationSpec})
 *  "scoreError": {"type": "bias", "size": 0.1}}   (optional; and target "training", "frame", "frameSeed",
 *                                                  "normalVariance", "embed" up to 1024: see ImperfectScenario)
 * </pre>
 */
public final class ScenarioJson {
    /** Largest scenario file read. */
    public static final long MAX_FILE_BYTES = 16L << 20;

    private static final ObjectMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private static final String FAR = "the noise law every sampler starts from is N(0, I); data beyond ±1e6 is out of reach "
            + "of its scale and of the view in double precision";

    /** The top-level fields. */
    static final Schema TOP = Schema.of(
            Field.text("title", 200).orElse(""),
            Field.text("description", 20_000).orElse(""),
            Field.textOrObject("target", "preset").required(),
            Field.textOrObject("schedule", "id").orElse("linear"),
            Field.list("samplers", 1, Scenario.MAX_SAMPLERS).required(),
            Field.whole("steps", 1, Scenario.MAX_STEPS).orElse(20L),
            Field.whole("particles", 1, Scenario.MAX_PARTICLES).orElse(20_000L),
            Field.whole("seed", 0, Long.MAX_VALUE).orElse(1L),
            Field.object("guidance"),
            Field.object("observation"),
            Field.object("scoreError"));

    /** Guidance toward one class (see {@link GuidanceScenario}): {"class": C, "w": W, "interval": [a, b]}. */
    static final Schema GUIDANCE = Schema.of(
            Field.whole("class", 0, Integer.MAX_VALUE).required(),
            Field.number("w", 0, 1e6).required().because("w = 0 samples the conditional law; larger w sharpens it"),
            Field.numbers("interval", 0, 1).items(2, 2));

    /** A score error of known size (issue 16, see {@link ImperfectScenario}). */
    static final Schema SCORE_ERROR = Schema.of(
            Field.oneOf("type", "score-error type", () -> org.scorescope.score.ScoreError.TYPES).required(),
            Field.number("size", 0, org.scorescope.score.ScoreError.MAX_SIZE).required()
                    .because("bias and field: epsilon_score itself; scale: kappa; noise-level: delta"),
            Field.number("frequency", 1e-6, org.scorescope.score.ScoreError.MAX_FREQUENCY).orElse(1.0),
            Field.whole("features", 1, org.scorescope.score.ScoreError.MAX_FEATURES).orElse((long) org.scorescope.score.ScoreError.DEFAULT_FEATURES),
            Field.whole("seed", 0, Long.MAX_VALUE).orElse(1L),
            Field.numbers("direction", -1e6, 1e6).items(1, org.scorescope.distribution.FramedTarget.MAX_DIM));

    /** Training points drawn from the target (the empirical, memorising target; see {@link ImperfectScenario}). */
    static final Schema TRAINING = Schema.of(
            Field.whole("n", 1, org.scorescope.distribution.EmpiricalTarget.MAX_POINTS).required(),
            Field.whole("seed", 0, Long.MAX_VALUE).orElse(1L));

    /**
     * A linear observation y = A x₀ + ε of the target (issue 15, {@link ObservationSpec}): exactly one
     * of {@code task} and {@code A}; the shapes, the rank of A and the likelihood of y are checked
     * with the models ({@link ObservationSpec#problem}).
     */
    static final Schema OBSERVATION = Schema.of(
            Field.text("task", 40),
            Field.matrix("A", -1e6, 1e6).because(FAR),
            Field.numbers("y", -1e6, 1e6).orWord("draw").required().because(FAR),
            Field.number("sigma", 0, 1e6).required().because("sigma > 0 is the standard deviation of the observation noise"));

    private static final List<String> TARGET_TYPES = List.of("gaussian-mixture", "box-mixture", "mixture");
    private static final Field PRESET = Field.oneOf("preset", "target", Presets::ids);
    private static final Field TYPE = Field.oneOf("type", "target type", () -> TARGET_TYPES);
    private static final Field EMBED = Field.whole("embed", 1, org.scorescope.distribution.FramedTarget.MAX_DIM);
    /** Issue 16: the frame of the embedding, data variance off the target's plane, training points. */
    private static final Field FRAME = Field.oneOf("frame", "frame", () -> List.of("axes", "random"));
    private static final Field FRAME_SEED = Field.whole("frameSeed", 0, Long.MAX_VALUE);
    private static final Field NORMAL_VARIANCE = Field.number("normalVariance", 0, 1e6);
    private static final Field TRAINING_POINTS = Field.object("training");
    /** A class id per component, beside the weights (guidance, see {@link GuidanceScenario}). */
    private static final Field CLASSES = Field.numbers("classes", 0, Integer.MAX_VALUE).integral();
    private static final Field WEIGHTS = Field.numbers("weights", 0, 1e12).because("weights are relative; they are normalised");
    private static final Field MEANS = Field.matrix("means", -1e6, 1e6).because(FAR);
    private static final Field COVARIANCES = Field.matrices("covariances", -1e12, 1e12).because(FAR);
    private static final Field LO = Field.matrix("lo", -1e6, 1e6).because(FAR);
    private static final Field HI = Field.matrix("hi", -1e6, 1e6).because(FAR);

    /** A target object: a preset (optionally embedded), or one schema per type. */
    static final Schema PRESET_TARGET = Schema.of(PRESET.required(), EMBED, CLASSES, FRAME, FRAME_SEED, NORMAL_VARIANCE, TRAINING_POINTS);
    static final Map<String, Schema> TARGETS = Map.of(
            "gaussian-mixture", Schema.of(TYPE.required(), WEIGHTS.required(), MEANS.required(), COVARIANCES.required(), EMBED, CLASSES, FRAME, FRAME_SEED, NORMAL_VARIANCE,
                    TRAINING_POINTS),
            "box-mixture", Schema.of(TYPE.required(), WEIGHTS.required(), LO.required(), HI.required(), EMBED, CLASSES, FRAME, FRAME_SEED, NORMAL_VARIANCE,
                    TRAINING_POINTS),
            "mixture", Schema.of(TYPE.required(), WEIGHTS.required(), MEANS, COVARIANCES, LO, HI, EMBED, CLASSES, FRAME, FRAME_SEED,
                    NORMAL_VARIANCE, TRAINING_POINTS));
    /** Every name a target object may hold, for the first check (a typo is named before the type is known). */
    private static final Schema ANY_TARGET = Schema.of(PRESET, TYPE, WEIGHTS, MEANS, COVARIANCES, LO, HI, EMBED, CLASSES, FRAME, FRAME_SEED,
            NORMAL_VARIANCE, TRAINING_POINTS);

    private static final Field SCHEDULE_ID = Field.oneOf("id", "schedule", () -> Schedules.IDS).required();
    /** Ranges of the schedules' parameters (which schedule takes which: {@link Schedules#PARAMETERS}). */
    private static final Map<String, Field> SCHEDULE_PARAMETERS = Map.ofEntries(
            Map.entry("c0", Field.number("c0", 1e-6, 1e3)),
            Map.entry("c1", Field.number("c1", 1e-6, 1e3)),
            Map.entry("denoise", Field.number("denoise", 0, 1).integral()),
            Map.entry("betaMax", Field.number("betaMax", 0, 1)),
            Map.entry("abarMax", Field.number("abarMax", 0, 1)),
            Map.entry("abarMin", Field.number("abarMin", 0, 1)),
            Map.entry("sigmaMin", Field.number("sigmaMin", 0, 1e4)),
            Map.entry("sigmaMax", Field.number("sigmaMax", 0, 1e4)),
            Map.entry("rho", Field.number("rho", 0, 100)),
            Map.entry("beta0", Field.number("beta0", 0, 1e3)),
            Map.entry("beta1", Field.number("beta1", 0, 1e3)),
            Map.entry("tEnd", Field.number("tEnd", 0, 1)));

    /** A schedule object's fields: its id, its parameters, vp-continuous's spacing, custom's values. */
    static Schema scheduleSchema(String id) {
        List<Field> fields = new ArrayList<>();
        for (String name : Schedules.PARAMETERS.getOrDefault(id, List.of())) {
            fields.add(SCHEDULE_PARAMETERS.getOrDefault(name, Field.number(name, -1e12, 1e12)));
        }
        if (id.equals("vp-continuous")) {
            fields.add(Field.oneOf("spacing", "spacing", () -> List.of("time", "logsnr")));
        }
        if (id.equals("custom")) {
            fields.add(Field.numbers("values", 0, 1).items(2, Scenario.MAX_STEPS + 1).required());
        }
        return Schema.of(SCHEDULE_ID).with(fields).calling("parameter");
    }

    /** Every sampler id a file may name: the registry's and the inverse-problem ones (which need an observation). */
    private static final Field SAMPLER_ID = Field.oneOf("id", "sampler", () -> {
        List<String> all = new ArrayList<>(SamplerRegistry.ids());
        all.addAll(SamplerRegistry.inverseIds());
        return all;
    }).required();

    private ScenarioJson() {
    }

    /** Reads a scenario file. */
    public static Scenario read(Path file) {
        return fromTree(readTree(file, "file"));
    }

    /** Parses and validates scenario JSON. */
    public static Scenario parse(String json) {
        return fromTree(guarded(() -> StrictJson.parse(stripBom(json))));
    }

    /**
     * The JSON of a scenario-like file (the discrete lab's too), read through the same text and JSON
     * checks as a scenario: UTF-8 with or without a byte-order mark, no duplicate keys, nothing after
     * the object, bounded sizes; problems are {@link ScenarioException}s naming the JSON path.
     */
    public static JsonNode readJson(Path file, String label) {
        return readTree(file, label);
    }

    /** The same for JSON text. */
    public static JsonNode parseJson(String json) {
        return guarded(() -> StrictJson.parse(stripBom(json)));
    }

    /**
     * The JSON tree of a scenario file, checked as text and as JSON but not yet as a scenario (the
     * CLI completes it with flags first, see {@link ScenarioInput}).
     *
     * @param label the flag or name for file-level messages
     */
    static JsonNode readTree(Path file, String label) {
        String text;
        try {
            text = TextInput.read(file, label, MAX_FILE_BYTES);
        } catch (BadInputException e) {
            throw new ScenarioException(e.field(), e.getMessage().substring(e.field().length() + 2));
        }
        return guarded(() -> {
            try {
                return StrictJson.parse(text);
            } catch (ScenarioException e) {
                throw e.field().equals("file") ? e.relabel(label, "'" + file + "' " + e.detail()) : e;
            }
        });
    }

    private static String stripBom(String s) {
        return s != null && s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    /**
     * The scenario a JSON tree describes, validated completely.
     *
     * @throws ScenarioException naming the first bad field by its JSON path
     */
    static Scenario fromTree(JsonNode root) {
        return fromTree(root, Scenario.MAX_SAMPLERS);
    }

    /** The same, allowing up to {@code maxSamplers} samplers (a sweep runs them one after the other). */
    static Scenario fromTree(JsonNode root, int maxSamplers) {
        return guarded(() -> {
            Schema top0 = maxSamplers == Scenario.MAX_SAMPLERS ? TOP
                    : TOP.with(List.of(Field.list("samplers", 1, maxSamplers).required()));
            Schema.Values top = top0.read(root, "", null);
            Scenario s = new Scenario(top.text("title"), top.text("description"), target(top.node("target")),
                    schedule(top.has("schedule") ? top.node("schedule") : null), samplers(top.node("samplers")),
                    (int) top.whole("steps"), (int) top.whole("particles"), top.whole("seed"), guidance(top.node("guidance")),
                    ObservationJson.read(top.node("observation")),
                    ImperfectScenario.readScoreError(top.node("scoreError")));
            ScenarioBuilder.checkModels(s);
            return s;
        });
    }

    /** Anything but a ScenarioException escaping the reader is a bug; the user still gets one line. */
    private static <T> T guarded(java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (ScenarioException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            throw new ScenarioException("file", "could not be read (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); please report this with the file");
        }
    }

    // ---- target ---------------------------------------------------------------------------------

    private static Scenario.TargetSpec target(JsonNode n) {
        if (n.isTextual()) {
            PRESET.check(n, "target");
            return Scenario.TargetSpec.preset(n.textValue());
        }
        if (!n.isObject()) {
            throw new ScenarioException("target", "must be a target id or an object {\"type\": …}, was " + Field.shown(n));
        }
        if (n.has("preset")) {
            Schema.Values v = PRESET_TARGET.read(n, "target", "a preset target");
            return new Scenario.TargetSpec(v.text("preset"), null, null, null, null, null, null, (int) orZero(v, "embed"), classes(v),
                    ImperfectScenario.readPlacement(v));
        }
        JsonNode type = n.get("type");
        if (type == null || type.isNull()) {
            ANY_TARGET.read(n, "target", null);
            throw ScenarioException.missing("target.type", "is required: " + String.join(", ", TARGET_TYPES)
                    + " (or give \"preset\": a target id)");
        }
        TYPE.check(type, "target.type");
        String t = type.textValue();
        Schema.Values v = TARGETS.get(t).read(n, "target", "a " + t + " target");
        double[] w = v.numbers("weights");
        double[][] means = v.matrix("means");
        double[][][] covs = v.matrices("covariances");
        double[][] lo = v.matrix("lo");
        double[][] hi = v.matrix("hi");
        together(means, covs, "target.covariances", "target.means", "one d × d matrix per mean");
        together(covs, means, "target.means", "target.covariances", "one mean per covariance matrix");
        together(lo, hi, "target.hi", "target.lo", "one upper corner per box");
        together(hi, lo, "target.lo", "target.hi", "one lower corner per box");
        if (means == null && lo == null) {
            throw ScenarioException.missing("target.means", "a mixture needs Gaussians (means, covariances), boxes (lo, hi) or both");
        }
        int d = -1;
        if (means != null) {
            d = gaussians(means, covs);
        }
        if (lo != null) {
            int db = boxes(lo, hi);
            if (d > 0 && db != d) {
                throw new ScenarioException("target.lo[0]", "has " + db + " coordinates; the Gaussians have " + d);
            }
        }
        int components = (means == null ? 0 : means.length) + (lo == null ? 0 : lo.length);
        if (w.length != components) {
            String per = means != null && lo != null ? "one entry per Gaussian and per box" : means != null ? "one entry per mean" : "one entry per box";
            throw new ScenarioException("target.weights", "must have " + per + " (" + components + "), had " + w.length);
        }
        if (java.util.Arrays.stream(w).allMatch(x -> x == 0)) {
            throw new ScenarioException("target.weights", "must not all be zero");
        }
        int[] classes = classes(v);
        if (classes != null && classes.length != components) {
            throw new ScenarioException("target.classes", "must have one class id per component (" + components + "), had " + classes.length);
        }
        return new Scenario.TargetSpec(null, t, w, means, covs, lo, hi, (int) orZero(v, "embed"), classes, ImperfectScenario.readPlacement(v));
    }

    private static int[] classes(Schema.Values v) {
        double[] c = v.numbers("classes");
        return c == null ? null : java.util.Arrays.stream(c).mapToInt(x -> (int) x).toArray();
    }

    /** The guidance, or null; its fit to the target's classes is checked with the models. */
    private static Scenario.GuidanceSpec guidance(JsonNode n) {
        if (n == null) {
            return null;
        }
        Schema.Values v = GUIDANCE.read(n, "guidance", null);
        double[] interval = v.numbers("interval");
        double from = interval == null ? 0 : interval[0];
        double to = interval == null ? 1 : interval[1];
        if (!(from < to)) {
            throw new ScenarioException("guidance.interval", "must be [a, b] with 0 <= a < b <= 1 (levels alpha-bar), was ["
                    + Field.format(from) + ", " + Field.format(to) + "]");
        }
        return new Scenario.GuidanceSpec((int) v.whole("class"), v.number("w"), from, to);
    }

    private static long orZero(Schema.Values v, String name) {
        return v.has(name) ? v.whole(name) : 0;
    }

    private static void together(Object present, Object partner, String partnerPath, String presentPath, String form) {
        if (present != null && partner == null) {
            throw ScenarioException.missing(partnerPath, "is required with " + presentPath + " (" + form + ")");
        }
    }

    /** Checks the shapes of the Gaussians; returns their dimension. */
    private static int gaussians(double[][] means, double[][][] covs) {
        int d = dimension(means[0], "target.means[0]");
        for (int k = 0; k < means.length; k++) {
            if (means[k].length != d) {
                throw new ScenarioException("target.means[" + k + "]", "has " + means[k].length + " coordinates; target.means[0] has " + d);
            }
        }
        if (covs.length != means.length) {
            throw new ScenarioException("target.covariances", "must have one matrix per mean (" + means.length + "), had " + covs.length);
        }
        for (int k = 0; k < covs.length; k++) {
            if (covs[k].length != d) {
                throw new ScenarioException("target.covariances[" + k + "]", "must be " + d + " × " + d + " (the means have " + d
                        + " coordinates), had " + covs[k].length + " rows");
            }
            for (int i = 0; i < d; i++) {
                if (covs[k][i].length != d) {
                    throw new ScenarioException("target.covariances[" + k + "][" + i + "]", "must have " + d + " entries, had " + covs[k][i].length);
                }
                if (covs[k][i][i] < 0) {
                    throw new ScenarioException("target.covariances[" + k + "][" + i + "][" + i + "]", "is a variance and must be >= 0, was "
                            + Field.format(covs[k][i][i]));
                }
            }
        }
        return d;
    }

    /** Checks the shapes of the boxes and lo &lt; hi; returns their dimension. */
    private static int boxes(double[][] lo, double[][] hi) {
        int d = dimension(lo[0], "target.lo[0]");
        if (hi.length != lo.length) {
            throw new ScenarioException("target.hi", "must have one corner per box in target.lo (" + lo.length + "), had " + hi.length);
        }
        for (int j = 0; j < lo.length; j++) {
            if (lo[j].length != d) {
                throw new ScenarioException("target.lo[" + j + "]", "has " + lo[j].length + " coordinates; target.lo[0] has " + d);
            }
            if (hi[j].length != d) {
                throw new ScenarioException("target.hi[" + j + "]", "has " + hi[j].length + " coordinates; target.lo[" + j + "] has " + d);
            }
            for (int a = 0; a < d; a++) {
                if (!(hi[j][a] > lo[j][a])) {
                    throw new ScenarioException("target.hi[" + j + "][" + a + "]", "must be greater than target.lo[" + j + "][" + a + "] = "
                            + Field.format(lo[j][a]) + ", was " + Field.format(hi[j][a]));
                }
            }
        }
        return d;
    }

    private static int dimension(double[] first, String path) {
        if (first.length > GaussianMixture.MAX_DIM) {
            throw new ScenarioException(path, "has " + first.length + " coordinates; targets have at most " + GaussianMixture.MAX_DIM
                    + " dimensions");
        }
        return first.length;
    }

    // ---- schedule -------------------------------------------------------------------------------

    private static Scenario.ScheduleSpec schedule(JsonNode n) {
        if (n == null) {
            return Scenario.ScheduleSpec.of("linear");
        }
        JsonNode obj = n;
        if (n.isTextual()) {
            ObjectNode o = MAPPER.createObjectNode();
            o.set("id", n);
            obj = o;
        }
        JsonNode id = obj.get("id");
        if (id == null || id.isNull()) {
            throw ScenarioException.missing("schedule.id", "is required: " + String.join(", ", Schedules.IDS));
        }
        SCHEDULE_ID.check(id, n.isTextual() ? "schedule" : "schedule.id");
        String sid = id.textValue();
        Schema.Values v = scheduleSchema(sid).read(obj, "schedule", "the " + sid + " schedule");
        return new Scenario.ScheduleSpec(sid, v.numbersExcept(List.of()), v.has("spacing") ? v.text("spacing") : null,
                v.numbers("values"));
    }

    // ---- samplers -------------------------------------------------------------------------------

    private static List<Scenario.SamplerSpec> samplers(JsonNode list) {
        List<Scenario.SamplerSpec> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            out.add(sampler(list.get(i), "samplers[" + i + "]"));
        }
        return out;
    }

    /** One sampler: an id, or an object with an id and the sampler's parameters. */
    static Scenario.SamplerSpec sampler(JsonNode s, String path) {
        if (s.isTextual()) {
            // The id form of issue 12: base[:name=value[:name=value…]] (lagrange:K=3), checked like the object form.
            SamplerId id;
            try {
                id = SamplerId.parse(s.textValue());
            } catch (IllegalArgumentException e) {
                throw new ScenarioException(path, e.getMessage());
            }
            SAMPLER_ID.check(MAPPER.getNodeFactory().textNode(id.base()), path);
            if (id.params().isEmpty()) {
                return Scenario.SamplerSpec.of(id.base());
            }
            ObjectNode o = MAPPER.createObjectNode();
            o.put("id", id.base());
            id.params().forEach(o::put);
            Schema.Values v = samplerSchema(id.base()).read(o, path, "sampler '" + id.base() + "'");
            return new Scenario.SamplerSpec(id.base(), v.numbersExcept(List.of("id")));
        }
        if (!s.isObject()) {
            throw new ScenarioException(path, "must be a sampler id or an object {\"id\": …, parameters}, was " + Field.shown(s));
        }
        JsonNode id = s.get("id");
        if (id == null || id.isNull()) {
            throw ScenarioException.missing(path + ".id", "is required: one of " + String.join(", ", SamplerRegistry.ids()));
        }
        SAMPLER_ID.check(id, path + ".id");
        String sid = id.textValue();
        Schema.Values v = samplerSchema(sid).read(s, path, "sampler '" + sid + "'");
        return new Scenario.SamplerSpec(sid, v.numbersExcept(List.of("id")));
    }

    /** A sampler's fields: its id and its parameters with their ranges. */
    static Schema samplerSchema(String id) {
        List<Field> params = new ArrayList<>();
        Map<String, SamplerRegistry.Parameter> specs = new LinkedHashMap<>();
        for (SamplerRegistry.Parameter p : SamplerRegistry.parameterSpecs(id)) {
            specs.put(p.name(), p);
        }
        for (String name : SamplerRegistry.parameters(id)) {
            SamplerRegistry.Parameter p = specs.get(name);
            Field f = p == null ? Field.number(name, -1e12, 1e12) : Field.number(name, p.min(), p.max());
            params.add(p != null && p.step() == 1 ? f.integral() : f);
        }
        return Schema.of(SAMPLER_ID).with(params).calling("parameter");
    }

    // ---- writing --------------------------------------------------------------------------------

    /** The scenario as pretty-printed JSON that {@link #parse} reads back to an equal scenario. */
    public static String write(Scenario s) {
        try {
            return MAPPER.writeValueAsString(tree(s));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The scenario as a JSON tree. */
    static ObjectNode tree(Scenario s) {
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
            new java.util.TreeMap<>(sc.params()).forEach(sn::put);
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
                new java.util.TreeMap<>(sp.params()).forEach(o::put);
            }
        }
        root.put("steps", s.steps());
        root.put("particles", s.particles());
        root.put("seed", s.seed());
        GuidanceScenario.write(root, s.guidance());
        if (s.observation() != null) {
            root.set("observation", ObservationJson.write(s.observation()));
        }
        ImperfectScenario.writeScoreError(root, s.scoreError());
        return root;
    }

    /** A JSON value of a Java one (text, number, list, map, double[]), for {@link ScenarioInput}. */
    static JsonNode toNode(Object value) {
        return MAPPER.valueToTree(value);
    }

    /** An empty object node. */
    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }
}
