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
 */
public final class FrameRecorder implements RunListener {
    /** The default history budget, in bytes. */
    public static final long DEFAULT_BUDGET = 768L << 20;

    private final long budget;
    private final int minimumStored;
    private volatile AtomicReferenceArray<Frame> history;
    private final AtomicReference<Frame> latest = new AtomicReference<>();
    private volatile int stored;

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
        if (history == null || v.t() == steps) {
            history = new AtomicReferenceArray<>(steps + 1);
            stored = storedCount(budget, minimumStored, v.spec().particles(), v.spec().target().dim(), steps, v.samplers());
        }
        List<Frame.SamplerFrame> full = new ArrayList<>();
        List<Frame.SamplerFrame> part = new ArrayList<>();
        for (int s = 0; s < v.samplers(); s++) {
            String label = v.spec().slots().get(s).label();
            Object diag = v.t() < steps ? v.diagnostics(s) : null;
            long nfe = v.nfe(s);
            int diverged = v.diverged(s);
            // the history subset straight from the chunks (not copied out of the full snapshot)
            float[][] sub = v.snapshot(s, stored);
            float[][] all = stored < v.spec().particles() ? v.snapshot(s, v.spec().particles()) : sub;
            full.add(new Frame.SamplerFrame(label, all, v.spec().particles(), nfe, diverged, diag));
            part.add(new Frame.SamplerFrame(label, sub, v.spec().particles(), nfe, diverged, diag));
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
