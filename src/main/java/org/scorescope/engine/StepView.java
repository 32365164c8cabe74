package org.scorescope.engine;

import java.util.List;
import org.scorescope.schedule.Grid;

/** A read-only look at a run between steps. Valid only inside {@link RunListener#onStep}. */
public final class StepView {
    private final long runId;
    private final RunSpec spec;
    private final int t;
    private final List<Chunk[]> chunks;
    private final double seconds;

    StepView(long runId, RunSpec spec, int t, List<Chunk[]> chunks, double seconds) {
        this.runId = runId;
        this.spec = spec;
        this.t = t;
        this.chunks = chunks;
        this.seconds = seconds;
    }

    /** The run's id (frames of older runs can be told apart and dropped). */
    public long runId() {
        return runId;
    }

    /** The run's specification. */
    public RunSpec spec() {
        return spec;
    }

    /** Current step index: particles are at level ᾱ_t (T before the first step, 0 at the end). */
    public int t() {
        return t;
    }

    /** ᾱ_t. */
    public double abar() {
        return spec.grid().abar(t);
    }

    /** The grid. */
    public Grid grid() {
        return spec.grid();
    }

    /** Number of samplers. */
    public int samplers() {
        return chunks.size();
    }

    /** Compute time so far, in seconds. */
    public double seconds() {
        return seconds;
    }

    /**
     * One sampler's own compute time so far, in seconds: the summed time its chunk steps took on the
     * workers (samplers of a run share the pool, so these add up to about threads × {@link #seconds()}).
     */
    public double seconds(int slot) {
        long total = 0;
        for (Chunk c : chunks.get(slot)) {
            total += c.nanos;
        }
        return total * 1e-9;
    }

    /** Score evaluations per particle so far for one sampler (exact: every particle gets the same number). */
    public long nfe(int slot) {
        long total = 0;
        for (Chunk c : chunks.get(slot)) {
            total += c.evaluations;
        }
        return total / spec.particles();
    }

    /**
     * Score evaluations so far per particle for one sampler: {mean, smallest, largest}. Every
     * particle of a chunk gets the same count; an adaptive sampler (F-DDIM to a tolerance, the
     * adaptive ODE) may spend different counts on different chunks.
     */
    public double[] nfeStats(int slot) {
        long total = 0;
        long min = Long.MAX_VALUE;
        long max = 0;
        for (Chunk c : chunks.get(slot)) {
            total += c.evaluations;
            long per = c.evaluations / c.n;
            min = Math.min(min, per);
            max = Math.max(max, per);
        }
        return new double[] {(double) total / spec.particles(), min, max};
    }

    /** Particles flagged as NaN or infinite so far. */
    public int diverged(int slot) {
        int total = 0;
        for (Chunk c : chunks.get(slot)) {
            total += c.divergedCount;
        }
        return total;
    }

    /** Copies particle positions [from, from + count) into {@code out[axis][0..count)}. */
    public void copy(int slot, int from, int count, double[][] out) {
        int done = 0;
        int offset = 0;
        for (Chunk c : chunks.get(slot)) {
            int lo = Math.max(from, offset);
            int hi = Math.min(from + count, offset + c.n);
            if (lo < hi) {
                for (int a = 0; a < out.length; a++) {
                    System.arraycopy(c.y[a], lo - offset, out[a], lo - from, hi - lo);
                }
                done += hi - lo;
            }
            offset += c.n;
            if (done == count) {
                break;
            }
        }
    }

    /** All positions of one sampler, out[axis][i]. */
    public double[][] positions(int slot) {
        double[][] out = new double[spec.target().dim()][spec.particles()];
        copy(slot, 0, spec.particles(), out);
        return out;
    }

    /** The first {@code count} positions as floats (a uniform random subset: particles are exchangeable). */
    public float[][] snapshot(int slot, int count) {
        int d = spec.target().dim();
        float[][] out = new float[d][count];
        int offset = 0;
        for (Chunk c : chunks.get(slot)) {
            int hi = Math.min(count, offset + c.n);
            for (int a = 0; a < d; a++) {
                double[] src = c.y[a];
                float[] dst = out[a];
                for (int i = offset; i < hi; i++) {
                    dst[i] = (float) src[i - offset];
                }
            }
            offset += c.n;
            if (offset >= count) {
                break;
            }
        }
        return out;
    }

    /**
     * Writes the first {@code count} positions as floats into {@code out}: coordinate a of particle
     * i at {@code out[base + a·count + i]} (the layout of a recorded frame's view).
     */
    public void snapshotInto(int slot, int count, float[] out, int base) {
        int d = spec.target().dim();
        int offset = 0;
        for (Chunk c : chunks.get(slot)) {
            int hi = Math.min(count, offset + c.n);
            for (int a = 0; a < d; a++) {
                double[] src = c.y[a];
                int at = base + a * count;
                for (int i = offset; i < hi; i++) {
                    out[at + i] = (float) src[i - offset];
                }
            }
            offset += c.n;
            if (offset >= count) {
                break;
            }
        }
    }

    /** Receives one chunk of a sampler's particles: positions y[axis][i], i &lt; n, read-only. */
    @FunctionalInterface
    public interface ChunkVisitor {
        /** Called once per chunk, in particle order. */
        void visit(double[][] y, int n);
    }

    /** Shows every chunk of one sampler's particles to {@code visitor}, in place (no copy), in particle order. */
    public void forEachChunk(int slot, ChunkVisitor visitor) {
        for (Chunk c : chunks.get(slot)) {
            visitor.visit(c.y, c.n);
        }
    }

    /** What the sampler recorded about its last step in the chunk of the first particles (e.g. Picard iterates), or null. */
    public Object diagnostics(int slot) {
        Object m = chunks.get(slot)[0].memory;
        return m instanceof org.scorescope.sampler.SamplerDiagnostics d ? d.lastStep() : null;
    }

    /** Whether particle i of a sampler is flagged as diverged. */
    public boolean isDiverged(int slot, int i) {
        for (Chunk c : chunks.get(slot)) {
            if (i < c.n) {
                return c.diverged[i] != 0;
            }
            i -= c.n;
        }
        throw new IndexOutOfBoundsException(i);
    }
}
