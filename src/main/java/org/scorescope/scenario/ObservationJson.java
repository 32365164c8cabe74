package org.scorescope.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads and writes a scenario's {@code "observation"} object ({@link ObservationSpec}) through its
 * declared schema {@code ScenarioJson.OBSERVATION}; here only the rules that tie its fields together.
 */
final class ObservationJson {
    private ObservationJson() {
    }

    /** The observation, or null when the scenario has none. */
    static ObservationSpec read(JsonNode n) {
        if (n == null) {
            return null;
        }
        Schema.Values v = ScenarioJson.OBSERVATION.read(n, "observation", null);
        if (!v.has("task") && !v.has("A")) {
            throw ScenarioException.missing("observation.A", "is required: the matrix A ([[1, 0]]), or give \"task\" "
                    + "(inpaint-x, project[:deg], denoise, blur[:rank])");
        }
        if (v.has("task") && v.has("A")) {
            throw new ScenarioException("observation.task", "give one of \"task\" and \"A\", not both");
        }
        double sigma = v.number("sigma");
        if (!(sigma > 0)) {
            throw new ScenarioException("observation.sigma", "must be > 0 (the observation noise), was " + Field.format(sigma));
        }
        JsonNode y = v.node("y");
        return new ObservationSpec(v.has("task") ? v.text("task") : null, v.matrix("A"), y.isTextual() ? null : v.numbers("y"), sigma);
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
