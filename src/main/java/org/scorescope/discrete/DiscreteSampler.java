package org.scorescope.discrete;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * A reverse-time sampler of a discrete diffusion: moves one state from forward time {@code from} to
 * {@code to < from} through the exact scores, drawing every random number from the given stream.
 * Stateless; scratch space comes from the caller.
 */
public interface DiscreteSampler {
    /** The id used in scenarios and on the command line. */
    String id();

    /** One line for help texts. */
    String description();

    /** Whether the sampler is defined for this forward process. */
    boolean supports(DiscreteProcess process);

    /**
     * Moves x in place (MASK = S) from forward time {@code from} to {@code to}.
     *
     * @return the number of score evaluations used (an evaluation gives every neighbour's score at one state)
     */
    int step(int[] x, double from, double to, DiscreteScore score, UniformRandomProvider rng, SamplerWorkspace ws);
}
