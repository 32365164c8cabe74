package org.scorescope.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.scorescope.engine.Frame;
import org.scorescope.io.AtomicFile;
import org.scorescope.render.Figure;
import org.scorescope.render.FigureBuilder;
import org.scorescope.render.FigureWriter;
import org.scorescope.render.PanelStyle;
import org.scorescope.scenario.Scenario;
import org.scorescope.scenario.ScenarioJson;
import org.scorescope.ui.lab.RunView;
import org.scorescope.ui.model.SessionModel;
import org.scorescope.ui.service.BackgroundExecutor;
import org.scorescope.ui.service.BackgroundTask;
import org.scorescope.ui.service.DialogService;
import org.scorescope.ui.service.DialogService.FileType;
import org.scorescope.ui.service.Job;
import org.scorescope.ui.service.Progress;

/**
 * Exports of what the window shows — a figure of this step, small multiples of chosen steps, the
 * run as GIF or MP4, the data behind the view — each as a background job with progress and cancel
 * in the status line, through the same {@link FigureBuilder}/{@link FigureWriter} as the
 * {@code render} command. Files are written atomically, so a cancelled or failed export leaves no
 * file; the scenario is written beside every figure.
 */
final class ExportController {
    static final List<FileType> FIGURE_TYPES = List.of(new FileType("PNG", "*.png"), new FileType("SVG", "*.svg"),
            new FileType("PDF", "*.pdf"));
    static final List<FileType> ANIMATION_TYPES = List.of(new FileType("GIF", "*.gif"), new FileType("MP4 (H.264)", "*.mp4"));
    static final FileType PARTICLES = new FileType("Particles at this step (CSV)", "*.csv");
    static final FileType METRICS = new FileType("Metric series (CSV)", "*-metrics.csv");
    static final FileType TRAJECTORIES = new FileType("Tracked trajectories (CSV)", "*-trajectories.csv");
    static final FileType JSON = new FileType("Metrics and particles (JSON)", "*.json");
    static final List<FileType> DATA_TYPES = List.of(PARTICLES, METRICS, TRAJECTORIES, JSON);

    private final SessionModel model;
    private final BackgroundExecutor executor;
    private final DialogService dialogs;
    private final Supplier<RunView> run;
    private final Supplier<int[]> panelSize;
    private final IntSupplier pngScale;

    /**
     * @param panelSize the size of one panel on screen (figures use it per cell)
     * @param pngScale the PNG scale chosen in the control pane
     */
    ExportController(SessionModel model, BackgroundExecutor executor, DialogService dialogs, Supplier<RunView> run,
            Supplier<int[]> panelSize, IntSupplier pngScale) {
        this.model = model;
        this.executor = executor;
        this.dialogs = dialogs;
        this.run = run;
        this.panelSize = panelSize;
        this.pngScale = pngScale;
    }

    void chooseFigure() {
        dialogs.chooseSave("Export the figure of this step", FIGURE_TYPES).ifPresent(f -> figure(f.path(), pngScale.getAsInt()));
    }

