package org.scorescope.ui.model;

import java.util.LinkedHashMap;
import java.util.Map;
import org.scorescope.sampler.SamplerId;
import org.scorescope.sampler.SamplerRegistry;
import org.scorescope.scenario.Scenario;

/**
 * A sampler slot as the window edits it: an id and its parameters (as the scenario file has them),
 * with the canonical id of {@link SamplerId} that names both ({@code lagrange:K=3:R=2:anchors=0}) —
 * what the picker can list and what reports print; {@link #parse} reads any id the CLI reads.
 *
 * @param id the sampler id in the registry
 * @param params its parameters (insertion order kept, as read from the scenario file)
 */
public record SamplerChoice(String id, Map<String, Double> params) {
    /** Copies the parameters, keeping their order. */
    public SamplerChoice {
        params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** A sampler with default parameters. */
    public static SamplerChoice of(String id) {
        return new SamplerChoice(id, Map.of());
    }

    /** The slot of a scenario's sampler. */
    public static SamplerChoice of(Scenario.SamplerSpec spec) {
        return new SamplerChoice(spec.id(), spec.params());
    }

    /**
     * Reads a sampler id as the command line does ({@code id}, {@code id:name=value:name=value};
     * {@code ,} is accepted between parameters).
     *
     * @throws IllegalArgumentException naming the piece that is not {@code name=number}
     */
    public static SamplerChoice parse(String text) {
        SamplerId id = SamplerId.parse(text);
        return new SamplerChoice(id.base(), id.params());
    }

    /**
     * The canonical id, as every output writes it: every declared parameter with its value or default,
     * in declaration order ({@code lagrange:K=3:R=2:anchors=0}); for an id the registry does not know,
     * the id with the parameters given.
     */
    public String canonical() {
        try {
            return SamplerRegistry.canonical(new SamplerId(id, params)).toString();
        } catch (IllegalArgumentException e) {
            return new SamplerId(id, params).toString();
        }
    }

    /** The same sampler with one parameter set (kept in its place, or appended). */
    public SamplerChoice with(String name, double value) {
        Map<String, Double> p = new LinkedHashMap<>(params);
        p.put(name, value);
        return new SamplerChoice(id, p);
    }

    /** As a scenario's sampler entry. */
    public Scenario.SamplerSpec spec() {
        return new Scenario.SamplerSpec(id, params);
    }
}
