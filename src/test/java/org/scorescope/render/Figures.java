package org.scorescope.render;

import org.scorescope.engine.Engine;
import org.scorescope.scenario.Scenario;
import org.scorescope.scenario.ScenarioJson;

/** Small scenarios and figures shared by the render tests. */
final class Figures {
    private Figures() {
    }

    /** ring8, T = 8, the given samplers and particles, seed 4. */
    static Scenario ring(int particles, String... samplers) {
        return ScenarioJson.parse("{\"title\": \"test ring\", \"target\": \"ring8\", \"samplers\": [\"" + String.join("\", \"", samplers)
                + "\"], \"steps\": 8, \"particles\": " + particles + ", \"seed\": 4}");
    }

    /** Every layer but contours. */
    static PanelStyle allLayers() {
        return new PanelStyle(true, false, true, true, true, 1.4);
    }

    /** A figure of the given steps on one thread. */
    static Figure steps(Scenario s, int[] steps, GridLayout layout, int cell) {
        try (Engine engine = new Engine(1)) {
            return FigureBuilder.steps(s, steps, layout, cell, cell, allLayers(), engine);
        }
    }
}
