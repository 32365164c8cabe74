package org.scorescope.ui.labs.discrete;

import java.util.List;

/**
 * One sampler after one step, as the discrete window draws it: computed on a background job, never
 * changed afterwards (the arrays are not written once the frame is built). τ is the forward time the
 * step reaches; q_τ is the exact forward marginal there, the reference every number below is measured
 * against (at the last step τ = 0 and q_0 = p_data).
 *
 * @param step k = 0 (the start) … N
 * @param tau τ_k
 * @param pairQ q_τ of coordinates (0, 1), K × K row-major (row = coordinate 0, K = S or S + 1 with MASK
 *     last), or null when d = 1
 * @param pairLaw the sampler's exact law of coordinates (0, 1) after step k, K × K, or null (d = 1, or no exact law)
 * @param pairCounts the particles per cell of coordinates (0, 1), or null when d = 1
 * @param coordQ q_τ of each coordinate, [d][K]
 * @param coordLaw the sampler's exact law of each coordinate, [d][K], or null when there is no exact law
 * @param coordCounts the particles per value of each coordinate, [d][K]
 * @param particleTexts the first particles' states as text (sentences, MASK as "____")
 * @param sentences the language's sentence table (the invalid and the partly masked mass, then the
 *     valid sentences, most likely first), or an empty list for targets without words
 * @param exactTv TV(sampler's exact law after step k, q_τ), NaN when not computable
 * @param exactKl KL(q_τ ‖ sampler's exact law), NaN when not computable, +∞ when the law misses a state of q_τ
 * @param particleTv TV(particle histogram, q_τ), NaN when not measured
 * @param floorMean the noise floor of {@code particleTv}: the expected TV of N exact samples of q_τ
 * @param floorUpper the floor's mean + 2 sd
 * @param maskedParticles the fraction of particles with a MASK coordinate
 * @param nfe score evaluations so far, summed over particles
 */
record DiscreteFrame(int step, double tau, double[] pairQ, double[] pairLaw, int[] pairCounts, double[][] coordQ,
        double[][] coordLaw, int[][] coordCounts, List<String> particleTexts, List<SentenceRow> sentences, double exactTv,
        double exactKl, double particleTv, double floorMean, double floorUpper, double maskedParticles, long nfe) {

    /**
     * A line of the sentence table.
     *
     * @param sentence the words (or "invalid sentences", "partly masked")
     * @param data p_data
     * @param exact the sampler's exact law after this step (NaN when not computed)
     * @param sampled the particles' frequency
     */
    record SentenceRow(String sentence, double data, double exact, double sampled) {
    }
}
