package org.scorescope.discrete;

/**
 * The particles of a run at one step, particle-major in fixed chunks (MASK = S). A view handed to
 * listeners is only valid during the call; {@link #copy()} keeps one.
 */
public final class DiscreteStates {
    private final int dims;
    private final int states;
    private final int particles;
    private final int[][] chunks;

    DiscreteStates(int particles, int dims, int states, int[][] chunks) {
        this.particles = particles;
        this.dims = dims;
        this.states = states;
        this.chunks = chunks;
    }

    /** Number of particles N. */
    public int particles() {
        return particles;
    }

    /** Coordinates d. */
    public int dims() {
        return dims;
    }

    /** Values per coordinate S (MASK = S). */
    public int states() {
        return states;
    }

    /** Coordinate i of particle j (S for MASK). */
    public int get(int particle, int i) {
        return chunks[particle / DiscreteRunner.CHUNK][(particle % DiscreteRunner.CHUNK) * dims + i];
    }

    /** Particle j's state into {@code out}. */
    public void state(int particle, int[] out) {
        System.arraycopy(chunks[particle / DiscreteRunner.CHUNK], (particle % DiscreteRunner.CHUNK) * dims, out, 0, dims);
    }

    /** Particles per state of {@code [K]^d} (K = S or S + 1), for K^d ≤ {@code Integer.MAX_VALUE}. */
    public long[] counts(int alphabet) {
        long[] c = new long[(int) StateIndex.count(alphabet, dims, Integer.MAX_VALUE - 8)];
        int[] x = new int[dims];
        for (int j = 0; j < particles; j++) {
            state(j, x);
            c[StateIndex.encode(x, alphabet)]++;
        }
        return c;
    }

    /** A deep copy that stays valid. */
    public DiscreteStates copy() {
        int[][] c = new int[chunks.length][];
        for (int i = 0; i < c.length; i++) {
            c[i] = chunks[i].clone();
        }
        return new DiscreteStates(particles, dims, states, c);
    }
}
