package org.scorescope.sampler;

/**
 * What a user and a report need to know about a sampler.
 *
 * @param id the id used in scenario files and the CLI
 * @param displayName a short human name
 * @param citation seed file and equation (or the baseline's original code)
 * @param nfePerStep score evaluations per particle per step (the engine counts the real number)
 * @param order convergence order of the deterministic error in 1/T (0 when not meaningful)
 * @param stochastic whether the sampler draws fresh noise
 * @param gaussianDrawsPerStep how many independent N(0, I) vectors a step draws per particle
 */
public record SamplerInfo(String id, String displayName, String citation, double nfePerStep, int order,
        boolean stochastic, int gaussianDrawsPerStep) {
}
