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

/** Issue 17 on the command line: discrete sample and sweep, and must-show 5 — bad input exits 2 naming the field. */
class DiscreteCliTest {
    @TempDir
    Path dir;

    private int run(StringWriter err, String... args) {
        return ScoreScopeCli.run(new PrintWriter(err, true), args);
    }

    @Test
    void sampleWritesIntegersAndTheSameBytesForAnyThreadCount() throws Exception {
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv");
        StringWriter err = new StringWriter();
        String[] args = {"sample", "--target", "language", "--process", "masking", "--sampler", "tau-leaping", "--steps", "2", "--particles", "9000",
            "--seed", "3"};
        assertEquals(0, run(err, concat(args, "--threads", "1", "--out", a.toString())), err.toString());
        assertEquals(0, run(err, concat(args, "--threads", "2", "--out", b.toString())), err.toString());
        assertEquals(Files.readString(a), Files.readString(b));
        List<String> lines = Files.readAllLines(a);
        assertEquals("x0,x1,x2,x3", lines.get(0));
        assertEquals(9001, lines.size());
        assertTrue(lines.stream().skip(1).anyMatch(l -> l.contains("-1")), "two steps leave words masked, written as -1");

        Path sweep = dir.resolve("s.csv");
        assertEquals(0, run(err, "sweep", "--target", "product", "--states", "4", "--dims", "1,3", "--horizon", "6", "--samplers", "tau-leaping,ctmc-exact",
                "--steps", "4,8", "--metric", "exact-kl", "--out", sweep.toString()), err.toString());
        assertEquals(1 + 2 * 2 * 2, Files.readAllLines(sweep).size());
    }

    private static String[] concat(String[] a, String... b) {
        String[] c = new String[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private void assertBadInput(String field, String scenarioJson, String... extra) throws Exception {
        Path scenario = dir.resolve("bad.json");
        Files.writeString(scenario, scenarioJson);
        Path out = dir.resolve("never.csv");
        StringWriter err = new StringWriter();
        String[] args = concat(new String[] {"sample", "--scenario", scenario.toString(), "--out", out.toString()}, extra);
        assertEquals(2, run(err, args), err.toString());
        String message = err.toString().trim();
        assertFalse(message.contains("\n"), "one line: " + message);
        assertTrue(message.startsWith("error: " + field + ":"), message);
        assertFalse(Files.exists(out), "no file on bad input");
    }

    @Test
    void badInputExitsTwoNamingTheField() throws Exception {
        String table = "{\"target\": {\"type\": \"discrete\", \"states\": 2, \"dims\": 2, \"probabilities\": ";
        assertBadInput("target.probabilities[2]", table + "[0.5, 0.5, -0.25, 0.25]}}");
        assertBadInput("target.probabilities", table + "[0.5, 0.5, 0.25, 0.25]}}");
        assertBadInput("target.probabilities", table + "[0.5, 0.5, 0]}}");
        assertBadInput("target.dims", "{\"target\": {\"type\": \"discrete\", \"states\": 32, \"dims\": 5, \"probabilities\": [1]}}");
        Files.writeString(dir.resolve("noise.png"), "not a PNG");
        assertBadInput("target.image", "{\"target\": {\"type\": \"discrete\", \"image\": \"noise.png\"}}");
        assertBadInput("samplers[0]", "{\"target\": \"picture\", \"samplers\": [\"unmasking\"]}");
        assertBadInput("--init", "{\"target\": \"picture\"}", "--init", "x.csv");

        StringWriter err = new StringWriter();
        assertEquals(2, run(err, "sample", "--target", "ring8", "--sampler", "ddpm", "--process", "masking", "--out", dir.resolve("x.csv").toString()));
        assertTrue(err.toString().startsWith("error: --process:"), err.toString());
        err = new StringWriter();
        assertEquals(2, run(err, "sweep", "--target", "picture", "--states", "128", "--steps", "4", "--metric", "exact-kl", "--out",
                dir.resolve("y.csv").toString()));
        assertTrue(err.toString().startsWith("error: --metric:"), err.toString());
        assertFalse(Files.exists(dir.resolve("y.csv")));
    }
}
