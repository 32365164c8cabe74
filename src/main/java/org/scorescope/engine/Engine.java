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
import org.scorescope.math.CounterNormals;
import org.scorescope.sampler.Sampler;

/**
 * Steps every sampler's particle cloud on the engine's own pool (ARCHITECTURE.md, threading
 * rules). Particles are split in chunks whose size depends on N only ({@link #chunkSize}); each
 * step, the workers take chunks from a shared counter until none is left. Every random number is
 * keyed by (seed, sampler, step, call, particle index) ({@link RandomStreams}), so a run is
 * bit-identical for any thread count; stochastic samplers' results do not even depend on the chunk
 * size (adaptive ones, such as {@code pf-ode} and {@code fddim} to tolerance, decide per chunk and
 * do). Runs are cancelled cooperatively between chunks.
 */
public final class Engine implements AutoCloseable {
    /** The largest chunk: a chunk's particles and a sampler's buffers for it stay in the core's L2 cache. */
    public static final int CHUNK = 2048;
    /** The smallest chunk (a multiple of every vector length). */
    static final int MIN_CHUNK = 64;
    /** Chunks per run at least, when N allows: enough for several threads to share a small run evenly. */
    static final int MIN_CHUNKS = 16;

    /**
     * Particles per chunk for a run of n particles: ⌈n/16⌉ rounded up to a multiple of 64, within
     * [64, {@value #CHUNK}]. A function of n alone, so that a run's results never depend on the thread
     * count; small runs still have 16 chunks to share between threads.
     */
    public static int chunkSize(int n) {
        long c = (n + (long) MIN_CHUNKS - 1) / MIN_CHUNKS;
        c = (c + MIN_CHUNK - 1) / MIN_CHUNK * MIN_CHUNK;
        return (int) Math.max(MIN_CHUNK, Math.min(CHUNK, c));
    }

    /**
     * Lets the collector take the frame arrays kept for a later run of the same size whose frames are
     * all gone (the memory check before a run calls it when the heap looks full).
     *
     * @return bytes no longer kept
     */
    public static long releaseIdleMemory() {
        System.gc(); // clears the weak references of leases whose frames are unreachable
        return FrameMemory.releaseFree();
    }

    private static final AtomicLong RUN_IDS = new AtomicLong();
    private static final AtomicInteger POOL_IDS = new AtomicInteger();

    private final ExecutorService workers;
    private final ExecutorService coordinator;
    /** For independent score batches inside one chunk's step, used when a run has fewer chunks than threads. */
    private final java.util.concurrent.ForkJoinPool inner;
    private final int threads;
    private final int poolId;
    /** The particle arrays of the last finished run, for the next one (runs are one at a time, on the coordinator). */
    private final ChunkArrays arrays = new ChunkArrays();
    /**
     * Step buffers, one set per thread stepping chunks at a time: a thread takes one for a step's
     * loop and puts it back (runs on one engine may overlap: {@link #run} on a caller's thread).
     */
    private final java.util.concurrent.ConcurrentLinkedQueue<StepBuffers> lanes = new java.util.concurrent.ConcurrentLinkedQueue<>();
    /** Test only: NaN in every step buffer before each chunk's step (no sampler may read one before writing it). */
    private final boolean poisonBuffers;
    /** Particles per chunk for a run of n: {@link #chunkSize} except in tests that vary it. */
    private final java.util.function.IntUnaryOperator chunking;

    /** An engine with one worker per available core. */
    public Engine() {
        this(Runtime.getRuntime().availableProcessors());
    }

    /**
     * @param threads number of worker threads, ≥ 1
     */
    public Engine(int threads) {
        this(threads, false);
    }

    /**
     * @param threads number of worker threads, ≥ 1
     * @param poisonBuffers fill the step buffers with NaN before every chunk's step (tests)
     */
    Engine(int threads, boolean poisonBuffers) {
        this(threads, poisonBuffers, Engine::chunkSize);
    }

