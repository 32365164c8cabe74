package org.scorescope.discrete;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.apache.commons.rng.UniformRandomProvider;
import org.scorescope.engine.Engine;
import org.scorescope.engine.RandomStreams;

/**
 * Runs a discrete sampler's particles on a fixed pool, under the engine's rules: particles in chunks of
 * {@value #CHUNK} (independent of the thread count), each (sampler, chunk, step) drawing from
 * {@link RandomStreams#stream}{@code (seed, key(sampler), chunk, step)}, the starting states keyed by
 * (seed, chunk) only, so every sampler starts from the same states and a run is bit-identical for any
 * number of threads. Cancellation is cooperative between chunk tasks.
 */
public final class DiscreteRunner implements AutoCloseable {
    /** Particles per chunk, the engine's. */
    public static final int CHUNK = Engine.CHUNK;
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final ExecutorService pool;
    private final int threads;

    /** Receives the particles after each step (step 0 = the start), on the running thread. */
    @FunctionalInterface
    public interface Listener {
        /**
         * @param step 0 … N
         * @param tau the forward time τ_step
         * @param states the particles, valid during the call
         * @param nfe score evaluations so far, summed over particles
         */
        void onStep(int step, double tau, DiscreteStates states, long nfe);
    }

    /**
     * The final particles and cost of a run.
     *
     * @param states the particles after the last step
     * @param nfe score evaluations summed over particles
     * @param seconds wall time
     */
    public record Result(DiscreteStates states, long nfe, double seconds) {
        /** Mean score evaluations per particle. */
        public double nfePerParticle() {
            return (double) nfe / states.particles();
        }
    }

    /** @param threads worker threads, ≥ 1 */
    public DiscreteRunner(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
        this.threads = threads;
        int id = POOLS.incrementAndGet();
        AtomicInteger n = new AtomicInteger();
        pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "scorescope-discrete-" + id + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** The worker pool (also used for exact laws). */
    public ExecutorService pool() {
        return pool;
    }

    /** Number of worker threads. */
    public int threads() {
        return threads;
    }

    /** Runs to the end on the calling thread; chunk steps run on the pool. */
    public Result run(DiscreteRunSpec spec, Listener listener, BooleanSupplier cancelled) {
        long start = System.nanoTime();
        int n = spec.particles();
        int d = spec.target().dims();
        int s = spec.target().states();
        int chunkCount = (n + CHUNK - 1) / CHUNK;
        int[][] chunks = new int[chunkCount][];
        long[] nfe = new long[chunkCount];
        DiscreteStates view = new DiscreteStates(n, d, s, chunks);
        List<Callable<Void>> init = new ArrayList<>();
        for (int c = 0; c < chunkCount; c++) {
            int chunk = c;
            int size = Math.min(CHUNK, n - c * CHUNK);
            init.add(() -> {
                int[] x = new int[size * d];
                if (spec.process() == DiscreteProcess.MASKING) {
                    java.util.Arrays.fill(x, DiscreteProcess.mask(s));
                } else {
                    UniformRandomProvider rng = RandomStreams.stream(spec.seed(), RandomStreams.INITIAL_NOISE, chunk, 0);
                    for (int j = 0; j < x.length; j++) {
                        x[j] = rng.nextInt(s);
                    }
                }
                chunks[chunk] = x;
                return null;
            });
        }
        invokeAll(init, cancelled);
        StepSchedule schedule = spec.schedule();
        if (listener != null) {
            listener.onStep(0, schedule.horizon(), view, 0);
        }
        DiscreteScore score = spec.target().score(spec.process());
        long key = RandomStreams.key(spec.sampler().id());
        for (int step = 1; step <= schedule.steps(); step++) {
            double from = schedule.from(step);
            double to = schedule.to(step);
            int k = step;
            List<Callable<Void>> tasks = new ArrayList<>();
            for (int c = 0; c < chunkCount; c++) {
                int chunk = c;
                tasks.add(() -> {
                    UniformRandomProvider rng = RandomStreams.stream(spec.seed(), key, chunk, k);
                    SamplerWorkspace ws = new SamplerWorkspace(s, d);
                    int[] states = chunks[chunk];
                    int[] x = new int[d];
                    long used = 0;
                    for (int off = 0; off < states.length; off += d) {
                        System.arraycopy(states, off, x, 0, d);
                        used += spec.sampler().step(x, from, to, score, rng, ws);
                        System.arraycopy(x, 0, states, off, d);
                    }
                    nfe[chunk] += used;
                    return null;
                });
            }
            invokeAll(tasks, cancelled);
            if (listener != null) {
                listener.onStep(step, to, view, sum(nfe));
            }
        }
        return new Result(view, sum(nfe), (System.nanoTime() - start) * 1e-9);
    }

    private static long sum(long[] a) {
        long t = 0;
        for (long v : a) {
            t += v;
        }
        return t;
    }

    private void invokeAll(List<Callable<Void>> tasks, BooleanSupplier cancelled) {
        List<Callable<Void>> guarded = new ArrayList<>();
        for (Callable<Void> t : tasks) {
            guarded.add(() -> cancelled != null && cancelled.getAsBoolean() ? null : t.call());
        }
        try {
            for (Future<Void> f : pool.invokeAll(guarded)) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
        if (cancelled != null && cancelled.getAsBoolean()) {
            throw new CancellationException("discrete run cancelled");
        }
    }

    /** Stops the workers. */
    @Override
    public void close() {
        pool.shutdownNow();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
