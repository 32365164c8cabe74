package org.scorescope.teaching;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scorescope.sampler.SamplerId;
import org.scorescope.sampler.SamplerRegistry;

/**
 * The update rule of every registry sampler as its source writes it, read from
 * {@code update-rules.txt} beside this class (LaTeX is written there as LaTeX, without Java's
 * escapes). A test checks that every registry id has its rule and that every rule renders.
 */
public final class UpdateRules {
    private static final Map<String, Block> BLOCKS = load();

    private record Block(List<String> tex, String source, String paper, String note) {
    }

    private UpdateRules() {
    }

    /** The registry ids that have a rule, in file order. */
    public static List<String> ids() {
        return List.copyOf(BLOCKS.keySet());
    }

    /**
     * The rule of a sampler, with its parameters filled in.
     *
     * @param key a sampler id with or without parameters ({@code lagrange:K=3})
     * @throws IllegalArgumentException for an id without a rule
     */
    public static UpdateRule of(String key) {
        SamplerId id = SamplerRegistry.canonical(SamplerId.parse(key));
        Block b = BLOCKS.get(id.base());
        if (b == null) {
            throw new IllegalArgumentException("no update rule for sampler '" + id.base() + "'");
        }
        Map<String, String> values = new LinkedHashMap<>();
        id.params().forEach((name, v) -> values.put(name, SamplerId.format(v)));
        values.put("v", id.base().equals("piadm-sde") ? "1" : "0");
        List<String> lines = b.tex().stream().map(l -> fill(l, values)).toList();
        return new UpdateRule(id.toString(), lines, b.source(), b.paper(), fill(b.note(), values));
    }

    private static String fill(String text, Map<String, String> values) {
        String out = text;
        for (Map.Entry<String, String> e : values.entrySet()) {
            out = out.replace("{" + e.getKey() + "}", e.getValue());
        }
        return out;
    }

    private static Map<String, Block> load() {
        String text;
        try (InputStream in = UpdateRules.class.getResourceAsStream("update-rules.txt")) {
            if (in == null) {
                throw new IllegalStateException("update-rules.txt is missing from the application");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Block> out = new LinkedHashMap<>();
        String id = null;
        List<String> tex = new ArrayList<>();
        Map<String, String> fields = new LinkedHashMap<>();
        for (String raw : (text + "\n[]").lines().toList()) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                if (id != null) {
                    out.put(id, new Block(List.copyOf(tex), fields.getOrDefault("source", ""), fields.getOrDefault("paper", ""),
                            fields.getOrDefault("note", "")));
                }
                id = line.substring(1, line.length() - 1);
                tex = new ArrayList<>();
                fields = new LinkedHashMap<>();
                continue;
            }
            int colon = line.indexOf(':');
            String field = line.substring(0, colon);
            String value = line.substring(colon + 1).strip();
            if (field.equals("tex")) {
                tex.add(value);
            } else {
                fields.put(field, value);
            }
        }
        return out;
    }
}
