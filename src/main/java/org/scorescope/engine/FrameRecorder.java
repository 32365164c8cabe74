package org.scorescope.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Keeps the frames of a run for views that scrub through steps, within a memory budget.
 *
 * <p><b>Memory rule.</b> Every step's frame stores the first m particles of each sampler as floats,
 * m = min(N, max(minimumStored, ⌊budget / (4 d (T+1) S)⌋)); particles are exchangeable, so these are
 * a uniform random subset and include the tracked ones (the first few dozen). The latest frame
 * holds all N particles. With the default budget of 768 MiB, 1M particles, 100 steps and 4 samplers
 * in 2D store 249,166 particles per frame (768 MiB of history), plus 32 MiB for the latest frame and
 * about 200 MiB of live double-precision state and sampler buffers: well inside 2 GB.
 *
 * <p><b>No history in young collections.</b> The stored particles of a step are written into a
 * block of at least {@value #BLOCK_FLOATS} floats shared by several consecutive steps and all
 * samplers; frames are views into it ({@link Frame.SamplerFrame}). The latest frame's N particles
 * of every sampler are one array per step too. A block or a latest array is one large allocation
 * that G1 places outside the young generation, so young pauses no longer copy the run's history
 * (before: every pause copied every frame recorded since the previous one — 0.2–2 s at 1M particles ×
 * 4 samplers × T = 100 on a loaded 2-core machine; issue 19). Blocks and latest arrays come from
 * {@link FrameMemory}: arrays of an earlier run or step that no reachable frame views any more are
 * lent again instead of allocated. (Taking a run's whole history at its first step was tried: in
 * quick successive runs, as in ShellTest, it took ~770 MiB per run up front and ran a 3 GB heap
 * out of memory.)
 */
public final class FrameRecorder implements RunListener {
    /**
     * Floats per history block at least (16 MiB): the history is stored in blocks of several steps
     * and samplers, each one array large enough to be a humongous object of G1 (at least half a
     * region; regions are at most 32 MiB), allocated in the old generation and never copied.
     */
    static final long BLOCK_FLOATS = 4L << 20;

    /**
     * Latest-frame arrays pooled. A latest array is lent again only once every frame that viewed it
     * has been collected, so no frame anyone can still read ever changes; until then a new one is
     * allocated. Without the reuse every step allocated S·d·N floats (32 MiB at 1M particles, 4
     * samplers), each a humongous allocation that made G1 start a concurrent cycle (and its remark
     * pause) whenever the heap was past its threshold.
     */
    static final int LATEST_KEPT = 4;

    /** The default history budget, in bytes. */
    public static final long DEFAULT_BUDGET = 768L << 20;

    private final long budget;
    private final int minimumStored;
    private volatile AtomicReferenceArray<Frame> history;
    private final AtomicReference<Frame> latest = new AtomicReference<>();
    private volatile int stored;
    private int stepsPerBlock;
    private FrameMemory.Lease blockLease;
    private int blockIndex;
    private int blocks;

    /** A recorder with the default budget. */
    public FrameRecorder() {
        this(DEFAULT_BUDGET, 4096);
    }

    /**
     * @param budgetBytes bytes the history may use
     * @param minimumStored particles stored per frame even when the budget is smaller
     */
    public FrameRecorder(long budgetBytes, int minimumStored) {
        this.budget = budgetBytes;
        this.minimumStored = minimumStored;
    }

    /** Particles stored per history frame, for a run of these sizes. */
    public static int storedCount(long budget, int minimum, int particles, int dim, int steps, int samplers) {
        long perParticle = 4L * dim * (steps + 1) * samplers;
        long m = Math.max(minimum, budget / perParticle);
        return (int) Math.min(particles, m);
    }

    @Override
    public void onStep(StepView v) {
        int steps = v.grid().steps();
        int n = v.spec().particles();
        int d = v.spec().target().dim();
        int samplers = v.samplers();
        if (history == null || v.t() == steps) {
            history = new AtomicReferenceArray<>(steps + 1);
            stored = storedCount(budget, minimumStored, n, d, steps, samplers);
            long perStep = (long) samplers * d * stored;
            stepsPerBlock = (int) Math.max(1, Math.min(steps + 1, (BLOCK_FLOATS + perStep - 1) / perStep));
            blocks = (steps + 1 + stepsPerBlock - 1) / stepsPerBlock;
            blockIndex = -1;
            blockLease = null;
        }
        // this step's history: a slice of its block, [sampler][axis][i]
        int j = steps - v.t();
        int b = j / stepsPerBlock;
        if (b != blockIndex) {
            // block by block as the run reaches them (a run cancelled early takes little), from the pool:
            // an earlier run's block that no frame views any more, or a new one
            long perStep = (long) samplers * d * stored;
            long length = Math.min(stepsPerBlock, steps + 1 - b * stepsPerBlock) * perStep;
            blockLease = FrameMemory.take("history", new long[] {length}, 2 * blocks);
            blockIndex = b;
        }
        float[] block = blockLease.arrays[0];
        int stepBase = (j - b * stepsPerBlock) * samplers * d * stored;
        FrameMemory.Lease spare = stored < n ? FrameMemory.take("latest", new long[] {(long) samplers * d * n}, LATEST_KEPT) : null;
        float[] all = spare == null ? null : spare.arrays[0];
        List<Frame.SamplerFrame> full = new ArrayList<>();
        List<Frame.SamplerFrame> part = new ArrayList<>();
        for (int s = 0; s < samplers; s++) {
            String label = v.spec().slots().get(s).label();
            Object diag = v.t() < steps ? v.diagnostics(s) : null;
            long nfe = v.nfe(s);
            int diverged = v.diverged(s);
            // the history subset straight from the chunks (not copied out of the full snapshot)
            int at = stepBase + s * d * stored;
            v.snapshotInto(s, stored, block, at);
            Frame.SamplerFrame sub = new Frame.SamplerFrame(label, block, at, d, stored, n, nfe, diverged, diag, blockLease);
            part.add(sub);
            if (all != null) {
                v.snapshotInto(s, n, all, s * d * n);
                full.add(new Frame.SamplerFrame(label, all, s * d * n, d, n, n, nfe, diverged, diag, spare));
            } else {
                full.add(sub);
            }
        }
        history.set(v.t(), new Frame(v.runId(), v.t(), steps, v.abar(), List.copyOf(part)));
        latest.set(new Frame(v.runId(), v.t(), steps, v.abar(), List.copyOf(full)));
    }

    /** The newest frame, with every particle; null before the first step. */
    public Frame latest() {
        return latest.get();
    }

    /** The stored frame at step t, or null if not computed yet. */
    public Frame at(int t) {
        AtomicReferenceArray<Frame> h = history;
        return h == null || t < 0 || t >= h.length() ? null : h.get(t);
    }

    /** Particles stored per history frame in the current run. */
    public int stored() {
        return stored;
    }
}
