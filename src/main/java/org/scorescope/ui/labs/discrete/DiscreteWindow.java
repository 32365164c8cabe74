package org.scorescope.ui.labs.discrete;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.scorescope.discrete.DiscreteProcess;
import org.scorescope.discrete.DiscretePresets;
import org.scorescope.discrete.DiscreteRunner;
import org.scorescope.discrete.DiscreteSamplers;
import org.scorescope.discrete.DiscreteScenario;
import org.scorescope.ui.lab.ChartImage;
import org.scorescope.ui.lab.LabContext;
import org.scorescope.ui.service.BackgroundTask;
import org.scorescope.ui.service.Failures;
import org.scorescope.ui.service.Job;
import org.scorescope.ui.service.Lane;

/**
 * The discrete-diffusion window (issue 17's discrete mode): target, process, samplers, N, T and N of
 * particles at the top (each edit reruns); the heat map of coordinates (1, 2) with the particles as
 * counts and MASK strips on the left; on the right TV and KL over the run, per-coordinate bars, the
 * language's sentences, and the exact-KL rate study; the step slider, playback, the shown sampler and
 * the heat map's source at the bottom. Everything is computed on the executor ({@link DiscreteRunPlan})
 * and drawn on lanes; the FX thread only swaps pictures in.
 */
final class DiscreteWindow {
    final Stage stage = new Stage();
    final DiscreteLabModel model = new DiscreteLabModel();
    final ComboBox<String> target = new ComboBox<>();
    final ComboBox<DiscreteProcess> process = new ComboBox<>();
    final Map<String, CheckBox> samplers = new LinkedHashMap<>();
    final javafx.scene.control.Spinner<Integer> steps = new javafx.scene.control.Spinner<>(1, DiscreteLabModel.MAX_STEPS, 32);
    final javafx.scene.control.Spinner<Double> horizon = new javafx.scene.control.Spinner<>(0.1, DiscreteScenario.MAX_HORIZON, 4, 0.5);
    final javafx.scene.control.Spinner<Integer> particles = new javafx.scene.control.Spinner<>(100, 1_000_000, 20_000, 5_000);
    final Slider step = new Slider(0, 1, 0);
    final ComboBox<String> shown = new ComboBox<>();
    final ComboBox<DiscreteLabModel.HeatSource> heat = new ComboBox<>();
    final Label readout = new Label();
    final Label message = new Label();
    final Label about = new Label();
    final ProgressBar progress = new ProgressBar(0);
    final Button cancel = new Button("Cancel");
    final Button play = new Button("Play");
    final TableView<DiscreteFrame.SentenceRow> sentences = new TableView<>();
    final ListView<String> particleList = new ListView<>();
    final LanePicture heatMap;
    final LanePicture bars;
    final ChartImage chart;
    final DiscreteRateStudyPane rateStudy;
    final DiscreteExportControls exports;
    private final LabContext context;
    private final DiscreteRunner runner;
    private final Timeline player = new Timeline();
    private Job<DiscreteRunResult> job;
    private boolean showing;

