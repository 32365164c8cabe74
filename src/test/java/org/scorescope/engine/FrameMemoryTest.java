package org.scorescope.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scorescope.distribution.Presets;
import org.scorescope.sampler.SamplerRegistry;
import org.scorescope.schedule.DiscreteSchedule;
import org.scorescope.schedule.Grid;

/** The recorder's large arrays are lent again only when no frame can read them (issue 19). */
class FrameMemoryTest {
    private static final Grid GRID = DiscreteSchedule.linear().grid(6);
    /** 7 steps × 2 samplers × 2 axes × 1000 stored particles: one block (4M floats hold them all). */
    private static final long BUDGET = 1000L * 4 * 2 * 7 * 2;

    private static FrameRecorder record(Engine e, long seed) {
        FrameRecorder rec = new FrameRecorder(BUDGET, 100);
        e.run(RunSpec.of(Presets.get("ring8"), GRID, List.of(SamplerSlot.of(SamplerRegistry.create("ddpm")),
                SamplerSlot.of(SamplerRegistry.create("ddim"))), 7000, seed), rec);
        return rec;
    }

    private static float[][] copy(Frame f, int s) {
        float[][] p = f.samplers().get(s).positions();
        return new float[][] {p[0].clone(), p[1].clone()};
    }

    @Test
    void framesHeldStayUnchangedAndAFreedHistoryIsLentToTheNextRun() throws Exception {
        try (Engine e = new Engine(2)) {
            FrameRecorder first = record(e, 1);
            assertEquals(1000, first.stored());
            Frame held = first.at(3);
            Frame heldLatest = first.latest();
            float[][] before = copy(held, 1);
            float[][] beforeLatest = copy(heldLatest, 0);
            float[] firstBlock = held.samplers().get(0).axis(0);
            // a second run of the same sizes while the first run's frames are reachable: new arrays
            FrameRecorder second = record(e, 2);
            assertNotSame(firstBlock, second.at(3).samplers().get(0).axis(0));
            assertArrayEquals(before[0], held.samplers().get(1).positions()[0]);
            assertArrayEquals(before[1], copy(held, 1)[1]);
            assertArrayEquals(beforeLatest[0], copy(heldLatest, 0)[0]);
            assertTrue(FrameMemory.holds(firstBlock));
            // the first run's frames become unreachable: its history is lent to the third run
            WeakReference<FrameRecorder> gone = new WeakReference<>(first);
            first = null;
            held = null;
            heldLatest = null;
            for (int i = 0; i < 20 && gone.get() != null; i++) {
                System.gc();
                Thread.onSpinWait();
            }
            assertTrue(gone.get() == null, "the first recorder was collected");
            System.gc(); // the leases' weak references are cleared
            FrameRecorder third = record(e, 3);
            assertSame(firstBlock, third.at(3).samplers().get(0).axis(0), "the freed history is lent again");
            // and the third run's frames are its own particles: equal to a fresh recorder's of the same run
            FrameRecorder again;
            try (Engine one = new Engine(1)) {
                again = record(one, 3);
            }
            for (int t = 0; t <= GRID.steps(); t++) {
                for (int s = 0; s < 2; s++) {
                    assertArrayEquals(copy(again.at(t), s)[0], copy(third.at(t), s)[0]);
                    assertArrayEquals(copy(again.at(t), s)[1], copy(third.at(t), s)[1]);
                }
            }
            assertArrayEquals(copy(again.latest(), 1)[1], copy(third.latest(), 1)[1]);
            assertTrue(second.at(0) != null);
        }
    }

    @Test
    void theMemoryCheckCanTakeBackFreeSetsButNeverOneInUse() {
        FrameMemory.releaseFree();
        long[] lengths = {1 << 20, 1 << 20};
        FrameMemory.Lease held = FrameMemory.take("test-held", lengths, 4);
        FrameMemory.Lease dropped = FrameMemory.take("test-free", lengths, 4);
        float[] kept = held.arrays[0];
        float[] freed = dropped.arrays[0];
        dropped = null;
        assertTrue(FrameMemory.holds(freed));
        long bytes = Engine.releaseIdleMemory();
        assertTrue(bytes >= 8L << 20, "the free set's 8 MiB are no longer kept: " + bytes);
        assertTrue(!FrameMemory.holds(freed), "a free set is released");
        assertTrue(FrameMemory.holds(kept), "a set whose frames are reachable stays");
        assertSame(kept, held.arrays[0]);
    }
}
