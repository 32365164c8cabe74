package org.scorescope.discrete;

/**
 * The exact concrete score of 003 Part 6 (003_1b963510094279b5.txt, line ~3288):
 * {@code s_t(y, x) = q_t(y) / q_t(x)} for y a neighbour of x (one coordinate changed), at forward time
 * t, computed by summing over x0 in closed form. One call of {@link #ratios} for every coordinate is
 * one score evaluation (NFE) — what a trained network returns in one pass.
 *
 * <p>The reverse rates are {@code Q̂_t(x, y) = Q_{T−t}(y, x) s_{T−t}(y, x)} (003, line ~3345): 1/S times
 * the score for the uniform process, the score itself from MASK for the masking process.
 */
public interface DiscreteScore {
    /** Values per coordinate S. */
    int states();

    /** Coordinates d. */
    int dims();

    /** The forward process these scores belong to. */
    DiscreteProcess process();

    /**
     * The scores of the S neighbours that change coordinate i: {@code out[c] = s_τ(x^{i←c}, x)}.
     * Uniform process: {@code out[x_i] = 1}. Masking process: defined when {@code x_i} is MASK, and equal
     * to {@code p_data(x0_i = c | x_U) / (e^τ − 1)} (003, line ~3546), U the unmasked coordinates. When x_U itself has
     * probability zero (samplers that unmask several coordinates in one step can contradict themselves)
     * the score is 0/0; the lab then uses the context-free {@code p_data(x0_i = c)/(e^τ − 1)}.
     *
     * @param x the current state (MASK = S)
     * @param tau forward time τ &gt; 0
     */
    void ratios(int[] x, int i, double tau, double[] out);

    /**
     * Upper bounds, valid for every τ' in [lo, hi], of {@code s_τ'(x^{i←c}, x)} (uniform process only,
     * used by uniformisation). {@code lo} may be 0; the bound is then infinite unless p_data(x) &gt; 0.
     */
    void ratioBounds(int[] x, int i, double lo, double hi, double[] out);

    /** p_data(x). */
    double dataProbability(int[] x);
}
