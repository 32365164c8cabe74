package org.scorescope.ui.service;

import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The one executor for the window's background work: run watching, rendering, charts, exports,
 * previews, thumbnails and lab studies (the engine keeps its own compute pool). Every job goes
 * through {@link #start} (with progress, cancel and a failure that reaches the user) or through a
 * serial {@link Lane}. Threads are daemons named {@code scorescope-bg-N}, created on demand and
 * retired after 30 s idle; an exception that escapes anything on them goes to {@link Failures}.
 * Injectable: controllers take it as a constructor argument, and tests may build one over any
 * {@link ExecutorService} and a direct {@link UiThread}.
 */
public final class BackgroundExecutor implements AutoCloseable {
    private final ExecutorService threads;
    private final UiThread ui;
    private final Failures failures;
    private final ObservableList<Job<?>> shownJobs = FXCollections.observableArrayList();

    /**
     * @param threads the threads the work runs on
     * @param ui where handlers run
     * @param failures where failures go
     */
    public BackgroundExecutor(ExecutorService threads, UiThread ui, Failures failures) {
        this.threads = threads;
        this.ui = ui;
        this.failures = failures;
    }

    /** The window's executor: a cached pool of daemon threads whose uncaught exceptions reach {@code failures}. */
    public static BackgroundExecutor create(UiThread ui, Failures failures) {
        AtomicInteger ids = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "scorescope-bg-" + ids.incrementAndGet());
            t.setDaemon(true);
            t.setUncaughtExceptionHandler((th, e) -> failures.report("Unexpected error on " + th.getName(), e));
            return t;
        });
        return new BackgroundExecutor(pool, ui, failures);
    }

    /** The failure reporter the executor uses. */
    public Failures failures() {
        return failures;
    }

    /** The UI thread handlers run on. */
    public UiThread ui() {
        return ui;
    }

    /** The executor itself, for {@link java.util.concurrent.CompletableFuture} stages. */
    public Executor executor() {
        return threads;
    }

    /** Jobs started with {@link BackgroundTask#showProgress()} that are still running (UI thread). */
    public ObservableList<Job<?>> shownJobs() {
        return shownJobs;
    }

    /** A new serial lane on this executor. */
    public Lane lane(String name) {
        return new Lane(name, threads, failures);
    }

    /**
     * Starts a job.
     *
     * @return the running job (cancel it, bind to its progress, wait on its result)
     */
    public <T> Job<T> start(BackgroundTask<T> task) {
        Job<T> job = new Job<>(task.title(), task.shown(), ui, task.cancelRequestHandler());
        if (task.shown()) {
            ui.run(() -> shownJobs.add(job));
        }
        Runnable body = () -> {
            T value;
            try {
                Progress p = job.reporter();
                p.checkCancelled();
                value = task.work().run(p);
            } catch (Throwable e) {
                finish(job, task, null, Failures.unwrap(e));
                return;
            }
            finish(job, task, value, null);
        };
        threads.execute(body);
        return job;
    }

    private <T> void finish(Job<T> job, BackgroundTask<T> task, T value, Throwable error) {
        boolean cancelled = error instanceof CancellationException || error instanceof InterruptedException;
        if (error != null && !cancelled && task.failureHandler() == null) {
            failures.report(task.title() + " failed", error);
        }
        ui.run(() -> {
            shownJobs.remove(job);
            try {
                if (cancelled) {
                    task.cancelHandler().run();
                } else if (error != null) {
                    Consumer<Throwable> h = task.failureHandler();
                    if (h != null) {
                        h.accept(error);
                    }
                } else {
                    task.successHandler().accept(value);
                }
            } catch (RuntimeException e) {
                failures.report(task.title() + " failed", e);
            }
        });
        job.finished();
        if (cancelled) {
            job.result().completeExceptionally(new CancellationException(task.title() + " cancelled"));
        } else if (error != null) {
            job.result().completeExceptionally(error);
        } else {
            job.result().complete(value);
        }
    }

    /** Stops every job (interrupting them) and retires the threads. */
    @Override
    public void close() {
        threads.shutdownNow();
    }
}
