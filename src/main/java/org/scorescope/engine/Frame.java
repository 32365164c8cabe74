package org.scorescope.engine;

import java.lang.ref.WeakReference;
import java.util.List;

/**
 * An immutable picture of a run at one step, handed from the engine to views and exporters.
 *
 * @param runId the run it belongs to
 * @param t the step: particles at level ᾱ_t
 * @param steps T
 * @param abar ᾱ_t
 * @param samplers one entry per sampler
 */
public record Frame(long runId, int t, int steps, double abar, List<SamplerFrame> samplers) {

    /**
     * One sampler at one step: the first {@link #stored()} of its N particles as floats.
     *
     * <p>The positions either are arrays of their own ({@code positions[axis][i]}), or are a view
     * into a larger float array that the {@link FrameRecorder} allocates once for several steps and
     * samplers (coordinate {@code a} of particle {@code i} at {@code data[base + a·stored + i]}):
     * one large array goes straight to the old generation and is never copied by a young
     * collection, where one small array per step and sampler made every young pause copy all the
     * history recorded since the previous one (pauses of 0.2–2 s at 1M particles; issue 19). The
     * view is written once, before the frame is published, and never again: a frame is an
     * immutable snapshot for any thread. Read a view with {@link #x}, {@link #axis}/{@link #offset}
     * or {@link #copyAxis}; {@link #positions()} copies it into arrays of their own (cached while
     * someone still holds the copy).
     */
    public static final class SamplerFrame {
        private final String label;
        private final float[][] own;
        private final float[] data;
        private final int base;
        private final int dim;
        private final int stored;
        private final int particles;
        private final long nfe;
        private final int diverged;
        private final Object diagnostics;
        private volatile WeakReference<float[][]> copy;
        /** What keeps a view's array lent to it ({@link FrameMemory.Lease}), or null. */
        @SuppressWarnings("unused")
        private final Object owner;

        /**
         * A frame whose positions are arrays of their own.
         *
         * @param label the sampler's label
         * @param positions positions[axis][i] of the stored particles (the first {@code stored} of N)
         * @param particles N
         * @param nfe score evaluations per particle so far
         * @param diverged particles flagged NaN/infinite so far
         * @param diagnostics what the sampler recorded about the step that produced this frame (PIADM's
         *     {@link org.scorescope.sampler.PicardIterates}), or null
         */
        public SamplerFrame(String label, float[][] positions, int particles, long nfe, int diverged, Object diagnostics) {
            this.owner = null;
            this.label = label;
            this.own = positions;
            this.data = null;
            this.base = 0;
            this.dim = positions.length;
            this.stored = positions[0].length;
            this.particles = particles;
            this.nfe = nfe;
            this.diverged = diverged;
            this.diagnostics = diagnostics;
        }

        /** A frame without diagnostics. */
        public SamplerFrame(String label, float[][] positions, int particles, long nfe, int diverged) {
            this(label, positions, particles, nfe, diverged, null);
        }

        /**
         * A view: coordinate a of stored particle i is {@code data[base + a·stored + i]}.
         *
         * @param owner held as long as this frame is: the lease of {@code data} ({@link FrameMemory})
         */
        SamplerFrame(String label, float[] data, int base, int dim, int stored, int particles, long nfe, int diverged, Object diagnostics,
                Object owner) {
            this.owner = owner;
            this.label = label;
            this.own = null;
            this.data = data;
            this.base = base;
            this.dim = dim;
            this.stored = stored;
            this.particles = particles;
            this.nfe = nfe;
            this.diverged = diverged;
            this.diagnostics = diagnostics;
        }

        /** The sampler's label. */
        public String label() {
            return label;
        }

        /** N. */
        public int particles() {
            return particles;
        }

        /** Score evaluations per particle so far. */
        public long nfe() {
            return nfe;
        }

        /** Particles flagged NaN/infinite so far. */
        public int diverged() {
            return diverged;
        }

        /** What the sampler recorded about the step that produced this frame, or null. */
        public Object diagnostics() {
            return diagnostics;
        }

        /** Number of stored particles. */
        public int stored() {
            return stored;
        }

        /** Number of coordinates. */
        public int dim() {
            return dim;
        }

        /** Coordinate {@code axis} of stored particle {@code i}. */
        public float x(int axis, int i) {
            return own != null ? own[axis][i] : data[base + axis * stored + i];
        }

        /**
         * The array that holds coordinate {@code axis}: its stored particles are at {@link #offset}{@code (axis) + i}.
         * Read it while holding this frame: the recorder may reuse a latest frame's array once no
         * frame that views it is reachable.
         */
        public float[] axis(int axis) {
            return own != null ? own[axis] : data;
        }

        /** Where coordinate {@code axis} of particle 0 is in {@link #axis}{@code (axis)}. */
        public int offset(int axis) {
            return own != null ? 0 : base + axis * stored;
        }

        /** Copies coordinate {@code axis} of the stored particles into {@code out[0..stored)}. */
        public void copyAxis(int axis, float[] out) {
            System.arraycopy(axis(axis), offset(axis), out, 0, stored);
        }

        /**
         * positions[axis][i] of the stored particles. For a view this is a copy (made once and kept
         * while anyone holds it); read large views with {@link #x} or {@link #axis} instead.
         */
        public float[][] positions() {
            if (own != null) {
                return own;
            }
            WeakReference<float[][]> ref = copy;
            float[][] c = ref == null ? null : ref.get();
            if (c == null) {
                c = new float[dim][stored];
                for (int a = 0; a < dim; a++) {
                    copyAxis(a, c[a]);
                }
                copy = new WeakReference<>(c);
            }
            return c;
        }
    }
}
