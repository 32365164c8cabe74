package org.scorescope.engine;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;

/**
 * Keys of the run's random numbers. Every draw a sampler makes is a pure function of (seed, sampler,
 * step, call, particle): {@link #key} mixes the first four through SplitMix64 into one 64-bit key, and
 * {@link org.scorescope.math.CounterNormals} turns (key, particle index) into the draws. So a
 * particle's noise does not depend on which chunk holds it, which thread steps it or in which order
 * chunks run: runs are bit-identical for any thread count and any chunk size.
 */
public final class RandomStreams {
    /** The sampler key of the initial noise Y_T, shared by every sampler of a run. */
    public static final long INITIAL_NOISE = 0x1D17_1A15L;

    /** Kind of draw: standard normals ({@code StepContext.gaussian}). */
    public static final long GAUSSIAN = 1;
    /** Kind of draw: uniforms ({@code StepContext.uniform}). */
    public static final long UNIFORM = 2;

    private RandomStreams() {
    }

    /**
     * The key of one call's draws.
     *
     * @param seed the run's seed
     * @param sampler the sampler's noise key ({@link #INITIAL_NOISE} for Y_T)
     * @param step the step t (0 for Y_T)
     * @param kind {@link #GAUSSIAN} or {@link #UNIFORM}
     * @param call how many calls of that kind the sampler made before in this step of this chunk
     */
    public static long key(long seed, long sampler, long step, long kind, long call) {
        long h = mix(seed ^ 0x5CA1AB1E_0DDBA11L);
        h = mix(h ^ sampler);
        h = mix(h ^ step * 0xC2B2AE3D27D4EB4FL);
        return mix(h ^ (call * 0x165667B19E3779F9L + kind));
    }

    /** A new generator for one key. */
    public static UniformRandomProvider stream(long seed, long sampler, long chunk, long step) {
        long h = mix(seed ^ 0x5CA1AB1E_0DDBA11L);
        h = mix(h ^ sampler);
        h = mix(h ^ chunk * 0x9E3779B97F4A7C15L);
        h = mix(h ^ step * 0xC2B2AE3D27D4EB4FL);
        return new XoRoShiRo128PlusPlus(h, mix(h ^ 0x94D049BB133111EBL));
    }

    /** A stable 64-bit key of a sampler id (FNV-1a, independent of the JVM's String hash). */
    public static long key(String id) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < id.length(); i++) {
            h ^= id.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** SplitMix64's finaliser. */
    static long mix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
