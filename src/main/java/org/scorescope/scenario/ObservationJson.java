package org.scorescope.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Set;

/** Reads and writes a scenario's {@code "observation"} object ({@link ObservationSpec}), naming every bad field. */
final class ObservationJson {
    private static final Set<String> FIELDS = Set.of("task", "A", "y", "sigma");

    private ObservationJson() {
    }

    static ObservationSpec read(JsonNode n) {
        if (!n.isObject()) {
            throw new ScenarioException("observation", "must be an object with \"A\" or \"task\", \"y\" and \"sigma\"");
        }
        for (Iterator<String> it = n.fieldNames(); it.hasNext();) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                throw new ScenarioException("observation." + f, "unknown field; allowed: task, A, y, sigma");
            }
        }
        if (n.has("task") == n.has("A")) {
            throw new ScenarioException("observation", "give exactly one of \"task\" (inpaint-x, project, denoise, blur) and \"A\"");
        }
        String task = n.has("task") ? text(n.get("task"), "observation.task") : null;
        double[][] a = null;
        if (n.has("A")) {
            JsonNode an = n.get("A");
            if (!an.isArray() || an.isEmpty()) {
                throw new ScenarioException("observation.A", "must be a non-empty array of rows, e.g. [[1, 0]]");
            }
            a = new double[an.size()][];
            for (int i = 0; i < a.length; i++) {
                a[i] = vector(an.get(i), "observation.A[" + i + "]");
            }
        }
        JsonNode yn = n.get("y");
        if (yn == null) {
            throw new ScenarioException("observation.y", "is required: a vector, or \"draw\" to draw it from the prior with the seed");
        }
        double[] y = null;
        if (yn.isTextual()) {
            if (!yn.asText().equals("draw")) {
                throw new ScenarioException("observation.y", "must be a vector or \"draw\", was \"" + yn.asText() + "\"");
            }
        } else {
            y = vector(yn, "observation.y");
        }
        JsonNode sn = n.get("sigma");
        if (sn == null || !sn.isNumber()) {
            throw new ScenarioException("observation.sigma", "is required: the observation noise, a number > 0");
        }
        double sigma = sn.asDouble();
        if (!(sigma > 0) || !Double.isFinite(sigma)) {
            throw new ScenarioException("observation.sigma", "must be a finite number > 0, was " + sigma);
        }
        return new ObservationSpec(task, a, y, sigma);
    }

    private static String text(JsonNode n, String field) {
        if (!n.isTextual()) {
            throw new ScenarioException(field, "must be a string, was " + n);
        }
        return n.asText();
    }

    private static double[] vector(JsonNode n, String field) {
        if (n == null || !n.isArray() || n.isEmpty()) {
            throw new ScenarioException(field, "must be a non-empty array of numbers");
        }
        double[] v = new double[n.size()];
        for (int i = 0; i < v.length; i++) {
            JsonNode e = n.get(i);
            if (!e.isNumber() || !Double.isFinite(e.asDouble())) {
                throw new ScenarioException(field + "[" + i + "]", "must be a finite number, was " + e);
            }
            v[i] = e.asDouble();
        }
        return v;
    }

    static ObjectNode write(ObservationSpec o) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        if (o.task() != null) {
            n.put("task", o.task());
        } else {
            var rows = n.putArray("A");
            for (double[] row : o.a()) {
                var r = rows.addArray();
                for (double v : row) {
                    r.add(v);
                }
            }
        }
        if (o.y() == null) {
            n.put("y", "draw");
        } else {
            var y = n.putArray("y");
            for (double v : o.y()) {
                y.add(v);
            }
        }
        n.put("sigma", o.sigma());
        return n;
    }
}
