package org.scorescope.ui;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.scorescope.ui.model.SessionModel;
import org.scorescope.ui.service.BackgroundExecutor;
import org.scorescope.ui.service.Job;

/**
 * The status line: the session's message (what ran, what was written, what is under the mouse, a
 * failure), the newest long job with its progress bar and cancel button, and the frame-time overlay.
 */
final class StatusBar extends HBox {
    final Label status = new Label();
    final Label frameTime = new Label();
    final ProgressBar progress = new ProgressBar(0);
    final Button cancel = new Button("Cancel");
    final Label job = new Label();
    private Job<?> shown;

    StatusBar(SessionModel model, BackgroundExecutor executor) {
        super(14);
        setPadding(new Insets(2, 10, 4, 10));
        setAlignment(Pos.CENTER_LEFT);
        status.setId("status");
        status.getStyleClass().add("status");
        status.textProperty().bind(javafx.beans.binding.Bindings.when(model.hover.isEmpty()).then(model.status).otherwise(model.hover));
        status.setMinWidth(0);
        HBox.setHgrow(status, Priority.ALWAYS);
        status.setMaxWidth(Double.MAX_VALUE);
        frameTime.setId("frame-time");
        frameTime.getStyleClass().add("status");
        frameTime.visibleProperty().bind(model.frameTime);
        frameTime.managedProperty().bind(model.frameTime);
        progress.setId("job-progress");
        progress.setPrefWidth(160);
        cancel.setId("job-cancel");
        job.setId("job-title");
        job.getStyleClass().add("status");
        HBox jobBox = new HBox(6, job, progress, cancel);
        jobBox.setAlignment(Pos.CENTER_LEFT);
        jobBox.visibleProperty().bind(cancel.visibleProperty());
        jobBox.managedProperty().bind(cancel.visibleProperty());
        cancel.setVisible(false);
        getChildren().addAll(status, jobBox, frameTime);
        // A fixed height: a job's progress bar appearing must not shrink the panels (exports measure them).
        setMinHeight(30);
        setPrefHeight(30);
        setMaxHeight(30);
        executor.shownJobs().addListener((ListChangeListener<Job<?>>) c -> showNewest(executor));
    }

    private void showNewest(BackgroundExecutor executor) {
        Job<?> j = executor.shownJobs().isEmpty() ? null : executor.shownJobs().get(executor.shownJobs().size() - 1);
        if (j == shown) {
            return;
        }
        shown = j;
        progress.progressProperty().unbind();
        job.textProperty().unbind();
        cancel.setVisible(j != null);
        if (j != null) {
            progress.progressProperty().bind(j.progressProperty());
            job.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                    () -> j.title() + (j.messageProperty().get().isEmpty() ? "" : ": " + j.messageProperty().get()), j.messageProperty()));
            cancel.setOnAction(e -> j.cancel());
        }
    }
}
