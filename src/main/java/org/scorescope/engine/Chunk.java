package org.scorescope.engine;

/**
 * A fixed slice of one sampler's particles, stepped as a unit by one worker. Chunk boundaries
 * depend on the number of particles only ({@link Engine#chunkSize}), never on the thread count.
 */
final class Chunk {
    final int index;
    /** Run-wide index of the chunk's first particle. */
    final long first;
    final int n;
    final double[][] y;
    final byte[] diverged;
    final Object memory;
    private double[][][] buffers = new double[4][][];
    long evaluations;
    /** Wall time this chunk's steps took on their worker, in nanoseconds (the sampler's own compute time). */
    long nanos;
    int divergedCount;

    Chunk(int index, long first, int dim, int n, Object memory) {
        this.index = index;
        this.first = first;
        this.n = n;
        this.y = new double[dim][n];
        this.diverged = new byte[n];
        this.memory = memory;
    }

    double[][] buffer(int slot) {
        if (slot >= buffers.length) {
            buffers = java.util.Arrays.copyOf(buffers, slot + 1);
        }
        if (buffers[slot] == null) {
            buffers[slot] = new double[y.length][n];
        }
        return buffers[slot];
    }

    /** Flags particles that became NaN or infinite; returns how many were newly flagged. */
    int flagDiverged() {
        int fresh = 0;
        for (int i = 0; i < n; i++) {
            if (diverged[i] == 0) {
                for (double[] axis : y) {
                    if (!Double.isFinite(axis[i])) {
                        diverged[i] = 1;
                        fresh++;
                        break;
                    }
                }
            }
        }
        divergedCount += fresh;
        return fresh;
    }
}
