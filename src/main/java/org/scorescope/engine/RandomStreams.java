package org.scorescope.engine;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;

/**
 * Counter-based random streams: every (seed, sampler, chunk, step) key gets its own generator,
 * seeded by mixing the key through SplitMix64. A chunk's random numbers therefore do not depend on
 * which thread steps it or in which order chunks run: runs are bit-identical for any thread count.
 */
public final class RandomStreams {
    /** The sampler key of the initial noise Y_T, shared by every sampler of a run. */
    public static final long INITIAL_NOISE = 0x1D17_1A15L;

    private RandomStreams() {
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
