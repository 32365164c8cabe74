package org.scorescope.ui.service;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * A description of background work and what to do with its outcome (JabRef's
 * {@code BackgroundTask}): the body runs on the executor; the success, failure and cancellation
 * handlers run on the UI thread. Without a failure handler, a failure goes to {@link Failures}
 * (log + dialog) — a failure is never silent. A body that stops because it was cancelled throws
 * {@link java.util.concurrent.CancellationException} (see {@link Progress#checkCancelled()}); a body
 * that returns normally succeeds, even after a cancel (a study may return what it measured so far).
 *
 * @param <T> the result type
 */
public final class BackgroundTask<T> {
    private final String title;
    private final Work<T> work;
    private Consumer<T> onSuccess = r -> { };
    private Consumer<Throwable> onFailure;
    private Runnable onCancelled = () -> { };
    private Runnable onCancelRequest = () -> { };
    private boolean shown;

    private BackgroundTask(String title, Work<T> work) {
        this.title = Objects.requireNonNull(title, "title");
        this.work = Objects.requireNonNull(work, "work");
    }

    /**
     * @param title what the job does, in plain words; failures are reported as "title failed"
     * @param work the body
     */
    public static <T> BackgroundTask<T> of(String title, Work<T> work) {
        return new BackgroundTask<>(title, work);
    }

    /** Runs on the UI thread with the result. */
    public BackgroundTask<T> onSuccess(Consumer<T> handler) {
        this.onSuccess = Objects.requireNonNull(handler);
        return this;
    }

    /** Runs on the UI thread instead of the default report (log + dialog). */
    public BackgroundTask<T> onFailure(Consumer<Throwable> handler) {
        this.onFailure = Objects.requireNonNull(handler);
        return this;
    }

    /** Runs on the UI thread when the job stopped because it was cancelled. */
    public BackgroundTask<T> onCancelled(Runnable handler) {
        this.onCancelled = Objects.requireNonNull(handler);
        return this;
    }

    /**
     * Runs (on the thread that cancels, usually the UI thread) as soon as the job is asked to stop —
     * for work that blocks on something else that must be told (e.g. cancel the engine's run).
     */
    public BackgroundTask<T> whenCancelRequested(Runnable action) {
        this.onCancelRequest = Objects.requireNonNull(action);
        return this;
    }

    /** Shows the job in the status line with a progress bar and a cancel button (long jobs). */
    public BackgroundTask<T> showProgress() {
        this.shown = true;
        return this;
    }

    String title() {
        return title;
    }

    Work<T> work() {
        return work;
    }

    Consumer<T> successHandler() {
        return onSuccess;
    }

    Consumer<Throwable> failureHandler() {
        return onFailure;
    }

    Runnable cancelHandler() {
        return onCancelled;
    }

    boolean shown() {
        return shown;
    }

    Runnable cancelRequestHandler() {
        return onCancelRequest;
    }
}
