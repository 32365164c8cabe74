package org.scorescope.engine;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/** A run started with {@link Engine#submit}. */
public final class RunHandle {
    private final long id;
    private final Future<RunResult> future;
    private final AtomicBoolean cancel;

    RunHandle(long id, Future<RunResult> future, AtomicBoolean cancel) {
        this.id = id;
        this.future = future;
        this.cancel = cancel;
    }

    /** The run id that its frames carry. */
    public long id() {
        return id;
    }

    /** Asks the run to stop; it does so before its next chunk. */
    public void cancel() {
        cancel.set(true);
    }

    /** Whether the run has finished, failed or been cancelled. */
    public boolean isDone() {
        return future.isDone();
    }

    /**
     * Waits for the result.
     *
     * @throws CancellationException if the run was cancelled
     */
    public RunResult await() throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
