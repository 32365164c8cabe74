package org.scorescope.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The step buffers ({@link org.scorescope.sampler.StepContext#buffer}) of one worker lane of the
 * engine: d × n scratch arrays, one per slot number, that any chunk this lane steps may use.
 *
 * <p>Why per lane and not per chunk: a buffer's contents never survive a sampler's step (audited for
 * every sampler, issue 19; what must survive lives in the chunk's {@code memory()}), so a lane needs
 * one set, not one per chunk. Per chunk they were ~110 MiB at 1M particles × 4 samplers, allocated
 * in the first step and promoted in one 1.8–2.3 s young pause in the window; per lane they are a few
 * hundred KiB, allocated once per engine. Buffers are kept per (d, n): a run's chunks have at most two
 * sizes (the last one may be shorter), and every buffer has exactly the length the chunk asks for, as
 * before. A lane is used by one thread at a time (the engine gives each thread stepping chunks its
 * own lane), so no lock is needed.
 */
final class StepBuffers {
    private static final class Set {
        final int dim;
        final int n;
        double[][][] slots = new double[4][][];

        Set(int dim, int n) {
            this.dim = dim;
            this.n = n;
        }
    }

    /** Sets by (d, n), most recently used first; at most {@value #KEPT} are kept. */
    private final List<Set> sets = new ArrayList<>();
    private static final int KEPT = 4;

    /** The d × n buffer of this slot, allocated on first use and then reused. */
    double[][] get(int dim, int n, int slot) {
        Set s = set(dim, n);
        if (slot >= s.slots.length) {
            s.slots = Arrays.copyOf(s.slots, slot + 1);
        }
        if (s.slots[slot] == null) {
            s.slots[slot] = new double[dim][n];
        }
        return s.slots[slot];
    }

    private Set set(int dim, int n) {
        for (int i = 0; i < sets.size(); i++) {
            Set s = sets.get(i);
            if (s.dim == dim && s.n == n) {
                if (i > 0) {
                    sets.remove(i);
                    sets.add(0, s);
                }
                return s;
            }
        }
        Set s = new Set(dim, n);
        sets.add(0, s);
        if (sets.size() > KEPT) {
            sets.remove(sets.size() - 1);
        }
        return s;
    }

    /**
     * Fills every buffer with NaN (a test's check that no sampler reads a buffer before writing it in
     * the same step: any such read would turn its particles into NaN).
     */
    void poison() {
        for (Set s : sets) {
            for (double[][] b : s.slots) {
                if (b != null) {
                    for (double[] a : b) {
                        Arrays.fill(a, Double.NaN);
                    }
                }
            }
        }
    }
}
