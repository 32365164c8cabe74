package org.scorescope.sampler;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sampler with its parameters, written {@code base:name=value:name=value}
 * ({@code lagrange:K=3:R=2:anchors=0}, {@code dpm-solver-3:lowerOrderFinal=0}). The one grammar
 * for sampler ids in the CLI ({@code --sampler}, {@code --samplers}, {@code sweep --param}),
 * scenario files, the rate study and every output file.
 *
 * <p>{@link #parse} reads what a user typed (parameters in any order, any subset; {@code ,} is
 * accepted in place of {@code :} between parameters). {@link SamplerRegistry#canonical} checks it
 * against the declared parameters and fills every default, in declaration order: that canonical
 * form is what outputs and legends write, so two runs of the same configuration carry the same id
 * and two configurations never do. Separators are chosen so that an id needs no quoting in CSV,
 * JSON or a shell.
 *
 * @param base the registry id ({@code lagrange})
 * @param params parameter values by name, in the order given
 */
public record SamplerId(String base, Map<String, Double> params) {

    /** Copies the map, keeping its order. */
    public SamplerId {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** An id without parameters. */
    public static SamplerId of(String base) {
        return new SamplerId(base, Map.of());
    }

    /**
     * Reads {@code base[:name=value[:name=value…]]}.
     *
     * @throws IllegalArgumentException naming the bad piece
     */
    public static SamplerId parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a sampler id must not be empty");
        }
        String s = text.trim();
        int colon = s.indexOf(':');
        String base = colon < 0 ? s : s.substring(0, colon).trim();
        if (base.isEmpty() || base.contains("=") || base.contains(",")) {
            throw new IllegalArgumentException("'" + text + "' is not a sampler id: write id or id:name=value:name=value");
        }
        Map<String, Double> params = new LinkedHashMap<>();
        if (colon >= 0) {
            for (String piece : s.substring(colon + 1).split("[:,]")) {
                String p = piece.trim();
                int eq = p.indexOf('=');
                if (eq <= 0 || eq == p.length() - 1) {
                    throw new IllegalArgumentException("'" + text + "': parameter '" + p + "' must be written name=value");
                }
                String name = p.substring(0, eq).trim();
                String value = p.substring(eq + 1).trim();
                double v;
                try {
                    v = Double.parseDouble(value);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + text + "': " + name + " must be a number, was '" + value + "'");
                }
                if (params.put(name, v) != null) {
                    throw new IllegalArgumentException("'" + text + "': parameter " + name + " is given twice");
                }
            }
        }
        return new SamplerId(base, params);
    }

    /**
     * Reads a comma-separated list as picocli splits it: a piece {@code name=value} with no
     * {@code :} continues the id before it, so {@code lagrange:K=3,R=2,ddim} is two ids.
     */
    public static List<SamplerId> parseList(List<String> pieces) {
        List<String> joined = new ArrayList<>();
        for (String piece : pieces) {
            String p = piece.trim();
            if (p.isEmpty()) {
                continue;
            }
            if (p.contains("=") && !p.contains(":") && !joined.isEmpty()) {
                joined.set(joined.size() - 1, joined.get(joined.size() - 1) + ":" + p);
            } else {
                joined.add(p);
            }
        }
        return joined.stream().map(SamplerId::parse).toList();
    }

    /** The same id with one more (or a replaced) parameter. */
    public SamplerId with(String name, double value) {
        Map<String, Double> p = new LinkedHashMap<>(params);
        p.put(name, value);
        return new SamplerId(base, p);
    }

    /** A number as an id writes it: whole numbers without decimals, others in their shortest form. */
    public static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** {@code base:name=value:…} in the map's order. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(base);
        for (Map.Entry<String, Double> e : params.entrySet()) {
            b.append(':').append(e.getKey()).append('=').append(format(e.getValue()));
        }
        return b.toString();
    }
}
