package org.scorescope.engine;

import java.lang.ref.SoftReference;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * The particle arrays of an engine's finished run (positions, divergence flags), handed to its next
 * run of the same chunk sizes instead of allocating new ones. (The samplers' step buffers are per
 * thread, not per chunk: {@link StepBuffers}.)
 *
 * <p>Why: a 1M-particle run with 4 samplers holds ~90 MiB of such arrays (and its samplers' memory), 16 KiB each. New ones
 * are born in G1's young generation, and the first young pauses of every run copied all of them to
 * the old generation (0.1–0.8 s each on a loaded 2-core machine; issue 19). Reused ones already live
 * in the old generation. A chunk's arrays never leave the engine (a {@link StepView} is valid only
 * inside {@link RunListener#onStep}; {@link RunResult} and frames copy), and an engine runs one run
 * at a time, so the next run may take them once the last worker has finished with them. Every array
 * taken is zero-filled, as a new one would be: a run's results do not depend on what ran before.
 * The arrays are held softly: the collector may drop them when memory is short.
 */
final class ChunkArrays {
    private SoftReference<Map<Integer, ArrayDeque<double[]>>> doubles = new SoftReference<>(null);
    private SoftReference<Map<Integer, ArrayDeque<byte[]>>> bytes = new SoftReference<>(null);

    /** A zeroed double[length], reused when one is free. */
    synchronized double[] doubles(int length) {
        Map<Integer, ArrayDeque<double[]>> m = doubles.get();
        ArrayDeque<double[]> q = m == null ? null : m.get(length);
        double[] a = q == null ? null : q.poll();
        if (a == null) {
            return new double[length];
        }
        java.util.Arrays.fill(a, 0);
        return a;
    }

    /** A zeroed byte[length], reused when one is free. */
    synchronized byte[] bytes(int length) {
        Map<Integer, ArrayDeque<byte[]>> m = bytes.get();
        ArrayDeque<byte[]> q = m == null ? null : m.get(length);
        byte[] a = q == null ? null : q.poll();
        if (a == null) {
            return new byte[length];
        }
        java.util.Arrays.fill(a, (byte) 0);
        return a;
    }

    /**
     * Takes back the arrays of a finished run's chunks (no worker may touch them any more); the
     * arrays of earlier runs that were not reused are dropped.
     */
    synchronized void release(Iterable<Chunk[]> runs) {
        Map<Integer, ArrayDeque<double[]>> d = new HashMap<>();
        Map<Integer, ArrayDeque<byte[]>> b = new HashMap<>();
        for (Chunk[] chunks : runs) {
            for (Chunk c : chunks) {
                c.release(d, b);
            }
        }
        doubles = new SoftReference<>(d);
        bytes = new SoftReference<>(b);
    }
}
