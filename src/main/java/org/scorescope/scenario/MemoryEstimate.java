package org.scorescope.scenario;

import java.util.List;
import java.util.Locale;
import org.scorescope.engine.FrameRecorder;

/**
 * The heap a run will need, estimated before it starts, so that a request the heap cannot hold is
 * refused with the numbers and the flag that lowers it instead of dying with an OutOfMemoryError
 * halfway through.
 *
 * <p>The terms, in bytes, for N particles in d dimensions, S samplers and T steps:
 * <ul>
 * <li><b>particle state</b>: per sampler and particle, {@code 8 d A + 1} with A the double arrays the
 * engine keeps per chunk (positions, the sampler's buffers, its multistep memory, the final copy;
 * {@link #arrays}), plus the diverged flag;</li>
 * <li><b>recorded frames</b> (figures, animations, the application): the history of
 * {@link FrameRecorder}, {@code 4 d (T+1) S m} with {@code m = min(N, max(4096, budget / (4 d (T+1) S)))},
 * and two full float frames {@code 2 · 4 d N S};</li>
 * <li><b>initial particles</b> read from {@code --init}: {@code 8 d N};</li>
 * <li><b>one step's copy</b> for {@code --trajectory}: {@code 8 d N};</li>
 * <li><b>pixels</b> of the largest image: 16 bytes per output pixel (ARGB image, RGB copy for
 * GIF/MP4, cell rasters).</li>
 * </ul>
 * A run may use {@value #HEAP_SHARE_PERCENT}% of the heap the JVM may still grow to.
 */
public final class MemoryEstimate {
    static final int HEAP_SHARE_PERCENT = 85;
    private static final long MIB = 1L << 20;

    private final int particles;
    private final int dim;
    private final List<Scenario.SamplerSpec> samplers;
    private final int steps;
    private boolean frames;
    private boolean initial;
    private boolean trajectory;
    private long pixels;
    private String pixelFlag = "--size";

    private MemoryEstimate(int particles, int dim, List<Scenario.SamplerSpec> samplers, int steps) {
        this.particles = particles;
        this.dim = dim;
        this.samplers = List.copyOf(samplers);
        this.steps = steps;
    }

    /** A run of these samplers (all at once) on N particles in d dimensions over T steps. */
    public static MemoryEstimate of(int particles, int dim, List<Scenario.SamplerSpec> samplers, int steps) {
        return new MemoryEstimate(particles, dim, samplers, steps);
    }

    /** The run keeps frames of every step (figures, animations). */
    public MemoryEstimate recordingFrames() {
        frames = true;
        return this;
    }

    /** The initial particles are read from a file. */
    public MemoryEstimate withInitialParticles() {
        initial = true;
        return this;
    }

    /** Every step is copied out for writing. */
    public MemoryEstimate writingEveryStep() {
        trajectory = true;
        return this;
    }

    /** The largest image has this many pixels; {@code flag} lowers it. */
    public MemoryEstimate withPixels(long count, String flag) {
        pixels = count;
        pixelFlag = flag;
        return this;
    }

    /**
     * Double arrays of N × d the engine keeps per particle for a sampler: positions, the final copy,
     * the sampler's work buffers and multistep memory (read off each sampler's {@code ctx.buffer}
     * slots and {@code newMemory}; checked against the heap by {@code MemoryEstimateTest}).
     */
    static int arrays(Scenario.SamplerSpec s) {
        return switch (s.id()) {
            case "lagrange", "unipc-3" -> 12;
            case "dpm-solver-1", "dpm-solver-2", "dpm-solver-3", "fddim", "fddim-avg" -> 8;
            default -> 6;
        };
    }

    /** Bytes of the particle state for N particles. */
    long stateBytes(long n) {
        long perParticle = 0;
        for (Scenario.SamplerSpec s : samplers) {
            perParticle += 8L * dim * arrays(s) + 1;
        }
        return perParticle * n;
    }

