package org.scorescope.ui;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.image.Image;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.scorescope.distribution.Presets;
import org.scorescope.distribution.Target;
import org.scorescope.engine.Engine;
import org.scorescope.engine.Frame;
import org.scorescope.engine.FrameRecorder;
import org.scorescope.engine.RunHandle;
import org.scorescope.engine.RunSpec;
import org.scorescope.io.AtomicFile;
import org.scorescope.metrics.Binning;
import org.scorescope.metrics.RunMetrics;
import org.scorescope.render.DensityGrid;
import org.scorescope.render.PanelRenderer;
import org.scorescope.render.PanelStyle;
import org.scorescope.render.Raster;
import org.scorescope.render.Viewport;
import org.scorescope.scenario.Scenario;
import org.scorescope.scenario.ScenarioBuilder;
import org.scorescope.scenario.ScenarioException;
import org.scorescope.scenario.ScenarioJson;

/**
 * The ScoreScope window: control pane, one panel per sampler (all on the same initial noise and the
 * same step), timeline and status line. The engine computes on its pool and records frames; the
 * render worker rasterises them; this class's animation timer only advances playback, posts render
 * requests and copies finished pixels to the screen (ARCHITECTURE.md threading rules).
 */
public final class MainWindow {
    private final Stage stage;
    final Session session = new Session();
    private final Engine engine = new Engine();
    private final RenderWorker worker = new RenderWorker();
    private final ControlPane controls;
    private final TimelineBar timeline;
    private final GridPane viewArea = new GridPane();
    private final List<PanelView> panels = new ArrayList<>();
    private final Label status = new Label();
    private final Label banner = new Label();
    /** The message of the last scenario file that could not be opened (tests read it). */
    String lastError;
    final MetricsPane metricsPane = new MetricsPane();
    private final javafx.scene.control.SplitPane center = new javafx.scene.control.SplitPane();
    private RunMetrics metrics;
    private long lastChartUpdate;
    private long lastHistogramUpdate;
    private RunMetrics.Snapshot chartSnapshot;
    private int chartStep = -1;
    private boolean userBins;
    private int pendingStep = -1;
    /** The TV box chosen by the user (x0, x1, y0, y1), or null for the target's box. */
    private double[] tvBox;
    private RenderedScene.Marginals latestMarginals;
    private RenderedScene.Marginals shownMarginals;
    private final Label frameTime = new Label();
    private final BorderPane root = new BorderPane();
    private final UiMeter meter = new UiMeter();
    private final UiOptions options;
    private volatile RunContext context;
    private RunHandle handle;
    private double[] box;
    private String boxTarget = "";
    private Object lastRequestKey;
    private long lastAdvance;
    private double dragX;
    private double dragY;
    private double hoverX = Double.NaN;
    private double hoverY = Double.NaN;
    private long lastShownRun = -1;
    private boolean closed;
    private boolean settingBins;
    private boolean metricsShown = true;
    private String startupMessage;
    private javafx.geometry.Rectangle2D windowBounds;
    private final AnimationTimer pump = new AnimationTimer() {
        @Override
        public void handle(long now) {
            meter.beginPulse(now);
            pulse(now);
        }
    };

