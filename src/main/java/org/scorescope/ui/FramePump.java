package org.scorescope.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.animation.AnimationTimer;
import org.scorescope.render.PanelStyle;
import org.scorescope.render.Viewport;
import org.scorescope.ui.lab.LabLayer;
import org.scorescope.ui.lab.RunView;
import org.scorescope.ui.model.SamplerStatus;
import org.scorescope.ui.model.SessionModel;

/**
 * The FX thread's only per-frame work, on every pulse: advance playback, post a render request when
 * what is shown changed, copy a finished scene into the panels (one bulk copy each), pick up the
 * samplers' statuses, let the metrics pane swap chart images. Nothing here computes a score, a step,
 * a histogram or a chart.
 */
final class FramePump extends AnimationTimer {
    private static final long HISTOGRAM_PERIOD = 250_000_000L;
    private final SessionModel model;
    private final RunController runs;
    private final PlaybackController playback;
    private final RenderWorker worker;
    private final PanelGrid grid;
    private final TimelineBar timeline;
    private final MetricsPane metrics;
    private final StatusBar statusBar;
    private final List<LabLayer> labLayers;
    private final UiMeter meter;
    private Object lastKey;
    private long lastHistogram;
    private long lastShownRun = -1;
    /** The run and step of the scene on screen: the charts' cursor follows it, as the captions do. */
    private long sceneRun = -1;
    private int sceneStep = -1;
    private long timelineRun = -1;
    private int timelineStep = -1;
    private int timelineDown = -1;
    private long timelineAt;
    private List<SamplerStatus> lastStatuses = List.of();
    private Runnable onFirstFrame;

    FramePump(SessionModel model, RunController runs, PlaybackController playback, RenderWorker worker, PanelGrid grid,
            TimelineBar timeline, MetricsPane metrics, StatusBar statusBar, List<LabLayer> labLayers, UiMeter meter) {
        this.model = model;
        this.runs = runs;
        this.playback = playback;
        this.worker = worker;
        this.grid = grid;
        this.timeline = timeline;
        this.metrics = metrics;
        this.statusBar = statusBar;
        this.labLayers = List.copyOf(labLayers);
        this.meter = meter;
    }

    /** Redraw on the next pulse even if nothing seems to have changed (new layout, presentation mode). */
    void invalidate() {
        lastKey = null;
        metrics.invalidate();
    }

    /** Calls r (FX thread) once the first scene of the next run is on screen. */
    void whenNextRunShown(Runnable r) {
        onFirstFrame = r;
        lastShownRun = runs.current() == null ? -1 : runs.current().runId();
    }

    @Override
    public void handle(long now) {
        meter.beginPulse(now);
        playback.pulse(now);
        RunView run = runs.current();
        if (run == null) {
            return;
        }
        int step = model.step.get();
        int computedDown = run.computedDown();
        if (run.runId() != timelineRun || step != timelineStep || computedDown != timelineDown || now - timelineAt > 250_000_000L) {
            // when something it shows changed (it formats a label on each call), and 4 times a second
            // (the slider snaps back to the step once it is released)
            timelineAt = now;
            timelineRun = run.runId();
            timelineStep = step;
            timelineDown = computedDown;
            timeline.show(run, step);
        }
        List<SamplerStatus> fresh = runs.statuses();
        if (fresh != lastStatuses) {
            lastStatuses = fresh;
            model.samplerStatus.setAll(SamplerStatusRecorder.withMetrics(fresh, run.metrics().latest()));
        }
        List<SamplerStatus> statuses = model.samplerStatus;
        requestScene(run, step);
        RenderedScene scene = worker.poll();
        if (scene != null && scene.request().run().runId() == run.runId()) {
            sceneRun = run.runId();
            sceneStep = scene.request().step();
            List<PanelView> panels = grid.panels();
            for (int i = 0; i < panels.size() && i < scene.panels().size(); i++) {
                panels.get(i).show(scene.panels().get(i), scene.captions().get(i));
            }
            if (scene.marginals() != null && now - lastHistogram > HISTOGRAM_PERIOD) {
                lastHistogram = now;
                metrics.histograms.show(scene.marginals());
            }
            if (run.runId() != lastShownRun && onFirstFrame != null) {
                Runnable r = onFirstFrame;
                onFirstFrame = null;
                r.run();
            }
        }
        if (model.metricsShown.get() && !model.presentation.get()) {
            // The chart's cursor shows the step on screen, not the step asked for: the scene of a new step
            // reaches the panels a pulse or more after the request, and the caption must not lag the cursor.
            metrics.pulse(now, run, sceneRun == run.runId() ? sceneStep : step, statuses);
        }
        if (model.frameTime.get()) {
            statusBar.frameTime.setText(String.format("FX %.2f ms/frame", meter.last()));
        }
    }

    private void requestScene(RunView run, int step) {
        int computedDown = run.computedDown();
        if (step < computedDown) {
            return;
        }
        double scale = grid.getScene() == null || grid.getScene().getWindow() == null ? 1 : grid.getScene().getWindow().getOutputScaleX();
        Viewport view = grid.viewport(scale);
        double[] box = model.viewBox.get();
        if (view == null || box == null) {
            return;
        }
        PanelStyle base = model.style();
        PanelStyle style = new PanelStyle(base.density(), base.contours(), base.particles(), base.scoreField(), base.trails(),
                base.lineWidth() * scale);
        List<LabLayer> on = new ArrayList<>();
        for (LabLayer l : labLayers) {
            if (model.layers().on(l.id())) {
                on.add(l);
            }
        }
        boolean marginals = metrics.histogramsShown() && model.metricsShown.get();
        int focus = Math.max(0, model.focus.get());
        List<Object> key = List.of(run.runId(), step, view, style, List.of(box[0], box[1], box[2], box[3]), on, focus,
                marginals);
        if (!key.equals(lastKey)) {
            lastKey = key;
            worker.submit(new RenderRequest(run, step, computedDown, view, new double[] {box[2], box[3]}, style, on, focus, marginals));
        }
    }
}
