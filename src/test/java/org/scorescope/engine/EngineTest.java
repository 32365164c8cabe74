package org.scorescope.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.scorescope.sampler.SamplerRegistry;
import org.scorescope.schedule.DiscreteSchedule;
import org.scorescope.schedule.Grid;
import org.scorescope.score.ExactScore;
import org.scorescope.distribution.Presets;
import org.scorescope.distribution.Target;

class EngineTest {
    private static final Grid GRID = DiscreteSchedule.linear().grid(10);

    private static List<SamplerSlot> slots(String... ids) {
        List<SamplerSlot> s = new ArrayList<>();
        for (String id : ids) {
            s.add(SamplerSlot.of(SamplerRegistry.create(id)));
        }
        return s;
    }

    @Test
    void bitIdenticalParticlesWithOneTwoAndEightThreads() {
        assertBitIdenticalAcrossThreads("ring8");
    }

    /** The box-mixture kernel (vector blocks, a scalar tail, log-space redos) is per particle too. */
    @Test
    void bitIdenticalCheckerboardParticlesWithOneTwoAndEightThreads() {
        assertBitIdenticalAcrossThreads("checkerboard");
    }

    private static void assertBitIdenticalAcrossThreads(String targetId) {
        Target target = Presets.get(targetId);
        // 3.5 chunks, so that a partial chunk is covered too.
        RunSpec spec = RunSpec.of(target, GRID, slots("ddpm", "accel-ddpm", "accel-ddim-ms"), Engine.CHUNK * 3 + Engine.CHUNK / 2 + 17, 42);
        List<double[][]> reference = null;
        for (int threads : new int[] {1, 2, 8}) {
            try (Engine e = new Engine(threads)) {
                List<double[][]> p = e.run(spec, null).positions();
                if (reference == null) {
                    reference = p;
                } else {
                    for (int s = 0; s < p.size(); s++) {
                        for (int a = 0; a < 2; a++) {
                            assertArrayEquals(reference.get(s)[a], p.get(s)[a], "threads=" + threads + " sampler " + s);
                        }
                    }
                }
            }
        }
    }

    @Test
    void piadmRoundsRunInParallelForSmallRunsAndStayBitIdentical() {
        Target target = Presets.get("ring8");
        // 100 particles: two chunks for four threads, so the M evaluations of each iterate run on the inner pool.
        RunSpec spec = RunSpec.of(target, GRID, List.of(SamplerSlot.of(SamplerRegistry.create("piadm-sde",
                java.util.Map.of("M", 6.0, "K", 4.0)))), 100, 5);
        double[][] one;
        try (Engine e = new Engine(1)) {
            one = e.run(spec, null).positions().get(0);
        }
        try (Engine e = new Engine(4)) {
            RunResult r = e.run(spec, null);
            assertArrayEquals(one[0], r.positions().get(0)[0]);
            assertArrayEquals(one[1], r.positions().get(0)[1]);
            assertEquals(6 * 4 * GRID.steps(), r.nfe()[0], "NFE = K·M·N, counted once per batch");
        }
    }

    @Test
    void samplersStartFromTheSameNoiseAndSeedsDiffer() {
        Target target = Presets.get("gaussian");
        List<double[][]> initial = new ArrayList<>();
        try (Engine e = new Engine(2)) {
            e.run(RunSpec.of(target, GRID, slots("ddpm", "ddim"), 1000, 7), v -> {
                if (v.t() == GRID.steps()) {
                    initial.add(v.positions(0));
                    initial.add(v.positions(1));
                }
            });
            assertArrayEquals(initial.get(0)[0], initial.get(1)[0]);
            double[][] other = e.run(RunSpec.of(target, GRID, slots("ddim"), 1000, 8), null).positions().get(0);
            double[][] same = e.run(RunSpec.of(target, GRID, slots("ddim"), 1000, 7), null).positions().get(0);
            assertTrue(other[0][0] != same[0][0]);
        }
    }

