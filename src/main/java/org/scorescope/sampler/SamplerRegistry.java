package org.scorescope.sampler;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Every sampler by id, with its parameters. The single place that knows which ids exist.
 */
public final class SamplerRegistry {
    private static final Map<String, Function<Map<String, Double>, Sampler>> FACTORIES = new LinkedHashMap<>();
    private static final Map<String, List<String>> PARAMETERS = new LinkedHashMap<>();

    static {
        register("ddpm", List.of(), p -> new DdpmSampler());
        register("ddpm-posterior", List.of(), p -> new DdpmPosteriorSampler());
        register("ddim", List.of(), p -> new DdimSampler());
        register("ddim-exact", List.of(), p -> new DdimExactSampler());
        register("accel-ddim", List.of(), p -> new AcceleratedDdimSampler());
        register("accel-ddim-ms", List.of(), p -> new AcceleratedDdimMultistepSampler());
        register("accel-ddpm", List.of(), p -> new AcceleratedDdpmSampler(false));
        register("accel-ddpm-slides", List.of(), p -> new AcceleratedDdpmSampler(true));
        register("ddim-eta", List.of("eta"), p -> new DdimEtaSampler(p.getOrDefault("eta", 0.5)));
        register("dpm-solver-1", List.of(), p -> new DpmSolverSampler(1));
        register("dpm-solver-2", List.of(), p -> new DpmSolverSampler(2));
        register("dpm-solver-3", List.of("lowerOrderFinal"), p -> new DpmSolverSampler(3, whole(p, "lowerOrderFinal", 1, 0, 1) == 1));
        register("dpmpp-2m", List.of(), p -> new DpmSolverPlusPlus2MSampler());
        register("unipc-3", List.of("variant", "lowerOrderFinal"),
                p -> new UniPcSampler(variant(p), whole(p, "lowerOrderFinal", 1, 0, 1) == 1));
        register("heun", List.of(), p -> new HeunSampler());
        register("em-sde", List.of(), p -> new EulerMaruyamaSampler());
        register("pf-ode", List.of(), p -> new ProbabilityFlowOdeSampler());
        register("lagrange", List.of("K", "R", "anchors"), p -> {
            int k = whole(p, "K", 2, 1, 4);
            return new LagrangeSampler(k, whole(p, "R", Math.max(1, k - 1), 1, 10), whole(p, "anchors", 0, 0, 1) == 1);
        });
        register("rand-midpoint", List.of(), p -> new RandomizedMidpointSampler());
        register("fddim", List.of("iterations"), p -> new ForwardValueDdimSampler(false, whole(p, "iterations", 0, 0, 100)));
        register("fddim-avg", List.of("iterations"), p -> new ForwardValueDdimSampler(true, whole(p, "iterations", 0, 0, 100)));
        register("piadm-sde", List.of("M", "K"), p -> new PiadmSampler(true, whole(p, "M", 4, 1, 64), whole(p, "K", 3, 1, 64)));
        register("piadm-ode", List.of("M", "K"), p -> new PiadmSampler(false, whole(p, "M", 4, 1, 64), whole(p, "K", 3, 1, 64)));
    }

    private SamplerRegistry() {
    }

    /** A whole-number parameter within [min, max]. */
    private static int whole(Map<String, Double> p, String name, int dflt, int min, int max) {
        double v = p.getOrDefault(name, (double) dflt);
        if (v != Math.rint(v) || v < min || v > max) {
            throw new IllegalArgumentException(name + " must be a whole number in " + min + ".." + max + ", was " + v);
        }
        return (int) v;
    }

    /** UniPC's variant: 1 = bh1 (B(h) = h, the reference class default), 2 = bh2 (B(h) = e^h − 1). */
    private static boolean variant(Map<String, Double> p) {
        return whole(p, "variant", 1, 1, 2) == 2;
    }

    private static void register(String id, List<String> params, Function<Map<String, Double>, Sampler> f) {
        FACTORIES.put(id, f);
        PARAMETERS.put(id, params);
    }

    /** All sampler ids, in display order. */
    public static List<String> ids() {
        return List.copyOf(FACTORIES.keySet());
    }

    /** The parameter names a sampler accepts. */
    public static List<String> parameters(String id) {
        if (InverseSamplers.contains(id)) {
            return InverseSamplers.parameterSpecs(id).stream().map(Parameter::name).toList();
        }
        return PARAMETERS.getOrDefault(id, List.of());
    }

    /** The samplers that solve an inverse problem (issue 15); they need an observation, so {@link #ids()} leaves them out. */
    public static List<String> inverseIds() {
        return InverseSamplers.ids();
    }

