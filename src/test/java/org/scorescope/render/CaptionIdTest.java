package org.scorescope.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scorescope.engine.SamplerSlot;
import org.scorescope.scenario.Scenario;
import org.scorescope.scenario.ScenarioBuilder;
import org.scorescope.scenario.ScenarioJson;

/**
 * Issue 12, defect 1 (open item of session 2): a sampler with parameters is named by its canonical id
 * in panel captions and exported figures — the id the CSV/JSON outputs and the rate study's legends
 * write ({@code lagrange:K=3:R=2:anchors=0}), not the label form {@code lagrange (K=3)}.
 */
class CaptionIdTest {
    private static Scenario scenario() {
        return ScenarioJson.parse("{\"target\": \"ring8\", \"samplers\": [\"ddpm\", {\"id\": \"lagrange\", \"K\": 3}, "
                + "{\"id\": \"ddim-eta\", \"eta\": 1}], \"steps\": 4, \"particles\": 500, \"seed\": 2}");
    }

    @Test
    void slotsCarryTheCanonicalId() {
        List<String> labels = ScenarioBuilder.run(scenario(), null).slots().stream().map(SamplerSlot::label).toList();
        assertEquals(List.of("ddpm", "lagrange:K=3:R=2:anchors=0", "ddim-eta:eta=1"), labels);
    }

    @Test
    void figureCaptionsCarryTheCanonicalId() {
        Figure f = Figures.steps(scenario(), new int[] {4}, null, 120);
        List<String> names = java.util.Arrays.stream(f.grid()).flatMap(java.util.Arrays::stream).filter(java.util.Objects::nonNull)
                .map(Figure.Cell::heading).toList();
        assertEquals(List.of("ddpm", "lagrange:K=3:R=2:anchors=0", "ddim-eta:eta=1"), names);
    }
}