    @Test
    void nfeIsCountedPerParticle() {
        try (Engine e = new Engine(2)) {
            RunResult r = e.run(RunSpec.of(Presets.get("gaussian1d"), GRID, slots("ddpm", "accel-ddim", "accel-ddim-ms"), 5000, 1), null);
            assertEquals(10, r.nfe()[0]);
            assertEquals(19, r.nfe()[1]); // first step is DDIM (linear has no α_{T+1}), then 2 per step
            assertEquals(10, r.nfe()[2]);
        }
    }

    @Test
    void divergingParticlesAreFlaggedCountedAndTheRunGoesOn() {
        Target target = Presets.get("gaussian1d");
        // A score model that blows up on particles right of 2: they become infinite, then NaN.
        ExactScore exact = new ExactScore(target);
        RunSpec spec = new RunSpec(target, (x, n, g, out) -> {
            exact.eval(x, n, g, out);
            for (int i = 0; i < n; i++) {
                if (x[0][i] > 2) {
                    out[0][i] = Double.POSITIVE_INFINITY;
                }
            }
        }, GRID, slots("ddim"), 20_000, 3, null);
        try (Engine e = new Engine(2)) {
            int[] last = new int[1];
            RunResult r = e.run(spec, v -> last[0] = v.diverged(0));
            double[] x = r.positions().get(0)[0];
            int nonFinite = 0;
            for (double v : x) {
                nonFinite += Double.isFinite(v) ? 0 : 1;
            }
            assertTrue(nonFinite > 0);
            assertEquals(nonFinite, r.diverged()[0]);
            assertEquals(nonFinite, last[0]);
        }
    }

    @Test
    void initialParticlesAreUsedAsGiven() {
        Target target = Presets.get("gaussian1d");
        double[][] init = {{-1, 0, 1, 2}};
        try (Engine e = new Engine(1)) {
            double[] seen = new double[4];
            e.run(new RunSpec(target, new ExactScore(target), GRID, slots("ddim"), 4, 1, init), v -> {
                if (v.t() == GRID.steps()) {
                    v.copy(0, 0, 4, new double[][] {seen});
                }
            });
            assertArrayEquals(init[0], seen);
        }
    }