    void chooseSmallMultiples() {
        RunView c = run.get();
        if (c == null) {
            return;
        }
        int t = c.steps();
        dialogs.askText("Small multiples", "Columns: steps to show (0 = output, " + t + " = noise), separated by commas",
                t + "," + t / 2 + "," + t / 4 + ",0").ifPresent(answer -> {
                    int[] cols;
                    try {
                        cols = Arrays.stream(answer.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
                        if (cols.length == 0 || Arrays.stream(cols).anyMatch(k -> k < 0 || k > t)) {
                            throw new NumberFormatException();
                        }
                    } catch (NumberFormatException e) {
                        model.status.set("Small multiples: give whole steps in 0.." + t + ", separated by commas");
                        return;
                    }
                    dialogs.chooseSave("Export small multiples", FIGURE_TYPES).ifPresent(f -> figure(f.path(), pngScale.getAsInt(), cols));
                });
    }

    void chooseAnimation() {
        dialogs.chooseSave("Export the run as an animation", ANIMATION_TYPES).ifPresent(f -> animation(f.path(), 6));
    }

    void chooseData() {
        dialogs.chooseSave("Export the data behind the view", DATA_TYPES).ifPresent(f -> data(f.path(), f.type()));
    }

    private boolean planar(RunView c, String what) {
        if (c == null) {
            return false;
        }
        if (c.oneDimensional()) {
            model.status.set(what + " show 2D targets; this one is 1D");
            return false;
        }
        return true;
    }

    /** The current step of every panel (or the focused one) in the current view; format by extension. */
    Job<Path> figure(Path file, int scale) {
        return figure(file, scale, new int[] {model.step.get()});
    }

    /** Chosen steps as columns of the focused panel, or of every panel when none is focused. */
    Job<Path> figure(Path file, int scale, int[] steps) {
        RunView c = run.get();
        if (!planar(c, "Figures")) {
            return null;
        }
        int lowest = Arrays.stream(steps).min().orElse(0);
        Frame[] history = c.history(lowest);
        for (int t : steps) {
            Frame f = c.frameAt(t);
            if (f != null) {
                history[t] = f;
            }
        }
        int focus = model.focus.get();
        int[] only = focus >= 0 && focus < c.labels().size() ? new int[] {focus} : null;
        Scenario scenario = c.scenario();
        PanelStyle style = model.style();
        double[] view = model.viewBox.get().clone();
        int[] size = panelSize.get();
        String name = file.getFileName().toString().toLowerCase();
        return executor.start(BackgroundTask.of("Exporting " + file.getFileName(), p -> {
            p.update(Double.NaN, "drawing");
            Figure fig = FigureBuilder.fromFrames(scenario, c.target(), history, steps, only, view, size[0], size[1], style);
            p.checkCancelled();
            if (name.endsWith(".svg")) {
                FigureWriter.svg(fig, file);
            } else if (name.endsWith(".pdf")) {
                FigureWriter.pdf(fig, file);
            } else {
                FigureWriter.png(fig, file, scale, false);
            }
            writeScenario(file, scenario);
            return file;
        }).showProgress().onSuccess(f -> model.status.set("wrote " + f)).onCancelled(() -> model.status.set("export cancelled; nothing was written")));
    }

    /**
     * The run (every step T … 0, in the current view) as GIF or MP4; waits for the run to finish
     * (without polling), then writes frame by frame with progress.
     */
    Job<Path> animation(Path file, double fps) {
        RunView c = run.get();
        if (!planar(c, "Animations")) {
            return null;
        }
        Scenario scenario = c.scenario();
        PanelStyle style = model.style();
        double[] view = model.viewBox.get().clone();
        int[] size = panelSize.get();
        int w = Math.max(160, size[0]) & ~1;
        int h = Math.max(160, size[1]) & ~1;
        boolean mp4 = file.getFileName().toString().toLowerCase().endsWith(".mp4");
        int steps = c.steps();
        return executor.start(BackgroundTask.of("Exporting " + file.getFileName(), p -> {
            p.update(Double.NaN, "waiting for the run to finish");
            p.await(c.finished());
            Frame[] history = c.history(0);
            List<Figure> frames = new ArrayList<>();
            for (int t = steps; t >= 0; t--) {
                p.checkCancelled();
                frames.add(FigureBuilder.fromFrames(scenario, c.target(), history, t, view, w, h, style));
                p.update(0.3 * (steps - t + 1) / (steps + 1), "drawing frames");
            }
            java.util.function.IntConsumer done = i -> p.update(0.3 + 0.7 * i / frames.size(), "encoding");
            if (mp4) {
                FigureWriter.mp4(frames, file, fps, 1, done, p::isCancelled);
            } else {
                FigureWriter.gif(frames, file, fps, 1, done, p::isCancelled);
            }
            p.checkCancelled();
            writeScenario(file, scenario);
            return file;
        }).showProgress().onSuccess(f -> model.status.set("wrote " + f + " (" + (steps + 1) + " frames)"))
                .onCancelled(() -> model.status.set("export cancelled; nothing was written")));
    }

    /** The data of the chosen type, whatever the file name ends with. */
    Job<Path> data(Path file, FileType type) {
        RunView c = run.get();
        if (c == null || c.metrics().latest() == null) {
            model.status.set("Nothing to export yet: the run has not computed a step");
            return null;
        }
        int step = model.step.get();
        String json = ScenarioJson.write(c.scenario());
        return executor.start(BackgroundTask.of("Exporting " + file.getFileName(), p -> {
            writeData(c, step, json, file, type, p);
            return file;
        }).showProgress().onSuccess(f -> model.status.set("wrote " + f + " (" + type.description() + ")"))
                .onCancelled(() -> model.status.set("export cancelled; nothing was written")));
    }

    private static void writeData(RunView c, int step, String json, Path file, FileType type, Progress p) throws Exception {
        var snapshot = c.metrics().latest();
        if (type.equals(METRICS)) {
            DataExport.metricsCsv(file, json, snapshot, c.labels(), c.grid().abar());
        } else if (type.equals(TRAJECTORIES)) {
            p.update(Double.NaN, "waiting for the run to finish");
            p.await(c.finished());
            DataExport.trajectoriesCsv(file, json, c.recorder(), c.steps(), p);
        } else if (type.equals(JSON)) {
            DataExport.json(file, json, snapshot, c.labels(), c.grid().abar(), frame(c, step), p);
        } else {
            DataExport.particlesCsv(file, json, frame(c, step), p);
        }
    }

    private static Frame frame(RunView c, int step) {
        Frame f = c.frameAt(step);
        if (f == null) {
            throw new IllegalStateException("step " + step + " is not computed yet");
        }
        return f;
    }

    private static void writeScenario(Path figure, Scenario scenario) {
        String json = ScenarioJson.write(scenario);
        AtomicFile.write(FigureWriter.besideScenario(figure), w -> w.write(json));
    }
}