    /**
     * Builds and shows the window.
     *
     * @param stage the primary stage
     * @param options command-line options of the application
     */
    public MainWindow(Stage stage, UiOptions options) {
        this.stage = stage;
        this.options = options;
        controls = new ControlPane(session);
        controls.rateStudy.setOnAction(e -> openRateStudy());
        controls.lectures.setOnAction(e -> openLectures());
        controls.open.setOnAction(e -> {
            javafx.stage.FileChooser fc = new javafx.stage.FileChooser();
            fc.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("Scenario (JSON)", "*.json"));
            java.io.File f = fc.showOpenDialog(stage);
            if (f != null) {
                openScenario(f.toPath());
            }
        });
        controls.save.setOnAction(e -> {
            javafx.stage.FileChooser fc = new javafx.stage.FileChooser();
            fc.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("Scenario (JSON)", "*.json"));
            java.io.File f = fc.showSaveDialog(stage);
            if (f != null) {
                saveScenario(f.toPath());
            }
        });
        refreshRecent();
        controls.exportFigure.setOnAction(e -> chooseAndExportFigure());
        controls.editor.setOnAction(e -> openEditor());
        controls.exportSmallMultiples.setOnAction(e -> chooseAndExportSmallMultiples());
        controls.exportAnimation.setOnAction(e -> {
            javafx.stage.FileChooser fc = new javafx.stage.FileChooser();
            fc.getExtensionFilters().addAll(new javafx.stage.FileChooser.ExtensionFilter("GIF", "*.gif"),
                    new javafx.stage.FileChooser.ExtensionFilter("MP4 (H.264)", "*.mp4"));
            java.io.File f = fc.showSaveDialog(stage);
            if (f != null) {
                exportAnimation(f.toPath(), 6);
            }
        });
        controls.exportData.setOnAction(e -> {
            javafx.stage.FileChooser fc = new javafx.stage.FileChooser();
            fc.getExtensionFilters().addAll(new javafx.stage.FileChooser.ExtensionFilter("Particles at this step (CSV)", "*.csv"),
                    new javafx.stage.FileChooser.ExtensionFilter("Metric series (CSV)", "*-metrics.csv"),
                    new javafx.stage.FileChooser.ExtensionFilter("Tracked trajectories (CSV)", "*-trajectories.csv"),
                    new javafx.stage.FileChooser.ExtensionFilter("Metrics and particles (JSON)", "*.json"));
            java.io.File f = fc.showSaveDialog(stage);
            if (f != null) {
                exportData(f.toPath());
            }
        });
        timeline = new TimelineBar(session, this::home, () -> stepBy(1), () -> stepBy(-1), this::end);
        applyOptions(options);

        ScrollPane left = new ScrollPane(controls);
        left.setFitToWidth(true);
        left.setId("control-scroll");
        left.setMinWidth(310);
        viewArea.setHgap(6);
        viewArea.setVgap(6);
        viewArea.setPadding(new Insets(6));
        viewArea.getStyleClass().add("view-area");
        status.setId("status");
        status.getStyleClass().add("status");
        frameTime.setId("frame-time");
        frameTime.getStyleClass().add("status");
        frameTime.visibleProperty().bind(session.frameTime);
        exportProgress.setId("export-progress");
        exportCancel.setId("export-cancel");
        exportCancel.setOnAction(e -> exportCancelled.set(true));
        HBox exportBox = new HBox(6, exportProgress, exportCancel);
        exportBox.visibleProperty().bind(exportProgress.visibleProperty());
        exportBox.managedProperty().bind(exportProgress.visibleProperty());
        exportProgress.setVisible(false);
        HBox statusLine = new HBox(20, status, exportBox, frameTime);
        statusLine.setPadding(new Insets(2, 10, 4, 10));
        VBox bottom = new VBox(timeline, statusLine);
        root.setLeft(left);
        banner.setId("scenario-banner");
        banner.getStyleClass().add("banner");
        banner.setWrapText(true);
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.visibleProperty().bind(session.title.isNotEmpty());
        banner.managedProperty().bind(banner.visibleProperty());
        banner.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> session.title.get() + (session.description.get().isEmpty() ? "" : " — " + session.description.get()),
                session.title, session.description));
        session.title.addListener((o, a, b) -> stage.setTitle(b.isEmpty() ? "ScoreScope" : "ScoreScope — " + b));
        center.setOrientation(javafx.geometry.Orientation.VERTICAL);
        center.getItems().addAll(viewArea, metricsPane);
        center.setDividerPositions(0.68);
        BorderPane middle = new BorderPane(center);
        middle.setTop(banner);
        root.setCenter(middle);
        metricsPane.boxFromView.setOnAction(e -> {
            if (box != null && context != null && !context.oneDimensional()) {
                tvBox = box.clone();
                restart();
            }
        });
        metricsPane.boxReset.setOnAction(e -> {
            tvBox = null;
            restart();
        });
        metricsPane.bins.valueProperty().addListener((o, a, b) -> {
            if (!settingBins) {
                userBins = true;
                restart();
            }
        });
        root.setBottom(bottom);
        root.getStyleClass().add("root-pane");
        rebuildPanels();

        Scene scene = new Scene(root, 1280, 760);
        scene.getStylesheets().add(Objects.requireNonNull(MainWindow.class.getResource("scorescope.css")).toExternalForm());
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        scene.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(javafx.scene.input.TransferMode.COPY);
            }
            e.consume();
        });
        scene.setOnDragDropped(e -> {
            boolean ok = e.getDragboard().hasFiles() && !e.getDragboard().getFiles().isEmpty();
            if (ok) {
                openScenario(e.getDragboard().getFiles().get(0).toPath());
            }
            e.setDropCompleted(ok);
            e.consume();
        });
        scene.addPostLayoutPulseListener(meter::endPulse);
        stage.setScene(scene);
        stage.setTitle("ScoreScope");
        stage.setOnCloseRequest(e -> close());
        stage.fullScreenProperty().addListener((o, a, full) -> session.presentation.set(full));
        session.presentation.addListener((o, a, on) -> presentation(on));
        session.presentation.addListener((o, a, on) -> showMetrics(!on && metricsShown));
        left.visibleProperty().bind(session.presentation.not());
        left.managedProperty().bind(left.visibleProperty());
        bottom.visibleProperty().bind(session.presentation.not());
        bottom.managedProperty().bind(bottom.visibleProperty());

        listenForRestarts();
        session.step.addListener((o, a, b) -> updateTimelineLabel());
        timeline.slider.valueProperty().addListener((o, a, b) -> {
            RunContext c = context;
            if (c != null && timeline.slider.isValueChanging() || timeline.slider.isPressed()) {
                scrubTo(c.grid().steps() - (int) Math.round(b.doubleValue()));
            }
        });
        timeline.slider.setOnMouseReleased(e -> {
            RunContext c = context;
            if (c != null) {
                scrubTo(c.grid().steps() - (int) Math.round(timeline.slider.getValue()));
            }
        });
        session.focus.addListener((o, a, b) -> layoutPanels());
        restart();
        if (startupMessage != null) {
            status.setText(startupMessage);
        }
        if (options.step() >= 0) {
            session.step.set(options.step());
        }
        stage.show();
        pump.start();
        drawThumbnails();
        if (options.presentation()) {
            session.presentation.set(true);
        }
        if (options.rateStudy() != null) {
            String[] parts = options.rateStudy().split(":");
            RateStudyWindow w = openRateStudy();
            w.target.setValue(parts[0]);
            if (parts.length > 1) {
                w.steps.setText(parts[1]);
            }
            if (parts.length > 2) {
                java.util.Set<String> chosen = java.util.Set.of(parts[2].split(","));
                w.samplers.forEach((id, box) -> box.setSelected(chosen.contains(id)));
            }
            w.start();
        }
        if (options.noMetrics()) {
            metricsShown = false;
            showMetrics(false);
        }
        if (options.measureSeconds() > 0) {
            new UiMeasurement(this, options).start();
        }
    }

    private void applyOptions(UiOptions o) {
        if (o.scenario() != null) {
            try {
                load(ScenarioJson.read(o.scenario()));
            } catch (ScenarioException e) {
                System.err.println("error: " + e.getMessage());
                startupMessage = "Could not open " + o.scenario() + ": " + e.getMessage() + " (showing the default scenario)";
            }
        }
        if (o.particles() != null) {
            session.particles.set(o.particles());
        }
        if (o.scenario() == null && o.panels() != 2) {
            String[] ids = {"ddpm", "accel-ddpm", "ddim", "accel-ddim-ms"};
            List<Session.SamplerChoice> list = new ArrayList<>();
            for (int i = 0; i < o.panels(); i++) {
                list.add(Session.SamplerChoice.of(ids[i]));
            }
            session.samplers.setAll(list);
        }
        session.playing.set(o.play() || o.measureSeconds() > 0);
        session.scoreField.set(o.scoreField());
    }

    /** Loads a scenario into the controls (the run restarts). */
    void load(Scenario s) {
        session.title.set(s.title());
        session.description.set(s.description());
        if (s.target().preset() != null && s.target().embed() == 0) {
            session.explicitTarget.set(null);
            session.target.set(s.target().preset());
        } else {
            session.explicitTarget.set(s.target());
        }
        session.schedule.set(s.schedule().id());
        session.steps.set(s.steps());
        session.particles.set(Math.max(1000, Math.min(1_000_000, s.particles())));
        session.seed.set((int) Math.min(Integer.MAX_VALUE, s.seed()));
        List<Session.SamplerChoice> list = new ArrayList<>();
        for (Scenario.SamplerSpec sp : s.samplers().subList(0, Math.min(4, s.samplers().size()))) {
            list.add(new Session.SamplerChoice(sp.id(), sp.params()));
        }
        session.samplers.setAll(list);
    }

    /**
     * Opens a scenario file: a bad file leaves the session as it was and shows a dialog that names
     * the field, the value and what is allowed.
     *
     * @return whether the scenario was loaded
     */
    boolean openScenario(java.nio.file.Path file) {
        Scenario s;
        try {
            s = ScenarioJson.read(file);
        } catch (ScenarioException e) {
            lastError = e.getMessage();
            javafx.scene.control.Alert a = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.ERROR);
            a.initOwner(stage);
            a.setTitle("ScoreScope");
            a.setHeaderText("Cannot open " + file.getFileName() + " — nothing was changed");
            a.setContentText(e.getMessage());
            a.show();
            return false;
        }
        load(s);
        RecentFiles.add(file);
        refreshRecent();
        status.setText("opened " + file);
        return true;
    }

    /** Writes the current scenario as JSON (atomically). */
    void saveScenario(java.nio.file.Path file) {
        String json = ScenarioJson.write(session.scenario());
        org.scorescope.io.AtomicFile.write(file, w -> w.write(json));
        RecentFiles.add(file);
        refreshRecent();
        status.setText("saved " + file);
    }

    private void refreshRecent() {
        controls.recent.getItems().clear();
        for (java.nio.file.Path p : RecentFiles.list()) {
            javafx.scene.control.MenuItem item = new javafx.scene.control.MenuItem(p.toString());
            item.setOnAction(e -> openScenario(p));
            controls.recent.getItems().add(item);
        }
        controls.recent.setDisable(controls.recent.getItems().isEmpty());
    }

    final javafx.scene.control.ProgressBar exportProgress = new javafx.scene.control.ProgressBar(0);
    private final javafx.scene.control.Button exportCancel = new javafx.scene.control.Button("Cancel export");
    final java.util.concurrent.atomic.AtomicBoolean exportCancelled = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * Writes the run (every step T … 0, in the current view) as a GIF or MP4 on the export thread,
     * with a progress bar and a cancel button in the status line. Waits for the run to finish.
     *
     * @return the job, for tests
     */
    java.util.concurrent.Future<?> exportAnimation(java.nio.file.Path file, double fps) {
        RunContext c = context;
        if (c == null || c.oneDimensional()) {
            status.setText("Animations show 2D targets; this one is 1D");
            return java.util.concurrent.CompletableFuture.completedFuture(null);
        }
        Scenario scenario = session.scenario();
        PanelStyle style = session.style();
        double[] view = box.clone();
        PanelView p = panels.get(0);
        int w = Math.max(160, (int) p.getWidth()) & ~1;
        int h = Math.max(160, (int) p.getHeight()) & ~1;
        boolean mp4 = file.getFileName().toString().toLowerCase().endsWith(".mp4");
        int steps = c.grid().steps();
        exportCancelled.set(false);
        exportProgress.setProgress(0);
        exportProgress.setVisible(true);
        status.setText("exporting " + file.getFileName() + " …");
        return exporter.submit(() -> {
            String result;
            try {
                Frame[] history = new Frame[steps + 1];
                long deadline = System.nanoTime() + 600_000_000_000L;
                while (c.recorder().at(0) == null && !exportCancelled.get() && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                if (exportCancelled.get()) {
                    throw new java.util.concurrent.CancellationException("export cancelled");
                }
                if (c.recorder().at(0) == null) {
                    throw new IllegalStateException("the run did not finish");
                }
                for (int t = 0; t <= steps; t++) {
                    history[t] = c.recorder().at(t);
                }
                List<org.scorescope.render.Figure> frames = new ArrayList<>();
                for (int t = steps; t >= 0; t--) {
                    frames.add(org.scorescope.render.FigureBuilder.fromFrames(scenario, c.target(), history, t, view, w, h, style));
                }
                java.util.function.IntConsumer progress = i -> Platform.runLater(() -> exportProgress.setProgress((double) i / frames.size()));
                if (mp4) {
                    org.scorescope.render.FigureWriter.mp4(frames, file, fps, 1, progress, exportCancelled::get);
                } else {
                    org.scorescope.render.FigureWriter.gif(frames, file, fps, 1, progress, exportCancelled::get);
                }
                String json = ScenarioJson.write(scenario);
                org.scorescope.io.AtomicFile.write(org.scorescope.render.FigureWriter.besideScenario(file), wr -> wr.write(json));
                result = "wrote " + file + " (" + frames.size() + " frames)";
            } catch (java.util.concurrent.CancellationException | InterruptedException e) {
                result = "export cancelled; nothing was written";
            } catch (RuntimeException e) {
                result = "export failed: " + e.getMessage();
            }
            String text = result;
            Platform.runLater(() -> {
                status.setText(text);
                exportProgress.setVisible(false);
            });
            return null;
        });
    }

    private final java.util.concurrent.ExecutorService exporter = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "scorescope-export");
        t.setDaemon(true);
        return t;
    });

    private void chooseAndExportFigure() {
        javafx.stage.FileChooser fc = new javafx.stage.FileChooser();
        fc.getExtensionFilters().addAll(new javafx.stage.FileChooser.ExtensionFilter("PNG", "*.png"),
                new javafx.stage.FileChooser.ExtensionFilter("SVG", "*.svg"), new javafx.stage.FileChooser.ExtensionFilter("PDF", "*.pdf"));
        java.io.File f = fc.showSaveDialog(stage);
        if (f != null) {
            exportFigure(f.toPath(), controls.exportScale.getValue());
        }
    }

    /**
     * Writes the current step of every panel, in the current view, as a figure (format by file
     * extension) on the export thread; the scenario is written beside it and embedded.
     *
     * @return the export job, for tests to wait on
     */
    java.util.concurrent.Future<?> exportFigure(java.nio.file.Path file, int scale) {
        return exportFigure(file, scale, new int[] {session.step.get()});
    }

    /**
     * Writes the given steps as columns (small multiples) of the focused panel, or of all panels when
     * none is focused, in the current view.
     */
    java.util.concurrent.Future<?> exportFigure(java.nio.file.Path file, int scale, int[] steps) {
        RunContext c = context;
        if (c == null || c.oneDimensional()) {
            status.setText("Figures show 2D targets; this one is 1D");
            return java.util.concurrent.CompletableFuture.completedFuture(null);
        }
        int lowest = java.util.Arrays.stream(steps).min().orElse(0);
        Frame[] history = new Frame[c.grid().steps() + 1];
        for (int t = c.grid().steps(); t >= lowest; t--) {
            history[t] = RenderWorker.frameAt(c, t) != null ? RenderWorker.frameAt(c, t) : c.recorder().at(t);
        }
        int focus = session.focus.get();
        int[] only = focus >= 0 && focus < panels.size() ? new int[] {focus} : null;
        Scenario scenario = session.scenario();
        PanelStyle style = session.style();
        double[] view = box.clone();
        PanelView p = panels.get(0);
        int w = Math.max(160, (int) p.getWidth());
        int h = Math.max(160, (int) p.getHeight());
        String name = file.getFileName().toString().toLowerCase();
        status.setText("exporting " + file.getFileName() + " …");
        return exporter.submit(() -> {
            String result;
            try {
                var fig = org.scorescope.render.FigureBuilder.fromFrames(scenario, c.target(), history, steps, only, view, w, h, style);
                if (name.endsWith(".svg")) {
                    org.scorescope.render.FigureWriter.svg(fig, file);
                } else if (name.endsWith(".pdf")) {
                    org.scorescope.render.FigureWriter.pdf(fig, file);
                } else {
                    org.scorescope.render.FigureWriter.png(fig, file, scale, false);
                }
                String json = ScenarioJson.write(scenario);
                org.scorescope.io.AtomicFile.write(org.scorescope.render.FigureWriter.besideScenario(file), wr -> wr.write(json));
                result = "wrote " + file;
            } catch (RuntimeException e) {
                result = "export failed: " + e.getMessage();
            }
            String text = result;
            Platform.runLater(() -> status.setText(text));
        });
    }

    private void chooseAndExportSmallMultiples() {
        RunContext c = context;
        if (c == null) {
            return;
        }
        int steps = c.grid().steps();
        javafx.scene.control.TextInputDialog d = new javafx.scene.control.TextInputDialog(steps + "," + (steps / 2) + "," + (steps / 4) + ",0");
        d.initOwner(stage);
        d.setTitle("Small multiples");
        d.setHeaderText("Columns: steps to show (0 = output, " + steps + " = noise), separated by commas");
        java.util.Optional<String> answer = d.showAndWait();
        if (answer.isEmpty()) {
            return;
        }
        int[] cols;
        try {
            cols = java.util.Arrays.stream(answer.get().split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
            for (int t : cols) {
                if (t < 0 || t > steps) {
                    throw new NumberFormatException();
                }
            }
        } catch (NumberFormatException e) {
            status.setText("Small multiples: give whole steps in 0.." + steps);
            return;
        }
        javafx.stage.FileChooser fc = new javafx.stage.FileChooser();
        fc.getExtensionFilters().addAll(new javafx.stage.FileChooser.ExtensionFilter("PNG", "*.png"),
                new javafx.stage.FileChooser.ExtensionFilter("SVG", "*.svg"), new javafx.stage.FileChooser.ExtensionFilter("PDF", "*.pdf"));
        java.io.File f = fc.showSaveDialog(stage);
        if (f != null) {
            exportFigure(f.toPath(), controls.exportScale.getValue(), cols);
        }
    }

    /**
     * Writes the data behind the view: particles at this step (CSV), metric series (*-metrics.csv),
     * tracked trajectories (*-trajectories.csv) or metrics and particles (JSON).
     */
    void exportData(java.nio.file.Path file) {
        RunContext c = context;
        RunMetrics m = metrics;
        if (c == null || m == null || m.latest() == null) {
            return;
        }
        Frame f = RenderWorker.frameAt(c, session.step.get());
        String json = ScenarioJson.write(session.scenario());
        String name = file.getFileName().toString().toLowerCase();
        try {
            if (name.endsWith("-metrics.csv")) {
                DataExport.metricsCsv(file, json, m.latest(), c.labels(), c.grid().abar());
            } else if (name.endsWith("-trajectories.csv")) {
                DataExport.trajectoriesCsv(file, json, c.recorder(), c.grid().steps());
            } else if (name.endsWith(".json")) {
                DataExport.json(file, json, m.latest(), c.labels(), c.grid().abar(), f);
            } else {
                DataExport.particlesCsv(file, json, f);
            }
            status.setText("wrote " + file);
        } catch (Exception e) {
            status.setText("export failed: " + e.getMessage());
        }
    }

    private TargetEditor editor;

    /** Opens the target editor. */
    TargetEditor openEditor() {
        if (editor == null || !editor.stage.isShowing()) {
            editor = new TargetEditor(this);
        }
        editor.stage.show();
        editor.stage.toFront();
        return editor;
    }

    private LecturesWindow lectures;

    /** Opens the lecture start page. */
    LecturesWindow openLectures() {
        if (lectures == null) {
            lectures = new LecturesWindow(this);
        }
        lectures.stage.show();
        lectures.stage.toFront();
        return lectures;
    }

    private void listenForRestarts() {
        session.target.addListener((o, a, b) -> {
            session.explicitTarget.set(null);
            restart();
        });
        session.schedule.addListener((o, a, b) -> restart());
        session.c0.addListener((o, a, b) -> restart());
        session.c1.addListener((o, a, b) -> restart());
        session.steps.addListener((o, a, b) -> restart());
        session.particles.addListener((o, a, b) -> restart());
        session.seed.addListener((o, a, b) -> restart());
        session.samplers.addListener((ListChangeListener<Session.SamplerChoice>) c -> restart());
    }

    /** Cancels the running job and starts the scenario the controls describe. */
    void restart() {
        if (closed) {
            return;
        }
        Scenario s = session.scenario();
        RunSpec spec;
        try {
            ScenarioBuilder.validate(s);
            spec = ScenarioBuilder.run(s, null);
        } catch (ScenarioException e) {
            status.setText("Cannot run: " + e.getMessage());
            return;
        }
        if (handle != null) {
            handle.cancel();
        }
        FrameRecorder recorder = new FrameRecorder();
        Target target = spec.target();
        Target view2d = target.dim() == 1 ? null : target.dim() == 2 ? target : target.marginal(0, 1);
        Binning bins = Binning.defaultFor(view2d != null ? view2d : target, spec.particles());
        if (tvBox != null && view2d != null && String.valueOf(s.target()).equals(boxTarget)) {
            bins = new Binning(new double[] {tvBox[0], tvBox[2]}, new double[] {tvBox[1], tvBox[3]}, bins.bins());
        } else {
            tvBox = null;
        }
        if (userBins) {
            int[] counts = new int[bins.dim()];
            java.util.Arrays.fill(counts, metricsPane.bins.getValue());
            bins = new Binning(bins.lo(), bins.hi(), counts);
        } else {
            settingBins = true;
            metricsPane.bins.getValueFactory().setValue(bins.bins()[0]);
            settingBins = false;
        }
        metrics = new RunMetrics(bins);
        metricsPane.boxLabel.setText(String.format("box [%.2f, %.2f] × [%.2f, %.2f]%s", bins.lo()[0], bins.hi()[0],
                bins.dim() > 1 ? bins.lo()[1] : 0, bins.dim() > 1 ? bins.hi()[1] : 0, tvBox != null ? " (view)" : " (target)"));
        handle = engine.submit(spec, new org.scorescope.engine.CompositeListener(List.of(recorder, metrics)));
        List<String> labels = spec.slots().stream().map(x -> x.label()).toList();
        context = new RunContext(handle.id(), target, view2d, spec.grid(), labels, spec.particles(), recorder, bins);
        String targetKey = String.valueOf(s.target());
        if (!targetKey.equals(boxTarget)) {
            userBins = false;
        }
        chartSnapshot = null;
        if (!targetKey.equals(boxTarget) || box == null) {
            double[][] b = (view2d != null ? view2d : target).bounds();
            box = view2d != null ? new double[] {b[0][0], b[1][0], b[0][1], b[1][1]} : new double[] {0, 1, b[0][0], b[1][0]};
            boxTarget = targetKey;
        }
        session.step.set(spec.grid().steps());
        pendingStep = -1;
        timeline.slider.setMax(spec.grid().steps());
        controls.showAbarT(spec.grid().abar(spec.grid().steps()));
        if (panels.size() != spec.slots().size()) {
            rebuildPanels();
        }
        lastRequestKey = null;
        status.setText(String.format("%s · %s · T = %d · N = %,d · seed %d", s.target().preset() != null ? s.target().preset() : "custom target",
                s.schedule().id(), s.steps(), s.particles(), s.seed()));
        updateTimelineLabel();
    }

    private void rebuildPanels() {
        panels.clear();
        for (int i = 0; i < session.samplers.size(); i++) {
            PanelView p = new PanelView(i);
            installMouse(p);
            panels.add(p);
        }
        layoutPanels();
    }

    private void layoutPanels() {
        viewArea.getChildren().clear();
        viewArea.getColumnConstraints().clear();
        viewArea.getRowConstraints().clear();
        int focus = session.focus.get();
        List<PanelView> shown = focus >= 0 && focus < panels.size() ? List.of(panels.get(focus)) : panels;
        int n = shown.size();
        int cols = n <= 2 ? n : 2;
        int rows = (n + cols - 1) / cols;
        for (int c = 0; c < cols; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(100.0 / cols);
            cc.setHgrow(Priority.ALWAYS);
            viewArea.getColumnConstraints().add(cc);
        }
        for (int r = 0; r < rows; r++) {
            RowConstraints rc = new RowConstraints();
            rc.setPercentHeight(100.0 / rows);
            rc.setVgrow(Priority.ALWAYS);
            viewArea.getRowConstraints().add(rc);
        }
        for (int i = 0; i < n; i++) {
            PanelView p = shown.get(i);
            PanelView.grow(p);
            viewArea.add(p, i % cols, i / cols);
        }
        lastRequestKey = null;
    }

    private void installMouse(PanelView p) {
        p.setOnScroll(e -> {
            Viewport v = currentViewport(p);
            if (v == null || e.getDeltaY() == 0) {
                return;
            }
            double f = e.getDeltaY() > 0 ? 1.15 : 1 / 1.15;
            double scale = stage.getOutputScaleX();
            Viewport z = v.zoomed(f, e.getX() * scale, e.getY() * scale);
            if (context != null && context.oneDimensional()) {
                box = new double[] {0, 1, z.y0(), z.y1()};
            } else {
                box = new double[] {z.x0(), z.x1(), z.y0(), z.y1()};
            }
        });
        p.setOnMousePressed(e -> {
            dragX = e.getX();
            dragY = e.getY();
        });
        p.setOnMouseDragged(e -> {
            Viewport v = currentViewport(p);
            if (v == null) {
                return;
            }
            double scale = stage.getOutputScaleX();
            Viewport m = v.panned((e.getX() - dragX) * scale, (e.getY() - dragY) * scale);
            box = context != null && context.oneDimensional() ? new double[] {0, 1, m.y0(), m.y1()} : new double[] {m.x0(), m.x1(), m.y0(), m.y1()};
            dragX = e.getX();
            dragY = e.getY();
        });
        p.setOnMouseMoved(e -> {
            Viewport v = currentViewport(p);
            if (v != null) {
                double scale = stage.getOutputScaleX();
                hoverX = v.wx(e.getX() * scale);
                hoverY = v.wy(e.getY() * scale);
            }
        });
        p.setOnMouseExited(e -> {
            hoverX = Double.NaN;
            hoverY = Double.NaN;
        });
    }

    private Viewport currentViewport(PanelView p) {
        if (box == null || p.getWidth() < 2) {
            return null;
        }
        double scale = stage.getOutputScaleX();
        int w = p.pixelWidth(scale);
        int h = p.pixelHeight(scale);
        if (context != null && context.oneDimensional()) {
            return new Viewport(0, 1, box[2], box[3], w, h);
        }
        return Viewport.fit(new double[] {box[0], box[2]}, new double[] {box[1], box[3]}, w, h);
    }

    private void pulse(long now) {
        RunContext c = context;
        if (c == null || panels.isEmpty()) {
            return;
        }
        int steps = c.grid().steps();
        Frame latest = c.recorder().latest();
        int computedDown = latest != null && latest.runId() == c.runId() ? latest.t() : steps + 1;
        timeline.computed.setProgress(computedDown > steps ? 0 : (double) (steps - computedDown) / steps);
        if (session.playing.get()) {
            pendingStep = -1;
        }
        if (session.playing.get() && now - lastAdvance >= 1e9 / session.speed.get()) {
            int next = session.step.get() - 1;
            if (next < 0) {
                if (session.loop.get()) {
                    session.step.set(steps);
                    lastAdvance = now;
                } else {
                    session.playing.set(false);
                }
            } else if (next >= computedDown) {
                session.step.set(next);
                lastAdvance = now;
            }
        }
        if (pendingStep >= 0 && pendingStep >= computedDown) {
            session.step.set(pendingStep);
            pendingStep = -1;
        }
        int step = session.step.get();
        PanelView first = panels.get(Math.max(0, Math.min(panels.size() - 1, session.focus.get())));
        Viewport view = currentViewport(first);
        boolean available = step >= computedDown;
        if (view != null && available) {
            PanelStyle style = session.style();
            List<Object> key = List.of(c.runId(), step, view, style, box.clone()[0], box[1], box[2], box[3], hoverX, hoverY);
            if (!key.equals(lastRequestKey)) {
                lastRequestKey = key;
                worker.submit(new RenderRequest(c, step, computedDown, view, new double[] {box[2], box[3]}, style, hoverX, hoverY,
                        Math.max(0, session.focus.get())));
            }
        }
        RenderedScene scene = worker.poll();
        if (scene != null && scene.request().context().runId() == c.runId()) {
            for (int i = 0; i < panels.size() && i < scene.panels().size(); i++) {
                panels.get(i).show(scene.panels().get(i), scene.captions().get(i));
            }
            if (!scene.hover().isEmpty()) {
                status.setText(scene.hover());
            }
            latestMarginals = scene.marginals();
            if (lastShownRun != c.runId()) {
                lastShownRun = c.runId();
                firstFrameListener(c.runId());
            }
        }
        updateCharts(now, c);
        if (metricsShown && latestMarginals != shownMarginals && metricsPane.getSelectionModel().getSelectedIndex() == 1
                && now - lastHistogramUpdate > 250_000_000L) {
            lastHistogramUpdate = now;
            shownMarginals = latestMarginals;
            metricsPane.showHistograms(latestMarginals);
        }
        metricsPane.poll();
        if (session.frameTime.get()) {
            frameTime.setText(String.format("FX %.2f ms/frame", meter.last()));
        }
    }

    /** Charts redraw on the FX thread: at most about three times a second, and only when something changed. */
    private void updateCharts(long now, RunContext c) {
        RunMetrics m = metrics;
        if (m == null || !metricsShown || now - lastChartUpdate < 330_000_000L) {
            return;
        }
        RunMetrics.Snapshot s = m.latest();
        if (s == null || s.runId() != c.runId() || (s == chartSnapshot && chartStep == session.step.get())) {
            return;
        }
        lastChartUpdate = now;
        chartSnapshot = s;
        chartStep = session.step.get();
        metricsPane.update(s, c.labels(), chartStep);
    }

    private void showMetrics(boolean on) {
        if (on && !center.getItems().contains(metricsPane)) {
            center.getItems().add(metricsPane);
            center.setDividerPositions(0.68);
        } else if (!on) {
            center.getItems().remove(metricsPane);
        }
        lastRequestKey = null;
    }

    private Runnable onFirstFrame;
    private long firstFrameRun = -1;

    /** Calls r on the FX thread when the first scene of the next run (after the current one) is on screen. */
    void whenNextRunShown(Runnable r) {
        firstFrameRun = -1;
        onFirstFrame = r;
    }

    private void firstFrameListener(long runId) {
        if (onFirstFrame != null && runId != firstFrameRun) {
            Runnable r = onFirstFrame;
            onFirstFrame = null;
            r.run();
        }
    }

    private void updateTimelineLabel() {
        RunContext c = context;
        if (c == null) {
            return;
        }
        int t = session.step.get();
        timeline.stepLabel.setText(String.format("t = %d / %d", t, c.grid().steps()));
        if (!timeline.slider.isValueChanging() && !timeline.slider.isPressed()) {
            timeline.slider.setValue(c.grid().steps() - t);
        }
    }

    /**
     * Shows step t, or, while it is not computed yet, the lowest computed step and then t as soon
     * as it is (so End during a run arrives at the end).
     */
    private void scrubTo(int t) {
        RunContext c = context;
        if (c == null) {
            return;
        }
        Frame latest = c.recorder().latest();
        int computedDown = latest != null && latest.runId() == c.runId() ? latest.t() : c.grid().steps();
        int wanted = Math.max(0, Math.min(c.grid().steps(), t));
        pendingStep = wanted < computedDown ? wanted : -1;
        session.step.set(Math.max(computedDown, wanted));
    }

    /** Moves the displayed step by dt (positive: towards noise). */
    void stepBy(int dt) {
        session.playing.set(false);
        scrubTo(session.step.get() + dt);
    }

    private void home() {
        session.playing.set(false);
        RunContext c = context;
        if (c != null) {
            scrubTo(c.grid().steps());
        }
    }

    private void end() {
        session.playing.set(false);
        scrubTo(0);
    }

    private void onKey(KeyEvent e) {
        boolean typing = stage.getScene().getFocusOwner() instanceof TextInputControl;
        switch (e.getCode()) {
            case F11 -> session.presentation.set(!session.presentation.get());
            case E -> {
                if (!e.isShortcutDown()) {
                    return;
                }
                chooseAndExportFigure();
            }
            case M -> {
                if (typing) {
                    return;
                }
                metricsShown = !metricsShown;
                showMetrics(metricsShown && !session.presentation.get());
            }
            case SPACE -> {
                if (typing) {
                    return;
                }
                session.playing.set(!session.playing.get());
            }
            case LEFT -> {
                if (typing) {
                    return;
                }
                stepBy(1);
            }
            case RIGHT -> {
                if (typing) {
                    return;
                }
                stepBy(-1);
            }
            case HOME -> {
                if (typing) {
                    return;
                }
                home();
            }
            case END -> {
                if (typing) {
                    return;
                }
                end();
            }
            case S, D, T -> {
                if (typing) {
                    return;
                }
                var p = e.getCode() == javafx.scene.input.KeyCode.S ? session.scoreField
                        : e.getCode() == javafx.scene.input.KeyCode.D ? session.density : session.trails;
                p.set(!p.get());
            }
            case DIGIT1, DIGIT2, DIGIT3, DIGIT4 -> {
                if (typing) {
                    return;
                }
                int k = e.getCode().ordinal() - javafx.scene.input.KeyCode.DIGIT1.ordinal();
                session.focus.set(session.focus.get() == k || k >= panels.size() ? -1 : k);
            }
            default -> {
                return;
            }
        }
        e.consume();
    }

    private void presentation(boolean on) {
        if (on) {
            root.getStyleClass().add("presentation");
        } else {
            root.getStyleClass().remove("presentation");
        }
        stage.setFullScreenExitHint("");
        if (stage.isFullScreen() != on) {
            stage.setFullScreen(on);
        }
        // Without a window manager (a bare X server, some projectors' kiosks) full screen is a no-op:
        // cover the screen explicitly, and put the window back afterwards.
        if (on && windowBounds == null) {
            windowBounds = new javafx.geometry.Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
            javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getBounds();
            stage.setX(screen.getMinX());
            stage.setY(screen.getMinY());
            stage.setWidth(screen.getWidth());
            stage.setHeight(screen.getHeight());
        } else if (!on && windowBounds != null) {
            stage.setX(windowBounds.getMinX());
            stage.setY(windowBounds.getMinY());
            stage.setWidth(windowBounds.getWidth());
            stage.setHeight(windowBounds.getHeight());
            windowBounds = null;
        }
        lastRequestKey = null;
    }

    private void drawThumbnails() {
        Thread t = new Thread(() -> {
            Map<String, Raster> rasters = new HashMap<>();
            for (String id : Presets.ids()) {
                Target target = Presets.get(id);
                int size = 64;
                Raster r;
                if (target.dim() == 1) {
                    double[][] b = target.bounds();
                    r = PanelRenderer.spaceTime(target, new double[] {0.999, 0.5}, new Frame[2], 0, 1, b[0][0], b[1][0], size, size,
                            new PanelStyle(true, false, false, false, false, 1), 0);
                } else {
                    double[][] b = target.bounds();
                    Viewport v = Viewport.fit(new double[] {b[0][0], b[0][1]}, new double[] {b[1][0], b[1][1]}, size, size);
                    r = new Raster(size, size, PanelRenderer.BACKGROUND);
                    DensityGrid.of(target, 0.99, v).paint(r, org.scorescope.render.ColorMap.VIRIDIS, 1);
                }
                rasters.put(id, r);
            }
            Platform.runLater(() -> {
                Map<String, Image> images = new HashMap<>();
                rasters.forEach((id, r) -> images.put(id, toImage(r)));
                controls.setThumbnails(images);
            });
        }, "scorescope-thumbnails");
        t.setDaemon(true);
        t.start();
    }

    static Image toImage(Raster r) {
        IntBuffer ib = ByteBuffer.allocateDirect(r.width * r.height * 4).order(ByteOrder.nativeOrder()).asIntBuffer();
        ib.put(r.argb).flip();
        return new WritableImage(new PixelBuffer<>(r.width, r.height, ib, PixelFormat.getIntArgbPreInstance()));
    }

    private RateStudyWindow rateStudy;

    /** Opens (or brings forward) the rate-study window. */
    RateStudyWindow openRateStudy() {
        if (rateStudy == null || !rateStudy.stage.isShowing()) {
            rateStudy = new RateStudyWindow(session.target.get());
        }
        rateStudy.show();
        rateStudy.stage.toFront();
        return rateStudy;
    }

    /** Stops playback, the engine and the render worker; the window closes. */
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        pump.stop();
        if (rateStudy != null) {
            rateStudy.stage.close();
            rateStudy.close();
        }
        if (lectures != null) {
            lectures.stage.close();
        }
        if (editor != null) {
            editor.stage.close();
        }
        if (handle != null) {
            handle.cancel();
        }
        engine.close();
        worker.close();
        metricsPane.close();
        exporter.shutdownNow();
    }

    Stage stage() {
        return stage;
    }

    List<PanelView> panels() {
        return panels;
    }

    RunContext context() {
        return context;
    }

    UiMeter meter() {
        return meter;
    }

    Label status() {
        return status;
    }

    TimelineBar timeline() {
        return timeline;
    }

    ControlPane controls() {
        return controls;
    }
}
