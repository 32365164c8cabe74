package org.scorescope.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import org.scorescope.engine.RunSpec;
import org.scorescope.engine.SamplerSlot;
import org.scorescope.sampler.Sampler;
import org.scorescope.sampler.SamplerInfo;
import org.scorescope.sampler.StepContext;
import org.scorescope.score.ScoreFunction;

/**
 * Catches compute on the FX thread without timing anything, so a loaded machine cannot fool it:
 * <ul>
 *   <li>{@link #guard} wraps a run's score model and samplers; every score evaluation and sampler
 *       step asks which thread it is on and records those made on the FX thread (exactly, every call);</li>
 *   <li>{@link #sampleFxStack} looks at the FX thread's stack and records any frame of the heavy
 *       compute code (engine stepping, histograms, TV, exact bin masses, rasterising, score fields,
 *       density grids, any {@code step}/{@code eval}/{@code scoreBatch}/{@code onStep} outside the
 *       window) — the histograms and pictures are not behind the score wrapper.</li>
 * </ul>
 */
final class FxThreadWatch {
    /** Classes whose every method is compute the FX thread must never run. */
    private static final Set<String> HEAVY_CLASSES = Set.of("org.scorescope.engine.Engine", "org.scorescope.engine.Chunk",
            "org.scorescope.metrics.Histogram", "org.scorescope.metrics.TotalVariation", "org.scorescope.metrics.ExactBinMasses",
            "org.scorescope.metrics.GaussianPropagation", "org.scorescope.render.PanelRenderer", "org.scorescope.render.DensityGrid",
            "org.scorescope.render.ParticleLayer", "org.scorescope.render.ScoreField");
    /** Methods of the compute core (outside the window) that step, score or record a step. */
    private static final Set<String> HEAVY_METHODS = Set.of("step", "eval", "evalLevels", "scoreBatch", "scoreBatchLevels",
            "logDensityBatch", "onStep", "stepChunk");

    private final AtomicLong workerCalls = new AtomicLong();
    private final AtomicLong fxCalls = new AtomicLong();
    private final AtomicLong samples = new AtomicLong();
    private final ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();

    /** The same run with its score and samplers reporting the thread they run on. */
    RunSpec guard(RunSpec spec) {
        List<SamplerSlot> slots = new ArrayList<>();
        for (SamplerSlot s : spec.slots()) {
            slots.add(new SamplerSlot(new Watched(s.sampler()), s.label(), s.noiseKey()));
        }
        return new RunSpec(spec.target(), new WatchedScore(spec.score()), spec.grid(), slots, spec.particles(), spec.seed(),
                spec.initial());
    }

    private void called(String what) {
        if (Platform.isFxApplicationThread()) {
            fxCalls.incrementAndGet();
            violations.add(what + " on the FX thread");
        } else {
            workerCalls.incrementAndGet();
        }
    }

    /** Looks once at the FX thread's stack; records the first heavy frame found. */
    void sampleFxStack(Thread fx) {
        samples.incrementAndGet();
        StackTraceElement[] stack = fx.getStackTrace();
        for (StackTraceElement e : stack) {
            if (heavy(e)) {
                violations.add("FX thread in " + e.getClassName() + "." + e.getMethodName());
                return;
            }
        }
    }

    static boolean heavy(StackTraceElement e) {
        String c = e.getClassName();
        if (!c.startsWith("org.scorescope.") || c.startsWith("org.scorescope.ui.")) {
            return false;
        }
        int nested = c.indexOf('$');
        String outer = nested < 0 ? c : c.substring(0, nested);
        return HEAVY_CLASSES.contains(outer) || HEAVY_METHODS.contains(e.getMethodName());
    }

    /** Score evaluations and sampler steps made off the FX thread. */
    long workerCalls() {
        return workerCalls.get();
    }

    /** Score evaluations and sampler steps made on the FX thread. */
    long fxCalls() {
        return fxCalls.get();
    }

    long samples() {
        return samples.get();
    }

    /** What was found on the FX thread (first few). */
    List<String> violations() {
        return violations.stream().distinct().limit(8).toList();
    }

    /** The score model, reporting its thread. */
    private final class WatchedScore implements ScoreFunction {
        private final ScoreFunction inner;

        WatchedScore(ScoreFunction inner) {
            this.inner = inner;
        }

        @Override
        public void eval(double[][] x, int n, double gamma, double[][] out) {
            called("score eval");
            inner.eval(x, n, gamma, out);
        }

        @Override
        public void evalLevels(double[][] x, int n, double[] gammas, double[][] out) {
            called("score evalLevels");
            inner.evalLevels(x, n, gammas, out);
        }

        @Override
        public int evaluationCost(double gamma) {
            return inner.evaluationCost(gamma);
        }
    }

    /** A sampler, reporting the thread of every step. */
    private final class Watched implements Sampler {
        private final Sampler inner;

        Watched(Sampler inner) {
            this.inner = inner;
        }

        @Override
        public SamplerInfo info() {
            return inner.info();
        }

        @Override
        public Object newMemory(int dim, int capacity) {
            return inner.newMemory(dim, capacity);
        }

        @Override
        public void step(StepContext ctx, double[][] y, int n) {
            called(info().id() + " step");
            inner.step(ctx, y, n);
        }
    }
}
