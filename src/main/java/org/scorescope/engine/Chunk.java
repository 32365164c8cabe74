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
    long evaluations;
    /** Wall time this chunk's steps took on their worker, in nanoseconds (the sampler's own compute time). */
    long nanos;
    int divergedCount;

    /** Where the arrays come from (reused ones of the engine's previous run), or null for new ones. */
    private final ChunkArrays arrays;

    Chunk(int index, long first, int dim, int n, Object memory) {
        this(index, first, dim, n, memory, null);
    }

    Chunk(int index, long first, int dim, int n, Object memory, ChunkArrays arrays) {
        this.index = index;
        this.first = first;
        this.n = n;
        this.arrays = arrays;
        this.y = matrix(dim);
        this.diverged = arrays == null ? new byte[n] : arrays.bytes(n);
        this.memory = memory;
    }

    private double[][] matrix(int dim) {
        if (arrays == null) {
            return new double[dim][n];
        }
        double[][] m = new double[dim][];
        for (int a = 0; a < dim; a++) {
            m[a] = arrays.doubles(n);
        }
        return m;
    }

    /** Adds this chunk's arrays to the free lists (by length); the chunk must not be used afterwards. */
    void release(java.util.Map<Integer, java.util.ArrayDeque<double[]>> doubles, java.util.Map<Integer, java.util.ArrayDeque<byte[]>> bytes) {
        for (double[] a : y) {
            doubles.computeIfAbsent(a.length, k -> new java.util.ArrayDeque<>()).add(a);
        }
        bytes.computeIfAbsent(diverged.length, k -> new java.util.ArrayDeque<>()).add(diverged);
    }

    /** Flags particles that became NaN or infinite; returns how many were newly flagged. */
    int flagDiverged() {
        int fresh = 0;
        // Whole registers of finite particles flag nothing; the scan goes particle by particle from the first register that may.
        int from = org.scorescope.math.VectorSupport.AVAILABLE ? org.scorescope.math.VectorFiniteScan.finitePrefix(y, n) : 0;
        for (int i = from; i < n; i++) {
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
