package org.scorescope.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A scenario put together from a file and command-line flags. <b>Flags win</b>: a flag replaces the
 * file's field, and fills in a field the file leaves out, so that a file holding only a target runs
 * with {@code --sampler ddim}. Everything, from the file or from a flag, goes through the one
 * validation of {@link ScenarioJson}; a problem with a value a flag set names the flag
 * ({@code --particles: must be a whole number in 1..10000000, was 0}), a problem in the file names
 * the JSON path and the file.
 */
public final class ScenarioInput {
    private final ObjectNode tree;
    private final Path file;
    private final Map<String, String> flags = new LinkedHashMap<>();
    private final Map<String, String[]> missing = new LinkedHashMap<>();

    private ScenarioInput(ObjectNode tree, Path file) {
        this.tree = tree;
        this.file = file;
    }

    /** Nothing yet: the flags give everything. */
    public static ScenarioInput empty() {
        return new ScenarioInput(ScenarioJson.object(), null);
    }

    /**
     * The fields of a scenario file (checked as UTF-8 text and as JSON now, as a scenario by
     * {@link #build}).
     *
     * @param flag the flag that named the file, for file-level messages
     */
    public static ScenarioInput fromFile(Path file, String flag) {
        JsonNode root = ScenarioJson.readTree(file, flag);
        if (!root.isObject()) {
            throw new ScenarioException(flag, "'" + file + "' must hold a JSON object {\"target\": …}, was " + Field.shown(root));
        }
        return new ScenarioInput((ObjectNode) root.deepCopy(), file);
    }

    /**
     * Sets a field, replacing what the file had.
     *
     * @param path a JSON path of objects: {@code "particles"}, {@code "schedule.spacing"}; a field
     *        written in the file in its short text form ({@code "schedule": "vp-continuous"}) is
     *        expanded to its object form first
     * @param value a text, number, list, map or array
     * @param flag the flag that gave it, named in messages about it
     */
    public ScenarioInput set(String path, Object value, String flag) {
        String[] parts = path.split("\\.");
        ObjectNode parent = tree;
        for (int i = 0; i < parts.length - 1; i++) {
            parent = objectAt(parent, parts[i], i == 0 ? ScenarioJson.TOP.field(parts[i]) : null);
        }
        parent.set(parts[parts.length - 1], ScenarioJson.toNode(value));
        flags.put(path, flag);
        return this;
    }

    /** Problems at {@code path} (and inside it) are about {@code flag}, though another flag set the value. */
    public ScenarioInput blame(String path, String flag) {
        flags.put(path, flag);
        return this;
    }

    /** When {@code path} is still missing after the flags, say "{@code flag}: {@code advice}" instead. */
    public ScenarioInput whenMissing(String path, String flag, String advice) {
        missing.put(path, new String[] {flag, advice});
        return this;
    }

    /** The current value at a top-level field, or null. */
    public JsonNode get(String field) {
        JsonNode n = tree.get(field);
        return n == null || n.isNull() ? null : n;
    }

    /** The scenario, validated completely. */
    public Scenario build() {
        return build(Scenario.MAX_SAMPLERS);
    }

    /** The same, allowing more samplers than a run holds at once (a sweep runs them one after the other). */
    public Scenario build(int maxSamplers) {
        try {
            return ScenarioJson.fromTree(tree, maxSamplers);
        } catch (ScenarioException e) {
            throw explain(e);
        }
    }

    /** The same problem, named by the flag that caused it, or located in the file. */
    public ScenarioException explain(ScenarioException e) {
        String[] m = missing.get(e.field());
        if (e.isMissing() && m != null && !flags.containsKey(e.field())) {
            return e.relabel(m[0], m[1]);
        }
        String best = null;
        for (String p : flags.keySet()) {
            if (covers(p, e.field()) && (best == null || p.length() > best.length())) {
                best = p;
            }
        }
        if (best != null) {
            String inner = e.field().substring(best.length()).replaceAll("^(\\[\\d+\\])+", "").replaceFirst("^\\.", "");
            boolean named = inner.isEmpty() || inner.equals("id") || e.detail().contains("'" + inner + "'");
            return e.relabel(flags.get(best), (named ? "" : inner + " ") + e.detail());
        }
        if (file != null && !e.field().startsWith("-")) {
            return e.relabel(e.field(), e.detail() + " (in " + file + ")");
        }
        return e;
    }

    private static boolean covers(String prefix, String field) {
        return field.equals(prefix) || field.startsWith(prefix + ".") || field.startsWith(prefix + "[");
    }

    private static ObjectNode objectAt(ObjectNode parent, String name, Field declared) {
        JsonNode n = parent.get(name);
        if (n == null || n.isNull()) {
            n = declared != null && declared.textKey() != null && declared.fallback() instanceof String s ? textForm(declared, s)
                    : ScenarioJson.object();
        } else if (n.isTextual() && declared != null && declared.textKey() != null) {
            n = textForm(declared, n.textValue());
        }
        if (!n.isObject()) {
            n = ScenarioJson.object();
        }
        parent.set(name, n);
        return (ObjectNode) n;
    }

    private static ObjectNode textForm(Field declared, String text) {
        ObjectNode o = ScenarioJson.object();
        o.put(declared.textKey(), text);
        return o;
    }
}
