package org.scorescope.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.function.Supplier;

/**
 * One declared field of a scenario JSON object: its name, type, allowed range or values, whether
 * it is required and its default. {@link Schema} checks a field against its declaration and names
 * it by its JSON path in every message. Declarations are immutable; the builder methods return
 * copies.
 */
public final class Field {
    /** The JSON types a field can have. */
    public enum Kind {
        /** a string, optionally one of a list */
        TEXT,
        /** an integer */
        WHOLE,
        /** a finite number */
        NUMBER,
        /** a non-empty array of finite numbers */
        NUMBERS,
        /** a non-empty array of non-empty arrays of finite numbers */
        MATRIX,
        /** a non-empty array of matrices */
        MATRICES,
        /** a string (short for an object with one key, {@link #textKey}) or an object */
        TEXT_OR_OBJECT,
        /** an array whose items the reader checks */
        LIST,
        /** an object whose fields the reader checks with its own schema */
        OBJECT
    }

    private String name;
    private Kind kind;
    private boolean required;
    private Object fallback;
    private double min = Double.NEGATIVE_INFINITY;
    private double max = Double.POSITIVE_INFINITY;
    private boolean integral;
    private Supplier<List<String>> allowed;
    private String what = "value";
    private int minItems = 1;
    private int maxItems = Integer.MAX_VALUE;
    private String textKey;
    private String reason = "";
    private String word;

    private Field(String name, Kind kind) {
        this.name = name;
        this.kind = kind;
    }

    private Field copy() {
        Field f = new Field(name, kind);
        f.required = required;
        f.fallback = fallback;
        f.min = min;
        f.max = max;
        f.integral = integral;
        f.allowed = allowed;
        f.what = what;
        f.minItems = minItems;
        f.maxItems = maxItems;
        f.textKey = textKey;
        f.reason = reason;
        f.word = word;
        return f;
    }

    /** A string of at most {@code maxLength} characters. */
    public static Field text(String name, int maxLength) {
        return new Field(name, Kind.TEXT).items(0, maxLength);
    }

    /** A string that must be one of {@code allowed} (a {@code what} such as "sampler" names it in messages). */
    public static Field oneOf(String name, String what, Supplier<List<String>> allowed) {
        Field f = new Field(name, Kind.TEXT);
        f.allowed = allowed;
        f.what = what;
        return f;
    }

    /** An integer in [min, max]. */
    public static Field whole(String name, long min, long max) {
        return new Field(name, Kind.WHOLE).range(min, max);
    }

    /** A finite number in [min, max]. */
    public static Field number(String name, double min, double max) {
        return new Field(name, Kind.NUMBER).range(min, max);
    }

    /** An array of finite numbers in [min, max]. */
    public static Field numbers(String name, double min, double max) {
        return new Field(name, Kind.NUMBERS).range(min, max);
    }

    /** An array of arrays of finite numbers in [min, max]. */
    public static Field matrix(String name, double min, double max) {
        return new Field(name, Kind.MATRIX).range(min, max);
    }

    /** An array of matrices of finite numbers in [min, max]. */
    public static Field matrices(String name, double min, double max) {
        return new Field(name, Kind.MATRICES).range(min, max);
    }

    /** A string that stands for {@code {"textKey": string}}, or an object. */
    public static Field textOrObject(String name, String textKey) {
        Field f = new Field(name, Kind.TEXT_OR_OBJECT);
        f.textKey = textKey;
        return f;
    }

    /** An array of {@code minItems..maxItems} items. */
    public static Field list(String name, int minItems, int maxItems) {
        return new Field(name, Kind.LIST).items(minItems, maxItems);
    }

    /** An object. */
    public static Field object(String name) {
        return new Field(name, Kind.OBJECT);
    }

    /** This field, required. */
    public Field required() {
        Field f = copy();
        f.required = true;
        return f;
    }

    /** This field with a default for when it is absent. */
    public Field orElse(Object value) {
        Field f = copy();
        f.fallback = value;
        return f;
    }

    /** A number field that only takes whole values (a sampler's order K). */
    public Field integral() {
        Field f = copy();
        f.integral = true;
        return f;
    }

    /** Array lengths (texts: characters) in [minItems, maxItems]. */
    public Field items(int lo, int hi) {
        Field f = copy();
        f.minItems = lo;
        f.maxItems = hi;
        return f;
    }

    /** Why the range is what it is, added to a range message ("the noise law is N(0, I)"). */
    public Field because(String why) {
        Field f = copy();
        f.reason = " (" + why + ")";
        return f;
    }

    /** An array-of-numbers field that also takes one word instead ({@code "y": "draw"}); read it with {@code Values.node}. */
    public Field orWord(String text) {
        Field f = copy();
        f.word = text;
        return f;
    }

    private Field range(double lo, double hi) {
        Field f = copy();
        f.min = lo;
        f.max = hi;
        return f;
    }

    Kind kind() {
        return kind;
    }

    boolean isRequired() {
        return required;
    }

    Object fallback() {
        return fallback;
    }

    String textKey() {
        return textKey;
    }

