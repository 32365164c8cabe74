package org.scorescope.render;

import java.util.ArrayList;
import java.util.List;
import org.scorescope.engine.Engine;
import org.scorescope.engine.Frame;
import org.scorescope.engine.FrameRecorder;
import org.scorescope.engine.RunSpec;
import org.scorescope.engine.SamplerSlot;
import org.scorescope.metrics.Binning;
import org.scorescope.metrics.ExactBinMasses;
import org.scorescope.metrics.Histogram;
import org.scorescope.metrics.TotalVariation;
import org.scorescope.scenario.Scenario;
import org.scorescope.scenario.ScenarioBuilder;
import org.scorescope.scenario.ScenarioException;
import org.scorescope.scenario.ScenarioJson;
import org.scorescope.distribution.Target;

/** Runs a scenario headless and lays out the figure of chosen steps or NFE budgets. */
public final class FigureBuilder {
    private FigureBuilder() {
    }

    private static Target plane(Target t) {
        if (t.dim() < 2) {
            throw new ScenarioException("target", "figures show 2D targets (or the first two axes of higher ones); use the app's space-time view for 1D");
        }
        return t.dim() == 2 ? t : t.marginal(0, 1);
    }

    private static Viewport view(Target plane, int width, int height) {
        double[][] b = plane.bounds();
        return Viewport.fit(new double[] {b[0][0], b[0][1]}, new double[] {b[1][0], b[1][1]}, width, height);
    }

    /** One run of the scenario; a column per requested step (0 = output level, T = noise). */
    public static Figure steps(Scenario s, int[] steps, int width, int height, PanelStyle style, Engine engine) {
        RunSpec spec = ScenarioBuilder.run(s, null);
        int total = spec.grid().steps();
        for (int t : steps) {
            if (t < 0 || t > total) {
                throw new ScenarioException("--steps", "each step must be in 0.." + total + " (T of the scenario), was " + t);
            }
        }
        Target plane = plane(spec.target());
        FrameRecorder rec = new FrameRecorder(FrameRecorder.DEFAULT_BUDGET, 4096);
        engine.run(spec, rec);
        Frame[] history = history(rec, total);
        Binning bins = Binning.defaultFor(plane, spec.particles());
        List<String> rows = spec.slots().stream().map(SamplerSlot::label).toList();
        List<String> cols = new ArrayList<>();
        Figure.Cell[][] cells = new Figure.Cell[rows.size()][steps.length];
        for (int c = 0; c < steps.length; c++) {
            int t = steps[c];
            cols.add("t = " + t + " / " + total);
            Frame f = history[t];
            double[] masses = ExactBinMasses.compute(plane, bins, f.abar());
            for (int r = 0; r < rows.size(); r++) {
                cells[r][c] = new Figure.Cell(f, r, history, caption(f, r, bins, masses));
            }
        }
        return new Figure(s.title(), rows, cols, cells, plane, view(plane, width, height), style, ScenarioJson.write(s));
    }

    /**
     * Small multiples at NFE budgets: for each sampler and budget, the largest T whose counted NFE
     * fits the budget, one run each, the output level shown.
     */
    public static Figure smallMultiples(Scenario s, int[] budgets, int width, int height, PanelStyle style, Engine engine) {
        List<org.scorescope.sampler.Sampler> samplers = ScenarioBuilder.samplers(s);
        Target target = ScenarioBuilder.target(s.target());
        Target plane = plane(target);
        var schedule = ScenarioBuilder.schedule(s.schedule());
        Binning bins = Binning.defaultFor(plane, s.particles());
        List<String> rows = new ArrayList<>();
        List<String> cols = new ArrayList<>();
        for (int b : budgets) {
            cols.add("NFE ≤ " + b);
        }
        Figure.Cell[][] cells = new Figure.Cell[samplers.size()][budgets.length];
        for (int r = 0; r < samplers.size(); r++) {
            SamplerSlot slot = SamplerSlot.of(samplers.get(r));
            rows.add(slot.label());
            for (int c = 0; c < budgets.length; c++) {
                int steps = -1;
                for (int t = 1; t <= 200; t++) {
                    long nfe = engine.run(RunSpec.of(target, schedule.grid(t), List.of(slot), 1, s.seed()), null).nfe()[0];
                    if (nfe <= budgets[c]) {
                        steps = t;
                    } else if (steps > 0) {
                        break;
                    }
                }
                if (steps < 0) {
                    throw new ScenarioException("--nfe", slot.label() + " needs more than " + budgets[c] + " evaluations for one step");
                }
                FrameRecorder rec = new FrameRecorder(FrameRecorder.DEFAULT_BUDGET, 4096);
                RunSpec spec = new RunSpec(target, new org.scorescope.score.ExactScore(target), schedule.grid(steps), List.of(slot),
                        s.particles(), s.seed(), null);
                engine.run(spec, rec);
                Frame[] history = history(rec, steps);
                double[] masses = ExactBinMasses.compute(plane, bins, history[0].abar());
                cells[r][c] = new Figure.Cell(history[0], 0, history, "T = " + steps + ", " + caption(history[0], 0, bins, masses));
            }
        }
        return new Figure(s.title(), rows, cols, cells, plane, view(plane, width, height), style, ScenarioJson.write(s));
    }