    /** Bytes of recorded frames for N particles. */
    long frameBytes(long n) {
        if (!frames) {
            return 0;
        }
        int s = samplers.size();
        long perStored = 4L * dim * (steps + 1) * s;
        long stored = Math.min(n, Math.max(4096, FrameRecorder.DEFAULT_BUDGET / perStored));
        return perStored * stored + 2L * 4 * dim * n * s;
    }

    private long extraBytes(long n) {
        return (initial ? 8L * dim * n : 0) + (trajectory ? 8L * dim * n : 0);
    }

    /** The whole estimate for N particles. */
    long bytes(long n) {
        return stateBytes(n) + frameBytes(n) + extraBytes(n) + 16L * pixels;
    }

    /** The whole estimate. */
    public long bytes() {
        return bytes(particles);
    }

    /**
     * What this JVM can give a run now. The heap in use counts garbage not collected yet, so when less than half
     * the share looks free the garbage is collected once and the heap measured again: a small run is never refused
     * because an earlier one left garbage behind.
     */
    public static long availableHeap() {
        long share = Runtime.getRuntime().maxMemory() / 100 * HEAP_SHARE_PERCENT;
        long free = share - usedHeap();
        if (free < share / 2) {
            org.scorescope.engine.Engine.releaseIdleMemory();
            System.gc();
            free = share - usedHeap();
        }
        return free;
    }

    private static long usedHeap() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    /**
     * Refuses the run when it does not fit.
     *
     * @param particlesFlag the flag (or field) that sets N, named when fewer particles would fit
     * @param heap bytes the run may use ({@link #availableHeap()})
     * @throws ScenarioException with the estimate, the heap, what fits and the flag that lowers it
     */
    public void check(String particlesFlag, long heap) {
        long need = bytes();
        if (need <= heap) {
            return;
        }
        StringBuilder parts = new StringBuilder();
        append(parts, "particle state", stateBytes(particles));
        append(parts, "recorded frames", frameBytes(particles));
        append(parts, "input and copies", extraBytes(particles));
        append(parts, "pixels", 16L * pixels);
        String what = String.format(Locale.ROOT, "%,d particles × %d sampler%s × %d steps in %dD%s", particles, samplers.size(),
                samplers.size() == 1 ? "" : "s", steps, dim, pixels > 0 ? String.format(Locale.ROOT, " and %,d pixels", pixels) : "");
        String head = what + " need about " + size(need) + " (" + parts + ") but the Java heap has " + size(Math.max(0, heap)) + " for it";
        String more = "; or give Java more memory (java -Xmx" + Math.max(2, (need * 100 / HEAP_SHARE_PERCENT + (1L << 30) - 1) >> 30)
                + "g -jar scorescope.jar …)";
        if (16L * pixels > heap / 2) {
            throw new ScenarioException(pixelFlag, head + "; lower " + pixelFlag + more);
        }
        long fit = largestFitting(heap);
        if (fit >= 1) {
            throw new ScenarioException(particlesFlag, head + String.format(Locale.ROOT, "; up to %,d particles fit: lower %s", fit,
                    particlesFlag) + (samplers.size() > 1 ? " or the number of samplers" : "") + more);
        }
        throw new ScenarioException(particlesFlag, head + "; lower the number of samplers or steps" + more);
    }

    private long largestFitting(long heap) {
        long lo = 0;
        long hi = particles;
        while (lo < hi) {
            long mid = (lo + hi + 1) >>> 1;
            if (bytes(mid) <= heap) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        long rounded = lo >= 100_000 ? lo / 10_000 * 10_000 : lo >= 1000 ? lo / 100 * 100 : lo;
        return rounded;
    }

    private static void append(StringBuilder b, String name, long bytes) {
        if (bytes >= MIB) {
            b.append(b.length() == 0 ? "" : ", ").append(name).append(' ').append(size(bytes));
        }
    }

    /** "1.3 GiB", "420 MiB". */
    static String size(long bytes) {
        if (bytes >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
        }
        return String.format(Locale.ROOT, "%d MiB", Math.max(1, (bytes + MIB - 1) / MIB));
    }
}
