package org.scorescope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scorescope.distribution.FramedTarget;
import org.scorescope.distribution.OrthonormalFrame;
import org.scorescope.distribution.Presets;
import org.scorescope.metrics.GaussianPropagation;
import org.scorescope.metrics.SpectralPropagation;
import org.scorescope.sampler.SamplerRegistry;
import org.scorescope.schedule.DiscreteSchedule;
import org.scorescope.score.PerturbedScore;
import org.scorescope.score.ScoreError;

/** Issue 16 on the command line: the sweep axes and metrics, the sample summary, and bad input (exit 2, one line naming the flag, no file). */
class ImperfectScoreCliTest {
    @TempDir
    Path dir;

    private int run(StringWriter err, String... args) {
        return ScoreScopeCli.run(new PrintWriter(err, true), args);
    }

    private String stdout(Runnable r) {
        PrintStream old = System.out;
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        System.setOut(new PrintStream(b, true));
        try {
            r.run();
        } finally {
            System.setOut(old);
        }
        return b.toString();
    }

    @Test
    void scoreErrorAxisWritesItsColumnWithExactValues() throws Exception {
        Path out = dir.resolve("w2.csv");
        StringWriter err = new StringWriter();
        assertEquals(0, run(err, "sweep", "--target", "gaussian", "--samplers", "ddpm,ddim", "--steps", "20", "--metric", "exact-w2",
                "--score-error", "bias", "--score-errors", "0,0.1", "--out", out.toString()), err.toString());
        List<String> lines = Files.readAllLines(out);
        assertEquals("sampler,steps,nfe,seed,particles,metric,value,floor,diverged,score_error", lines.get(0));
        assertEquals(5, lines.size());
        String[] row = lines.get(4).split(",");
        assertEquals("ddim", row[0]);
        assertEquals("0.1", row[9]);
        var target = Presets.get("gaussian");
        double expected = SpectralPropagation.run(target, PerturbedScore.of(target, ScoreError.of("bias", 0.1)),
                SamplerRegistry.create("ddim", Map.of()), DiscreteSchedule.linear().grid(20), GaussianPropagation.Start.EXACT_MARGINAL).w2();
        assertEquals(expected, Double.parseDouble(row[6]), 0);
    }

    @Test
    void dimensionAxisAndEpsMetrics() throws Exception {
        Path out = dir.resolve("dims.csv");
        StringWriter err = new StringWriter();
        assertEquals(0, run(err, "sweep", "--target", "gaussian", "--samplers", "ddpm", "--steps", "10", "--metric", "exact-w2",
                "--dims", "2,16", "--out", out.toString()), err.toString());
        List<String> lines = Files.readAllLines(out);
        assertEquals("sampler,steps,nfe,seed,particles,metric,value,floor,diverged,dim", lines.get(0));
        assertTrue(lines.get(2).endsWith(",16"), lines.get(2));
        var framed = new FramedTarget(Presets.get("gaussian"), OrthonormalFrame.random(16, 2, 1), 0);
        double expected = SpectralPropagation.run(framed, null, SamplerRegistry.create("ddpm", Map.of()), DiscreteSchedule.linear().grid(10),
                GaussianPropagation.Start.EXACT_MARGINAL).w2();
        assertEquals(expected, Double.parseDouble(lines.get(2).split(",")[6]), 1e-15);

        Path eps = dir.resolve("eps.csv");
        assertEquals(0, run(err, "sweep", "--target", "ring8", "--samplers", "ddpm", "--steps", "10", "--metric", "eps-score",
                "--score-error", "field:0.2:4", "--out", eps.toString()), err.toString());
        String[] row = Files.readAllLines(eps).get(1).split(",");
        assertEquals(0.2, Double.parseDouble(row[6]), 2 * Double.parseDouble(row[7]), "realised eps_score within 4 standard errors");
    }

    @Test
    void sampleSummarisesTheRealisedErrorAndTheEmbedding() {
        Path out = dir.resolve("s.csv");
        String text = stdout(() -> assertEquals(0, ScoreScopeCli.run("sample", "--target", "gaussian", "--sampler", "ddpm", "--steps", "10",
                "--particles", "2000", "--embed", "8", "--score-error", "bias:0.05", "--out", out.toString())));
        assertTrue(text.contains("score error bias:0.05: eps_score = 0.050000"), text);
        assertTrue(text.contains("plane (k = 2 of d = 8)"), text);
        assertTrue(text.contains("exact W2 of ddpm"), text);
        assertTrue(text.contains("KS distance"), text);
        String mem = stdout(() -> assertEquals(0, ScoreScopeCli.run("sample", "--target", "ring8", "--sampler", "ddpm", "--steps", "50",
                "--particles", "2000", "--training-points", "16", "--out", dir.resolve("m.csv").toString())));
        assertTrue(mem.contains("of the 16 training points"), mem);
    }

    @Test
    void badInputExitsTwoNamingTheFlagAndWritesNothing() throws Exception {
        String[][] cases = {
            {"--score-error", "sample", "--score-error", "bias:-0.1"},
            {"--score-error", "sample", "--score-error", "bias:NaN"},
            {"--score-error", "sample", "--score-error", "wobble:0.1"},
            {"--score-error", "sample", "--score-error", "scale:1:2"},
            {"--score-errors", "sweep", "--score-errors", "0,-0.01"},
            {"--score-errors", "sweep", "--score-errors", "0,NaN"},
            {"--score-errors", "sweep", "--score-errors", "0,abc"},
            {"--embed", "sample", "--embed", "1"},
            {"--embed", "sample", "--embed", "4096"},
            {"--dims", "sweep", "--dims", "1,8"},
            {"--dims", "sweep", "--dims", "2,2048"},
            {"--embed", "sample", "--embed", "1024", "--particles", "9000000"},
            {"--metric", "sweep", "--metric", "eps-score"},
            {"--metric", "sweep", "--metric", "exact-w2", "--score-error", "field:0.1"},
            {"--training-points", "sample", "--training-points", "0"},
            {"--training-points", "sample", "--training-points", "-3"},
            {"--normal-variance", "sample", "--embed", "8", "--normal-variance", "-1"},
            {"--normal-variance", "sample", "--normal-variance", "0.5"},
            {"--frame", "sample", "--embed", "8", "--frame", "diagonal"},
            {"--dims", "sample", "--dims", "8"},
            {"--early-stopping", "sample", "--early-stopping", "3"},
        };
        for (String[] c : cases) {
            Path out = dir.resolve("bad.csv");
            List<String> args = new ArrayList<>(List.of(c).subList(1, c.length));
            args.add(1, "--target");
            args.add(2, c[1].equals("sweep") && c[c.length - 1].equals("eps-score") ? "ring8" : "gaussian");
            args.addAll(List.of(c[0].equals("sweep") || c[1].equals("sweep") ? "--steps" : "--steps", "5", "--out", out.toString()));
            if (args.get(0).equals("sample")) {
                args.addAll(List.of("--sampler", "ddpm"));
            } else {
                args.addAll(List.of("--samplers", "ddpm"));
            }
            StringWriter err = new StringWriter();
            int code = run(err, args.toArray(new String[0]));
            String msg = err.toString().trim();
            assertEquals(2, code, String.join(" ", args) + ": " + msg);
            assertTrue(msg.startsWith("error: " + c[0] + ":"), String.join(" ", args) + " -> " + msg);
            assertEquals(1, msg.lines().count(), msg);
            assertFalse(Files.exists(out), String.join(" ", args));
        }
    }
}
