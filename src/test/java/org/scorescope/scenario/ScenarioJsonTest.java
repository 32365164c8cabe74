package org.scorescope.scenario;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** A bad scenario file gives one message naming the field, the value and what is allowed. */
class ScenarioJsonTest {
    static final String GOOD = "{\"title\": \"t\", \"target\": \"ring8\", \"schedule\": \"linear\", "
            + "\"samplers\": [\"ddpm\", {\"id\": \"ddim-eta\", \"eta\": 0.3}], \"steps\": 12, \"particles\": 5000, \"seed\": 9}";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "truncated JSON|{\"target\": \"ring8\", \"samplers\": [\"ddpm\"|file|not valid JSON",
        "unknown target|{\"target\": \"ring9\", \"samplers\": [\"ddpm\"]}|target|allowed: gaussian",
        "negative particles|{\"target\": \"ring8\", \"samplers\": [\"ddpm\"], \"particles\": -5}|particles|1..10000000",
        "10^12 particles|{\"target\": \"ring8\", \"samplers\": [\"ddpm\"], \"particles\": 1000000000000}|particles|1..10000000",
        "NaN means|{\"target\": {\"type\": \"gaussian-mixture\", \"weights\": [1], \"means\": [[NaN, 0]], \"covariances\": [[[1,0],[0,1]]]}, \"samplers\": [\"ddpm\"]}|target.means[0][0]|must be finite",
        "non-decreasing custom grid|{\"target\": \"ring8\", \"samplers\": [\"ddim\"], \"schedule\": {\"id\": \"custom\", \"values\": [0.99, 0.5, 0.7]}, \"steps\": 2}|schedule.values|strictly decreasing",
        "unknown sampler|{\"target\": \"ring8\", \"samplers\": [\"ddpm\", \"dpm-solver-9\"]}|samplers[1]|allowed: ddpm",
        "unknown field|{\"target\": \"ring8\", \"samplers\": [\"ddpm\"], \"stepz\": 3}|stepz|unknown field",
        "bad sampler parameter|{\"target\": \"ring8\", \"samplers\": [{\"id\": \"ddim-eta\", \"eta\": 2}]}|samplers[0].eta|must be in [0, 1], was 2",
        "non-PSD covariance|{\"target\": {\"type\": \"gaussian-mixture\", \"weights\": [1], \"means\": [[0, 0]], \"covariances\": [[[1,2],[2,1]]]}, \"samplers\": [\"ddpm\"]}|target.covariances[0]|positive semi-definite",
        "fractional steps|{\"target\": \"ring8\", \"samplers\": [\"ddpm\"], \"steps\": 2.5}|steps|whole number"})
    void badFilesNameTheField(String name, String json, String field, String allowed) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioJson.parse(json));
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.getMessage().contains(allowed), e.getMessage());
    }

    @Test
    void writeThenReadGivesTheSameScenario() {
        Scenario s = ScenarioJson.parse(GOOD);
        Scenario back = ScenarioJson.parse(ScenarioJson.write(s));
        assertEquals(s.title(), back.title());
        assertEquals(s.samplers(), back.samplers());
        assertEquals(12, back.steps());
        assertEquals(9, back.seed());
        String explicit = "{\"target\": {\"type\": \"gaussian-mixture\", \"weights\": [0.3, 0.7], \"means\": [[0, 1], [2, 0]],"
                + " \"covariances\": [[[1, 0], [0, 1]], [[0.5, 0.1], [0.1, 0.2]]], \"embed\": 4},"
                + " \"schedule\": {\"id\": \"custom\", \"values\": [0.99, 0.5, 0.01]}, \"samplers\": [\"ddim\"], \"steps\": 2}";
        Scenario e = ScenarioJson.parse(explicit);
        Scenario eb = ScenarioJson.parse(ScenarioJson.write(e));
        assertArrayEquals(e.target().means()[1], eb.target().means()[1]);
        assertArrayEquals(e.schedule().values(), eb.schedule().values());
        assertEquals(4, ScenarioBuilder.target(eb.target()).dim());
        String mixed = "{\"target\": {\"type\": \"mixture\", \"weights\": [1, 2, 1], \"means\": [[0, 1], [2, 0]],"
                + " \"covariances\": [[[1, 0], [0, 1]], [[0.5, 0.1], [0.1, 0.2]]], \"lo\": [[-3, -3]], \"hi\": [[-1, 0]]},"
                + " \"samplers\": [\"ddim\"], \"steps\": 5}";
        Scenario m = ScenarioJson.parse(ScenarioJson.write(ScenarioJson.parse(mixed)));
        assertEquals("mixture", m.target().type());
        var target = ScenarioBuilder.target(m.target());
        assertTrue(target instanceof org.scorescope.distribution.CompositeTarget);
        assertEquals(0.25, target.boxMass(new double[] {-3, -3}, new double[] {-1, 0}, 0.999999), 0.02);
        ScenarioException bad = assertThrows(ScenarioException.class, () -> ScenarioJson.parse(mixed.replace("[1, 2, 1]", "[1, 2]")));
        assertTrue(bad.getMessage().contains("one entry per Gaussian and per box"), bad.getMessage());
    }
}
