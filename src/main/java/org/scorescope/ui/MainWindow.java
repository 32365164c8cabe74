package org.scorescope.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.scorescope.engine.Engine;
import org.scorescope.scenario.Scenario;
import org.scorescope.ui.lab.Lab;
import org.scorescope.ui.lab.LabChart;
import org.scorescope.ui.lab.LabContext;
import org.scorescope.ui.lab.LabLayer;
import org.scorescope.ui.lab.LabMetric;
import org.scorescope.ui.lab.RunView;
import org.scorescope.ui.model.LayerToggle;
import org.scorescope.ui.model.SessionModel;
import org.scorescope.ui.service.BackgroundExecutor;
import org.scorescope.ui.service.DialogService;
import org.scorescope.ui.service.Failures;
import org.scorescope.ui.service.UiThread;

/**
 * The ScoreScope window: the frame that assembles the session model, the controllers (run, playback,
 * scenario files, exports), the views (control column, panels, timeline, metrics, status line) and
 * the labs, and wires them together. It holds no state of its own beyond the parts; the rules of
 * docs/architecture.md ("The window") apply: the FX thread only draws.
 */
public final class MainWindow {
    private final Stage stage;
    private final SessionModel model = new SessionModel();
    private final Engine engine = new Engine();
    private final DialogService dialogs;
    private final Failures failures;
    private final BackgroundExecutor executor;
    private final List<Lab> labs;
    private final RunController runs;
    private final PlaybackController playback;
    private final ControlPane controls;
    private final PanelGrid grid;
    private final TimelineBar timeline;
    final MetricsPane metricsPane;
    private final StatusBar statusBar;
    final ScenarioFiles files;
    final ExportController exports;
    private final FramePump pump;
    private final RenderWorker renderer;
    private final UiMeter meter = new UiMeter();
    private CenterSplit center;
    private final UiScale uiScale;
    private LecturesWindow lectures;
    private boolean closed;

    /** Builds and shows the window with the application's labs and services. */
    public MainWindow(Stage stage, UiOptions options) {
        this(stage, options, ShellServices.defaults());
    }

