package org.scorescope.sampler;

/**
 * What a user and a report need to know about a sampler.
 *
 * @param id the registry id ({@code lagrange})
 * @param displayName a short human name
 * @param citation seed file and equation (or the baseline's original code)
 * @param nfePerStep score evaluations per particle per step (NaN when adaptive; the engine counts the real number)
 * @param order convergence order of the deterministic error in 1/T (0 when not meaningful)
 * @param stochastic whether the sampler draws fresh noise
 * @param gaussianDrawsPerStep how many independent N(0, I) vectors a step draws per particle
 * @param key the canonical id with every parameter ({@code lagrange:K=3:R=2:anchors=0}), written in
 *     outputs and legends; equal to {@code id} for samplers without parameters
 * @param form one line saying which form of the update this is (where several are in circulation,
 *     e.g. the accelerated DDPM of the paper, the slides and the authors' code), or empty
 */
public record SamplerInfo(String id, String displayName, String citation, double nfePerStep, int order,
        boolean stochastic, int gaussianDrawsPerStep, String key, String form) {

    /** Metadata of a sampler without parameters: key = id, no form line. */
    public SamplerInfo(String id, String displayName, String citation, double nfePerStep, int order,
            boolean stochastic, int gaussianDrawsPerStep) {
        this(id, displayName, citation, nfePerStep, order, stochastic, gaussianDrawsPerStep, id, "");
    }

    /** The same metadata with a one-line description of the update's form. */
    public SamplerInfo withForm(String line) {
        return new SamplerInfo(id, displayName, citation, nfePerStep, order, stochastic, gaussianDrawsPerStep, key, line);
    }

    /** The same metadata with its canonical key. */
    public SamplerInfo withKey(String canonical) {
        return new SamplerInfo(id, displayName, citation, nfePerStep, order, stochastic, gaussianDrawsPerStep, canonical, form);
    }
}
