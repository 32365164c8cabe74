package org.scorescope.ui.service;

/**
 * The body of a background job: runs off the FX thread, reports through {@link Progress}, returns
 * a result or throws. Throwing {@link java.util.concurrent.CancellationException} means "stopped
 * because cancelled", which is not a failure.
 *
 * @param <T> the result type
 */
@FunctionalInterface
public interface Work<T> {
    /**
     * Does the work.
     *
     * @param progress where to report progress and read cancellation
     * @return the result (may be null)
     * @throws Exception any failure; it reaches the user through the failure reporter
     */
    T run(Progress progress) throws Exception;
}