    /** Whether a sampler solves an inverse problem and so needs an observation. */
    public static boolean needsObservation(String id) {
        return InverseSamplers.contains(id);
    }

    /**
     * Any sampler, inverse-problem ones included.
     *
     * @param problem the prior, observation and exact posterior; may be null for a sampler that does not need one
     * @throws IllegalArgumentException for an unknown id or parameter, or an inverse sampler without a problem
     */
    public static Sampler create(String id, Map<String, Double> params, org.scorescope.inverse.InverseProblem problem) {
        return InverseSamplers.contains(id) ? InverseSamplers.create(id, params, problem) : create(id, params);
    }

    /**
     * A sampler parameter's range and default, for editors.
     *
     * @param name the parameter
     * @param min smallest value
     * @param max largest value
     * @param step spinner step (1 for whole numbers)
     * @param defaultValue the default
     * @param meaning one line for a tooltip
     */
    public record Parameter(String name, double min, double max, double step, double defaultValue, String meaning) {
    }

    private static final Map<String, Parameter> RANGES = Map.ofEntries(
            Map.entry("ddim-eta/eta", new Parameter("eta", 0, 1, 0.1, 0.5, "η: 0 is DDIM, 1 is DDPM with the posterior variance")),
            Map.entry("lagrange/K", new Parameter("K", 1, 4, 1, 2, "order K: K anchors per interval (K = 1 is DDIM)")),
            Map.entry("lagrange/R", new Parameter("R", 1, 10, 1, 1, "refinement rounds R (default K − 1)")),
            Map.entry("lagrange/anchors", new Parameter("anchors", 0, 1, 1, 0, "anchor placement: 0 uniform in λ, 1 Chebyshev–Lobatto")),
            Map.entry("unipc-3/variant", new Parameter("variant", 1, 2, 1, 1, "B(h): 1 = bh1 (h, the reference default), 2 = bh2 (e^h − 1)")),
            Map.entry("unipc-3/lowerOrderFinal", new Parameter("lowerOrderFinal", 0, 1, 1, 1, "1: lower-order final steps as the reference; 0: full order")),
            Map.entry("dpm-solver-3/lowerOrderFinal", new Parameter("lowerOrderFinal", 0, 1, 1, 1, "1: orders [3, …, 3, 2, 1] as the reference; 0: all 3")),
            Map.entry("fddim/iterations", new Parameter("iterations", 0, 100, 1, 0, "0: solve the implicit step to 1e-13; k: exactly k iterations")),
            Map.entry("fddim-avg/iterations", new Parameter("iterations", 0, 100, 1, 0, "0: solve the implicit step to 1e-13; k: exactly k iterations")),
            Map.entry("piadm-sde/M", new Parameter("M", 1, 64, 1, 4, "M sub-steps per block")),
            Map.entry("piadm-sde/K", new Parameter("K", 1, 64, 1, 3, "K Picard iterations per block (K ≥ M is sequential)")),
            Map.entry("piadm-ode/M", new Parameter("M", 1, 64, 1, 4, "M sub-steps per block")),
            Map.entry("piadm-ode/K", new Parameter("K", 1, 64, 1, 3, "K Picard iterations per block (K ≥ M is sequential)")));

    /** The parameters of a sampler with their ranges and defaults. */
    public static List<Parameter> parameterSpecs(String id) {
        if (InverseSamplers.contains(id)) {
            return InverseSamplers.parameterSpecs(id);
        }
        return parameters(id).stream().map(n -> RANGES.get(id + "/" + n)).filter(java.util.Objects::nonNull).toList();
    }

    /** A sampler with default parameters. */
    public static Sampler create(String id) {
        return create(id, Map.of());
    }

    /**
     * @param id a sampler id
     * @param params numeric parameters by name
     * @throws IllegalArgumentException naming the allowed ids or parameters
     */
    public static Sampler create(String id, Map<String, Double> params) {
        Function<Map<String, Double>, Sampler> f = FACTORIES.get(id);
        if (f == null && InverseSamplers.contains(id)) {
            throw InverseSamplers.needsObservation(id);
        }
        if (f == null) {
            throw new IllegalArgumentException("unknown sampler '" + id + "'; allowed: " + String.join(", ", ids()));
        }
        for (String key : params.keySet()) {
            if (!PARAMETERS.get(id).contains(key)) {
                throw new IllegalArgumentException("sampler '" + id + "' has no parameter '" + key + "'; allowed: "
                        + (PARAMETERS.get(id).isEmpty() ? "none" : String.join(", ", PARAMETERS.get(id))));
            }
        }
        return f.apply(params);
    }

    /** Metadata of every registered sampler (with default parameters). */
    public static List<SamplerInfo> all() {
        return ids().stream().map(id -> create(id).info()).toList();
    }
}
