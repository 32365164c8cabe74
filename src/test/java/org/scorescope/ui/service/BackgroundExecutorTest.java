package org.scorescope.ui.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The one executor, without a window: results, failures that reach the dialog once, cancel, lanes that keep the newest job. */
class BackgroundExecutorTest {
    private final List<String> dialogs = new CopyOnWriteArrayList<>();
    private final List<String> status = new CopyOnWriteArrayList<>();
    private final Failures failures = new Failures(UiThread.direct(), new DialogService() {
        @Override
        public void showError(String header, String message, Throwable detail) {
            dialogs.add(header + " | " + message);
        }

        @Override
        public Optional<ChosenFile> chooseSave(String title, List<FileType> types) {
            return Optional.empty();
        }

        @Override
        public Optional<Path> chooseOpen(String title, List<FileType> types) {
            return Optional.empty();
        }

        @Override
        public Optional<String> askText(String title, String question, String initial) {
            return Optional.empty();
        }
    }, status::add);
    private final BackgroundExecutor executor = BackgroundExecutor.create(UiThread.direct(), failures);

    @AfterEach
    void close() {
        executor.close();
    }

    @Test
    void aResultReachesTheSuccessHandler() throws Exception {
        AtomicReference<Integer> got = new AtomicReference<>();
        Job<Integer> job = executor.start(BackgroundTask.of("Adding", p -> 2 + 3).onSuccess(got::set));
        assertEquals(5, job.result().get(5, TimeUnit.SECONDS));
        assertEquals(5, got.get());
        assertTrue(dialogs.isEmpty());
    }

    @Test
    void aFailureReachesTheUserOnceThenTheStatusLine() throws Exception {
        for (int i = 0; i < 2; i++) {
            Job<Object> job = executor.start(BackgroundTask.of("Exporting x.png", p -> {
                throw new IllegalStateException("disk full\nsecond line");
            }));
            assertThrows(ExecutionException.class, () -> job.result().get(5, TimeUnit.SECONDS));
        }
        assertEquals(List.of("Exporting x.png failed | IllegalStateException: disk full"), dialogs, "one dialog, one line, no trace");
        assertTrue(status.get(status.size() - 1).contains("(again)"), status.toString());
    }

    @Test
    void anUncaughtExceptionOnAnExecutorThreadReachesTheUser() throws Exception {
        CountDownLatch reported = new CountDownLatch(1);
        executor.executor().execute(() -> {
            throw new IllegalArgumentException("thrown outside any job");
        });
        for (int i = 0; i < 50 && dialogs.isEmpty(); i++) {
            reported.await(100, TimeUnit.MILLISECONDS);
        }
        assertEquals(1, dialogs.size(), dialogs.toString());
        assertTrue(dialogs.get(0).contains("thrown outside any job"), dialogs.get(0));
    }

    @Test
    void cancellingStopsAWaitingJobWithoutPollingAndIsNoFailure() throws Exception {
        CompletableFuture<String> never = new CompletableFuture<>();
        CountDownLatch cancelled = new CountDownLatch(1);
        Job<String> job = executor.start(BackgroundTask.of("Waiting", p -> p.await(never)).onCancelled(cancelled::countDown).showProgress());
        Thread.onSpinWait();
        job.cancel();
        assertTrue(cancelled.await(5, TimeUnit.SECONDS), "the job ended as soon as it was cancelled");
        assertThrows(CancellationException.class, () -> job.result().get(5, TimeUnit.SECONDS));
        assertTrue(dialogs.isEmpty(), "a cancel is not a failure");
        assertTrue(executor.shownJobs().isEmpty(), "the status line no longer shows it");
    }

    @Test
    void aLaneRunsOneJobAtATimeAndKeepsOnlyTheNewestOfASlot() throws Exception {
        Lane lane = executor.lane("render");
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> ran = new CopyOnWriteArrayList<>();
        lane.latest("scene", () -> {
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ran.add("first");
        });
        assertTrue(started.await(5, TimeUnit.SECONDS));
        lane.latest("scene", () -> ran.add("second"));
        lane.latest("scene", () -> ran.add("third"));
        CompletableFuture<Boolean> queued = lane.call(() -> ran.add("queued"));
        CompletableFuture<Void> end = new CompletableFuture<>();
        lane.latest("end", () -> end.complete(null));
        release.countDown();
        queued.get(5, TimeUnit.SECONDS);
        end.get(5, TimeUnit.SECONDS);
        assertEquals(List.of("first", "queued", "third"), ran, "the second request was replaced before it started");
    }

    @Test
    void aFailingLaneJobIsReported() throws Exception {
        Lane lane = executor.lane("charts");
        lane.latest("tv", () -> {
            throw new IllegalStateException("chart broke");
        });
        CompletableFuture<Void> after = new CompletableFuture<>();
        lane.latest("after", () -> after.complete(null));
        after.get(5, TimeUnit.SECONDS);
        assertEquals(1, dialogs.size());
        assertTrue(dialogs.get(0).startsWith("Drawing (charts) failed | IllegalStateException: chart broke"), dialogs.get(0));
    }

    @Test
    void aLaneJobSentAfterTheWindowClosedIsDroppedQuietly() {
        Lane lane = executor.lane("hover");
        executor.close();
        java.util.concurrent.atomic.AtomicBoolean ran = new java.util.concurrent.atomic.AtomicBoolean();
        lane.latest("hover", () -> ran.set(true));
        lane.latest("hover", () -> ran.set(true));
        assertTrue(!ran.get() && dialogs.isEmpty(), "a closing window's last mouse event neither runs nor reports");
    }
}
