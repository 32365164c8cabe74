package org.scorescope.scenario;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A bad scenario file gives one message naming the field by its JSON path, the value and what is allowed. */
class ScenarioJsonTest {
    static final String GOOD = "{\"title\": \"t\", \"target\": \"ring8\", \"schedule\": \"linear\", "
            + "\"samplers\": [\"ddpm\", {\"id\": \"ddim-eta\", \"eta\": 0.3}], \"steps\": 12, \"particles\": 5000, \"seed\": 9}";
    static final String GAUSS = "\"target\": {\"type\": \"gaussian-mixture\", \"weights\": [1], \"means\": [[0, 0]], "
            + "\"covariances\": [[[1, 0], [0, 1]]]}";
    static final String S = ", \"samplers\": [\"ddpm\"]";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "truncated JSON|{\"target\": \"ring8\", \"samplers\": [\"ddpm\"|file|not valid JSON",
        "unknown target|{\"target\": \"ring9\", \"samplers\": [\"ddpm\"]}|target|unknown target 'ring9' — did you mean 'ring8'? (allowed: gaussian",
        "negative particles|{\"target\": \"ring8\", \"samplers\": [\"ddpm\"], \"particles\": -5}|particles|1..10000000",
        "10^12 particles|{\"target\": \"ring8\", \"samplers\": [\"ddpm\"], \"particles\": 1000000000000}|particles|1..10000000",
        "NaN means|{\"target\": {\"type\": \"gaussian-mixture\", \"weights\": [1], \"means\": [[NaN, 0]], \"covariances\": [[[1,0],[0,1]]]}, \"samplers\": [\"ddpm\"]}|target.means[0][0]|must be finite",
        "non-decreasing custom grid|{\"target\": \"ring8\", \"samplers\": [\"ddim\"], \"schedule\": {\"id\": \"custom\", \"values\": [0.99, 0.5, 0.7]}, \"steps\": 2}|schedule.values|strictly decreasing",
        "unknown sampler|{\"target\": \"ring8\", \"samplers\": [\"ddpm\", \"dpm-solver-9\"]}|samplers[1]|allowed: ddpm",
        "unknown field|{\"target\": \"ring8\", \"samplers\": [\"ddpm\"], \"stepz\": 3}|stepz|unknown field 'stepz' — did you mean 'steps'?",
        "bad sampler parameter|{\"target\": \"ring8\", \"samplers\": [{\"id\": \"ddim-eta\", \"eta\": 2}]}|samplers[0].eta|must be in [0, 1], was 2",
        "non-PSD covariance|{\"target\": {\"type\": \"gaussian-mixture\", \"weights\": [1], \"means\": [[0, 0]], \"covariances\": [[[1,2],[2,1]]]}, \"samplers\": [\"ddpm\"]}|target.covariances[0]|must be positive semi-definite",
        "fractional steps|{\"target\": \"ring8\", \"samplers\": [\"ddpm\"], \"steps\": 2.5}|steps|whole number",
        "typo inside target|{\"target\": {\"type\": \"gaussian-mixture\", \"wieghts\": [1], \"means\": [[0, 0]], \"covariances\": [[[1,0],[0,1]]]}, \"samplers\": [\"ddpm\"]}|target.wieghts|unknown field 'wieghts' in a gaussian-mixture target — did you mean 'weights'?",
        "typo inside schedule|{\"target\": \"ring8\", \"samplers\": [\"ddpm\"], \"schedule\": {\"id\": \"vp-continuous\", \"spacng\": \"time\"}}|schedule.spacng|did you mean 'spacing'?",
        "typo in a sampler parameter|{\"target\": \"ring8\", \"samplers\": [{\"id\": \"ddim-eta\", \"etta\": 0.5}]}|samplers[0].etta|unknown parameter 'etta' in sampler 'ddim-eta' — did you mean 'eta'?",
        "typo in a target type|{\"target\": {\"type\": \"gausian-mixture\"}, \"samplers\": [\"ddpm\"]}|target.type|did you mean 'gaussian-mixture'?",
        "parameter of another schedule|{\"target\": \"ring8\", \"samplers\": [\"ddpm\"], \"schedule\": {\"id\": \"linear\", \"beta0\": 0.1}}|schedule.beta0|unknown parameter 'beta0' in the linear schedule",
        "duplicate key|{\"target\": \"ring8\", \"target\": \"moons\", \"samplers\": [\"ddpm\"]}|target|the key 'target' appears twice",
        "nested duplicate key|{\"target\": {\"type\": \"box-mixture\", \"weights\": [1], \"weights\": [2], \"lo\": [[0]], \"hi\": [[1]]}, \"samplers\": [\"ddpm\"]}|target.weights|appears twice",
        "a second object after the first|{\"target\": \"ring8\", \"samplers\": [\"ddpm\"]} {}|file|has more after the scenario object",
        "text after the object|{\"target\": \"ring8\", \"samplers\": [\"ddpm\"]} x|file|not valid JSON",
        "mixture means without covariances|{\"target\": {\"type\": \"mixture\", \"weights\": [1], \"means\": [[0, 0]]}, \"samplers\": [\"ddpm\"]}|target.covariances|is required with target.means",
        "mixture lo without hi|{\"target\": {\"type\": \"mixture\", \"weights\": [1], \"lo\": [[0, 0]]}, \"samplers\": [\"ddpm\"]}|target.hi|is required with target.lo",
        "mixture with nothing|{\"target\": {\"type\": \"mixture\", \"weights\": [1]}, \"samplers\": [\"ddpm\"]}|target.means|needs Gaussians",
        "a mean of 1e308|{\"target\": {\"type\": \"gaussian-mixture\", \"weights\": [1], \"means\": [[1e308, 0]], \"covariances\": [[[1,0],[0,1]]]}, \"samplers\": [\"ddpm\"]}|target.means[0][0]|must be in [-1000000, 1000000], was 1.0E308 (the noise law",
        "a box in 11 dimensions|{\"target\": {\"type\": \"box-mixture\", \"weights\": [1], \"lo\": [[0,0,0,0,0,0,0,0,0,0,0]], \"hi\": [[1,1,1,1,1,1,1,1,1,1,1]]}, \"samplers\": [\"ddpm\"]}|target.lo[0]|has 11 coordinates; targets have at most 10 dimensions",
        "a covariance row too short|{\"target\": {\"type\": \"gaussian-mixture\", \"weights\": [1], \"means\": [[0, 0]], \"covariances\": [[[1,0],[0]]]}, \"samplers\": [\"ddpm\"]}|target.covariances[0][1]|must have 2 entries, had 1",
        "one weight too many|{\"target\": {\"type\": \"gaussian-mixture\", \"weights\": [1, 2], \"means\": [[0, 0]], \"covariances\": [[[1,0],[0,1]]]}, \"samplers\": [\"ddpm\"]}|target.weights|must have one entry per mean (1), had 2",
        "a box upside down|{\"target\": {\"type\": \"box-mixture\", \"weights\": [1], \"lo\": [[0, 2]], \"hi\": [[1, 1]]}, \"samplers\": [\"ddpm\"]}|target.hi[0][1]|must be greater than target.lo[0][1] = 2, was 1",
        "a negative variance|{\"target\": {\"type\": \"gaussian-mixture\", \"weights\": [1], \"means\": [[0, 0]], \"covariances\": [[[-1,0],[0,1]]]}, \"samplers\": [\"ddpm\"]}|target.covariances[0][0][0]|is a variance and must be >= 0",
        "a title that is a number|{\"title\": 7, \"target\": \"ring8\", \"samplers\": [\"ddpm\"]}|title|must be a text",
        "no samplers|{\"target\": \"ring8\", \"samplers\": []}|samplers|must have 1..8 items, had 0",
        "a sampler without id|{\"target\": \"ring8\", \"samplers\": [{\"eta\": 0.5}]}|samplers[0].id|is required",
        "a fractional order|{\"target\": \"ring8\", \"samplers\": [{\"id\": \"lagrange\", \"K\": 2.5}]}|samplers[0].K|must be a whole number in 1..4",
        "a negative seed|{\"target\": \"ring8\", \"samplers\": [\"ddpm\"], \"seed\": -1}|seed|must be in 0..9223372036854775807",
        "custom without values|{\"target\": \"ring8\", \"samplers\": [\"ddpm\"], \"schedule\": \"custom\"}|schedule.values|is required in the custom schedule",
        "theory with one step|{\"target\": \"ring8\", \"samplers\": [\"ddpm\"], \"schedule\": \"theory\", \"steps\": 1}|steps|T >= 2",
        "embedding below the dimension|{\"target\": {\"preset\": \"ring8\", \"embed\": 1}, \"samplers\": [\"ddpm\"]}|target.embed|ambient dimension",
        "an array, not an object|[1, 2]|file|must be a JSON object",
        "nothing|'   '|file|is empty",
        "no target|{\"samplers\": [\"ddpm\"]}|target|is required",
        "a target of the wrong type|{\"target\": 3, \"samplers\": [\"ddpm\"]}|target|must be a text or an object"})
    void badFilesNameTheField(String name, String json, String field, String allowed) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioJson.parse(json));
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.getMessage().contains(allowed), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line");
        assertFalse(e.getMessage().matches("(?s).*(Exception|jackson|StreamReadConstraints).*"), e.getMessage());
    }

    @Test
    void readersLimitsAreMessagesAtTheirPath() {
        String longNumber = "1".repeat(1001);
        ScenarioException n = assertThrows(ScenarioException.class,
                () -> ScenarioJson.parse("{\"target\": {\"type\": \"box-mixture\", \"weights\": [" + longNumber + "]}}"));
        assertEquals("target.weights[0]: is a number written with more than 1000 characters", n.getMessage());
        String longText = "x".repeat(1_000_001);
        ScenarioException t = assertThrows(ScenarioException.class, () -> ScenarioJson.parse("{\"description\": \"" + longText + "\"}"));
        assertEquals("description: is a text longer than 1000000 characters", t.getMessage());
        String deep = "[".repeat(40) + "]".repeat(40);
        ScenarioException d = assertThrows(ScenarioException.class, () -> ScenarioJson.parse("{\"title\": " + deep + "}"));
        assertTrue(d.getMessage().matches("title(\\[0\\])+: is nested more than 32 levels deep; a scenario needs at most 4"), d.getMessage());
        String deeper = "[".repeat(5000) + "]".repeat(5000);
        assertThrows(ScenarioException.class, () -> ScenarioJson.parse("{\"title\": " + deeper + "}"));
    }

    @Test
    void byteOrderMarkAndNonUtf8Files() throws Exception {
        Path bom = dir.resolve("bom.json");
        byte[] text = GOOD.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);
        Files.write(bom, withBom);
        assertEquals(12, ScenarioJson.read(bom).steps());
        assertEquals(12, ScenarioJson.parse("\uFEFF" + GOOD).steps());
        Path latin1 = dir.resolve("latin1.json");
        Files.write(latin1, GOOD.replace("\"t\"", "\"caf\u00e9\"").getBytes(StandardCharsets.ISO_8859_1));
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioJson.read(latin1));
        assertEquals("file", e.field());
        assertTrue(e.getMessage().contains("is not UTF-8 text (byte 0xE9 at line 1, column 15); save it as UTF-8"), e.getMessage());
        ScenarioException missing = assertThrows(ScenarioException.class, () -> ScenarioJson.read(dir.resolve("none.json")));
        assertEquals("file: no such file '" + dir.resolve("none.json") + "'", missing.getMessage());
        ScenarioException folder = assertThrows(ScenarioException.class, () -> ScenarioJson.read(dir));
        assertEquals("file: '" + dir + "' is a folder, not a file", folder.getMessage());
    }

    /** Thousands of damaged files: each is a scenario or one ScenarioException line, never any other exception. */
    @Test
    void damagedFilesGiveOnlyScenarioExceptions() {
        String mixed = "{\"target\": {\"type\": \"mixture\", \"weights\": [1, 2, 1], \"means\": [[0, 1], [2, 0]],"
                + " \"covariances\": [[[1, 0], [0, 1]], [[0.5, 0.1], [0.1, 0.2]]], \"lo\": [[-3, -3]], \"hi\": [[-1, 0]], \"embed\": 3},"
                + " \"schedule\": {\"id\": \"vp-continuous\", \"spacing\": \"time\", \"beta1\": 15},"
                + " \"samplers\": [\"ddim\", {\"id\": \"lagrange\", \"K\": 3}], \"steps\": 5}";
        String alphabet = "{}[]\",:0123456789-.eENaI \u00e9x";
        SplittableRandom rng = new SplittableRandom(11);
        int ok = 0;
        for (int trial = 0; trial < 1500; trial++) {
            StringBuilder b = new StringBuilder(trial % 2 == 0 ? GOOD : mixed);
            for (int edits = 1 + rng.nextInt(3); edits > 0; edits--) {
                int at = rng.nextInt(b.length());
                switch (rng.nextInt(3)) {
                    case 0 -> b.deleteCharAt(at);
                    case 1 -> b.insert(at, alphabet.charAt(rng.nextInt(alphabet.length())));
                    default -> b.setCharAt(at, alphabet.charAt(rng.nextInt(alphabet.length())));
                }
            }
            try {
                ScenarioJson.parse(b.toString());
                ok++;
            } catch (ScenarioException e) {
                assertFalse(e.field().isEmpty(), b.toString());
                assertFalse(e.getMessage().contains("\n") || e.getMessage().contains("Exception"), b + " -> " + e.getMessage());
            }
        }
        assertTrue(ok > 20 && ok < 1480, "a mix of good and bad files: " + ok);
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

    /** Parameters are written in name order, so the same scenario gives the same bytes in every run. */
    @Test
    void writingIsDeterministic() {
        Scenario s = new Scenario("t", "", Scenario.TargetSpec.preset("ring8"),
                new Scenario.ScheduleSpec("vp-continuous", Map.of("tEnd", 1e-3, "beta1", 15.0, "beta0", 0.2), "time", null),
                List.of(new Scenario.SamplerSpec("lagrange", Map.of("R", 2.0, "K", 3.0, "anchors", 1.0))), 10, 100, 1);
        String json = ScenarioJson.write(s);
        assertTrue(json.indexOf("\"beta0\"") < json.indexOf("\"beta1\"") && json.indexOf("\"beta1\"") < json.indexOf("\"tEnd\""), json);
        assertTrue(json.indexOf("\"K\"") < json.indexOf("\"R\"") && json.indexOf("\"R\"") < json.indexOf("\"anchors\""), json);
        assertEquals(json, ScenarioJson.write(ScenarioJson.parse(json)));
    }

    /** A scenario made in code (the editor) goes through the same validation as a file. */
    @Test
    void scenariosMadeInCodeAreValidatedLikeFiles() {
        Scenario far = new Scenario("", "", new Scenario.TargetSpec(null, "gaussian-mixture", new double[] {1}, new double[][] {{1e308, 0}},
                new double[][][] {{{1, 0}, {0, 1}}}, null, null, 0), Scenario.ScheduleSpec.of("linear"), List.of(Scenario.SamplerSpec.of("ddpm")),
                10, 100, 1);
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioBuilder.validate(far));
        assertEquals("target.means[0][0]", e.field());
    }
}
