package org.scorescope.ui.service;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * A serial lane on the shared executor: its jobs never overlap, so state confined to the lane (the
 * render worker's caches, the JFreeChart objects) needs no locks. Two ways in: {@link #latest}
 * keeps only the newest job per slot (frames are dropped, never queued — a render request replaces
 * an older one that has not started), {@link #call} queues a job and returns its result. No thread
 * is held while the lane is idle.
 */
public final class Lane {
    private final String name;
    private final Executor executor;
    private final Failures failures;
    private final Map<String, Runnable> latest = new LinkedHashMap<>();
    private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
    private boolean scheduled;
    private volatile boolean closed;

    Lane(String name, Executor executor, Failures failures) {
        this.name = name;
        this.executor = executor;
        this.failures = failures;
    }

    /** The lane's name ("render", "charts"), used in failure reports. */
    public String name() {
        return name;
    }

    /**
     * Runs {@code job} after the lane's current job, replacing any job of the same slot that has not
     * started. A job that throws is reported through {@link Failures}.
     */
    public void latest(String slot, Runnable job) {
        synchronized (this) {
            latest.remove(slot);
            latest.put(slot, job);
            schedule();
        }
    }

    /** Queues a job; its result (or failure) completes the returned future. */
    public <T> CompletableFuture<T> call(Callable<T> job) {
        CompletableFuture<T> f = new CompletableFuture<>();
        synchronized (this) {
            queue.add(() -> {
                try {
                    f.complete(job.call());
                } catch (Exception | Error e) {
                    f.completeExceptionally(e);
                }
            });
            schedule();
        }
        return f;
    }

    /** Drops pending jobs; later submissions are ignored. */
    public void close() {
        synchronized (this) {
            closed = true;
            latest.clear();
            queue.clear();
        }
    }

    private void schedule() {
        if (!scheduled && !closed) {
            scheduled = true;
            try {
                executor.execute(this::drain);
            } catch (java.util.concurrent.RejectedExecutionException shutDown) {
                // The window is closing (its executor is shut down): a last hover or pick has nowhere to run.
                close();
                scheduled = false;
            }
        }
    }

    private void drain() {
        while (true) {
            Runnable next;
            synchronized (this) {
                next = queue.poll();
                if (next == null) {
                    Iterator<Runnable> it = latest.values().iterator();
                    if (it.hasNext()) {
                        next = it.next();
                        it.remove();
                    }
                }
                if (next == null || closed) {
                    scheduled = false;
                    return;
                }
            }
            try {
                next.run();
            } catch (RuntimeException | Error e) {
                failures.report("Drawing (" + name + ") failed", e);
            }
        }
    }
}
