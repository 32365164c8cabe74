package org.scorescope.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.scorescope.sampler.Sampler;

/**
 * Steps every sampler's particle cloud on the engine's own pool (ARCHITECTURE.md, threading
 * rules). Particles are split in chunks of {@value #CHUNK}; each chunk draws its random numbers from
 * the stream keyed by (seed, sampler, chunk, step), so a run is bit-identical for any thread count.
 * Runs are cancelled cooperatively between chunk tasks.
 */
public final class Engine implements AutoCloseable {
    /** Particles per chunk; fixed, so that results do not depend on the thread count. */
    public static final int CHUNK = 8192;

    private static final AtomicLong RUN_IDS = new AtomicLong();
    private static final AtomicInteger POOL_IDS = new AtomicInteger();

    private final ExecutorService workers;
    private final ExecutorService coordinator;
    /** For independent score batches inside one chunk's step, used when a run has fewer chunks than threads. */
    private final java.util.concurrent.ForkJoinPool inner;
    private final int threads;

    /** An engine with one worker per available core. */
    public Engine() {
        this(Runtime.getRuntime().availableProcessors());
    }

    /**
     * @param threads number of worker threads, ≥ 1
     */
    public Engine(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
        this.threads = threads;
        int pool = POOL_IDS.incrementAndGet();
        workers = Executors.newFixedThreadPool(threads, named("scorescope-engine-" + pool + "-worker-"));
        coordinator = Executors.newSingleThreadExecutor(named("scorescope-engine-" + pool + "-run-"));
        AtomicInteger innerIds = new AtomicInteger();
        inner = new java.util.concurrent.ForkJoinPool(threads, fj -> {
            java.util.concurrent.ForkJoinWorkerThread t = java.util.concurrent.ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(fj);
            t.setName("scorescope-engine-" + pool + "-inner-" + innerIds.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, null, false);
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Number of worker threads. */
    public int threads() {
        return threads;
    }

    /** Starts a run on the engine's coordinator thread; the handle cancels it or waits for it. */
    public RunHandle submit(RunSpec spec, RunListener listener) {
        long id = RUN_IDS.incrementAndGet();
        AtomicBoolean cancel = new AtomicBoolean();
        Future<RunResult> f = coordinator.submit(() -> execute(id, spec, listener, cancel));
        return new RunHandle(id, f, cancel);
    }

    /** Runs to completion on the calling thread (steps still run on the pool). */
    public RunResult run(RunSpec spec, RunListener listener) {
        return execute(RUN_IDS.incrementAndGet(), spec, listener, new AtomicBoolean());
    }

    private RunResult execute(long runId, RunSpec spec, RunListener listener, AtomicBoolean cancel) {
        long start = System.nanoTime();
        int d = spec.target().dim();
        int n = spec.particles();
        int chunkCount = (n + CHUNK - 1) / CHUNK;
        List<Chunk[]> all = new ArrayList<>();
        for (SamplerSlot slot : spec.slots()) {
            Chunk[] chunks = new Chunk[chunkCount];
            for (int c = 0; c < chunkCount; c++) {
                int size = Math.min(CHUNK, n - c * CHUNK);
                chunks[c] = new Chunk(c, d, size, slot.sampler().newMemory(d, size));
            }
            all.add(chunks);
        }
        initialise(spec, all, cancel);
        int steps = spec.grid().steps();
        notify(listener, new StepView(runId, spec, steps, all, seconds(start)));
        java.util.concurrent.ForkJoinPool nested = chunkCount < threads ? inner : null;
        for (int t = steps; t >= 1; t--) {
            List<Callable<Void>> tasks = new ArrayList<>();
            for (int s = 0; s < all.size(); s++) {
                SamplerSlot slot = spec.slots().get(s);
                for (Chunk chunk : all.get(s)) {
                    int step = t;
                    tasks.add(() -> {
                        if (cancel.get()) {
                            return null;
                        }
                        stepChunk(spec, slot, chunk, step, nested);
                        return null;
                    });
                }
            }
            invokeAll(tasks);
            if (cancel.get()) {
                throw new CancellationException("run " + runId + " cancelled");
            }
            notify(listener, new StepView(runId, spec, t - 1, all, seconds(start)));
        }
        StepView last = new StepView(runId, spec, 0, all, seconds(start));
        return RunResult.from(last);
    }

    private static void notify(RunListener listener, StepView view) {
        if (listener != null) {
            listener.onStep(view);
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) * 1e-9;
    }

    private static void stepChunk(RunSpec spec, SamplerSlot slot, Chunk chunk, int t, java.util.concurrent.ForkJoinPool nested) {
        long start = System.nanoTime();
        Sampler sampler = slot.sampler();
        UniformRandomProvider rng = RandomStreams.stream(spec.seed(), slot.noiseKey(), chunk.index, t);
        sampler.step(new ChunkContext(chunk, spec.grid(), t, spec.score(), rng, nested), chunk.y, chunk.n);
        chunk.flagDiverged();
        chunk.nanos += System.nanoTime() - start;
    }

    private void initialise(RunSpec spec, List<Chunk[]> all, AtomicBoolean cancel) {
        Chunk[] first = all.get(0);
        List<Callable<Void>> tasks = new ArrayList<>();
        for (Chunk chunk : first) {
            tasks.add(() -> {
                if (spec.initial() != null) {
                    for (int a = 0; a < chunk.y.length; a++) {
                        System.arraycopy(spec.initial()[a], chunk.index * CHUNK, chunk.y[a], 0, chunk.n);
                    }
                } else {
                    UniformRandomProvider rng = RandomStreams.stream(spec.seed(), RandomStreams.INITIAL_NOISE, chunk.index, 0);
                    ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
                    for (double[] axis : chunk.y) {
                        for (int i = 0; i < chunk.n; i++) {
                            axis[i] = g.sample();
                        }
                    }
                }
                chunk.flagDiverged();
                return null;
            });
        }
        invokeAll(tasks);
        for (int s = 1; s < all.size(); s++) {
            for (int c = 0; c < first.length; c++) {
                for (int a = 0; a < first[c].y.length; a++) {
                    System.arraycopy(first[c].y[a], 0, all.get(s)[c].y[a], 0, first[c].n);
                }
                System.arraycopy(first[c].diverged, 0, all.get(s)[c].diverged, 0, first[c].n);
                all.get(s)[c].divergedCount = first[c].divergedCount;
            }
        }
        if (cancel.get()) {
            throw new CancellationException("run cancelled");
        }
    }

    private void invokeAll(List<Callable<Void>> tasks) {
        try {
            for (Future<Void> f : workers.invokeAll(tasks)) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** Stops every engine thread; running jobs are interrupted. */
    @Override
    public void close() {
        coordinator.shutdownNow();
        workers.shutdownNow();
        inner.shutdownNow();
        try {
            coordinator.awaitTermination(5, TimeUnit.SECONDS);
            workers.awaitTermination(5, TimeUnit.SECONDS);
            inner.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
