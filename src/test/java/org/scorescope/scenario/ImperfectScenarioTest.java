package org.scorescope.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.scorescope.distribution.EmbeddedTarget;
import org.scorescope.distribution.EmpiricalTarget;
import org.scorescope.distribution.FramedTarget;
import org.scorescope.engine.RunSpec;
import org.scorescope.score.PerturbedScore;

/** Issue 16 in scenario files: score errors, training points and frames read, built, written back, and bad fields named. */
class ImperfectScenarioTest {

    private static String scenario(String target, String extra) {
        return "{\"target\": " + target + ", \"samplers\": [\"ddpm\"], \"steps\": 10" + extra + "}";
    }

    @Test
    void readsBuildsAndRoundTrips() {
        Scenario s = ScenarioJson.parse(scenario("{\"preset\": \"gaussian\", \"embed\": 256, \"frame\": \"random\", \"frameSeed\": 4, \"normalVariance\": 0.5}",
                ", \"scoreError\": {\"type\": \"field\", \"size\": 0.1, \"frequency\": 3}"));
        RunSpec run = ScenarioBuilder.run(s, null);
        FramedTarget f = assertInstanceOf(FramedTarget.class, run.target());
        assertEquals(256, f.dim());
        assertEquals(0.5, f.normalVariance());
        PerturbedScore p = assertInstanceOf(PerturbedScore.class, run.score());
        assertEquals("field:0.1:3", p.error().id());
        Scenario back = ScenarioJson.parse(ScenarioJson.write(s));
        assertEquals(s.scoreError(), back.scoreError());
        assertEquals(s.target().placement(), back.target().placement());
        assertEquals(256, back.target().embed());

        Scenario m = ScenarioJson.parse(scenario("{\"preset\": \"ring8\", \"training\": {\"n\": 64, \"seed\": 7}}", ""));
        EmpiricalTarget e = assertInstanceOf(EmpiricalTarget.class, ScenarioBuilder.target(m.target()));
        assertEquals(64, e.size());
        assertEquals(m.target().placement(), ScenarioJson.parse(ScenarioJson.write(m)).target().placement());

        // embed alone keeps zero padding
        assertInstanceOf(EmbeddedTarget.class, ScenarioBuilder.target(ScenarioJson.parse(scenario("{\"preset\": \"ring8\", \"embed\": 4}", "")).target()));
        assertInstanceOf(FramedTarget.class, ScenarioBuilder.target(ScenarioJson.parse(scenario("{\"preset\": \"ring8\", \"embed\": 40}", "")).target()));
    }

    @Test
    void badFieldsAreNamed() {
        String[][] cases = {
            {"scoreError.size", scenario("\"gaussian\"", ", \"scoreError\": {\"type\": \"bias\", \"size\": -1}")},
            {"scoreError.size", scenario("\"gaussian\"", ", \"scoreError\": {\"type\": \"bias\", \"size\": NaN}")},
            {"scoreError.size", scenario("\"gaussian\"", ", \"scoreError\": {\"type\": \"bias\"}")},
            {"scoreError.type", scenario("\"gaussian\"", ", \"scoreError\": {\"type\": \"wobble\", \"size\": 0.1}")},
            {"scoreError.frequency", scenario("\"gaussian\"", ", \"scoreError\": {\"type\": \"field\", \"size\": 0.1, \"frequency\": 0}")},
            {"scoreError.direction", scenario("\"gaussian\"", ", \"scoreError\": {\"type\": \"bias\", \"size\": 0.1, \"direction\": [1, 0, 0]}")},
            {"scoreError.colour", scenario("\"gaussian\"", ", \"scoreError\": {\"type\": \"bias\", \"size\": 0.1, \"colour\": 1}")},
            {"target.embed", scenario("{\"preset\": \"ring8\", \"embed\": 1}", "")},
            {"target.embed", scenario("{\"preset\": \"ring8\", \"embed\": 2048}", "")},
            {"target.frame", scenario("{\"preset\": \"ring8\", \"embed\": 8, \"frame\": \"diagonal\"}", "")},
            {"target.frame", scenario("{\"preset\": \"ring8\", \"frame\": \"random\"}", "")},
            {"target.normalVariance", scenario("{\"preset\": \"ring8\", \"embed\": 8, \"normalVariance\": -1}", "")},
            {"target.training.n", scenario("{\"preset\": \"ring8\", \"training\": {\"n\": 0}}", "")},
            {"target.training.n", scenario("{\"preset\": \"ring8\", \"training\": {\"seed\": 3}}", "")},
            {"target.training.size", scenario("{\"preset\": \"ring8\", \"training\": {\"n\": 3, \"size\": 3}}", "")},
        };
        for (String[] c : cases) {
            ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioJson.parse(c[1]), c[1]);
            assertTrue(e.getMessage().startsWith(c[0] + ":"), c[1] + " -> " + e.getMessage());
        }
    }
}
