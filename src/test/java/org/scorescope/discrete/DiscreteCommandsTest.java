package org.scorescope.discrete;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scorescope.scenario.ScenarioException;

/** The discrete sample and sweep behind the CLI: files, columns, MASK as −1, and nothing written on bad input. */
class DiscreteCommandsTest {
    @TempDir
    Path dir;

    private static DiscreteCommands.Options preset(String target, String process) {
        return new DiscreteCommands.Options(null, target, process, null, null, null, null, null, 2000, 4L);
    }

    @Test
    void sampleWritesIntegerCoordinatesWithMaskAsMinusOne() throws Exception {
        Path out = dir.resolve("lang.csv");
        StringWriter text = new StringWriter();
        DiscreteScenario sc = DiscreteCommands.resolve(preset("language", "masking"), List.of("tau-leaping"), 3);
        DiscreteCommands.sample(sc, out, false, 2, new PrintWriter(text, true));
        List<String> lines = Files.readAllLines(out);
        assertEquals("x0,x1,x2,x3", lines.get(0));
        assertEquals(2001, lines.size());
        boolean sawMask = false;
        for (String line : lines.subList(1, lines.size())) {
            for (String v : line.split(",")) {
                int x = Integer.parseInt(v);
                assertTrue(x >= -1 && x < 8, line);
                sawMask |= x == -1;
            }
        }
        assertTrue(sawMask, "three τ-leaping steps leave some words masked");
        assertTrue(text.toString().contains("exact output law: KL"), text.toString());
        assertTrue(text.toString().contains("\""), "the language preset prints sentences: " + text);

        Path traj = dir.resolve("traj.csv");
        DiscreteCommands.sample(sc.with(null, null, null, null, null, null, 10, null), traj, true, 1, new PrintWriter(new StringWriter()));
        List<String> t = Files.readAllLines(traj);
        assertEquals("x0,x1,x2,x3,particle,step,tau", t.get(0));
        assertEquals(1 + 10 * 4, t.size());
        assertEquals("-1,-1,-1,-1,0,0,5.0", t.get(1), "step 0: all masked at τ = T");
    }

    @Test
    void sweepWritesOneRowPerPointAndFindsTheStepsForAKl() throws Exception {
        Path out = dir.resolve("sweep.csv");
        StringWriter text = new StringWriter();
        DiscreteCommands.sweep(new DiscreteCommands.Options(null, "product", "uniform", 8.0, null, null, null, null, null, null),
                List.of("tau-leaping"), List.of(4, 8, 16), List.of(4), List.of(1, 2), "exact-kl", 1, null, out, 2,
                new PrintWriter(text, true), new PrintWriter(new StringWriter()));
        List<String> lines = Files.readAllLines(out);
        assertEquals(DiscreteSweep.Row.HEADER, lines.get(0));
        assertEquals(1 + 2 * 3, lines.size());
        double d1 = Double.parseDouble(lines.get(3).split(",")[8]);
        double d2 = Double.parseDouble(lines.get(6).split(",")[8]);
        assertEquals(2 * d1, d2, 1e-12 * d2, "independent coordinates: KL adds up");
        assertTrue(text.toString().contains("log-log slope"), text.toString());

        Path found = dir.resolve("found.csv");
        StringWriter f = new StringWriter();
        DiscreteCommands.sweep(new DiscreteCommands.Options(null, "product", "uniform", 8.0, null, null, null, null, null, null),
                List.of("tau-leaping"), List.of(4096), List.of(4), List.of(2), "exact-kl", 1, 0.05, found, 2,
                new PrintWriter(f, true), new PrintWriter(new StringWriter()));
        assertTrue(f.toString().contains("N(KL<=0.05) = "), f.toString());
        int n = Integer.parseInt(f.toString().replaceAll("(?s).*N\\(KL<=0.05\\) = (\\d+).*", "$1"));
        DiscreteTarget t = DiscretePresets.product(4, 2);
        double at = ExactLaw.output(t, DiscreteProcess.UNIFORM, new TauLeapingSampler(), StepSchedule.constant(8, n), null, null, null).kl(t);
        double before = ExactLaw.output(t, DiscreteProcess.UNIFORM, new TauLeapingSampler(), StepSchedule.constant(8, n - 1), null, null, null).kl(t);
        assertTrue(at <= 0.05 && before > 0.05, "N = " + n + ": " + before + " → " + at);
    }

    @Test
    void badFlagsNameTheFlagAndWriteNothing() {
        Path out = dir.resolve("never.csv");
        PrintWriter sink = new PrintWriter(new StringWriter());
        DiscreteCommands.Options picture = preset("picture", "uniform");
        assertEquals("--dims", assertThrows(ScenarioException.class, () -> DiscreteCommands.sweep(picture, List.of("euler"), List.of(2),
                null, List.of(2, 4), "exact-kl", 1, null, out, 1, sink, sink)).field());
        assertEquals("--metric", assertThrows(ScenarioException.class, () -> DiscreteCommands.sweep(picture, List.of("euler"), List.of(2),
                null, null, "w2", 1, null, out, 1, sink, sink)).field());
        assertEquals("--metric", assertThrows(ScenarioException.class, () -> DiscreteCommands.sweep(
                new DiscreteCommands.Options(null, "picture", null, null, null, null, null, null, null, null), List.of("euler"), List.of(2),
                List.of(128), null, "exact-kl", 1, null, out, 1, sink, sink)).field(), "S^d = 128^2 is over the exact-law limit");
        assertEquals("--process", assertThrows(ScenarioException.class, () -> DiscreteCommands.resolve(preset("picture", "absorbing"),
                null, null)).field());
        assertEquals("samplers[0]", assertThrows(ScenarioException.class, () -> DiscreteCommands.resolve(preset("picture", "uniform"),
                List.of("unmasking"), null)).field());
        assertEquals("particles", assertThrows(ScenarioException.class, () -> DiscreteCommands.resolve(
                new DiscreteCommands.Options(null, "product", null, null, null, null, null, 64, 10_000_000, null), null, null)).field());
        assertFalse(Files.exists(out));
    }
}
