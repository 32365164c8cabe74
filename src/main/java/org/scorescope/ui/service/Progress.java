package org.scorescope.ui.service;

import java.util.concurrent.CancellationException;

/**
 * What a background job sees of the user: it reports how far it is and asks whether it was
 * cancelled. Implementations are thread-safe; {@link #update} may be called as often as a job
 * likes (the window coalesces the updates).
 */
public interface Progress {
    /**
     * Reports progress.
     *
     * @param fraction done so far, in [0, 1], or NaN when unknown
     * @param message what the job is doing, in plain words (may be empty)
     */
    void update(double fraction, String message);

    /** Whether the user (or the window) asked the job to stop. */
    boolean isCancelled();

    /**
     * Stops the job if it was cancelled.
     *
     * @throws CancellationException when {@link #isCancelled()}
     */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new CancellationException("cancelled");
        }
    }

    /**
     * Waits for another computation (e.g. the run to finish) without polling; returns early, with a
     * CancellationException, when this job is cancelled.
     *
     * @return the computation's result
     * @throws Exception its failure, or CancellationException
     */
    default <T> T await(java.util.concurrent.CompletableFuture<T> other) throws Exception {
        try {
            return other.get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof Exception c ? c : e;
        }
    }

    /** A progress that is never cancelled and reports nowhere. */
    static Progress none() {
        return new Progress() {
            @Override
            public void update(double fraction, String message) {
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
    }
}
