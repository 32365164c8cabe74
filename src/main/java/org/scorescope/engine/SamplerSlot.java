package org.scorescope.engine;

import org.scorescope.sampler.Sampler;

/**
 * One sampler in a run, with the key of its random streams.
 *
 * @param sampler the algorithm
 * @param label what captions and files call it
 * @param noiseKey key of its per-step noise streams (by default derived from the sampler id, so
 *     the same sampler sees the same noise whatever its position in the run)
 */
public record SamplerSlot(Sampler sampler, String label, long noiseKey) {
    /** A slot labelled by the sampler's canonical id (with every parameter), its noise keyed by the sampler's id. */
    public static SamplerSlot of(Sampler sampler) {
        return new SamplerSlot(sampler, sampler.info().key(), RandomStreams.key(sampler.info().id()));
    }
}
