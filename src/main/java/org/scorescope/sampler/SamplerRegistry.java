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
    }

    private SamplerRegistry() {
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
        return PARAMETERS.getOrDefault(id, List.of());
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
