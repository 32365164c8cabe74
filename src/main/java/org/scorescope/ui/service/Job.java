package org.scorescope.ui.service;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * A running background job: its result, its progress as read-only properties (changed on the UI
 * thread only, so views can bind to them), and a cancel switch. Created by
 * {@link BackgroundExecutor#start}.
 *
 * @param <T> the result type
 */
public final class Job<T> {
    private final String title;
    private final boolean shown;
    private final CompletableFuture<T> result = new CompletableFuture<>();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final CompletableFuture<Void> cancelSignal = new CompletableFuture<>();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(true);
    private final AtomicReference<Object[]> pendingUpdate = new AtomicReference<>();
    private final UiThread ui;
    private final Runnable onCancelRequest;

    Job(String title, boolean shown, UiThread ui, Runnable onCancelRequest) {
        this.title = title;
        this.shown = shown;
        this.ui = ui;
        this.onCancelRequest = onCancelRequest;
    }

    /** What the job does, for the status line ("Exporting ring8.gif"). */
    public String title() {
        return title;
    }

    /** Whether the status line shows this job with a progress bar and a cancel button. */
    public boolean shown() {
        return shown;
    }

    /** Asks the job to stop; it does so at its next check, and its result completes as cancelled. */
    public void cancel() {
        if (!cancelled.getAndSet(true)) {
            cancelSignal.complete(null);
            onCancelRequest.run();
        }
    }

    /** Whether {@link #cancel()} was called. */
    public boolean isCancelled() {
        return cancelled.get();
    }

    /** The result: completes normally, exceptionally, or with a CancellationException. */
    public CompletableFuture<T> result() {
        return result;
    }

    /** Fraction done in [0, 1], or −1 while unknown (UI thread). */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** The job's latest message (UI thread). */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** True until the job has finished in any way (UI thread). */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** The progress the job's body reports to: updates are coalesced into one UI-thread call at a time. */
    Progress reporter() {
        return new Progress() {
            @Override
            public void update(double fraction, String text) {
                if (pendingUpdate.getAndSet(new Object[] {fraction, text}) == null) {
                    ui.run(() -> {
                        Object[] u = pendingUpdate.getAndSet(null);
                        if (u != null) {
                            double f = (Double) u[0];
                            progress.set(Double.isNaN(f) ? -1 : Math.max(0, Math.min(1, f)));
                            message.set(u[1] == null ? "" : (String) u[1]);
                        }
                    });
                }
            }

            @Override
            public boolean isCancelled() {
                return cancelled.get() || Thread.currentThread().isInterrupted();
            }

            @Override
            public <R> R await(CompletableFuture<R> other) throws Exception {
                CompletableFuture.anyOf(other, cancelSignal).get();
                checkCancelled();
                try {
                    return other.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw e.getCause() instanceof Exception c ? c : e;
                }
            }
        };
    }

    void finished() {
        ui.run(() -> running.set(false));
    }
}
