package org.scorescope.ui.lab;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import org.scorescope.ui.service.BackgroundTask;
import org.scorescope.ui.service.DialogService;
import org.scorescope.ui.service.Failures;
import org.scorescope.ui.service.Job;

/**
 * What a lab window that runs one study at a time shares (the rate study, the w study, the w
 * comparison): Run and Cancel, a progress bar and a status line bound to the running job, the
 * window's message line for the outcome ("failed: …", "cancelled …"), the failure report, and
 * exports of its chart and files through the dialog service. Run is disabled and Cancel enabled
 * exactly while a job runs — also after a failure or a cancellation. Everything here runs on the FX
 * thread; the job's body runs on the one executor.
 */
public final class JobControls {
    /** Starts the window's study. */
    public final Button run = new Button("Run");
    /** Stops the running job. */
    public final Button cancel = new Button("Cancel");
    /** The running job's progress. */
    public final ProgressBar progress = new ProgressBar(0);
    /** The running job's own progress text ("3 of 12 measurements"). */
    public final Label status = new Label();
    private final LabContext context;
    private final Label message;
    private Job<?> job;
    private long generation;

    /**
     * @param context the lab's context (executor, dialogs)
     * @param idPrefix the window's id prefix: the controls get ids {@code prefix-run}, {@code -cancel}, {@code -progress}
     * @param message the window's message line
     * @param start what Run does
     */
    public JobControls(LabContext context, String idPrefix, Label message, Runnable start) {
        this.context = context;
        this.message = message;
        run.setId(idPrefix + "-run");
        run.setMinWidth(Button.USE_PREF_SIZE);
        run.setOnAction(e -> start.run());
        cancel.setId(idPrefix + "-cancel");
        cancel.setMinWidth(Button.USE_PREF_SIZE);
        cancel.setDisable(true);
        cancel.setOnAction(e -> cancel());
        progress.setId(idPrefix + "-progress");
        progress.setPrefWidth(200);
    }

    /**
     * Starts a job: Run disabled and Cancel enabled until it ends; the progress bar and status line
     * follow it. On success {@code done} gets the result; on a failure the message line says
     * "failed: …" and the failure is reported as "{@code what} failed"; on a cancellation the message
     * line says {@code cancelled}. A job replaced by a newer one (Run while running cancels the
     * running job first) changes nothing in the window when it ends; its failure is still reported.
     *
     * @param task the job (title, body, progress, what to tell a blocked body on cancel)
     * @param done what to do with the result (FX thread)
     * @param what the study's name for the failure report ("The rate study")
     * @param cancelled the message after a cancellation that ends the body with an exception
     * @return the running job
     */
    public <T> Job<T> start(BackgroundTask<T> task, Consumer<T> done, String what, String cancelled) {
        cancel();
        run.setDisable(true);
        cancel.setDisable(false);
        long mine = ++generation;
        Job<T> started = context.executor().start(task.onSuccess(r -> {
            if (idle(mine)) {
                done.accept(r);
            }
        }).onFailure(e -> {
            if (idle(mine)) {
                message.setText("failed: " + Failures.oneLine(e));
            }
            context.executor().failures().report(what + " failed", e);
        }).onCancelled(() -> {
            if (idle(mine)) {
                message.setText(cancelled);
            }
        }));
        job = started;
        progress.progressProperty().bind(started.progressProperty());
        status.textProperty().bind(started.messageProperty());
        return started;
    }

    /** Enables Run again when the job that ended is the newest one (an older, cancelled job's end changes nothing); says whether it was. */
    private boolean idle(long ended) {
        if (ended != generation) {
            return false;
        }
        run.setDisable(false);
        cancel.setDisable(true);
        return true;
    }

    /** Whether a job is running. */
    public boolean running() {
        return job != null && job.runningProperty().get();
    }

    /** Asks the running job, if any, to stop. */
    public void cancel() {
        if (job != null) {
            job.cancel();
        }
    }

    /** Asks where to save an export of one kind ("PNG", "*.png"); empty when the user cancels. */
    public Optional<Path> choose(String title, String kind, String pattern) {
        return context.dialogs().chooseSave(title, List.of(new DialogService.FileType(kind, pattern))).map(DialogService.ChosenFile::path);
    }

    /**
     * Writes a chart as PNG or SVG (by extension) on the chart's lane; the message line says
     * "wrote …", a failure is reported.
     */
    public CompletableFuture<Void> exportChart(ChartImage chart, Path p, int width, int height) {
        return chart.export(p, width, height).whenComplete((v, e) -> context.executor().ui().run(() -> {
            if (e != null) {
                context.executor().failures().report("Exporting " + p.getFileName() + " failed", e);
            } else {
                message.setText("wrote " + p);
            }
        }));
    }

    /** Writes text lines to a file on the executor (written to a temporary name and renamed); the message line says "wrote …". */
    public Job<Path> exportLines(Path p, List<String> lines) {
        List<String> copy = List.copyOf(lines);
        return context.executor().start(BackgroundTask.of("Exporting " + p.getFileName(), pr -> {
            org.scorescope.io.AtomicFile.write(p, w -> {
                for (String line : copy) {
                    w.write(line + "\n");
                }
            });
            return p;
        }).onSuccess(f -> message.setText("wrote " + f)));
    }
}
