package org.scorescope.ui.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.scorescope.scenario.Scenario;

/**
 * A sampler slot as the window edits it: an id and its parameters, with the canonical id that
 * names both ({@code lagrange:K=3,R=2}; parameters in name order, whole numbers without ".0"). The
 * canonical id is what the picker lists and what reports print; {@link #parse} reads it back.
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
     * Reads a canonical id: {@code id} or {@code id:name=value,name=value}.
     *
     * @throws IllegalArgumentException naming the part that is not {@code name=number}
     */
    public static SamplerChoice parse(String canonical) {
        int colon = canonical.indexOf(':');
        if (colon < 0) {
            return of(canonical.strip());
        }
        Map<String, Double> p = new LinkedHashMap<>();
        for (String part : canonical.substring(colon + 1).split(",")) {
            String[] kv = part.split("=");
            if (kv.length != 2) {
                throw new IllegalArgumentException("'" + part + "' in '" + canonical + "' is not name=number");
            }
            try {
                p.put(kv[0].strip(), Double.parseDouble(kv[1].strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + part + "' in '" + canonical + "' is not name=number", e);
            }
        }
        return new SamplerChoice(canonical.substring(0, colon).strip(), p);
    }

    /** The canonical id: {@code id}, or {@code id:a=1,b=0.5} with parameters in name order. */
    public String canonical() {
        if (params.isEmpty()) {
            return id;
        }
        StringBuilder b = new StringBuilder(id).append(':');
        boolean first = true;
        for (Map.Entry<String, Double> e : new TreeMap<>(params).entrySet()) {
            if (!first) {
                b.append(',');
            }
            first = false;
            double v = e.getValue();
            b.append(e.getKey()).append('=').append(v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v));
        }
        return b.toString();
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
