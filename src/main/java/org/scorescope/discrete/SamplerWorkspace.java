package org.scorescope.discrete;

/**
 * Scratch arrays of one worker for one state space: frozen rates per coordinate, their totals, rate
 * bounds and the buffers of the circulant exponential. Not shared between threads.
 */
public final class SamplerWorkspace {
    final int states;
    final int dims;
    /** Rates out of the current state, per coordinate: {@code rates[i][c]} to value c (0 for c = x_i). */
    final double[][] rates;
    /** Σ_c rates[i][c]. */
    final double[] totals;
    /** Rate bounds of uniformisation, per coordinate. */
    final double[][] bounds;
    /** One coordinate's scores. */
    final double[] ratios;
    /** Real and imaginary buffers of the circulant exponential. */
    final double[] re;
    final double[] im;
    /** Unmasking times and order of the exact masking sampler. */
    final double[] times;
    final int[] order;

    /** Buffers for S values per coordinate and d coordinates. */
    public SamplerWorkspace(int states, int dims) {
        this.states = states;
        this.dims = dims;
        rates = new double[dims][states];
        totals = new double[dims];
        bounds = new double[dims][states];
        ratios = new double[states];
        re = new double[states];
        im = new double[states];
        times = new double[dims];
        order = new int[dims];
    }
}