    @Test
    void cancellationStopsARunAndCloseStopsEveryThread() throws Exception {
        Engine e = new Engine(2);
        CountDownLatch started = new CountDownLatch(1);
        RunHandle h = e.submit(RunSpec.of(Presets.get("ring8"), DiscreteSchedule.linear().grid(500), slots("ddpm"), 200_000, 1),
                v -> started.countDown());
        assertTrue(started.await(30, TimeUnit.SECONDS));
        h.cancel();
        assertThrows(CancellationException.class, h::await);
        e.close();
        String prefix = "scorescope-engine-" + e.poolId() + "-";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<String> alive;
        do {
            Thread.sleep(20);
            alive = Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && t.getName().startsWith(prefix))
                    .map(Thread::getName).toList();
        } while (!alive.isEmpty() && System.nanoTime() < deadline);
        assertTrue(alive.isEmpty(), "threads still alive: " + alive);
    }

    @Test
    void frameRecorderKeepsASubsetWithinTheBudget() {
        assertEquals(249_166, FrameRecorder.storedCount(FrameRecorder.DEFAULT_BUDGET, 4096, 1_000_000, 2, 100, 4));
        assertEquals(5000, FrameRecorder.storedCount(FrameRecorder.DEFAULT_BUDGET, 4096, 5000, 2, 100, 4));
        FrameRecorder rec = new FrameRecorder(1L << 20, 100);
        try (Engine e = new Engine(2)) {
            e.run(RunSpec.of(Presets.get("ring8"), GRID, slots("ddim", "ddpm"), 50_000, 1), rec);
        }
        int expected = FrameRecorder.storedCount(1L << 20, 100, 50_000, 2, 10, 2);
        assertEquals(expected, rec.at(5).samplers().get(0).stored());
        assertEquals(50_000, rec.latest().samplers().get(1).stored());
        assertEquals(0, rec.latest().t());
        assertEquals(10, rec.at(10).samplers().get(0).nfe() + 10);
        assertEquals(10, rec.at(0).samplers().get(0).nfe());
    }

    @Test
    void recordedFramesEqualTheParticlesOfTheirStep() {
        // 50k particles in 25 chunks, 2 samplers, a history of 3000 of them per step in blocks of several steps:
        // every frame (a view into a shared block) equals the step's particles as floats, the latest has all N
        FrameRecorder rec = new FrameRecorder(3000L * 4 * 2 * 11 * 2, 100);
        List<float[][][]> steps = new ArrayList<>();
        RunListener copy = v -> steps.add(new float[][][] {v.snapshot(0, 50_000), v.snapshot(1, 50_000)});
        List<Frame> latest = new ArrayList<>();
        try (Engine e = new Engine(2)) {
            e.run(RunSpec.of(Presets.get("ring8"), GRID, slots("ddim", "ddpm"), 50_000, 3),
                    new CompositeListener(List.of(rec, copy, v -> latest.add(rec.latest()))));
        }
        assertEquals(3000, rec.stored());
        for (int t = GRID.steps(); t >= 0; t--) {
            float[][][] want = steps.get(GRID.steps() - t);
            Frame f = rec.at(t);
            Frame full = latest.get(GRID.steps() - t);
            assertEquals(t, full.t());
            for (int s = 0; s < 2; s++) {
                Frame.SamplerFrame sf = f.samplers().get(s);
                Frame.SamplerFrame all = full.samplers().get(s);
                assertEquals(50_000, all.stored());
                for (int a = 0; a < 2; a++) {
                    assertArrayEquals(java.util.Arrays.copyOf(want[s][a], 3000), sf.positions()[a], "history, step " + t);
                    assertArrayEquals(want[s][a], all.positions()[a], "latest, step " + t);
                    for (int i = 0; i < 3000; i += 997) {
                        assertEquals(want[s][a][i], sf.x(a, i));
                        assertEquals(want[s][a][i], sf.axis(a)[sf.offset(a) + i]);
                    }
                }
            }
        }
    }

    @Test
    void aRunAfterAnotherGivesTheSameParticlesAsAFreshEngine() {
        // the second run reuses the first run's arrays (ChunkArrays): its results must not depend on them
        RunSpec spec = RunSpec.of(Presets.get("ring8"), GRID, slots("heun", "dpmpp-2m", "ddpm"), 20_000, 5);
        RunResult fresh;
        try (Engine e = new Engine(2)) {
            fresh = e.run(spec, null);
        }
        try (Engine e = new Engine(2)) {
            e.run(RunSpec.of(Presets.get("ring8"), GRID, slots("ddpm", "heun", "dpmpp-2m"), 20_000, 9), null);
            RunResult again = e.run(spec, null);
            for (int s = 0; s < 3; s++) {
                for (int a = 0; a < 2; a++) {
                    assertArrayEquals(fresh.positions().get(s)[a], again.positions().get(s)[a]);
                }
            }
        }
    }

    @Test
    void piadmFramesCarryThePicardIteratesOfTheTrackedParticles() {
        FrameRecorder rec = new FrameRecorder();
        try (Engine e = new Engine(2)) {
            e.run(RunSpec.of(Presets.get("ring8"), GRID, List.of(SamplerSlot.of(SamplerRegistry.create("piadm-sde",
                    java.util.Map.of("M", 4.0, "K", 3.0)))), 10_000, 2), rec);
        }
        for (int t = GRID.steps() - 1; t >= 0; t--) {
            Frame.SamplerFrame f = rec.at(t).samplers().get(0);
            Frame.SamplerFrame before = rec.at(t + 1).samplers().get(0);
            var pi = (org.scorescope.sampler.PicardIterates) f.diagnostics();
            assertEquals(4, pi.iterates(), "K + 1 iterates");
            assertEquals(5, pi.points()[0].length, "M + 1 sub-points");
            for (int p = 0; p < 16; p++) {
                for (int a = 0; a < 2; a++) {
                    for (int j = 0; j <= 4; j++) {
                        assertEquals(before.positions()[a][p], pi.points()[0][j][a][p], 0f, "iterate 0 is the block's start");
                    }
                    assertEquals(f.positions()[a][p], pi.points()[3][4][a][p], 0f, "the last iterate ends where the particle is");
                }
            }
        }
        assertEquals(null, rec.at(GRID.steps()).samplers().get(0).diagnostics());
    }
}
