package org.scorescope.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.scorescope.distribution.Presets;
import org.scorescope.distribution.Target;
import org.scorescope.inverse.InverseProblem;
import org.scorescope.inverse.LinearObservation;
import org.scorescope.inverse.ObservationTask;
import org.scorescope.sampler.SamplerRegistry;
import org.scorescope.schedule.DiscreteSchedule;
import org.scorescope.schedule.Grid;
import org.scorescope.schedule.VpContinuousSchedule;

/**
 * What a run's results may not depend on (issue 19): what a step buffer held before the step (they
 * are shared by every chunk a thread steps), and the chunk size (chosen from N for speed).
 */
class ChunkingTest {
    private static final Grid LINEAR = DiscreteSchedule.linear().grid(8);

    /**
     * Samplers that decide per chunk: the adaptive ODE reference, and F-DDIM iterating to its
     * tolerance (iterations = 0, the default) stop when a chunk's largest change is small enough.
     */
    private static final Set<String> PER_CHUNK_DECISIONS = Set.of("pf-ode", "fddim", "fddim-avg");

    /** Every registry sampler, some with parameters that use more buffers, and every inverse sampler. */
    private static List<String> allIds() {
        List<String> ids = new ArrayList<>(SamplerRegistry.ids());
        ids.addAll(List.of("lagrange:K=3", "lagrange:K=4", "unipc-3:variant=2", "unipc-3:lowerOrderFinal=0", "dpm-solver-3:lowerOrderFinal=0",
                "fddim:iterations=2", "fddim-avg:iterations=1", "ddim-eta:eta=1", "ddim-eta:eta=0"));
        ids.addAll(SamplerRegistry.inverseIds());
        return ids;
    }

    private static SamplerSlot slot(String id) {
        Target prior = Presets.get("ring8");
        InverseProblem problem = InverseProblem.of(prior, LinearObservation.of(ObservationTask.matrix("inpaint-x", 2), new double[] {1.0}, 0.1));
        return SamplerSlot.of(SamplerRegistry.create(id, Map.of(), problem));
    }

    private static RunResult run(Engine e, String id, Grid grid, int n) {
        return e.run(RunSpec.of(Presets.get("ring8"), grid, List.of(slot(id)), n, 11), null);
    }

    private static void assertSame(RunResult expected, RunResult actual, String what) {
        for (int a = 0; a < 2; a++) {
            assertArrayEquals(expected.positions().get(0)[a], actual.positions().get(0)[a], what);
        }
        assertEquals(expected.nfe()[0], actual.nfe()[0], what + ": NFE");
    }

    /**
     * Step buffers hold NaN before every chunk's step: a sampler that read one before writing it in the
     * same step (contents kept from its previous step, or from another chunk) would give NaN or other
     * particles. 1000 particles in 16 chunks (the last one shorter), 2 threads, on two schedules.
     */
    @Test
    void noSamplerReadsAStepBufferBeforeWritingIt() {
        Grid continuous = VpContinuousSchedule.dpmSolver(VpContinuousSchedule.Spacing.LOGSNR).grid(8);
        try (Engine plain = new Engine(1); Engine poisoned = new Engine(2, true)) {
            for (String id : allIds()) {
                for (Grid grid : List.of(LINEAR, continuous)) {
                    RunResult expected = run(plain, id, grid, 1000);
                    assertTrue(java.util.Arrays.stream(expected.positions().get(0)[0]).allMatch(Double::isFinite), id + " runs finite");
                    assertSame(expected, run(poisoned, id, grid, 1000), id + " with poisoned step buffers");
                }
            }
        }
    }

    /**
     * Bit-identical results for three chunk sizes (a single chunk, 64, and 200, which leaves a shorter
     * last chunk), for every sampler whose steps decide nothing per chunk: the noise is keyed by
     * particle index and every other computation is per particle.
     */
    @Test
    void resultsDoNotDependOnTheChunkSize() {
        int n = 1000;
        try (Engine whole = new Engine(1, false, k -> k); Engine small = new Engine(2, false, k -> 64);
                Engine odd = new Engine(2, false, k -> 200)) {
            for (String id : allIds()) {
                if (PER_CHUNK_DECISIONS.contains(id)) {
                    continue;
                }
                RunResult expected = run(whole, id, LINEAR, n);
                assertSame(expected, run(small, id, LINEAR, n), id + " in chunks of 64");
                assertSame(expected, run(odd, id, LINEAR, n), id + " in chunks of 200");
            }
        }
    }

    @Test
    void theChunkSizeDependsOnNOnly() {
        assertEquals(64, Engine.chunkSize(1));
        assertEquals(640, Engine.chunkSize(10_000));
        assertEquals(Engine.CHUNK, Engine.chunkSize(1_000_000));
    }
}
