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
import org.scorescope.inverse.InverseProblem;
import org.scorescope.scenario.ObservationSpec;
import org.scorescope.scenario.Scenario;
import org.scorescope.scenario.ScenarioBuilder;
import org.scorescope.scenario.ScenarioException;
import org.scorescope.scenario.ScenarioJson;

/** Issue 15 headless: observation flags and scenario field, posterior sweeps, and must-show 5's bad inputs. */
class InverseCliTest {
    @TempDir
    Path dir;

    private int run(StringWriter err, String... args) {
        return ScoreScopeCli.run(new PrintWriter(err, true), args);
    }

    private static final String[] INPAINT = {"--observe-A", "inpaint-x", "--observe-y", "2.5", "--observe-sigma", "0.2"};

    private static String[] concat(String[] a, String... b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    @Test
    void everyInverseSamplerRunsThroughSampleWithAnObservation() throws Exception {
        for (String id : org.scorescope.sampler.SamplerRegistry.inverseIds()) {
            Path out = dir.resolve(id + ".csv");
            StringWriter err = new StringWriter();
            assertEquals(0, run(err, concat(new String[] {"sample", "--target", "ring8", "--sampler", id, "--steps", "8", "--particles", "300",
                    "--out", out.toString()}, INPAINT)), id + ": " + err);
            List<String> lines = Files.readAllLines(out);
            assertEquals(301, lines.size(), id);
            assertTrue(lines.stream().skip(1).allMatch(l -> l.endsWith(",0")), id + " diverged");
        }
        StringWriter err = new StringWriter();
        assertEquals(2, run(err, "sample", "--target", "ring8", "--sampler", "dps", "--out", dir.resolve("x.csv").toString()));
        assertTrue(err.toString().contains("needs an observation"), err.toString());
        assertFalse(Files.exists(dir.resolve("x.csv")));
    }

    /** Must-show 5: each bad observation exits 2 with one line naming the flag, and writes nothing. */
    @Test
    void badObservationsExitTwoNamingTheFlag() {
        String[][] cases = {
            {"--observe-A", "1,0,0", "--observe-y", "2.5", "--observe-sigma", "0.2", "--observe-A", "columns"},
            {"--observe-A", "1,0", "--observe-y", "2.5,1", "--observe-sigma", "0.2", "--observe-y", "one entry per row"},
            {"--observe-A", "1,0", "--observe-y", "2.5", "--observe-sigma", "0", "--observe-sigma", "> 0"},
            {"--observe-A", "1,0", "--observe-y", "2.5", "--observe-sigma", "-1", "--observe-sigma", "> 0"},
            {"--observe-A", "1,0", "--observe-y", "2.5", "--observe-sigma", "NaN", "--observe-sigma", "finite"},
            {"--observe-A", "1,0;2,0", "--observe-y", "1,2", "--observe-sigma", "0.2", "--observe-A", "singular"},
            {"--observe-A", "0,0", "--observe-y", "1", "--observe-sigma", "0.2", "--observe-A", "all zero"},
            {"--observe-A", "inpaint-x", "--observe-y", "60", "--observe-sigma", "0.2", "--observe-y", "zero likelihood"},
            {"--observe-A", "deblur", "--observe-y", "1", "--observe-sigma", "0.2", "--observe-A", "not a number"},
            {"--observe-A", "1,0", "--observe-y", "1", "--observe-A", "observe-sigma"},
        };
        for (String[] c : cases) {
            Path out = dir.resolve("bad.csv");
            StringWriter err = new StringWriter();
            String[] flags = java.util.Arrays.copyOf(c, c.length - 2);
            int code = run(err, concat(new String[] {"sample", "--target", "ring8", "--sampler", "posterior-exact", "--out", out.toString()}, flags));
            String message = err.toString().trim();
            assertEquals(2, code, String.join(" ", c) + ": " + message);
            assertEquals(1, message.lines().filter(l -> !l.startsWith("WARNING")).count(), message);
            assertTrue(message.contains(c[c.length - 2]) && message.contains(c[c.length - 1]), message);
            assertFalse(Files.exists(out), "nothing written");
        }
    }

    @Test
    void scenarioObservationRoundTripsAndNamesBadFields() {
        String json = "{\"target\": \"ring8\", \"samplers\": [\"posterior-exact\", {\"id\": \"snr-split\", \"etaUnobserved\": 4}],"
                + " \"observation\": {\"task\": \"inpaint-x\", \"y\": [2.5], \"sigma\": 0.2}}";
        Scenario s = ScenarioJson.parse(json);
        assertEquals(new ObservationSpec("inpaint-x", null, new double[] {2.5}, 0.2), s.observation());
        assertEquals(s, ScenarioJson.parse(ScenarioJson.write(s)));
        Scenario drawn = ScenarioJson.parse(json.replace("[2.5]", "\"draw\"").replace("\"task\": \"inpaint-x\"", "\"A\": [[1, 0], [0, 1]]"));
        assertEquals(drawn, ScenarioJson.parse(ScenarioJson.write(drawn)));
        InverseProblem p1 = ScenarioBuilder.problem(drawn);
        InverseProblem p2 = ScenarioBuilder.problem(drawn);
        assertEquals(p1.observation().y(0), p2.observation().y(0), 0, "a drawn y depends on the seed only");
        String[][] bad = {
            {"\"sigma\": 0.2", "\"sigma\": -0.2", "observation.sigma"},
            {"\"y\": [2.5]", "\"y\": [2.5, 1]", "observation.y"},
            {"\"y\": [2.5]", "\"y\": \"guess\"", "observation.y"},
            {"\"task\": \"inpaint-x\"", "\"task\": \"blur:7\"", "observation.task"},
            {"\"task\": \"inpaint-x\"", "\"A\": [[1, 0, 0]]", "observation.A"},
            {"\"task\": \"inpaint-x\"", "\"A\": [[0, 0]]", "observation.A"},
            {"\"task\": \"inpaint-x\"", "\"A\": [[1, \"x\"]]", "observation.A[0][1]"},
            {"\"sigma\": 0.2", "\"sigma\": 0.2, \"noise\": 1", "observation.noise"},
            {"\"target\": \"ring8\"", "\"target\": \"checkerboard\"", "target"},
        };
        for (String[] b : bad) {
            String text = json.replace(b[0], b[1]);
            ScenarioException e = org.junit.jupiter.api.Assertions.assertThrows(ScenarioException.class, () -> ScenarioJson.parse(text), text);
            assertEquals(b[2], e.field(), e.getMessage());
        }
    }

    @Test
    void posteriorSweepsWriteTheirRows() throws Exception {
        Path tv = dir.resolve("tv.csv");
        StringWriter err = new StringWriter();
        assertEquals(0, run(err, concat(new String[] {"sweep", "--target", "ring8", "--samplers", "posterior-exact,snr-split,dps", "--steps", "5,10",
                "--particles", "2000", "--metric", "tv-posterior", "--out", tv.toString()}, INPAINT)), err.toString());
        List<String> rows = Files.readAllLines(tv);
        assertEquals(1 + 2 + 3 * 2, rows.size(), rows.toString());
        assertTrue(rows.stream().anyMatch(r -> r.startsWith("noise-floor,5,")));
        assertTrue(rows.stream().anyMatch(r -> r.startsWith("dps,5,10,")), "DPS counts 2 NFE per step");
        Path modes = dir.resolve("modes.csv");
        assertEquals(0, run(err, concat(new String[] {"sweep", "--target", "ring8", "--samplers", "ddrm", "--steps", "5", "--particles", "2000",
                "--metric", "mode-weights", "--out", modes.toString()}, INPAINT)), err.toString());
        List<String> m = Files.readAllLines(modes);
        assertEquals(1 + 1 + 8 + 1 + 1 + 8, m.size(), "floor, exact weights, the run's TV, the error, the sampler's masses");
        Path w2 = dir.resolve("w2.csv");
        assertEquals(0, run(err, "sweep", "--target", "gaussian", "--samplers", "snr-split", "--observe-A", "denoise", "--observe-y", "1,0",
                "--observe-sigma", "0.3", "--schedule", "vp-continuous", "--steps", "50,400", "--metric", "w2-posterior", "--out", w2.toString()),
                err.toString());
        List<String> w = Files.readAllLines(w2);
        double w50 = Double.parseDouble(w.get(1).split(",")[6]);
        double w100 = Double.parseDouble(w.get(2).split(",")[6]);
        assertTrue(w100 < w50 && w50 < 0.2, w.toString());
        Path budget = dir.resolve("budget.csv");
        assertEquals(0, run(err, concat(new String[] {"sweep", "--target", "ring8", "--samplers", "dps,ddrm", "--steps", "20", "--budgets",
                "--particles", "500", "--out", budget.toString()}, INPAINT)), err.toString());
        List<String> b = Files.readAllLines(budget);
        assertTrue(b.stream().anyMatch(r -> r.startsWith("dps,10,20,")) && b.stream().anyMatch(r -> r.startsWith("ddrm,20,20,")), b.toString());
        // SNR-split on blur needs fewer NFE than steps: a budget may ask for more steps than linear's 999, which then do not fit
        Path wide = dir.resolve("wide.csv");
        assertEquals(0, run(err, "sweep", "--target", "ring8", "--samplers", "snr-split", "--observe-A", "denoise", "--observe-y", "1.5,1.5",
                "--observe-sigma", "0.4", "--steps", "400", "--budgets", "--particles", "200", "--out", wide.toString()), err.toString());
        int t = Integer.parseInt(Files.readAllLines(wide).get(2).split(",")[1]);
        assertTrue(t > 400 && t <= 999, "T = " + t);
        StringWriter e2 = new StringWriter();
        assertEquals(2, run(e2, "sweep", "--target", "ring8", "--samplers", "ddpm", "--steps", "5", "--metric", "mode-weights",
                "--out", dir.resolve("n.csv").toString()));
        assertTrue(e2.toString().contains("give an observation"), e2.toString());
    }
}
