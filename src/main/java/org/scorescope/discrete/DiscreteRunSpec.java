package org.scorescope.discrete;

/**
 * One particle run of a discrete sampler.
 *
 * @param target p_data
 * @param process the forward process
 * @param schedule the forward times τ_0 = T … τ_N = 0
 * @param sampler the sampler
 * @param particles number of particles, ≥ 1
 * @param seed the seed of every random stream
 */
public record DiscreteRunSpec(DiscreteTarget target, DiscreteProcess process, StepSchedule schedule, DiscreteSampler sampler,
        int particles, long seed) {
    /** Checks that the sampler supports the process and the particle count. */
    public DiscreteRunSpec {
        if (!sampler.supports(process)) {
            throw new IllegalArgumentException(sampler.id() + " is only defined for the masking process");
        }
        if (particles < 1) {
            throw new IllegalArgumentException("particles must be >= 1, was " + particles);
        }
    }

    /** Bytes of particle state this run holds (4 per coordinate). */
    public long stateBytes() {
        return 4L * particles * target.dims();
    }
}
