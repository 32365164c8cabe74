package org.scorescope.sampler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Every sampler by id, with its parameters: the single place that knows which ids exist and which
 * parameters each takes, with their ranges and defaults (declared once, here; editors, the parser
 * and the factories all read the same declaration). Ids with parameters are {@link SamplerId}s;
 * {@link #canonical} gives the complete form written in outputs.
 */
public final class SamplerRegistry {

    /**
     * A sampler parameter's range and default.
     *
     * @param name the parameter
     * @param min smallest value
     * @param max largest value
     * @param step spinner step; a step of 1 means whole numbers only
     * @param defaultValue the default (for a default that depends on another parameter, its value
     *     with that parameter at its own default; the rule is in {@code meaning})
     * @param meaning one line for a tooltip
     */
    public record Parameter(String name, double min, double max, double step, double defaultValue, String meaning) {
        /** Whether only whole numbers are allowed. */
        public boolean whole() {
            return step == 1;
        }

        /** Checks a value against the range. */
        double check(double v) {
            if (whole()) {
                if (v != Math.rint(v) || v < min || v > max) {
                    throw new IllegalArgumentException(name + " must be a whole number in " + SamplerId.format(min) + ".."
                            + SamplerId.format(max) + ", was " + SamplerId.format(v));
                }
            } else if (!(v >= min && v <= max)) {
                throw new IllegalArgumentException(name + " must lie in [" + SamplerId.format(min) + ", " + SamplerId.format(max)
                        + "], was " + (Double.isNaN(v) ? "NaN" : SamplerId.format(v)));
            }
            return v;
        }
    }

    private record Entry(List<Parameter> parameters, Function<Map<String, Double>, Sampler> factory) {
    }

    private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();
    /** Defaults that depend on other parameters, by "id/name". */
    private static final Map<String, ToDoubleFunction<Map<String, Double>>> DEPENDENT_DEFAULTS =
            Map.of("lagrange/R", p -> Math.max(1, p.get("K") - 1));

    static {
        Parameter eta = new Parameter("eta", 0, 1, 0.1, 0.5, "η: 0 is DDIM, 1 is DDPM with the posterior variance");
        Parameter dpmLower = new Parameter("lowerOrderFinal", 0, 1, 1, 1, "1: orders [3, …, 3, 2, 1] as the reference; 0: all 3");
        Parameter uniVariant = new Parameter("variant", 1, 2, 1, 1, "B(h): 1 = bh1 (h, the reference default), 2 = bh2 (e^h − 1)");
        Parameter uniLower = new Parameter("lowerOrderFinal", 0, 1, 1, 1, "1: lower-order final steps as the reference; 0: full order");
        Parameter k = new Parameter("K", 1, 4, 1, 2, "order K: K anchors per interval (K = 1 is DDIM)");
        Parameter rounds = new Parameter("R", 1, 10, 1, 1, "refinement rounds R (default K − 1, at least 1; ignored for K = 1)");
        Parameter anchors = new Parameter("anchors", 0, 1, 1, 0, "anchor placement: 0 uniform in λ, 1 Chebyshev–Lobatto");
        Parameter iterations = new Parameter("iterations", 0, ForwardValueDdimSampler.MAX_ITERATIONS, 1, 0,
                "0: solve the implicit step to 1e-13; k: exactly k iterations");
        Parameter m = new Parameter("M", 1, 64, 1, 4, "M sub-steps per block");
        Parameter picard = new Parameter("K", 1, 64, 1, 3, "K Picard iterations per block (K ≥ M is sequential)");

        register("ddpm", p -> new DdpmSampler());
        register("ddpm-posterior", p -> new DdpmPosteriorSampler());
        register("ddim", p -> new DdimSampler());
        register("ddim-exact", p -> new DdimExactSampler());
        register("accel-ddim", p -> new AcceleratedDdimSampler());
        register("accel-ddim-ms", p -> new AcceleratedDdimMultistepSampler());
        register("accel-ddpm", p -> new AcceleratedDdpmSampler(AcceleratedDdpmSampler.Form.PAPER));
        register("accel-ddpm-slides", p -> new AcceleratedDdpmSampler(AcceleratedDdpmSampler.Form.SLIDES));
        register("accel-ddpm-code", p -> new AcceleratedDdpmSampler(AcceleratedDdpmSampler.Form.CODE));
        register("ddim-eta", p -> new DdimEtaSampler(p.get("eta")), eta);
        register("dpm-solver-1", p -> new DpmSolverSampler(1));
        register("dpm-solver-2", p -> new DpmSolverSampler(2));
        register("dpm-solver-3", p -> new DpmSolverSampler(3, flag(p, "lowerOrderFinal")), dpmLower);
        register("dpmpp-2m", p -> new DpmSolverPlusPlus2MSampler());
        register("unipc-3", p -> new UniPcSampler(p.get("variant") == 2, flag(p, "lowerOrderFinal")), uniVariant, uniLower);
        register("heun", p -> new HeunSampler());
        register("em-sde", p -> new EulerMaruyamaSampler());
        register("pf-ode", p -> new ProbabilityFlowOdeSampler());
        register("lagrange", p -> new LagrangeSampler(whole(p, "K"), whole(p, "R"), flag(p, "anchors")), k, rounds, anchors);
        register("rand-midpoint", p -> new RandomizedMidpointSampler());
        register("fddim", p -> new ForwardValueDdimSampler(false, whole(p, "iterations")), iterations);
        register("fddim-avg", p -> new ForwardValueDdimSampler(true, whole(p, "iterations")), iterations);
        register("piadm-sde", p -> new PiadmSampler(true, whole(p, "M"), whole(p, "K")), m, picard);
        register("piadm-ode", p -> new PiadmSampler(false, whole(p, "M"), whole(p, "K")), m, picard);
    }

    private SamplerRegistry() {
    }

    private static int whole(Map<String, Double> p, String name) {
        return (int) Math.round(p.get(name));
    }

    private static boolean flag(Map<String, Double> p, String name) {
        return p.get(name) == 1;
    }

    private static void register(String id, Function<Map<String, Double>, Sampler> f, Parameter... params) {
        ENTRIES.put(id, new Entry(List.of(params), f));
    }

    /** All sampler ids, in display order. */
    public static List<String> ids() {
        return List.copyOf(ENTRIES.keySet());
    }

    /** The parameter names a sampler accepts, in declaration order. */
    public static List<String> parameters(String id) {
        if (InverseSamplers.contains(id)) {
            return InverseSamplers.parameterSpecs(id).stream().map(Parameter::name).toList();
        }
        Entry e = ENTRIES.get(id);
        return e == null ? List.of() : e.parameters().stream().map(Parameter::name).toList();
    }

    /** The samplers that solve an inverse problem (issue 15); they need an observation, so {@link #ids()} leaves them out. */
    public static List<String> inverseIds() {
        return InverseSamplers.ids();
    }

    /** Whether a sampler (an id, possibly with parameters) solves an inverse problem and so needs an observation. */
    public static boolean needsObservation(String id) {
        return InverseSamplers.contains(SamplerId.parse(id).base());
    }

    /**
     * Any sampler, inverse-problem ones included ({@code snr-split:etaUnobserved=8} works as any id).
     *
     * @param problem the prior, observation and exact posterior; may be null for a sampler that does not need one
     * @throws IllegalArgumentException for an unknown id or parameter, or an inverse sampler without a problem
     */
    public static Sampler create(String id, Map<String, Double> params, org.scorescope.inverse.InverseProblem problem) {
        SamplerId parsed = SamplerId.parse(id);
        if (!InverseSamplers.contains(parsed.base())) {
            return create(id, params);
        }
        for (Map.Entry<String, Double> e : params.entrySet()) {
            if (parsed.params().containsKey(e.getKey())) {
                throw new IllegalArgumentException("sampler '" + id + "': parameter " + e.getKey() + " is given twice");
            }
            parsed = parsed.with(e.getKey(), e.getValue());
        }
        return InverseSamplers.create(parsed.base(), parsed.params(), problem);
    }

    /** The parameters of a sampler with their ranges and defaults. */
    public static List<Parameter> parameterSpecs(String id) {
        if (InverseSamplers.contains(id)) {
            return InverseSamplers.parameterSpecs(id);
        }
        Entry e = ENTRIES.get(id);
        return e == null ? List.of() : e.parameters();
    }

    private static Entry entry(String id) {
        Entry e = ENTRIES.get(id);
        if (e == null && InverseSamplers.contains(id)) {
            throw InverseSamplers.needsObservation(id);
        }
        if (e == null) {
            throw new IllegalArgumentException("unknown sampler '" + id + "'; allowed: " + String.join(", ", ids()));
        }
        return e;
    }

    /**
     * The complete form of an id: every declared parameter, in declaration order, with its value
     * or default, checked against its range.
     *
     * @throws IllegalArgumentException naming the unknown id, the unknown parameter or the range
     */
    public static SamplerId canonical(SamplerId id) {
        Entry e = entry(id.base());
        List<String> names = parameters(id.base());
        for (String key : id.params().keySet()) {
            if (!names.contains(key)) {
                throw new IllegalArgumentException("sampler '" + id.base() + "' has no parameter '" + key + "'; allowed: "
                        + (names.isEmpty() ? "none" : String.join(", ", names)));
            }
        }
        Map<String, Double> full = new LinkedHashMap<>();
        for (Parameter p : e.parameters()) {
            Double given = id.params().get(p.name());
            double v;
            if (given != null) {
                v = given;
            } else {
                ToDoubleFunction<Map<String, Double>> rule = DEPENDENT_DEFAULTS.get(id.base() + "/" + p.name());
                v = rule != null ? rule.applyAsDouble(full) : p.defaultValue();
            }
            full.put(p.name(), p.check(v));
        }
        return new SamplerId(id.base(), full);
    }

    /** The canonical id text of a sampler configured with these values (what its {@link SamplerInfo#key} is). */
    public static String key(String base, Map<String, Double> params) {
        return canonical(new SamplerId(base, params)).toString();
    }

    /** A sampler from its id text ({@code lagrange:K=3}); a bare id takes every default. */
    public static Sampler create(String id) {
        return create(SamplerId.parse(id));
    }

    /** A sampler from a parsed id. */
    public static Sampler create(SamplerId id) {
        SamplerId c = canonical(id);
        return ENTRIES.get(c.base()).factory().apply(c.params());
    }

    /**
     * @param id a sampler id, possibly with parameters of its own ({@code lagrange:K=3})
     * @param params more parameters by name (a name may not be given in both)
     * @throws IllegalArgumentException naming the allowed ids or parameters
     */
    public static Sampler create(String id, Map<String, Double> params) {
        SamplerId parsed = SamplerId.parse(id);
        for (Map.Entry<String, Double> e : params.entrySet()) {
            if (parsed.params().containsKey(e.getKey())) {
                throw new IllegalArgumentException("sampler '" + id + "': parameter " + e.getKey() + " is given twice");
            }
            parsed = parsed.with(e.getKey(), e.getValue());
        }
        return create(parsed);
    }

    /**
     * Expands ids over parameter values: every id whose sampler declares {@code name} and does not
     * set it itself becomes one id per value; the others are kept as they are. This is what
     * {@code sweep --param K=1,2,3,4} does.
     *
     * @param values parameter values by name, in order
     * @throws IllegalArgumentException when no sampler in the list declares a name
     */
    public static List<SamplerId> expand(List<SamplerId> ids, Map<String, List<Double>> values) {
        List<SamplerId> out = new ArrayList<>(ids);
        for (Map.Entry<String, List<Double>> v : values.entrySet()) {
            String name = v.getKey();
            boolean used = false;
            List<SamplerId> next = new ArrayList<>();
            for (SamplerId id : out) {
                if (parameters(id.base()).contains(name) && !id.params().containsKey(name)) {
                    used = true;
                    for (double value : v.getValue()) {
                        next.add(id.with(name, value));
                    }
                } else {
                    next.add(id);
                }
            }
            if (!used) {
                throw new IllegalArgumentException("no sampler in the list takes parameter '" + name + "' (or each sets it itself)");
            }
            out = next;
        }
        return out;
    }

    /** Metadata of every registered sampler (with default parameters). */
    public static List<SamplerInfo> all() {
        return ids().stream().map(id -> create(id).info()).toList();
    }
}
