package org.scorescope.ui.labs.discrete;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.layout.HBox;
import org.scorescope.io.BadInputException;
import org.scorescope.ui.lab.LabContext;
import org.scorescope.ui.service.BackgroundTask;
import org.scorescope.ui.service.DialogService.FileType;
import org.scorescope.ui.service.Failures;
import org.scorescope.ui.service.Job;

/**
 * The discrete window's export buttons: "Export figure…" (PNG, SVG, PDF of the displayed step's heat
 * map beside the TV/KL chart) and "Export data…" (the per-step TV/KL or the output law, CSV). Each
 * export is a job on the executor ({@link DiscreteExport} writes through the output layer); the
 * window's message line says what was written, and a path that cannot be written is refused in a
 * dialog with the one-line reason. Disabled until a run is shown.
 */
final class DiscreteExportControls extends HBox {
    final Button figure = new Button("Export figure…");
    final Button data = new Button("Export data…");
    private final LabContext context;
    private final DiscreteLabModel model;

    DiscreteExportControls(LabContext context, DiscreteLabModel model) {
        super(8);
        this.context = context;
        this.model = model;
        figure.setId("dd-export-figure");
        data.setId("dd-export-data");
        for (Button b : List.of(figure, data)) {
            b.setMinWidth(Button.USE_PREF_SIZE);
            b.disableProperty().bind(model.result.isNull());
        }
        figure.setOnAction(e -> context.dialogs().chooseSave("Export the discrete figure", DiscreteExport.FIGURE_TYPES)
                .ifPresent(f -> figure(f.path())));
        data.setOnAction(e -> context.dialogs().chooseSave("Export the discrete run's data", List.of(DiscreteExport.STEPS, DiscreteExport.LAW))
                .ifPresent(f -> data(f.path(), f.type())));
        getChildren().addAll(figure, data);
    }

    /** Writes the figure of the displayed step and sampler (format by extension); null when nothing is shown. */
    Job<Path> figure(Path file) {
        DiscreteRunResult r = model.result.get();
        if (r == null) {
            return null;
        }
        int slot = model.slot.get();
        int step = model.step.get();
        boolean law = model.heat.get() == DiscreteLabModel.HeatSource.SAMPLER;
        return start(file, "figure", () -> DiscreteExport.figure(r, slot, step, law, file));
    }

    /** Writes the data of the chosen type; null when nothing is shown. */
    Job<Path> data(Path file, FileType type) {
        DiscreteRunResult r = model.result.get();
        if (r == null) {
            return null;
        }
        boolean steps = type.equals(DiscreteExport.STEPS);
        Runnable write = steps ? () -> DiscreteExport.stepsCsv(r, file) : () -> DiscreteExport.lawCsv(r, file);
        return start(file, steps ? "TV and KL per step" : "output law against p_data", write);
    }

    private Job<Path> start(Path file, String what, Runnable write) {
        model.message.set("exporting " + file.getFileName() + "…");
        return context.executor().start(BackgroundTask.of("Exporting " + file.getFileName(), p -> {
            write.run();
            return file;
        }).showProgress().onSuccess(f -> model.message.set("wrote " + f + " (" + what + ")"))
                .onCancelled(() -> model.message.set("export cancelled; nothing was written"))
                .onFailure(e -> {
                    model.message.set("nothing was written: " + Failures.oneLine(e));
                    if (e instanceof BadInputException) {
                        context.dialogs().showError("Cannot export " + file.getFileName() + " — nothing was written", e.getMessage(), null);
                    } else {
                        context.executor().failures().report("Exporting " + file.getFileName() + " failed", e);
                    }
                }));
    }
}