    DiscreteWindow(LabContext context, DiscreteRunner runner) {
        this.context = context;
        this.runner = runner;
        stage.setTitle("ScoreScope — discrete diffusion");
        stage.initOwner(context.owner());
        Lane lane = context.executor().lane("discrete-drawing");
        heatMap = new LanePicture(lane, context.executor().ui(), "heat");
        heatMap.setId("dd-heat");
        bars = new LanePicture(lane, context.executor().ui(), "bars");
        bars.setId("dd-bars");
        chart = new ChartImage(context.executor().lane("discrete-chart"), "run", DiscreteRunChart::create);
        chart.setId("dd-chart");
        chart.pollContinuously();
        rateStudy = new DiscreteRateStudyPane(context, runner, model);
        exports = new DiscreteExportControls(context, model);
        BorderPane root = new BorderPane();
        root.setTop(form());
        SplitPane centre = new SplitPane(heatMap, tabs());
        centre.setDividerPositions(0.46);
        root.setCenter(centre);
        root.setBottom(playback());
        root.getStyleClass().add("root-pane");
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(1280, screen.getWidth()), Math.min(720, screen.getHeight()));
        context.style(scene);
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.RIGHT || e.getCode() == KeyCode.LEFT) {
                model.step.set((int) Math.max(0, Math.min(step.getMax(), model.step.get() + (e.getCode() == KeyCode.RIGHT ? 1 : -1))));
                e.consume();
            } else if (e.getCode() == KeyCode.SPACE) {
                togglePlay();
                e.consume();
            }
        });
        stage.setScene(scene);
        bind();
        showScenario(model.scenario.get());
    }

    private VBox form() {
        target.getItems().setAll(DiscretePresets.ids());
        target.setId("dd-target");
        target.setOnAction(e -> edit(() -> model.setTarget(target.getValue())));
        process.getItems().setAll(DiscreteProcess.values());
        process.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(DiscreteProcess p) {
                return p == null ? "" : p.id();
            }

            @Override
            public DiscreteProcess fromString(String s) {
                return DiscreteProcess.of(s);
            }
        });
        process.setId("dd-process");
        process.setOnAction(e -> edit(() -> model.setProcess(process.getValue())));
        FlowPane boxes = new FlowPane(8, 4);
        for (String id : DiscreteSamplers.ids()) {
            CheckBox c = new CheckBox(id);
            c.setId("dd-" + id);
            c.setOnAction(e -> edit(() -> model.setSampler(id, c.isSelected())));
            samplers.put(id, c);
            boxes.getChildren().add(c);
        }
        for (javafx.scene.control.Spinner<?> s : new javafx.scene.control.Spinner<?>[] {steps, horizon, particles}) {
            s.setEditable(true);
            s.setPrefWidth(100);
        }
        steps.setId("dd-steps");
        horizon.setId("dd-horizon");
        particles.setId("dd-particles");
        steps.valueProperty().addListener((o, a, b) -> edit(() -> model.setSteps(b)));
        horizon.valueProperty().addListener((o, a, b) -> edit(() -> model.setHorizon(b)));
        particles.valueProperty().addListener((o, a, b) -> edit(() -> model.setParticles(b)));
        cancel.setId("dd-cancel");
        cancel.setDisable(true);
        cancel.setOnAction(e -> cancel());
        progress.setId("dd-progress");
        progress.setPrefWidth(140);
        message.setId("dd-message");
        about.setId("dd-about");
        about.setWrapText(true);
        about.getStyleClass().add("hint");
        HBox row = new HBox(8, new Label("Target"), target, new Label("Process"), process, new Label("Samplers"), boxes);
        row.setAlignment(Pos.CENTER_LEFT);
        HBox row2 = new HBox(8, new Label("Steps N"), steps, new Label("Horizon T"), horizon, new Label("Particles"), particles, cancel,
                progress, message);
        row2.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(6, row, row2, about);
        top.setPadding(new Insets(8));
        return top;
    }

    private TabPane tabs() {
        sentences.setId("dd-sentences");
        sentences.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        column("sentence", r -> r.sentence(), 2.2);
        column("p_data", r -> DiscreteLabModel.number(r.data()), 1);
        column("sampler's exact law", r -> DiscreteLabModel.number(r.exact()), 1);
        column("particles", r -> DiscreteLabModel.number(r.sampled()), 1);
        particleList.setId("dd-particle-list");
        particleList.setPrefHeight(150);
        Label listTitle = new Label("The first particles, step by step (____ = MASK)");
        listTitle.getStyleClass().add("hint");
        VBox sentenceBox = new VBox(4, sentences, listTitle, particleList);
        VBox.setVgrow(sentences, Priority.ALWAYS);
        sentenceBox.setPadding(new Insets(4));
        Tab run = new Tab("TV and KL over the run", chart);
        Tab coords = new Tab("Coordinates", bars);
        Tab text = new Tab("Sentences", sentenceBox);
        text.setId("dd-sentence-tab");
        Tab rate = new Tab("Rate study (exact KL against N)", rateStudy);
        TabPane tabs = new TabPane(run, coords, text, rate);
        tabs.setId("dd-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        return tabs;
    }

    private void column(String name, java.util.function.Function<DiscreteFrame.SentenceRow, String> f, double weight) {
        TableColumn<DiscreteFrame.SentenceRow, String> c = new TableColumn<>(name);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(f.apply(cd.getValue())));
        c.setMaxWidth(1000 * weight);
        sentences.getColumns().add(c);
    }

    private VBox playback() {
        step.setId("dd-step");
        step.setMajorTickUnit(8);
        step.setShowTickMarks(true);
        step.setBlockIncrement(1);
        HBox.setHgrow(step, Priority.ALWAYS);
        play.setId("dd-play");
        play.setOnAction(e -> togglePlay());
        play.setMinWidth(Button.USE_PREF_SIZE);
        shown.setId("dd-shown");
        heat.getItems().setAll(DiscreteLabModel.HeatSource.values());
        heat.setId("dd-heat-source");
        HBox line = new HBox(8, play, new Label("Step"), step, new Label("Show"), shown, new Label("Heat map"), heat, exports);
        line.setAlignment(Pos.CENTER_LEFT);
        readout.setId("dd-readout");
        readout.setWrapText(true);
        VBox box = new VBox(4, line, readout);
        box.setPadding(new Insets(6, 8, 8, 8));
        player.getKeyFrames().add(new KeyFrame(Duration.millis(125), e -> {
            if (model.step.get() >= step.getMax()) {
                togglePlay();
            } else {
                model.step.set(model.step.get() + 1);
            }
        }));
        player.setCycleCount(Timeline.INDEFINITE);
        return box;
    }

    private void bind() {
        model.scenario.addListener((o, a, b) -> {
            showScenario(b);
            start();
        });
        model.result.addListener((o, a, r) -> {
            showing = true;
            shown.getItems().setAll(r.samplers());
            shown.getSelectionModel().select(Math.min(model.slot.get(), r.samplers().size() - 1));
            step.setMax(r.steps());
            step.setMajorTickUnit(Math.max(1, r.steps() / 8));
            showing = false;
            redraw(true);
        });
        step.valueProperty().addListener((o, a, b) -> model.step.set((int) Math.round(b.doubleValue())));
        model.step.addListener((o, a, b) -> {
            step.setValue(b.intValue());
            redraw(true);
        });
        shown.setOnAction(e -> {
            if (!showing && shown.getSelectionModel().getSelectedIndex() >= 0) {
                model.slot.set(shown.getSelectionModel().getSelectedIndex());
            }
        });
        model.slot.addListener((o, a, b) -> redraw(false));
        heat.setValue(model.heat.get());
        heat.setOnAction(e -> model.heat.set(heat.getValue()));
        model.heat.addListener((o, a, b) -> redraw(false));
        model.message.addListener((o, a, b) -> message.setText(b));
    }

    /** Shows the scenario's values in the form (without editing it back). */
    private void showScenario(DiscreteScenario s) {
        showing = true;
        target.setValue(s.target().preset() != null ? s.target().preset() : null);
        target.setPromptText(s.target().preset() == null ? "from file" : "");
        process.setValue(s.process());
        samplers.forEach((id, box) -> {
            box.setSelected(s.samplers().contains(id));
            box.setDisable(!DiscreteSamplers.of(id).supports(s.process()));
        });
        steps.getValueFactory().setValue(Math.min(DiscreteLabModel.MAX_STEPS, s.steps()));
        horizon.getValueFactory().setValue(s.horizon());
        particles.getValueFactory().setValue(Math.min(1_000_000, s.particles()));
        about.setText(s.title().isEmpty() ? DiscretePresets.description(s.target().preset() == null ? "" : s.target().preset()) == null
                ? "" : DiscretePresets.description(s.target().preset()) : s.title() + " — " + s.description());
        showing = false;
    }

    private void edit(Runnable change) {
        if (!showing) {
            change.run();
        }
    }

    /** Runs the scenario on the executor (a running one is cancelled first). */
    void start() {
        cancel();
        DiscreteScenario sc = model.scenario.get();
        model.message.set("computing the exact laws and the particles…");
        cancel.setDisable(false);
        Job<DiscreteRunResult>[] self = new Job[1];
        self[0] = context.executor().start(BackgroundTask.of("Discrete run", p -> DiscreteRunPlan.run(sc, runner, p)).showProgress()
                .onSuccess(r -> {
                    if (job == self[0]) {
                        cancel.setDisable(true);
                        model.show(r);
                    }
                })
                .onCancelled(() -> {
                    if (job == self[0]) {
                        cancel.setDisable(true);
                        model.message.set("cancelled");
                    }
                })
                .onFailure(e -> {
                    if (job == self[0]) {
                        cancel.setDisable(true);
                        model.message.set("failed: " + Failures.oneLine(e));
                    }
                    if (!(e instanceof org.scorescope.scenario.ScenarioException)) {
                        context.executor().failures().report("The discrete run failed", e);
                    }
                }));
        job = self[0];
        progress.progressProperty().bind(job.progressProperty());
        DiscreteRunResult before = model.result.get();
        if (before == null || !before.scenario().target().equals(sc.target())) {
            Job<DiscreteRunResult> run = self[0];
            new TargetPreview(sc).follow(run.progressProperty(), () -> job == run && model.result.get() == before, heatMap, chart);
        }
    }

    /** Whether a run is computing. */
    boolean running() {
        return job != null && job.runningProperty().get();
    }

    private void cancel() {
        if (job != null) {
            job.cancel();
        }
    }

    private void togglePlay() {
        if (player.getStatus() == javafx.animation.Animation.Status.RUNNING) {
            player.stop();
            play.setText("Play");
        } else {
            if (model.step.get() >= step.getMax()) {
                model.step.set(0);
            }
            player.play();
            play.setText("Pause");
        }
    }

    private void redraw(boolean chartToo) {
        DiscreteRunResult r = model.result.get();
        DiscreteFrame f = model.frame();
        if (r == null || f == null) {
            return;
        }
        readout.setText(model.readout());
        int slot = Math.min(model.slot.get(), r.samplers().size() - 1);
        boolean sampler = model.heat.get() == DiscreteLabModel.HeatSource.SAMPLER && f.pairLaw() != null;
        double[] mass = sampler ? f.pairLaw() : f.pairQ();
        String caption = String.format(Locale.ROOT, "rows: coordinate 1 · columns: coordinate 2%s · colour: %s at τ = %.3g",
                r.target().dims() > 2 ? " (of d = " + r.target().dims() + ")" : "", sampler ? "the sampler's exact law" : "q_τ", f.tau());
        heatMap.show((w, h, s) -> HeatMapPainter.paint(mass, f.pairCounts(), r.target().states(), r.masking(), r.target().words(), caption,
                w, h, s));
        bars.show((w, h, s) -> CoordinateBarsPainter.paint(f, r.target().states(), r.masking(), r.target().words(), slot,
                r.scenario().particles(), w, h, s));
        sentences.getItems().setAll(f.sentences());
        sentences.setPlaceholder(new Label("the language preset lists its sentences here"));
        particleList.getItems().setAll(f.particleTexts());
        if (chartToo) {
            int k = f.step();
            chart.update(c -> DiscreteRunChart.fill(c, r, k));
        }
    }

    void show() {
        stage.show();
        stage.toFront();
    }

    void close() {
        cancel();
        player.stop();
        rateStudy.close();
        stage.close();
    }
}