    /**
     * A figure of frames already computed (the app's current run): one column at step t, a row per
     * sampler, in the given world box.
     */
    public static Figure fromFrames(Scenario s, Target target, Frame[] history, int step, double[] box, int width, int height,
            PanelStyle style) {
        return fromFrames(s, target, history, new int[] {step}, null, box, width, height, style);
    }

    /**
     * Small multiples from frames already computed: a column per step, a row per sampler (or only
     * the listed samplers), on shared axes and the same initial noise.
     *
     * @param only sampler indices to show, or null for all
     */
    public static Figure fromFrames(Scenario s, Target target, Frame[] history, int[] steps, int[] only, double[] box, int width,
            int height, PanelStyle style) {
        Target plane = plane(target);
        Frame any = history[steps[0]];
        int[] slots = only != null ? only : java.util.stream.IntStream.range(0, any.samplers().size()).toArray();
        Binning bins = Binning.defaultFor(plane, any.samplers().get(0).particles());
        List<String> rows = new ArrayList<>();
        List<String> cols = new ArrayList<>();
        Figure.Cell[][] cells = new Figure.Cell[slots.length][steps.length];
        for (int c = 0; c < steps.length; c++) {
            Frame f = history[steps[c]];
            if (f == null) {
                throw new ScenarioException("steps", "step " + steps[c] + " is not computed yet");
            }
            cols.add("t = " + steps[c] + " / " + (history.length - 1));
            double[] masses = ExactBinMasses.compute(plane, bins, f.abar());
            for (int r = 0; r < slots.length; r++) {
                cells[r][c] = new Figure.Cell(f, slots[r], history, caption(f, slots[r], bins, masses));
            }
        }
        for (int slot : slots) {
            rows.add(any.samplers().get(slot).label());
        }
        Viewport v = Viewport.fit(new double[] {box[0], box[2]}, new double[] {box[1], box[3]}, width, height);
        return new Figure(s.title(), rows, cols, cells, plane, v, style, ScenarioJson.write(s));
    }

    /** One figure per step T … 0 (or the listed steps), a row of the samplers each: the frames of an animation. */
    public static List<Figure> animation(Scenario s, int[] steps, int width, int height, PanelStyle style, Engine engine) {
        Figure all = steps(s, steps, width, height, style, engine);
        List<Figure> frames = new ArrayList<>();
        for (int c = 0; c < steps.length; c++) {
            Figure.Cell[][] cells = new Figure.Cell[1][all.rows().size()];
            for (int r = 0; r < all.rows().size(); r++) {
                cells[0][r] = all.cells()[r][c];
            }
            frames.add(new Figure(all.title() + "   " + all.columns().get(c), List.of(""), all.rows(), cells, all.target(), all.view(),
                    style, all.scenarioJson()));
        }
        return frames;
    }

    private static Frame[] history(FrameRecorder rec, int steps) {
        Frame[] h = new Frame[steps + 1];
        for (int t = 0; t <= steps; t++) {
            h[t] = rec.at(t);
        }
        return h;
    }

    private static String caption(Frame f, int slot, Binning bins, double[] masses) {
        Frame.SamplerFrame sf = f.samplers().get(slot);
        double tv = TotalVariation.of(Histogram.of(sf.positions(), sf.stored(), bins), masses);
        return String.format("ᾱ = %.4g   NFE %d   TV %.3f", f.abar(), sf.nfe(), tv);
    }
}