    /** The field's name. */
    public String name() {
        return name;
    }

    /** Checks a present value against the declaration; {@code path} names it. */
    void check(JsonNode n, String path) {
        switch (kind) {
            case TEXT -> checkText(n, path);
            case WHOLE -> checkWhole(n, path);
            case NUMBER -> checkNumber(n, path);
            case NUMBERS -> {
                if (word != null && n.isTextual()) {
                    if (!n.textValue().equals(word)) {
                        throw new ScenarioException(path, "must be an array of numbers [x, …] or '" + word + "', was " + shown(n));
                    }
                } else {
                    checkArray(n, path, 1);
                }
            }
            case MATRIX -> checkArray(n, path, 2);
            case MATRICES -> checkArray(n, path, 3);
            case TEXT_OR_OBJECT -> {
                if (!n.isTextual() && !n.isObject()) {
                    throw new ScenarioException(path, "must be a text or an object with \"" + textKey + "\", was " + shown(n));
                }
            }
            case LIST -> {
                if (!n.isArray()) {
                    throw new ScenarioException(path, "must be an array, was " + shown(n));
                }
                if (n.size() < minItems || n.size() > maxItems) {
                    throw new ScenarioException(path, "must have " + minItems + ".." + maxItems + " items, had " + n.size());
                }
            }
            case OBJECT -> {
                if (!n.isObject()) {
                    throw new ScenarioException(path, "must be an object {…}, was " + shown(n));
                }
            }
            default -> throw new IllegalStateException(kind.toString());
        }
    }

    private void checkText(JsonNode n, String path) {
        if (!n.isTextual()) {
            throw new ScenarioException(path, "must be a text in quotes" + allowedList() + ", was " + shown(n));
        }
        String v = n.textValue();
        if (allowed != null) {
            List<String> ok = allowed.get();
            if (!ok.contains(v)) {
                throw new ScenarioException(path, NearestName.unknown(what, clip(v), ok));
            }
        } else if (v.length() > maxItems) {
            throw new ScenarioException(path, "must be at most " + maxItems + " characters, had " + v.length());
        }
    }

    private String allowedList() {
        return allowed == null ? "" : " (allowed: " + String.join(", ", allowed.get()) + ")";
    }

    private void checkWhole(JsonNode n, String path) {
        if (!n.isIntegralNumber() || !n.canConvertToLong()) {
            throw new ScenarioException(path, "must be a whole number in " + (long) min + ".." + (long) max + ", was " + shown(n) + reason);
        }
        if (n.longValue() < min || n.longValue() > max) {
            throw new ScenarioException(path, "must be in " + (long) min + ".." + (long) max + ", was " + shown(n) + reason);
        }
    }

    private void checkNumber(JsonNode n, String path) {
        if (!n.isNumber()) {
            throw new ScenarioException(path, "must be a number, was " + shown(n));
        }
        double v = n.doubleValue();
        if (!Double.isFinite(v)) {
            throw new ScenarioException(path, "must be finite, was " + shown(n));
        }
        if (integral && (v != Math.rint(v) || v < min || v > max)) {
            throw new ScenarioException(path, "must be a whole number in " + range() + ", was " + format(v) + reason);
        }
        if (v < min || v > max) {
            throw new ScenarioException(path, "must be in " + range() + ", was " + format(v) + reason);
        }
    }

    private String range() {
        return integral ? format(min) + ".." + format(max) : "[" + format(min) + ", " + format(max) + "]";
    }

    private void checkArray(JsonNode n, String path, int rank) {
        String form = rank == 1 ? "an array of numbers [x, …]" : rank == 2 ? "an array of arrays of numbers [[x, …], …]"
                : "an array of matrices [[[x, …], …], …]";
        if (!n.isArray() || n.isEmpty()) {
            throw new ScenarioException(path, "must be " + (n.isArray() ? "a non-empty " + form.substring(3) : form) + ", was " + shown(n));
        }
        if (n.size() < minItems || n.size() > maxItems) {
            throw new ScenarioException(path, "must have " + minItems + ".." + maxItems + " entries, had " + n.size());
        }
        for (int i = 0; i < n.size(); i++) {
            String p = path + "[" + i + "]";
            if (rank == 1) {
                checkNumber(n.get(i), p);
            } else {
                Field inner = items(1, Integer.MAX_VALUE);
                inner.kind = rank == 2 ? Kind.NUMBERS : Kind.MATRIX;
                inner.checkArray(n.get(i), p, rank - 1);
            }
        }
    }

    /** A number as a user would write it: 20, 0.5, 1.0E12. */
    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    /** A JSON value, shortened for a message. */
    static String shown(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return "nothing";
        }
        if (n.isTextual()) {
            return "'" + clip(n.textValue()) + "'";
        }
        if (n.isNull()) {
            return "null";
        }
        if (n.isArray() && n.isEmpty()) {
            return "[]";
        }
        if (n.isContainerNode()) {
            return n.isArray() ? "an array" : "an object";
        }
        return clip(n.toString());
    }

    private static String clip(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "…" : s;
    }
}
