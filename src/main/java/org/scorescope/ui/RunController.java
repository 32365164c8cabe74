package org.scorescope.ui;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.scorescope.distribution.Target;
import org.scorescope.engine.CompositeListener;
import org.scorescope.engine.Engine;
import org.scorescope.engine.FrameRecorder;
import org.scorescope.engine.RunHandle;
import org.scorescope.engine.RunResult;
import org.scorescope.engine.RunSpec;
import org.scorescope.metrics.Binning;
import org.scorescope.metrics.RunMetrics;
import org.scorescope.scenario.Scenario;
import org.scorescope.scenario.ScenarioBuilder;
import org.scorescope.scenario.ScenarioException;
import org.scorescope.ui.lab.LabMetric;
import org.scorescope.ui.lab.LabMetricSeries;
import org.scorescope.ui.lab.RunView;
import org.scorescope.ui.model.SamplerChoice;
import org.scorescope.ui.model.SessionModel;
import org.scorescope.ui.service.BackgroundExecutor;
import org.scorescope.ui.service.BackgroundTask;
import org.scorescope.ui.service.Failures;

/**
 * Runs the session's scenario: one engine run per scenario change (a change cancels the running
 * one), with the frame recorder, the live metrics, the labs' metrics and the per-sampler status as
 * listeners. A long run (a million particles) shows its progress and a Cancel button in the status
 * line. A run that fails is reported through {@link Failures} (dialog + log); a failed or cancelled
 * run keeps its computed steps on screen. FX thread only, but for the listeners (engine) and the run watcher (executor).
 */
final class RunController implements AutoCloseable {
    /** Particle-steps (N × samplers × T) from which a run shows its progress and a Cancel button in the status line. */
    static final double LONG_RUN = 5e7;
    private final SessionModel model;
    private final Engine engine;
    private final BackgroundExecutor executor;
    private final Function<Scenario, RunSpec> specs;
    private List<LabMetric> labMetrics = List.of();
    private final ReadOnlyObjectWrapper<RunView> run = new ReadOnlyObjectWrapper<>();
    private RunHandle handle;
    private SamplerStatusRecorder statuses;
    private String viewTarget = "";
    private boolean resetting;
    private boolean closed;

    /**
     * @param specs turns a scenario into a run (tests inject failing samplers here)
     */
    RunController(SessionModel model, Engine engine, BackgroundExecutor executor, Function<Scenario, RunSpec> specs) {
        this.model = model;
        this.engine = engine;
        this.executor = executor;
        this.specs = specs;
        model.scenarioProperty().addListener((o, a, b) -> restart());
        model.tvBox.addListener((o, a, b) -> restartUnlessResetting());
        model.bins.addListener((o, a, b) -> restartUnlessResetting());
    }

    /** The labs' metrics, recorded on every run from the next one on. */
    void useLabMetrics(List<LabMetric> metrics) {
        labMetrics = List.copyOf(metrics);
    }

    /** The run shown now (null until the first one starts). */
    ReadOnlyObjectProperty<RunView> runProperty() {
        return run.getReadOnlyProperty();
    }

    /** The run shown now, or null. */
    RunView current() {
        return run.get();
    }

    /** The newest per-sampler statuses of the current run. */
    List<org.scorescope.ui.model.SamplerStatus> statuses() {
        SamplerStatusRecorder s = statuses;
        return s == null ? List.of() : s.latest();
    }

    private void restartUnlessResetting() {
        if (!resetting) {
            restart();
        }
    }

