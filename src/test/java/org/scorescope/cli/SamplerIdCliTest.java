package org.scorescope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scorescope.scenario.Scenario;
import org.scorescope.scenario.ScenarioBuilder;
import org.scorescope.scenario.ScenarioJson;

/** Issue 12, item 1: sampler ids with parameters wherever a sampler id is accepted, written in full. */
class SamplerIdCliTest {
    @TempDir
    Path dir;

    private int run(StringWriter err, String... args) {
        return ScoreScopeCli.run(new PrintWriter(err, true), args);
    }

    @Test
    void sweepRunsOneLinePerParameterValueAndWritesCanonicalIds() throws Exception {
        Path out = dir.resolve("k.csv");
        StringWriter err = new StringWriter();
        assertEquals(0, run(err, "sweep", "--target", "gaussian1d", "--schedule", "vp-continuous", "--samplers", "lagrange,dpm-solver-3:lowerOrderFinal=0",
                "--param", "K=1,2,3,4", "--steps", "20,40", "--metric", "exact-w2", "--out", out.toString()), err.toString());
        List<String> lines = Files.readAllLines(out);
        assertEquals(1 + 5 * 2, lines.size());
        List<String> ids = lines.subList(1, lines.size()).stream().map(l -> l.split(",")[0]).distinct().toList();
        assertEquals(List.of("lagrange:K=1:R=1:anchors=0", "lagrange:K=2:R=1:anchors=0", "lagrange:K=3:R=2:anchors=0",
                "lagrange:K=4:R=3:anchors=0", "dpm-solver-3:lowerOrderFinal=0"), ids);
        // A comma inside one id (as picocli splits --samplers) still reads as one id.
        Path two = dir.resolve("two.csv");
        assertEquals(0, run(err, "sweep", "--target", "gaussian1d", "--samplers", "lagrange:K=3,R=3,ddim", "--steps", "10,20",
                "--metric", "exact-w2", "--out", two.toString()), err.toString());
        assertEquals(List.of("lagrange:K=3:R=3:anchors=0", "ddim"),
                Files.readAllLines(two).subList(1, 5).stream().map(l -> l.split(",")[0]).distinct().toList());
        // A parameter no listed sampler takes is one line naming the flag.
        StringWriter bad = new StringWriter();
        assertEquals(2, run(bad, "sweep", "--target", "gaussian1d", "--samplers", "ddim", "--param", "K=3", "--steps", "10",
                "--metric", "exact-w2", "--out", dir.resolve("bad.csv").toString()));
        assertTrue(bad.toString().contains("--param") && bad.toString().contains("'K'"), bad.toString());
        assertFalse(Files.exists(dir.resolve("bad.csv")));
    }

    @Test
    void sampleAndScenarioFilesTakeTheIdForm() throws Exception {
        Path out = dir.resolve("p.csv");
        StringWriter err = new StringWriter();
        assertEquals(0, run(err, "sample", "--target", "ring8", "--sampler", "lagrange:K=3", "--steps", "4", "--particles", "100",
                "--out", out.toString()), err.toString());
        StringWriter bad = new StringWriter();
        assertEquals(2, run(bad, "sample", "--target", "ring8", "--sampler", "lagrange:K=9", "--steps", "4", "--out", dir.resolve("b.csv").toString()));
        assertTrue(bad.toString().contains("K must be a whole number in 1..4"), bad.toString());
        Scenario s = ScenarioJson.parse("{\"target\": \"ring8\", \"samplers\": [\"lagrange:K=4\", {\"id\": \"lagrange\", \"K\": 2}], \"steps\": 5}");
        var slots = ScenarioBuilder.run(s, null).slots();
        assertEquals(4, ((org.scorescope.sampler.LagrangeSampler) slots.get(0).sampler()).info().order());
        assertEquals("lagrange:K=4:R=3:anchors=0", slots.get(0).sampler().info().key());
        assertEquals("lagrange:K=2:R=1:anchors=0", slots.get(1).sampler().info().key());
        assertEquals(s.samplers(), ScenarioJson.parse(ScenarioJson.write(s)).samplers(), "the string form round-trips");
    }
}
