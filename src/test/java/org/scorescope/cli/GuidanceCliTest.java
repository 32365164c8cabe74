package org.scorescope.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import org.scorescope.scenario.ScenarioJson;
import org.scorescope.schedule.DiscreteSchedule;

/** Issue 14, must-show 4 and 5: guided runs from the command line, round trips, and bad input. */
class GuidanceCliTest {
    @TempDir
    Path dir;

    private static final String LABELLED = "{\"title\": \"guided\", \"target\": {\"type\": \"gaussian-mixture\", \"weights\": [1, 1, 2],"
            + " \"means\": [[-2, 0], [2, 0], [0, 2]], \"covariances\": [[[0.5, 0], [0, 0.5]], [[0.5, 0.1], [0.1, 0.3]], [[0.4, 0], [0, 0.4]]],"
            + " \"classes\": [0, 1, %s]}, \"samplers\": [\"ddpm\"], \"steps\": 6, \"particles\": 2000, \"seed\": 2%s}";

    private int run(StringWriter err, String... args) {
        return ScoreScopeCli.run(new PrintWriter(err, true), args);
    }

    private Path file(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void guidedSweepHasTheGuidanceColumnAndCountsTwoEvaluationsPerGuidedCall() throws Exception {
        Path out = dir.resolve("w.csv");
        StringWriter err = new StringWriter();
        assertEquals(0, run(err, "sweep", "--target", "two-classes-1d", "--samplers", "ddpm", "--steps", "10,20", "--particles", "2000",
                "--class", "1", "--guidance", "0,2", "--metric", "thm9,tv-tilted", "--seeds", "2", "--out", out.toString()), err.toString());
        List<String> lines = Files.readAllLines(out);
        assertEquals("sampler,steps,nfe,seed,particles,guidance,metric,value", lines.get(0));
        assertEquals(1 + 2 * 2 * 2 * 2, lines.size());
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",");
            int steps = Integer.parseInt(c[1]);
            double w = Double.parseDouble(c[5]);
            assertEquals(w == 0 ? steps : 2 * steps, Long.parseLong(c[2]), line);
            assertTrue(Double.parseDouble(c[7]) > 0, line);
        }
    }

    @Test
    void scenarioWithClassesAndGuidanceRoundTripsThroughSaveLoadAndRender() throws Exception {
        String json = String.format(LABELLED, "1", ", \"guidance\": {\"class\": 1, \"w\": 2.5, \"interval\": [0.05, 0.95]}");
        Scenario s = ScenarioJson.parse(json);
        assertEquals(new Scenario.GuidanceSpec(1, 2.5, 0.05, 0.95), s.guidance());
        assertArrayEquals(new int[] {0, 1, 1}, s.target().classes());
        String written = ScenarioJson.write(s);
        assertEquals(written, ScenarioJson.write(ScenarioJson.parse(written)));
        // a preset with classes keeps its id; explicit classes on a preset are written out
        Scenario preset = ScenarioJson.parse("{\"target\": \"ring8-classes\", \"samplers\": [\"ddim\"], \"guidance\": {\"class\": 0, \"w\": 1}}");
        assertTrue(ScenarioJson.write(preset).contains("\"target\" : \"ring8-classes\""), ScenarioJson.write(preset));
        assertEquals(preset.guidance(), ScenarioJson.parse(ScenarioJson.write(preset)).guidance());

        Path png = dir.resolve("g.png");
        StringWriter err = new StringWriter();
        assertEquals(0, run(err, "render", "--scenario", file("g.json", json).toString(), "--steps", "6,0", "--size", "120x120",
                "--out", png.toString()), err.toString());
        Path beside = dir.resolve("g.scenario.json");
        Scenario back = ScenarioJson.read(beside);
        assertEquals(s.guidance(), back.guidance());
        assertArrayEquals(s.target().classes(), back.target().classes());
        Path again = dir.resolve("again.png");
        assertEquals(0, run(err, "render", "--scenario", beside.toString(), "--steps", "6,0", "--size", "120x120", "--out", again.toString()));
        assertArrayEquals(Files.readAllBytes(png), Files.readAllBytes(again));
        // flags override the file's guidance, and change the figure
        Path other = dir.resolve("other.png");
        assertEquals(0, run(err, "render", "--scenario", beside.toString(), "--steps", "6,0", "--size", "120x120", "--guidance", "0",
                "--out", other.toString()), err.toString());
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(png), Files.readAllBytes(other)));
        assertEquals(0, ScenarioJson.read(dir.resolve("other.scenario.json")).guidance().w());
    }

    @Test
    void lawsFigureHasTheConditionalTheTiltedLawAndEverySamplersOutput() throws Exception {
        Path png = dir.resolve("laws.png");
        StringWriter err = new StringWriter();
        assertEquals(0, run(err, "render", "--target", "two-classes", "--samplers", "ddpm,ddim", "--run-steps", "10", "--particles", "3000",
                "--class", "1", "--guidance", "3", "--laws", "--size", "150x150", "--out", png.toString()), err.toString());
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(png.toFile());
        assertEquals(4 * (150 + 56 + 12), img.getWidth());
        assertEquals(34 + 150 + 30 + 34, img.getHeight());
        assertEquals(3, ScenarioJson.read(dir.resolve("laws.scenario.json")).guidance().w());
        assertEquals(2, run(err, "render", "--target", "two-classes", "--samplers", "ddpm", "--laws", "--out", dir.resolve("x.png").toString()));
        assertFalse(Files.exists(dir.resolve("x.png")));
    }

    @Test
    void sampleCountsTwiceTheEvaluations() throws Exception {
        Path out = dir.resolve("s.csv");
        StringWriter err = new StringWriter();
        java.io.PrintStream old = System.out;
        java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(buf, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            assertEquals(0, run(err, "sample", "--target", "ring8-classes", "--sampler", "dpm-solver-2", "--steps", "7", "--particles", "500",
                    "--class", "0", "--guidance", "4", "--out", out.toString()), err.toString());
        } finally {
            System.setOut(old);
        }
        String text = buf.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(text.contains("NFE=28 per particle"), text);
        assertTrue(text.contains("thm9 "), text);
        assertTrue(text.contains("tv-tilted"), text);
        assertEquals(501, Files.readAllLines(out).size());
    }

    private void refused(String field, String... args) throws Exception {
        Path out = dir.resolve("bad.csv");
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--out";
        all[args.length + 1] = out.toString();
        assertEquals(2, run(err, all), err.toString());
        String message = err.toString().trim();
        assertEquals(1, message.lines().count(), message);
        assertTrue(message.startsWith("error: " + field + ": "), message);
        assertFalse(Files.exists(out), "no file for bad input");
    }

    @Test
    void badClassesAndGuidanceExitTwoNamingTheField() throws Exception {
        String[] sample = {"sample", "--sampler", "ddpm", "--steps", "4", "--particles", "100", "--scenario"};
        Path wrongLength = file("a.json", String.format(LABELLED, "1, 0", ""));
        refused("target.classes", concat(sample, wrongLength.toString()));
        Path oneClass = file("b.json", String.format(LABELLED.replace("[0, 1, %s]", "[3, 3, %s]"), "3", ""));
        refused("target.classes", concat(sample, oneClass.toString()));
        Path negative = file("c.json", String.format(LABELLED, "-1", ""));
        refused("target.classes[2]", concat(sample, negative.toString()));
        Path absent = file("d.json", String.format(LABELLED, "1", ", \"guidance\": {\"class\": 7, \"w\": 1}"));
        refused("guidance.class", concat(sample, absent.toString()));
        Path negativeW = file("e.json", String.format(LABELLED, "1", ", \"guidance\": {\"class\": 1, \"w\": -0.5}"));
        refused("guidance.w", concat(sample, negativeW.toString()));
        Path nanW = file("f.json", String.format(LABELLED, "1", ", \"guidance\": {\"class\": 1, \"w\": NaN}"));
        refused("guidance.w", concat(sample, nanW.toString()));
        Path badInterval = file("g.json", String.format(LABELLED, "1", ", \"guidance\": {\"class\": 1, \"w\": 1, \"interval\": [0.9, 0.2]}"));
        refused("guidance.interval", concat(sample, badInterval.toString()));
        Path unlabelled = file("h.json", "{\"target\": \"ring8\", \"samplers\": [\"ddpm\"], \"guidance\": {\"class\": 0, \"w\": 1}}");
        refused("guidance", concat(sample, unlabelled.toString()));

        String[] flags = {"sample", "--target", "two-classes", "--sampler", "ddpm", "--steps", "4", "--particles", "100"};
        refused("--class", concat(flags, "--class", "5", "--guidance", "1"));
        refused("--guidance", concat(flags, "--class", "1", "--guidance", "-1"));
        refused("--guidance", concat(flags, "--class", "1", "--guidance", "NaN"));
        refused("--guidance", concat(flags, "--class", "1", "--guidance", "1,2"));
        refused("--class", concat(flags, "--guidance", "1"));
        refused("--class", new String[] {"sample", "--target", "ring8", "--sampler", "ddpm", "--class", "0"});
        refused("--guidance-interval", concat(flags, "--class", "1", "--guidance", "1", "--guidance-interval", "0.5,0.1"));
        refused("--metric", "sweep", "--target", "checkerboard-classes", "--samplers", "ddpm", "--steps", "4", "--class", "0",
                "--guidance", "1", "--metric", "thm9");
        refused("--metric", "sweep", "--target", "two-classes", "--samplers", "ddpm", "--steps", "4", "--class", "0",
                "--guidance", "1", "--metric", "exact-w2");
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void guidanceIntervalCountsOnlyTheGuidedLevelsTwice() throws Exception {
        var grid = DiscreteSchedule.linear().grid(10);
        int inside = 0;
        for (int t = 1; t <= 10; t++) {
            inside += grid.abar(t) >= 0.2 && grid.abar(t) <= 0.8 ? 1 : 0;
        }
        Path out = dir.resolve("i.csv");
        StringWriter err = new StringWriter();
        assertEquals(0, run(err, "sweep", "--target", "two-classes", "--samplers", "ddpm", "--steps", "10", "--particles", "500",
                "--class", "0", "--guidance", "3", "--guidance-interval", "0.2,0.8", "--metric", "confidence", "--out", out.toString()),
                err.toString());
        assertEquals(10 + inside, Long.parseLong(Files.readAllLines(out).get(1).split(",")[2]));
    }
}
