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
import org.scorescope.distribution.Presets;
import org.scorescope.io.AtomicFile;
import org.scorescope.metrics.ExactGaussianError;
import org.scorescope.sampler.SamplerRegistry;
import org.scorescope.schedule.VpContinuousSchedule;

/** The headless contract of issue 3: files, columns and exit codes. */
class CliTest {
    @TempDir
    Path dir;

    private int run(StringWriter err, String... args) {
        return ScoreScopeCli.run(new PrintWriter(err, true), args);
    }

    @Test
    void sampleWritesOneRowPerParticleCoordinatesFirst() throws Exception {
        Path out = dir.resolve("p.csv");
        StringWriter err = new StringWriter();
        assertEquals(0, run(err, "sample", "--target", "ring8", "--sampler", "ddpm", "--steps", "5", "--particles", "1000",
                "--seed", "3", "--out", out.toString()), err.toString());
        List<String> lines = Files.readAllLines(out);
        assertEquals("x0,x1,diverged", lines.get(0));
        assertEquals(1001, lines.size());
        assertTrue(lines.get(1).matches("-?[0-9.E-]+,-?[0-9.E-]+,0"), lines.get(1));
        // Same run with another thread count: the same bytes.
        Path again = dir.resolve("q.csv");
        assertEquals(0, run(err, "sample", "--target", "ring8", "--sampler", "ddpm", "--steps", "5", "--particles", "1000",
                "--seed", "3", "--threads", "1", "--out", again.toString()));
        assertEquals(Files.readString(out), Files.readString(again));
    }

