package org.scorescope.sampler;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.scorescope.inverse.InverseProblem;

/**
 * The registry entries of the samplers that solve an inverse problem (issue 15): each is built
 * with the observation and the exact posterior of its scenario, besides its numeric parameters.
 * {@link SamplerRegistry} lists them with {@code inverseIds()} and builds them with
 * {@code create(id, params, problem)}.
 */
final class InverseSamplers {
    private record Entry(List<SamplerRegistry.Parameter> parameters, BiFunction<Map<String, Double>, InverseProblem, Sampler> factory) {
    }

    private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();

    static {
        register("posterior-exact", (p, ip) -> new PosteriorExactSampler(SamplerRegistry.create(PosteriorExactSampler.BASES.get(whole(p.get("base")))), ip),
                new SamplerRegistry.Parameter("base", 0, PosteriorExactSampler.BASES.size() - 1, 1, 0,
                        "base sampler on the exact posterior score: " + baseList()));
        register("dps", (p, ip) -> new DpsSampler(p.get("zeta"), ip),
                new SamplerRegistry.Parameter("zeta", 0, 10, 0.05, DpsSampler.DEFAULT_ZETA,
                        "ζ: step size on the gradient of ‖y − A x̂₀‖ (reference: 0.5 inpainting, 0.3 deblur)"));
        register("ddrm", (p, ip) -> new DdrmSampler(p.get("eta"), p.get("etaB"), ip),
                new SamplerRegistry.Parameter("eta", 0, 1, 0.05, DdrmSampler.DEFAULT_ETA, "η (η_A = η_C of the reference)"),
                new SamplerRegistry.Parameter("etaB", 0, 1, 0.05, DdrmSampler.DEFAULT_ETA_B, "η_b: weight of y on directions noisier than y"));
        register("ddnm", (p, ip) -> new DdnmPlusSampler(p.get("eta"), ip),
                new SamplerRegistry.Parameter("eta", 0, 1, 0.05, DdnmPlusSampler.DEFAULT_ETA, "η: DDIM stochasticity of DDNM+"));
        register("snr-split", (p, ip) -> new SnrSplitSampler(p.get("etaUnobserved"), p.get("etaExponent"), p.get("etaPrior"),
                whole(p.get("crossing")), ip),
                new SamplerRegistry.Parameter("etaUnobserved", 0, 1000, 0.5, SnrSplitSampler.DEFAULT_ETA_UNOBSERVED,
                        "η_{S^c} on unobserved directions (its value at δ = 0.01 when etaExponent > 0)"),
                new SamplerRegistry.Parameter("etaExponent", 0, 1, 0.05, SnrSplitSampler.DEFAULT_ETA_EXPONENT,
                        "p in η_{S^c} ∝ δ^{-p} (Theorem 10 needs η_{S^c} → ∞ as δ → 0); 0 keeps η_{S^c} constant"),
                new SamplerRegistry.Parameter("etaPrior", 0, 1, 0.1, 1, "η on prior-dominated directions (1 = DDPM, as 003 writes)"),
                new SamplerRegistry.Parameter("crossing", 0, 1, 1, SnrSplitSampler.DEFAULT_CROSSING,
                        "the step containing τ_s: 1 prior-dominated (default, measured better), 0 observation-dominated with σ' clamped at 0"));
    }

    private InverseSamplers() {
    }

    private static int whole(double v) {
        return (int) Math.round(v);
    }

    private static String baseList() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < PosteriorExactSampler.BASES.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(i).append(' ').append(PosteriorExactSampler.BASES.get(i));
        }
        return b.toString();
    }

    private static void register(String id, BiFunction<Map<String, Double>, InverseProblem, Sampler> f, SamplerRegistry.Parameter... params) {
        ENTRIES.put(id, new Entry(List.of(params), f));
    }

    static List<String> ids() {
        return List.copyOf(ENTRIES.keySet());
    }

    static boolean contains(String id) {
        return ENTRIES.containsKey(id);
    }

    static List<SamplerRegistry.Parameter> parameterSpecs(String id) {
        Entry e = ENTRIES.get(id);
        return e == null ? List.of() : e.parameters();
    }

    static IllegalArgumentException needsObservation(String id) {
        return new IllegalArgumentException("sampler '" + id + "' solves an inverse problem and needs an observation "
                + "(scenario field \"observation\", or --observe-A, --observe-y, --observe-sigma)");
    }

    /** Every declared parameter with its value or default, checked against its range. */
    private static Map<String, Double> complete(String id, Map<String, Double> params) {
        Entry e = ENTRIES.get(id);
        for (String key : params.keySet()) {
            if (e.parameters().stream().noneMatch(p -> p.name().equals(key))) {
                throw new IllegalArgumentException("sampler '" + id + "' has no parameter '" + key + "'; allowed: "
                        + String.join(", ", e.parameters().stream().map(SamplerRegistry.Parameter::name).toList()));
            }
        }
        Map<String, Double> full = new LinkedHashMap<>();
        for (SamplerRegistry.Parameter p : e.parameters()) {
            full.put(p.name(), p.check(params.getOrDefault(p.name(), p.defaultValue())));
        }
        return full;
    }

    /** The canonical id with every parameter ({@code snr-split:etaUnobserved=16:…}), as {@link SamplerInfo#key}. */
    static String key(String id, Map<String, Double> params) {
        return new SamplerId(id, complete(id, params)).toString();
    }

    /**
     * @throws IllegalArgumentException for a missing problem, an unknown parameter or a value out of range
     */
    static Sampler create(String id, Map<String, Double> params, InverseProblem problem) {
        if (problem == null) {
            throw needsObservation(id);
        }
        return ENTRIES.get(id).factory().apply(complete(id, params), problem);
    }
}