    /**
     * @param chunking particles per chunk for a run of n particles (tests: results must not depend on it)
     */
    Engine(int threads, boolean poisonBuffers, java.util.function.IntUnaryOperator chunking) {
        this.poisonBuffers = poisonBuffers;
        this.chunking = chunking;
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
        this.threads = threads;
        int pool = POOL_IDS.incrementAndGet();
        this.poolId = pool;
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

    /** The number in this engine's thread names ({@code scorescope-engine-N-…}). */
    public int poolId() {
        return poolId;
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
        int chunk = chunking.applyAsInt(n);
        int chunkCount = (n + chunk - 1) / chunk;
        List<Chunk[]> all = new ArrayList<>();
        for (SamplerSlot slot : spec.slots()) {
            Chunk[] chunks = new Chunk[chunkCount];
            for (int c = 0; c < chunkCount; c++) {
                int size = Math.min(chunk, n - c * chunk);
                chunks[c] = new Chunk(c, (long) c * chunk, d, size, slot.sampler().newMemory(d, size), arrays);
            }
            all.add(chunks);
        }
        try {
            return steps(runId, spec, listener, cancel, start, all, chunkCount);
        } catch (CancellationException e) {
            if (cancel.get() && !Thread.currentThread().isInterrupted()) {
                arrays.release(all); // cancelled between steps: every worker is done with the arrays
            }
            throw e;
        }
    }

    private RunResult steps(long runId, RunSpec spec, RunListener listener, AtomicBoolean cancel, long start, List<Chunk[]> all,
            int chunkCount) {
        int n = spec.particles();
        initialise(spec, all, cancel);
        int steps = spec.grid().steps();
        notify(listener, new StepView(runId, spec, steps, all, seconds(start)));
        java.util.concurrent.ForkJoinPool nested = chunkCount < threads ? inner : null;
        int samplers = all.size();
        int items = samplers * chunkCount;
        for (int t = steps; t >= 1; t--) {
            int step = t;
            forEachChunk(items, (long) n * samplers, (k, lane) -> {
                int s = k / chunkCount;
                stepChunk(spec, spec.slots().get(s), all.get(s)[k % chunkCount], step, nested, lane);
            }, cancel);
            if (cancel.get()) {
                throw new CancellationException("run " + runId + " cancelled");
            }
            notify(listener, new StepView(runId, spec, t - 1, all, seconds(start)));
        }
        StepView last = new StepView(runId, spec, 0, all, seconds(start));
        RunResult result = RunResult.from(last);
        arrays.release(all);
        return result;
    }

    private static void notify(RunListener listener, StepView view) {
        if (listener != null) {
            listener.onStep(view);
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) * 1e-9;
    }

    private void stepChunk(RunSpec spec, SamplerSlot slot, Chunk chunk, int t, java.util.concurrent.ForkJoinPool nested, StepBuffers lane) {
        long start = System.nanoTime();
        Sampler sampler = slot.sampler();
        if (poisonBuffers) {
            lane.poison();
        }
        sampler.step(new ChunkContext(chunk, spec.grid(), t, spec.score(), spec.seed(), slot.noiseKey(), nested, lane), chunk.y, chunk.n);
        chunk.flagDiverged();
        chunk.nanos += System.nanoTime() - start;
    }

    private void initialise(RunSpec spec, List<Chunk[]> all, AtomicBoolean cancel) {
        Chunk[] first = all.get(0);
        forEachChunk(first.length, spec.particles(), (c, lane) -> {
            fillInitial(spec, first[c]);
            first[c].flagDiverged();
        }, cancel);
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

    /** Y_T of one chunk: the run's initial particles, or N(0, I) keyed by (seed, particle index). */
    static void fillInitial(RunSpec spec, Chunk chunk) {
        if (spec.initial() != null) {
            for (int a = 0; a < chunk.y.length; a++) {
                System.arraycopy(spec.initial()[a], (int) chunk.first, chunk.y[a], 0, chunk.n);
            }
        } else {
            long key = RandomStreams.key(spec.seed(), RandomStreams.INITIAL_NOISE, 0, RandomStreams.GAUSSIAN, 0);
            CounterNormals.gaussian(key, chunk.first, chunk.y, chunk.n);
        }
    }

    /** Particles of work per step below which one more thread costs more (wake-up, barrier) than it gains. */
    static final int PARTICLES_PER_THREAD = 32_768;

    /**
     * Runs {@code work} on items 0..count−1: the calling thread and up to threads − 1 pool workers each
     * take the next item from a shared counter (a few µs of dispatch per step instead of one task per
     * chunk). Only as many threads as the step's work (particles × samplers) keeps busy take part, so
     * a 10k-particle step is not slowed by waking and waiting for a second thread. Which thread steps
     * which chunk never changes a result.
     *
     * @param particles the step's particles over all samplers
     */
    private void forEachChunk(int count, long particles, ChunkWork work, AtomicBoolean cancel) {
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean stopped = new AtomicBoolean();
        Callable<Void> loop = () -> {
            StepBuffers lane = lanes.poll();
            if (lane == null) {
                lane = new StepBuffers();
            }
            try {
                for (int k; (k = next.getAndIncrement()) < count;) {
                    if (cancel.get()) {
                        return null;
                    }
                    if (Thread.currentThread().isInterrupted()) {
                        stopped.set(true); // the engine is closing (shutdownNow interrupts)
                        return null;
                    }
                    work.run(k, lane);
                }
                return null;
            } finally {
                lanes.add(lane);
            }
        };
        int helpers = (int) Math.min(Math.min(threads, count), Math.max(1, particles / PARTICLES_PER_THREAD)) - 1;
        List<Future<Void>> running = new ArrayList<>();
        try {
            for (int w = 0; w < helpers; w++) {
                running.add(workers.submit(loop));
            }
            loop.call();
            for (Future<Void> f : running) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.forEach(f -> f.cancel(true));
            throw new CancellationException("interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(cause);
        } catch (RuntimeException e) {
            running.forEach(f -> f.cancel(true));
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        if (stopped.get() || Thread.currentThread().isInterrupted()) {
            throw new CancellationException("engine closing");
        }
    }

    /** One item of a step's loop, run with the step buffers of the thread running it. */
    @FunctionalInterface
    private interface ChunkWork {
        void run(int item, StepBuffers lane);
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
