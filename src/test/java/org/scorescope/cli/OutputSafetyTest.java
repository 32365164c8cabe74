package org.scorescope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 11, must-show 2 (the parts of the CLI): outputs never clobber, never replace special files, appear whole. */
class OutputSafetyTest {
    @TempDir
    Path dir;

    private static int run(StringWriter err, String... args) {
        return ScoreScopeCli.run(new PrintWriter(err, true), args);
    }

    private List<String> names() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void outToASymlinkOrDevNullLeavesThemAsTheyWere() throws Exception {
        Path real = dir.resolve("real.csv");
        Files.writeString(real, "precious");
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), real);
        StringWriter plain = new StringWriter();
        assertEquals(2, run(plain, "sample", "--target", "ring8", "--sampler", "ddpm", "--steps", "2", "--particles", "10",
                "--out", link.toString()));
        StringWriter err = new StringWriter();
        assertEquals(2, run(err, "sample", "--target", "ring8", "--sampler", "ddpm", "--steps", "2", "--particles", "10", "--force",
                "--out", link.toString()));
        assertEquals("error: --out: '" + link + "' is a symbolic link; ScoreScope writes only regular files and never replaces a symbolic link "
                + "(standard output is --out -)\n", err.toString());
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("precious", Files.readString(real));
        Path devNull = Path.of("/dev/null");
        assumeTrue(Files.exists(devNull));
        StringWriter e2 = new StringWriter();
        assertEquals(2, run(e2, "sweep", "--target", "ring8", "--samplers", "ddpm", "--steps", "2", "--particles", "10", "--force",
                "--out", "/dev/null"));
        assertTrue(e2.toString().startsWith("error: --out: '/dev/null' is a device"), e2.toString());
        assertFalse(Files.isRegularFile(devNull, LinkOption.NOFOLLOW_LINKS));
        assertEquals(List.of("link.csv", "real.csv"), names());
    }

    @Test
    void dashWritesTheCsvToStandardOutputAndTheReportToStandardError() throws Exception {
        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = run(err, "sample", "--target", "ring8", "--sampler", "ddpm", "--steps", "2", "--particles", "5", "--out", "-");
        } finally {
            System.setOut(saved);
        }
        assertEquals(0, code, err.toString());
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals("x0,x1,diverged", lines.get(0));
        assertEquals(6, lines.size());
        assertFalse(Files.exists(Path.of("-")));
        assertEquals(List.of(), names());
    }

    @Test
    void renderNeverReplacesItsInputScenario() throws Exception {
        Path input = dir.resolve("fig.scenario.json");
        Files.writeString(input, "{\"target\": \"ring8\", \"samplers\": [\"ddpm\"], \"steps\": 4, \"particles\": 300}");
        FileTime time = Files.getLastModifiedTime(input);
        String text = Files.readString(input);
        StringWriter err = new StringWriter();
        // The beside file of fig.png is the input, and --particles changes the scenario: refused.
        assertEquals(2, run(err, "render", "--scenario", input.toString(), "--particles", "200", "--steps", "0", "--size", "64x64",
                "--out", dir.resolve("fig.png").toString()));
        assertTrue(err.toString().contains("is this render's input (--scenario) and would change"), err.toString());
        assertEquals(text, Files.readString(input));
        assertEquals(List.of("fig.scenario.json"), names());
        // The same scenario: the figure is written, the input is left untouched.
        StringWriter ok = new StringWriter();
        assertEquals(0, run(ok, "render", "--scenario", input.toString(), "--steps", "0", "--size", "64x64",
                "--out", dir.resolve("fig.png").toString()), ok.toString());
        assertEquals(text, Files.readString(input));
        assertEquals(time, Files.getLastModifiedTime(input));
        assertEquals(List.of("fig.png", "fig.scenario.json"), names());
        // A CSV is never written over the scenario it was made from, even with --force.
        StringWriter csv = new StringWriter();
        assertEquals(2, run(csv, "sample", "--scenario", input.toString(), "--force", "--out", input.toString()));
        assertEquals(text, Files.readString(input));
    }

    @Test
    void aBesideScenarioThatExistsStopsTheRenderBeforeAnythingIsWritten() throws Exception {
        Path beside = dir.resolve("a.scenario.json");
        Files.writeString(beside, "mine");
        StringWriter err = new StringWriter();
        assertEquals(2, run(err, "render", "--target", "ring8", "--samplers", "ddpm", "--run-steps", "3", "--particles", "200",
                "--size", "64x64", "--out", dir.resolve("a.png").toString()));
        assertEquals("error: --out: '" + beside + "' exists; add --force to replace it, or choose another name\n", err.toString());
        assertEquals(List.of("a.scenario.json"), names());
        assertEquals("mine", Files.readString(beside));
    }

    /** Two renders to one path at once: the second fails with a message, the first completes. */
    @Test
    void aSecondRenderToTheSamePathFailsWhileTheFirstRuns() throws Exception {
        Path gif = dir.resolve("same.gif");
        AtomicInteger first = new AtomicInteger(-1);
        StringWriter firstErr = new StringWriter();
        Thread t = new Thread(() -> first.set(run(firstErr, "render", "--target", "ring8", "--samplers", "ddpm,ddim", "--run-steps", "12",
                "--particles", "20000", "--size", "64x64", "--out", gif.toString())));
        t.start();
        Path lock = dir.resolve(".same.gif.lock");
        for (int i = 0; i < 600 && !Files.exists(lock) && t.isAlive(); i++) {
            Thread.sleep(50);
        }
        assumeTrue(Files.exists(lock), "the first render finished before the second started");
        StringWriter err = new StringWriter();
        int second = run(err, "render", "--target", "moons", "--samplers", "ddpm", "--run-steps", "3", "--particles", "100",
                "--size", "64x64", "--force", "--out", gif.toString());
        t.join();
        assertEquals(2, second, err.toString());
        assertTrue(err.toString().startsWith("error: --out: '" + gif + "' is being written by another ScoreScope"), err.toString());
        assertEquals(0, first.get(), firstErr.toString());
        assertEquals(List.of("same.gif", "same.scenario.json"), names());
        assertTrue(Files.readString(dir.resolve("same.scenario.json")).contains("\"ring8\""), "the first render's scenario");
    }

    /** Issue 11, must-show 2: 10^7 particles × 8 samplers are refused before anything starts, with the numbers. */
    @Test
    void tenMillionParticlesTimesEightSamplersAreRefusedWithTheNumbers() throws Exception {
        assumeTrue(Runtime.getRuntime().maxMemory() < 7L << 30, "a heap this large holds the run");
        StringWriter err = new StringWriter();
        assertEquals(2, run(err, "render", "--target", "ring8", "--samplers", "ddpm,ddim,accel-ddpm,accel-ddim,ddim-exact,heun,em-sde,dpmpp-2m",
                "--particles", "10000000", "--out", dir.resolve("big.png").toString()));
        String msg = err.toString();
        assertTrue(msg.matches("(?s)error: --particles: 10,000,000 particles × 8 samplers × 20 steps in 2D and [0-9,]+ pixels need about "
                + "[0-9.]+ GiB \\(particle state [0-9.]+ GiB, recorded frames [0-9.]+ GiB, pixels [0-9]+ MiB\\) but the Java heap has [0-9.]+ GiB "
                + "for it; up to [0-9,]+ "
                + "particles fit: lower --particles or the number of samplers; or give Java more memory \\(java -Xmx[0-9]+g -jar scorescope.jar …\\)\n"),
                msg);
        assertEquals(List.of(), names());
    }

    @Test
    void aTargetOnlyScenarioRunsWithTheSamplerFromTheFlags() throws Exception {
        Path t = dir.resolve("t.json");
        Files.writeString(t, "{\"target\": \"moons\"}");
        StringWriter err = new StringWriter();
        assertEquals(0, run(err, "sample", "--scenario", t.toString(), "--sampler", "ddim", "--steps", "3", "--particles", "50",
                "--out", dir.resolve("o.csv").toString()), err.toString());
        assertEquals(51, Files.readAllLines(dir.resolve("o.csv")).size());
    }
}
