package org.scorescope.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * Parses scenario JSON into a tree, strictly: duplicate keys, content after the object, nesting
 * deeper than {@value #MAX_DEPTH}, numbers longer than {@value #MAX_NUMBER_LENGTH} characters and
 * texts longer than {@value #MAX_TEXT_LENGTH} characters are {@link ScenarioException}s naming the
 * JSON path where they occur; a syntax error names the line and column. NaN and Infinity are read as
 * numbers so that the field holding one can be named by the validation that follows.
 */
final class StrictJson {
    /** Deepest nesting a scenario needs is 4 (covariances); anything deeper than this is not a scenario. */
    static final int MAX_DEPTH = 32;
    static final int MAX_NUMBER_LENGTH = 1000;
    static final int MAX_TEXT_LENGTH = 1_000_000;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH + 8)
                    .maxNumberLength(MAX_NUMBER_LENGTH).maxStringLength(MAX_TEXT_LENGTH).build())
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(false);

    private StrictJson() {
    }

    /** The tree of one JSON value that fills the whole text. */
    static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            throw new ScenarioException("file", "is empty; a scenario is a JSON object {\"target\": …, \"samplers\": […]}");
        }
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken first = next(p, "");
            if (first == null) {
                throw new ScenarioException("file", "is empty; a scenario is a JSON object {\"target\": …, \"samplers\": […]}");
            }
            JsonNode root = value(p, first, "", 0);
            JsonToken extra = next(p, "");
            if (extra != null) {
                throw new ScenarioException("file", "has more after the scenario object " + at(p.currentTokenLocation())
                        + "; a scenario file holds one JSON object");
            }
            return root;
        } catch (IOException e) {
            throw new ScenarioException("file", "cannot be read as JSON: " + e.getMessage());
        }
    }

    private static JsonToken next(JsonParser p, String path) throws IOException {
        try {
            return p.nextToken();
        } catch (StreamConstraintsException e) {
            throw new ScenarioException(where(p, path), limit(e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            throw new ScenarioException("file", "is not valid JSON: " + plain(e.getOriginalMessage()) + " " + at(e.getLocation())
                    + (path.isEmpty() ? "" : ", in " + path));
        }
    }

    private static JsonNode value(JsonParser p, JsonToken t, String path, int depth) throws IOException {
        try {
            return valueUnchecked(p, t, path, depth);
        } catch (StreamConstraintsException e) {
            throw new ScenarioException(where(p, path), limit(e.getOriginalMessage()));
        }
    }

    /**
     * The JSON path where the parser stands (it reads a value ahead of its field name, so the
     * caller's path may be the enclosing object's).
     */
    private static String where(JsonParser p, String fallback) {
        StringBuilder b = new StringBuilder();
        String pointer = p.getParsingContext().pathAsPointer().toString();
        for (String seg : pointer.split("/")) {
            if (seg.isEmpty()) {
                continue;
            }
            String name = seg.replace("~1", "/").replace("~0", "~");
            if (name.chars().allMatch(Character::isDigit)) {
                b.append('[').append(name).append(']');
            } else {
                b.append(b.length() == 0 ? "" : ".").append(name);
            }
        }
        String path = b.length() > 0 ? b.toString() : fallback;
        return path.isEmpty() ? "file" : path;
    }

    private static JsonNode valueUnchecked(JsonParser p, JsonToken t, String path, int depth) throws IOException {
        switch (t) {
            case START_OBJECT: {
                checkDepth(path, depth);
                ObjectNode o = NODES.objectNode();
                for (JsonToken k = next(p, path); k != JsonToken.END_OBJECT; k = next(p, path)) {
                    String name = p.currentName();
                    String child = path.isEmpty() ? name : path + "." + name;
                    if (o.has(name)) {
                        throw new ScenarioException(child, "the key '" + name + "' appears twice " + at(p.currentTokenLocation())
                                + "; keep one");
                    }
                    o.set(name, value(p, next(p, child), child, depth + 1));
                }
                return o;
            }
            case START_ARRAY: {
                checkDepth(path, depth);
                ArrayNode a = NODES.arrayNode();
                int i = 0;
                for (JsonToken v = next(p, path + "[0]"); v != JsonToken.END_ARRAY; v = next(p, path + "[" + i + "]")) {
                    a.add(value(p, v, path + "[" + i + "]", depth + 1));
                    i++;
                }
                return a;
            }
            case VALUE_STRING:
                return NODES.textNode(p.getText());
            case VALUE_NUMBER_INT:
                return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? NODES.numberNode(p.getBigIntegerValue())
                        : NODES.numberNode(p.getLongValue());
            case VALUE_NUMBER_FLOAT:
                return NODES.numberNode(p.getDoubleValue());
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                throw new ScenarioException("file", "is not valid JSON " + at(p.currentTokenLocation()));
        }
    }

    private static void checkDepth(String path, int depth) {
        if (depth >= MAX_DEPTH) {
            throw new ScenarioException(path, "is nested more than " + MAX_DEPTH + " levels deep; a scenario needs at most 4");
        }
    }

    private static String limit(String jackson) {
        String m = jackson == null ? "" : jackson;
        if (m.startsWith("Number value length")) {
            return "is a number written with more than " + MAX_NUMBER_LENGTH + " characters";
        }
        if (m.startsWith("String value length")) {
            return "is a text longer than " + MAX_TEXT_LENGTH + " characters";
        }
        if (m.contains("nesting depth")) {
            return "is nested more than " + MAX_DEPTH + " levels deep; a scenario needs at most 4";
        }
        return "exceeds a limit of the JSON reader (" + plain(m) + ")";
    }

    private static String plain(String jackson) {
        if (jackson == null) {
            return "";
        }
        // Jackson's texts name its own types and features; keep the part a user can act on.
        int cut = jackson.indexOf(" (for ");
        String s = cut > 0 ? jackson.substring(0, cut) : jackson;
        s = s.replace("\n", " ");
        return s.length() > 160 ? s.substring(0, 160) + "…" : s;
    }

    private static String at(JsonLocation loc) {
        return loc == null ? "" : "at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
    }
}