    @Test
    void reportsAndFilesUseAPointForDecimalsUnderAnyLocale() throws Exception {
        java.util.Locale before = java.util.Locale.getDefault(java.util.Locale.Category.FORMAT);
        try {
            java.util.Locale.setDefault(java.util.Locale.Category.FORMAT, java.util.Locale.GERMANY);
            Path out = dir.resolve("de.csv");
            StringWriter err = new StringWriter();
            java.io.ByteArrayOutputStream report = new java.io.ByteArrayOutputStream();
            java.io.PrintStream stdout = System.out;
            System.setOut(new java.io.PrintStream(report, true, java.nio.charset.StandardCharsets.UTF_8));
            try {
                assertEquals(0, run(err, "sample", "--target", "ring8", "--sampler", "ddim", "--steps", "3", "--particles", "20",
                        "--out", out.toString()), err.toString());
            } finally {
                System.setOut(stdout);
            }
            String said = report.toString(java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(said.lines().findFirst().orElse("").matches(".*, \\d+\\.\\d\\d s"), "the report's seconds use a point: " + said);
            // ddim at T = 3 on ring8 leaves the target's scale: the warning names the step with a decimal point too.
            assertTrue(said.contains("warning: ddim diverged at step t=") && said.matches("(?s).*β_t = \\d\\.\\d+.*"), said);
            assertTrue(Files.readAllLines(out).get(1).matches("[-0-9.E]+,[-0-9.E]+,[01]"), "CSV rows keep one comma between columns");
        } finally {
            java.util.Locale.setDefault(java.util.Locale.Category.FORMAT, before);
        }
    }

    @Test
    void initAndCustomGridReproduceAHandComputedDdimStep() throws Exception {
        Path init = dir.resolve("init.csv");
        Files.writeString(init, "x0\n0.5\n-1.25\n");
        Path grid = dir.resolve("grid.txt");
        Files.writeString(grid, "0.9\n0.4\n");
        Path out = dir.resolve("out.csv");
        StringWriter err = new StringWriter();
        assertEquals(0, run(err, "sample", "--target", "gaussian1d", "--sampler", "ddim-exact", "--init", init.toString(),
                "--grid", grid.toString(), "--out", out.toString()), err.toString());
        List<String> lines = Files.readAllLines(out);
        assertEquals(3, lines.size());
        // gaussian1d is N(1, 0.25): s(x, γ) = −(x − √γ)/(0.25γ + 1 − γ); one DDIM step from 0.4 to 0.9.
        double a = 0.4 / 0.9;
        for (int i = 0; i < 2; i++) {
            double y = i == 0 ? 0.5 : -1.25;
            double s = -(y - Math.sqrt(0.4)) / (0.25 * 0.4 + 0.6);
            double expected = (y + (1 - a) / (1 + Math.sqrt((a - 0.4) / 0.6)) * s) / Math.sqrt(a);
            assertEquals(expected, Double.parseDouble(lines.get(i + 1).split(",")[0]), 1e-14);
        }
    }

    @Test
    void trajectoryWritesEveryLevel() throws Exception {
        Path out = dir.resolve("traj.csv");
        StringWriter err = new StringWriter();
        assertEquals(0, run(err, "sample", "--target", "gaussian", "--sampler", "accel-ddpm", "--steps", "4", "--particles", "50",
                "--trajectory", "--out", out.toString()), err.toString());
        List<String> lines = Files.readAllLines(out);
        assertEquals("x0,x1,diverged,particle,t,abar", lines.get(0));
        assertEquals(1 + 50 * 5, lines.size());
        assertTrue(lines.get(1).endsWith(",0,0,4," + org.scorescope.schedule.DiscreteSchedule.linear().grid(4).abar(4)), lines.get(1));
    }

    @Test
    void sweepWritesTheContractColumnsAndExactValues() throws Exception {
        Path out = dir.resolve("sweep.csv");
        StringWriter err = new StringWriter();
        assertEquals(0, run(err, "sweep", "--target", "gaussian1d", "--schedule", "vp-continuous", "--samplers", "ddim,accel-ddim-ms",
                "--steps", "10,20,40", "--metric", "exact-w2", "--out", out.toString()), err.toString());
        List<String> lines = Files.readAllLines(out);
        assertEquals("sampler,steps,nfe,seed,particles,metric,value,floor,diverged,abar0,nfe_min,nfe_max", lines.get(0));
        assertEquals(7, lines.size());
        String[] row = lines.get(2).split(",", -1);
        assertEquals("ddim", row[0]);
        assertEquals("20", row[1]);
        assertEquals("20", row[2]);
        assertEquals("", row[3]);
        double expected = ExactGaussianError.of(Presets.get("gaussian1d"), SamplerRegistry.create("ddim"),
                VpContinuousSchedule.dpmSolver(VpContinuousSchedule.Spacing.LOGSNR).grid(20)).w2();
        assertEquals(expected, Double.parseDouble(row[6]), 0);

        Path tv = dir.resolve("tv.csv");
        assertEquals(0, run(err, "sweep", "--target", "ring8", "--samplers", "ddpm", "--steps", "5", "--particles", "2000",
                "--seeds", "2", "--metric", "tv", "--out", tv.toString()));
        List<String> tvLines = Files.readAllLines(tv);
        assertEquals(3, tvLines.size());
        assertTrue(tvLines.get(1).startsWith("ddpm,5,5,1,2000,tv,"), tvLines.get(1));
    }

    @Test
    void scenarioFileWithOverridingFlags() throws Exception {
        Path sc = dir.resolve("s.json");
        Files.writeString(sc, "{\"target\": \"gaussian\", \"samplers\": [\"ddim\", \"ddpm\"], \"steps\": 7, \"particles\": 30}");
        Path out = dir.resolve("o.csv");
        StringWriter err = new StringWriter();
        assertEquals(0, run(err, "sample", "--scenario", sc.toString(), "--particles", "20", "--out", out.toString()), err.toString());
        assertEquals(21, Files.readAllLines(out).size());
    }

    @Test
    void badInputGivesOneMessageAndExitCodeTwoAndLeavesNoFile() throws Exception {
        Path out = dir.resolve("never.csv");
        String[][] cases = {
            {"sample", "--target", "nope", "--sampler", "ddpm", "--out", out.toString()},
            {"sample", "--target", "ring8", "--sampler", "ddpm", "--particles", "-3", "--out", out.toString()},
            {"sample", "--target", "ring8", "--sampler", "ddpm", "--steps", "abc", "--out", out.toString()},
            {"sample", "--target", "ring8", "--sampler", "warp", "--out", out.toString()},
            {"sweep", "--target", "ring8", "--samplers", "ddim", "--steps", "5", "--metric", "exact-w2", "--out", out.toString()},
            {"sample", "--target", "ring8", "--sampler", "ddpm", "--schedule", "sigmoid", "--out", out.toString()},
            {"sample", "--scenario", dir.resolve("missing.json").toString(), "--out", out.toString()}};
        for (String[] args : cases) {
            StringWriter err = new StringWriter();
            assertEquals(2, run(err, args), String.join(" ", args) + " -> " + err);
            String msg = err.toString();
            assertTrue(msg.startsWith("error: "), msg);
            assertFalse(msg.contains("Exception") || msg.contains("\tat "), msg);
        }
        assertFalse(Files.exists(out));
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count(), "no temporary files left behind");
        }
    }

    @Test
    void csvParticlesRoundTrip() throws Exception {
        Path out = dir.resolve("p.csv");
        StringWriter err = new StringWriter();
        assertEquals(0, run(err, "sample", "--target", "moons", "--sampler", "ddim", "--steps", "3", "--particles", "300", "--out", out.toString()));
        double[][] read = CsvParticles.read(out, 2);
        Path again = dir.resolve("p2.csv");
        // Feeding the particles back as the start of a zero-step run is not possible (T ≥ 1), so compare the text.
        AtomicFile.write(again, w -> {
            w.write("x0,x1,diverged\n");
            for (int i = 0; i < read[0].length; i++) {
                CsvParticles.writeCoordinates(w, read, i);
                w.write(",0\n");
            }
        });
        assertArrayEquals(Files.readAllLines(out).toArray(), Files.readAllLines(again).toArray());
    }

    /** Issue 6, must-show 3: every registered sampler runs through sample with --init and a custom grid, and through sweep. */
    @Test
    void everySamplerAcceptsInitAndACustomGridAndSweeps() throws Exception {
        Path init = dir.resolve("init2d.csv");
        Files.writeString(init, "x0,x1\n0.5,-0.25\n-1.0,2.0\n0.1,0.1\n");
        Path grid = dir.resolve("grid.txt");
        Files.writeString(grid, "0.999\n0.9\n0.6\n0.2\n0.01\n");
        for (String id : org.scorescope.sampler.SamplerRegistry.ids()) {
            Path out = dir.resolve(id + ".csv");
            StringWriter err = new StringWriter();
            assertEquals(0, run(err, "sample", "--target", "ring8", "--sampler", id, "--init", init.toString(), "--grid", grid.toString(),
                    "--out", out.toString()), id + ": " + err);
            List<String> lines = Files.readAllLines(out);
            assertEquals(4, lines.size(), id);
            for (String line : lines.subList(1, 4)) {
                assertTrue(line.endsWith(",0"), id + " diverged: " + line);
            }
        }
        Path sweep = dir.resolve("all.csv");
        StringWriter err = new StringWriter();
        assertEquals(0, run(err, "sweep", "--target", "ring8", "--samplers", String.join(",", org.scorescope.sampler.SamplerRegistry.ids()),
                "--steps", "3", "--particles", "500", "--out", sweep.toString()), err.toString());
        assertEquals(1 + org.scorescope.sampler.SamplerRegistry.ids().size(), Files.readAllLines(sweep).size());
    }
}
