package org.scorescope.engine;

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
     * One sampler at one step.
     *
     * @param label the sampler's label
     * @param positions positions[axis][i] of the stored particles (the first {@code stored} of N)
     * @param particles N
     * @param nfe score evaluations per particle so far
     * @param diverged particles flagged NaN/infinite so far
     * @param diagnostics what the sampler recorded about the step that produced this frame (PIADM's
     *     {@link org.scorescope.sampler.PicardIterates}), or null
     */
    public record SamplerFrame(String label, float[][] positions, int particles, long nfe, int diverged, Object diagnostics) {
        /** A frame without diagnostics. */
        public SamplerFrame(String label, float[][] positions, int particles, long nfe, int diverged) {
            this(label, positions, particles, nfe, diverged, null);
        }

        /** Number of stored particles. */
        public int stored() {
            return positions[0].length;
        }
    }
}
