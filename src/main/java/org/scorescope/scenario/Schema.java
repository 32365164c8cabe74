package org.scorescope.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The declared fields of one JSON object of a scenario file: the one validation layer. Reading an
 * object through its schema rejects every undeclared name with the nearest declared one ("unknown
 * field 'wieghts' — did you mean 'weights'?"), checks every present field's type, range and allowed
 * values, reports a missing required field, and names the field by its JSON path
 * ({@code target.covariances[2]}) in every message; what remains for the reader are the rules that
 * tie fields together (equal lengths, {@code lo < hi}).
 *
 * <h2>Adding a field</h2>
 * <ol>
 * <li>Declare it in its object's schema in {@link ScenarioJson} (the top level is
 * {@code ScenarioJson.TOP}), e.g. {@code Field.whole("classes", 1, 64).orElse(1L)},
 * {@code Field.oneOf("guidance", "guidance", () -> List.of("none", "cfg"))},
 * {@code Field.object("observation")} with its own {@code Schema.of(...)} for the fields inside.</li>
 * <li>Read it by name from the {@link Values} of that object, put it in the {@link Scenario} record,
 * and write it back in {@link ScenarioJson#write}.</li>
 * <li>A CLI flag that sets it is one {@code ScenarioInput.set("classes", value, "--classes")}; its
 * errors then name the flag.</li>
 * </ol>
 */
public final class Schema {
    private final Map<String, Field> fields;
    private final String noun;

    private Schema(Map<String, Field> fields, String noun) {
        this.fields = fields;
        this.noun = noun;
    }

    /** A schema of these fields; undeclared names are "unknown field". */
    public static Schema of(Field... fields) {
        Map<String, Field> m = new LinkedHashMap<>();
        for (Field f : fields) {
            m.put(f.name(), f);
        }
        return new Schema(Collections.unmodifiableMap(m), "field");
    }

    /** The same schema with more fields. */
    public Schema with(List<Field> more) {
        Map<String, Field> m = new LinkedHashMap<>(fields);
        for (Field f : more) {
            m.put(f.name(), f);
        }
        return new Schema(Collections.unmodifiableMap(m), noun);
    }

    /** The same schema calling its names {@code noun} in messages ("parameter" for a sampler's). */
    public Schema calling(String newNoun) {
        return new Schema(fields, newNoun);
    }

    /** The declared names, in declaration order. */
    public List<String> names() {
        return List.copyOf(fields.keySet());
    }

    /** The declaration of a name, or null. */
    Field field(String name) {
        return fields.get(name);
    }

    /** The JSON path of a child field. */
    static String child(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /**
     * Checks an object against the schema.
     *
     * @param node the object
     * @param path its JSON path ("" for the top level)
     * @param context what the object is, for the unknown-name message ("a gaussian-mixture"), or null
     * @throws ScenarioException naming the first bad field
     */
    public Values read(JsonNode node, String path, String context) {
        if (node == null || !node.isObject()) {
            throw new ScenarioException(path.isEmpty() ? "file" : path, "must be a JSON object {…}, was " + Field.shown(node));
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String name = it.next();
            if (!fields.containsKey(name)) {
                throw new ScenarioException(child(path, name), "unknown " + noun + " '" + name + "'"
                        + (context == null ? "" : " in " + context) + NearestName.hint(name, fields.keySet())
                        + " (allowed: " + (fields.isEmpty() ? "none" : String.join(", ", fields.keySet())) + ")");
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            Field f = fields.get(e.getKey());
            if (e.getValue().isNull() && !f.isRequired()) {
                continue;
            }
            f.check(e.getValue(), child(path, e.getKey()));
        }
        for (Field f : fields.values()) {
            JsonNode v = node.get(f.name());
            if (f.isRequired() && (v == null || v.isNull())) {
                throw ScenarioException.missing(child(path, f.name()), "is required" + (context == null ? "" : " in " + context));
            }
        }
        return new Values(this, node, path);
    }

    /** The checked fields of one object, read by name. Absent fields give their declared default. */
    public static final class Values {
        private final Schema schema;
        private final JsonNode node;
        private final String path;

        private Values(Schema schema, JsonNode node, String path) {
            this.schema = schema;
            this.node = node;
            this.path = path;
        }

        /** Whether the field is present (and not null). */
        public boolean has(String name) {
            JsonNode v = node.get(name);
            return v != null && !v.isNull();
        }

        /** The JSON path of a field. */
        public String path(String name) {
            return child(path, name);
        }

        /** The raw value, or null when absent. */
        public JsonNode node(String name) {
            declared(name);
            return has(name) ? node.get(name) : null;
        }

        /** A text field. */
        public String text(String name) {
            return has(name) ? node.get(name).textValue() : (String) declared(name).fallback();
        }

        /** A whole-number field. */
        public long whole(String name) {
            if (has(name)) {
                return node.get(name).longValue();
            }
            Object d = declared(name).fallback();
            if (d == null) {
                throw new IllegalStateException(name + " has no default");
            }
            return ((Number) d).longValue();
        }

        /** A number field, or NaN when absent without a default. */
        public double number(String name) {
            if (has(name)) {
                return node.get(name).doubleValue();
            }
            Object d = declared(name).fallback();
            return d == null ? Double.NaN : ((Number) d).doubleValue();
        }

        /** An array-of-numbers field, or null. */
        public double[] numbers(String name) {
            return has(name) ? vector(node.get(name)) : null;
        }

        /** A matrix field, or null. */
        public double[][] matrix(String name) {
            return has(name) ? matrix(node.get(name)) : null;
        }

        /** An array-of-matrices field, or null. */
        public double[][][] matrices(String name) {
            if (!has(name)) {
                return null;
            }
            JsonNode n = node.get(name);
            double[][][] m = new double[n.size()][][];
            for (int i = 0; i < m.length; i++) {
                m[i] = matrix(n.get(i));
            }
            return m;
        }

        /** The numeric fields other than {@code except}, by name (a schedule's or a sampler's parameters). */
        public Map<String, Double> numbersExcept(List<String> except) {
            Map<String, Double> out = new LinkedHashMap<>();
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            for (String n : names) {
                Field f = schema.field(n);
                if (!except.contains(n) && f.kind() == Field.Kind.NUMBER && has(n)) {
                    out.put(n, node.get(n).doubleValue());
                }
            }
            return out;
        }

        private Field declared(String name) {
            Field f = schema.field(name);
            if (f == null) {
                throw new IllegalArgumentException("undeclared field " + name);
            }
            return f;
        }

        private static double[] vector(JsonNode n) {
            double[] v = new double[n.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = n.get(i).doubleValue();
            }
            return v;
        }

        private static double[][] matrix(JsonNode n) {
            double[][] m = new double[n.size()][];
            for (int i = 0; i < m.length; i++) {
                m[i] = vector(n.get(i));
            }
            return m;
        }
    }
}