    /** Cancels the running job and starts the session's scenario. */
    void restart() {
        if (closed) {
            return;
        }
        Scenario s = model.scenario();
        RunSpec spec;
        try {
            ScenarioBuilder.validate(s);
            spec = specs.apply(s);
        } catch (ScenarioException | IllegalArgumentException e) {
            model.status.set("Cannot run: " + Failures.oneLine(e));
            return;
        }
        String memory = ScenarioLimits.memoryProblem(spec, Runtime.getRuntime().maxMemory());
        if (memory != null) {
            cancel();
            model.notice.set("Not run: " + memory);
            model.status.set("Not run: " + memory);
            return;
        }
        cancel();
        Target target = spec.target();
        Target view2d = target.dim() == 1 ? null : target.dim() == 2 ? target : target.marginal(0, 1);
        String targetKey = String.valueOf(s.target().preset()) + "|" + System.identityHashCode(s.target());
        if (!targetKey.equals(viewTarget)) {
            resetting = true;
            model.tvBox.set(null);
            model.bins.set(0);
            resetting = false;
            double[][] b = (view2d != null ? view2d : target).bounds();
            model.viewBox.set(view2d != null ? new double[] {b[0][0], b[1][0], b[0][1], b[1][1]} : new double[] {0, 1, b[0][0], b[1][0]});
            viewTarget = targetKey;
        }
        Binning bins = binning(view2d != null ? view2d : target, spec.particles(), view2d != null);
        FrameRecorder recorder = new FrameRecorder();
        RunMetrics metrics = new RunMetrics(bins);
        LabMetricSeries lab = new LabMetricSeries(labMetrics, s);
        List<String> canonical = new ArrayList<>();
        for (Scenario.SamplerSpec sp : s.samplers()) {
            canonical.add(SamplerChoice.of(sp).canonical());
        }
        SamplerStatusRecorder status = new SamplerStatusRecorder(canonical, target.isSingleGaussian());
        java.util.concurrent.atomic.AtomicReference<org.scorescope.ui.service.Progress> progress = new java.util.concurrent.atomic.AtomicReference<>();
        org.scorescope.engine.RunListener progressListener = v -> {
            var p = progress.get();
            if (p != null) {
                p.update((double) (v.grid().steps() - v.t()) / v.grid().steps(), "t = " + v.t());
            }
        };
        RunHandle h = engine.submit(spec, new CompositeListener(List.of(recorder, metrics, lab, status, progressListener)));
        handle = h;
        statuses = status;
        CompletableFuture<RunResult> finished = new CompletableFuture<>();
        List<String> labels = spec.slots().stream().map(x -> x.label()).toList();
        RunView view = new RunView(h.id(), s, target, view2d, spec.grid(), labels, canonical, spec.particles(), recorder, bins,
                metrics, lab, finished);
        BackgroundTask<RunResult> watch = BackgroundTask.of(String.format("Computing %,d particles × %d sampler(s)", spec.particles(),
                        spec.slots().size()), p -> {
                    progress.set(p);
                    return h.await();
                })
                .whenCancelRequested(h::cancel)
                .onSuccess(finished::complete)
                .onCancelled(() -> {
                    finished.cancel(false);
                    if (run.get() == view && !closed) {
                        model.status.set("run cancelled at t = " + Math.min(view.computedDown(), view.steps())
                                + "; the computed steps stay shown");
                    }
                })
                .onFailure(e -> {
                    finished.completeExceptionally(e);
                    if (!closed && run.get() == view) {
                        int t = view.computedDown();
                        executor.failures().report("The run stopped at t = " + Math.min(t, view.steps()) + " of T = " + view.steps()
                                + "; the panels show the last computed step", e);
                    }
                });
        if ((double) spec.particles() * spec.slots().size() * spec.grid().steps() >= LONG_RUN) {
            watch.showProgress();
        }
        executor.start(watch);
        model.samplerStatus.clear();
        model.playing.set(false);
        model.step.set(spec.grid().steps());
        List<String> remarks = ScenarioLimits.remarks(s, spec);
        model.notice.set(String.join(" · ", remarks));
        model.status.set(String.format("%s · %s · T = %d · N = %,d · seed %d", s.target().preset() != null ? s.target().preset() : "custom target",
                s.schedule().id(), s.steps(), s.particles(), s.seed()));
        run.set(view);
    }

    private Binning binning(Target shown, int particles, boolean plane) {
        Binning bins = Binning.defaultFor(shown, particles);
        double[] box = model.tvBox.get();
        if (box != null && plane) {
            bins = new Binning(new double[] {box[0], box[2]}, new double[] {box[1], box[3]}, bins.bins());
        }
        if (model.bins.get() > 0) {
            int[] counts = new int[bins.dim()];
            Arrays.fill(counts, model.bins.get());
            bins = new Binning(bins.lo(), bins.hi(), counts);
        }
        return bins;
    }

    private void cancel() {
        if (handle != null) {
            handle.cancel();
            handle = null;
        }
    }

    /** Cancels the run; no new run starts afterwards. The engine is closed by its owner. */
    @Override
    public void close() {
        closed = true;
        cancel();
    }
}