    /**
     * Builds and shows the window.
     *
     * @param stage the primary stage
     * @param options command-line options of the application
     * @param services the labs, run builder and dialogs
     */
    public MainWindow(Stage stage, UiOptions options, ShellServices services) {
        this.stage = stage;
        this.dialogs = services.dialogs().apply(stage);
        this.failures = new Failures(UiThread.fx(), dialogs, model.status::set);
        this.executor = BackgroundExecutor.create(UiThread.fx(), failures);
        this.labs = List.copyOf(services.labs());
        String startup = applyOptions(options);
        uiScale = UiScale.start(options.uiScale());
        runs = new RunController(model, engine, executor, services.runSpecs());
        playback = new PlaybackController(model, runs::current);
        LabContext context = new WindowLabContext(model, executor, dialogs, engine, runs.runProperty(), stage, MainWindow::stylesheet);
        List<LabLayer> labLayers = new ArrayList<>();
        List<LabChart> labCharts = new ArrayList<>();
        List<Node> labSections = new ArrayList<>();
        for (Lab lab : labs) {
            lab.install(context);
            for (LabLayer l : lab.layers()) {
                model.layers().add(new LayerToggle(l.id(), l.label(), l.key(), l.initiallyOn(), l::appliesTo));
                labLayers.add(l);
            }
            labCharts.addAll(lab.charts());
            labSections.add(new LabSection(lab, model));
        }
        runs.useLabMetrics(labMetrics(labs));
        ScenarioControls scenarioControls = new ScenarioControls(model, executor);
        controls = new ControlPane(scenarioControls, new SamplerControls(model), new LayerControls(model), labSections,
                new ViewMenu(uiScale, model));
        HoverProbe hover = new HoverProbe(executor.lane("hover"), UiThread.fx(), model.hover::set);
        grid = new PanelGrid(model, runs::current, world -> hover.at(runs.current(), model.step.get(), world));
        grid.presenter().useLane(executor.lane("pick"));
        timeline = new TimelineBar(model, playback);
        metricsPane = new MetricsPane(model, executor.lane("charts"), dialogs, labMetrics(labs), labCharts);
        statusBar = new StatusBar(model, executor);
        statusBar.getStyleClass().add("status-bar");
        RunStatusText.install(statusBar, executor, runs.runProperty());
        files = new ScenarioFiles(model, dialogs, controls.recent, labs);
        exports = new ExportController(model, executor, dialogs, runs::current, this::panelSize, () -> controls.exportScale.getValue());
        renderer = new RenderWorker(executor.lane("render"));
        pump = new FramePump(model, runs, playback, renderer, grid, timeline, metricsPane, statusBar,
                labLayers, meter);
        wireButtons();
        double[] size = startSize(options, uiScale.factor());
        Scene scene = new Scene(frame(), size[0], size[1]);
        scene.getStylesheets().add(stylesheet());
        uiScale.applyTo(scene.getRoot(), model.presentation);
        Shortcuts shortcuts = new Shortcuts(model, playback, exports::chooseFigure);
        shortcuts.useScale(uiScale);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> shortcuts.handle(e, scene.getFocusOwner()));
        scene.addEventFilter(KeyEvent.KEY_TYPED, e -> shortcuts.typed(e, scene.getFocusOwner()));
        ((StackPane) scene.getRoot()).getChildren().add(new ShortcutOverlay(model, shortcuts));
        acceptDrops(scene);
        scene.addPostLayoutPulseListener(meter::endPulse);
        stage.setScene(scene);
        stage.setTitle("ScoreScope");
        stage.setOnCloseRequest(e -> close());
        shortcuts.onLectureStep(new Presentation(stage, scene.getRoot(), model)::stepLecture);
        model.scenarioProperty().addListener((o, a, b) -> stage.setTitle(b.title().isEmpty() ? "ScoreScope" : "ScoreScope — " + b.title()));
        runs.runProperty().addListener((o, a, run) -> showRun(run, scenarioControls));
        model.metricsShown.addListener((o, a, b) -> showMetrics());
        model.presentation.addListener((o, a, b) -> showMetrics());
        model.layers().all().forEach(l -> l.onProperty().addListener((o, a, b) -> pump.invalidate()));
        runs.restart();
        model.playing.set(options.play() || options.measureSeconds() > 0);
        if (startup != null) {
            model.status.set(startup);
        }
        if (options.step() >= 0) {
            model.step.set(options.step());
        }
        stage.show();
        pump.start();
        model.presentation.set(options.presentation());
        if (options.lab() != null) {
            launchLab(options.lab());
        }
        if (options.measureSeconds() > 0) {
            new UiMeasurement(this, options).start();
        }
    }

    private String applyOptions(UiOptions o) {
        String message = null;
        Scenario s;
        try {
            s = o.initialScenario();
        } catch (RuntimeException e) {
            message = "Could not open " + o.scenario() + ": " + Failures.oneLine(e) + " (showing the default scenario)";
            s = SessionModel.DEFAULT;
        }
        model.load(s);
        model.layers().get(org.scorescope.ui.model.Layers.SCORE_FIELD).onProperty().set(o.scoreField());
        model.metricsShown.set(!o.noMetrics());
        return message;
    }

    /** --size as given; else 1280×760 times the UI scale, shrunk to the screen's usable area (a 1280×720 projector shows the whole window). */
    private static double[] startSize(UiOptions options, double scale) {
        if (options.size() != null) {
            return new double[] {options.size()[0], options.size()[1]};
        }
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        return new double[] {Math.min(1280 * scale, screen.getWidth()), Math.min(760 * scale, screen.getHeight())};
    }

    private static List<LabMetric> labMetrics(List<Lab> labs) {
        return labs.stream().flatMap(l -> l.metrics().stream()).toList();
    }

    private StackPane frame() {
        Sidebar left = new Sidebar(controls);
        center = new CenterSplit(grid, metricsPane, uiScale.factorProperty().multiply(UiScale.BASE_PX));
        BorderPane middle = new BorderPane(center);
        middle.setTop(new ScenarioBanner(model));
        BorderPane root = new BorderPane(middle);
        root.setLeft(left);
        VBox bottom = new VBox(timeline, statusBar);
        root.setBottom(bottom);
        root.getStyleClass().add("root-pane");
        left.visibleProperty().bind(model.presentation.not());
        left.managedProperty().bind(left.visibleProperty());
        bottom.visibleProperty().bind(model.presentation.not());
        bottom.managedProperty().bind(bottom.visibleProperty());
        return new StackPane(root);
    }

    private void wireButtons() {
        controls.lectures.setOnAction(e -> openLectures());
        controls.open.setOnAction(e -> files.chooseAndOpen());
        controls.save.setOnAction(e -> files.chooseAndSave());
        controls.exportFigure.setOnAction(e -> exports.chooseFigure());
        controls.exportSmallMultiples.setOnAction(e -> exports.chooseSmallMultiples());
        controls.exportAnimation.setOnAction(e -> exports.chooseAnimation());
        controls.exportData.setOnAction(e -> exports.chooseData());
        controls.shortcuts.setOnAction(e -> model.shortcutsShown.set(true));
        metricsPane.summary.boxFromView.setOnAction(e -> {
            RunView run = runs.current();
            if (run != null && !run.oneDimensional() && model.viewBox.get() != null) {
                model.tvBox.set(model.viewBox.get().clone());
            }
        });
        metricsPane.summary.boxReset.setOnAction(e -> model.tvBox.set(null));
    }

    private void acceptDrops(Scene scene) {
        scene.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        scene.setOnDragDropped(e -> {
            boolean ok = e.getDragboard().hasFiles() && !e.getDragboard().getFiles().isEmpty();
            if (ok) {
                files.open(e.getDragboard().getFiles().get(0).toPath());
            }
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    private void showRun(RunView run, ScenarioControls scenarioControls) {
        if (run == null) {
            return;
        }
        Scenario s = run.scenario();
        grid.setSamplers(s.samplers().stream().map(Scenario.SamplerSpec::id).toList(),
                s.samplers().stream().map(Scenario.SamplerSpec::params).toList());
        scenarioControls.showAbarT(run.grid().abar(run.steps()));
        metricsPane.summary.showBinning(run.binning(), model.tvBox.get() != null);
        pump.invalidate();
    }

    private void showMetrics() {
        center.showMetrics(model.metricsShown.get() && !model.presentation.get());
        pump.invalidate();
    }

    private int[] panelSize() {
        List<PanelView> shown = grid.shown();
        PanelView p = shown.isEmpty() ? null : shown.get(0);
        return new int[] {p == null ? 400 : Math.max(160, (int) p.getWidth()), p == null ? 400 : Math.max(160, (int) p.getHeight())};
    }

    static String stylesheet() {
        return Objects.requireNonNull(MainWindow.class.getResource("scorescope.css")).toExternalForm();
    }

    /** Opens the lecture start page. */
    LecturesWindow openLectures() {
        if (lectures == null) {
            lectures = new LecturesWindow(labs, model::load, sc -> {
                sc.getStylesheets().add(stylesheet());
                uiScale.applyTo(sc.getRoot());
            });
        }
        lectures.stage.show();
        lectures.stage.toFront();
        return lectures;
    }

    private void launchLab(String spec) {
        String id = spec.contains(":") ? spec.substring(0, spec.indexOf(':')) : spec;
        String argument = spec.contains(":") ? spec.substring(spec.indexOf(':') + 1) : "";
        Lab lab = labs.stream().filter(l -> l.id().equals(id)).findFirst().orElse(null);
        if (lab == null) {
            model.status.set("--lab: no lab '" + id + "'; the labs are " + labs.stream().map(Lab::id).toList());
            return;
        }
        try {
            lab.launch(argument);
        } catch (IllegalArgumentException e) {
            model.status.set("--lab " + spec + ": " + e.getMessage());
        }
    }

    /** The session (scenario, step, selection, layers). */
    public SessionModel session() {
        return model;
    }

    /** The lab of a type, as registered. */
    public <T extends Lab> T lab(Class<T> type) {
        return labs.stream().filter(type::isInstance).map(type::cast).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no lab " + type.getSimpleName()));
    }

    /** The run shown now (null before the first one starts). */
    public RunView run() {
        return runs.current();
    }

    /** Opens a scenario file as Open… does; a bad file shows the dialog and changes nothing. */
    public boolean openScenario(Path file) {
        return files.open(file);
    }

    /** Saves the scenario as Save… does. */
    public void saveScenario(Path file) {
        files.save(file);
    }

    /**
     * Exports the figure of the displayed step as Export figure… does (format by extension).
     *
     * @return the export's result (the file), or null when there is nothing to export (a 1D target)
     */
    public java.util.concurrent.Future<Path> exportFigure(Path file, int scale) {
        var job = exports.figure(file, scale);
        return job == null ? null : job.result();
    }

    /** Stops the labs, the run, the engine and every background job; the window closes. */
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        pump.stop();
        labs.forEach(Lab::close);
        if (lectures != null) {
            lectures.stage.close();
        }
        runs.close();
        engine.close();
        executor.close();
    }

    Stage stage() {
        return stage;
    }

    Failures failures() {
        return failures;
    }

    List<PanelView> panels() {
        return grid.panels();
    }

    PlaybackController playback() {
        return playback;
    }

    RenderWorker renderer() {
        return renderer;
    }

    javafx.beans.property.ReadOnlyObjectProperty<RunView> runProperty() {
        return runs.runProperty();
    }

    FramePump pump() {
        return pump;
    }

    UiMeter meter() {
        return meter;
    }

    StatusBar statusBar() {
        return statusBar;
    }

    TimelineBar timeline() {
        return timeline;
    }

    ControlPane controls() {
        return controls;
    }

    UiScale uiScale() {
        return uiScale;
    }

}
