package org.scorescope.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.scorescope.distribution.Target;
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

/**
 * Runs a scenario headless and lays out a figure: the panels of one step in the window's grid, a
 * table of samplers × steps, or samplers × NFE budgets. Every {@code layout} argument may be null
 * for {@link GridLayout#auto(int)}; it applies to figures of one step (and to animation frames),
 * a figure of several steps is always a table.
 */
public final class FigureBuilder {
    /** The field named when a layout does not fit. */
    public static final String GRID_FIELD = "--layout";

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
        return steps(s, steps, null, width, height, style, engine);
    }

    /** The same; a single step lays its panels out in {@code layout} (null: automatic). */
    public static Figure steps(Scenario s, int[] steps, GridLayout layout, int width, int height, PanelStyle style, Engine engine) {
        Run run = run(s, steps, engine);
        return arrange(s, run.plane, run.history, steps, run.allSlots(), layout, view(run.plane, width, height), style);
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
        Figure.Cell[][] cells = new Figure.Cell[samplers.size()][budgets.length];
        for (int r = 0; r < samplers.size(); r++) {
            SamplerSlot slot = SamplerSlot.of(samplers.get(r));
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
                cells[r][c] = new Figure.Cell(history[0], 0, history, slot.label() + " · NFE ≤ " + budgets[c],
                        "T = " + steps + ", " + caption(history[0], 0, bins, masses), r);
            }
        }
        return new Figure(s.title(), cells, plane, view(plane, width, height), style, ScenarioJson.write(s));
    }

    /**
     * A figure of frames already computed (the app's current run): the panels at step t in the
     * automatic grid, in the given world box.
     */
    public static Figure fromFrames(Scenario s, Target target, Frame[] history, int step, double[] box, int width, int height,
            PanelStyle style) {
        return fromFrames(s, target, history, new int[] {step}, null, null, box, width, height, style);
    }

    /**
     * Small multiples from frames already computed: a column per step, a row per sampler (or only
     * the listed samplers), on shared axes and the same initial noise; one step is laid out in
     * the automatic grid.
     *
     * @param only sampler indices to show, or null for all
     */
    public static Figure fromFrames(Scenario s, Target target, Frame[] history, int[] steps, int[] only, double[] box, int width,
            int height, PanelStyle style) {
        return fromFrames(s, target, history, steps, only, null, box, width, height, style);
    }

    /**
     * The same with the window's grid for a figure of one step.
     *
     * @param only sampler indices to show, or null for all
     * @param layout arrangement of one step's panels, or null for automatic
     * @param box world box x0, x1, y0, y1
     */
    public static Figure fromFrames(Scenario s, Target target, Frame[] history, int[] steps, int[] only, GridLayout layout,
            double[] box, int width, int height, PanelStyle style) {
        Target plane = plane(target);
        for (int t : steps) {
            if (t < 0 || t >= history.length || history[t] == null) {
                throw new ScenarioException("steps", "step " + t + " is not computed yet");
            }
        }
        int[] slots = only != null ? only : IntStream.range(0, history[steps[0]].samplers().size()).toArray();
        Viewport v = Viewport.fit(new double[] {box[0], box[2]}, new double[] {box[1], box[3]}, width, height);
        return arrange(s, plane, history, steps, slots, layout, v, style);
    }

    /** One figure per step T … 0 (or the listed steps), the samplers in the automatic grid: the frames of an animation. */
    public static List<Figure> animation(Scenario s, int[] steps, int width, int height, PanelStyle style, Engine engine) {
        return animation(s, steps, null, width, height, style, engine);
    }

    /** The same in a given grid (null: automatic). */
    public static List<Figure> animation(Scenario s, int[] steps, GridLayout layout, int width, int height, PanelStyle style,
            Engine engine) {
        Run run = run(s, steps, engine);
        Viewport v = view(run.plane, width, height);
        List<Figure> frames = new ArrayList<>();
        for (int t : steps) {
            frames.add(arrange(s, run.plane, run.history, new int[] {t}, run.allSlots(), layout, v, style));
        }
        return frames;
    }

    /** A run of the scenario with every step recorded. */
    private record Run(Target plane, Frame[] history, int samplers) {
        int[] allSlots() {
            return IntStream.range(0, samplers).toArray();
        }
    }

    private static Run run(Scenario s, int[] steps, Engine engine) {
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
        return new Run(plane, history(rec, total), spec.slots().size());
    }

    /**
     * Cells for the listed samplers (slots of the frames) at the listed steps: one step in the grid
     * {@code layout}, several as a table.
     */
    private static Figure arrange(Scenario s, Target plane, Frame[] history, int[] steps, int[] slots, GridLayout layout,
            Viewport view, PanelStyle style) {
        int total = history.length - 1;
        Frame first = history[steps[0]];
        Binning bins = Binning.defaultFor(plane, first.samplers().get(0).particles());
        String json = ScenarioJson.write(s);
        if (steps.length == 1) {
            GridLayout g = layout != null ? layout.check(slots.length, GRID_FIELD) : GridLayout.auto(slots.length);
            double[] masses = ExactBinMasses.compute(plane, bins, first.abar());
            Figure.Cell[][] cells = new Figure.Cell[g.rows()][g.columns()];
            for (int i = 0; i < slots.length; i++) {
                cells[g.row(i)][g.column(i)] = new Figure.Cell(first, slots[i], history, first.samplers().get(slots[i]).label(),
                        caption(first, slots[i], bins, masses), slots[i]);
            }
            return new Figure(join(s.title(), stepLabel(steps[0], total)), cells, plane, view, style, json);
        }
        if (layout != null) {
            throw new ScenarioException(GRID_FIELD, "arranges the panels of one step; a figure of several steps has a row per sampler "
                    + "and a column per step");
        }
        Figure.Cell[][] cells = new Figure.Cell[slots.length][steps.length];
        for (int c = 0; c < steps.length; c++) {
            Frame f = history[steps[c]];
            double[] masses = ExactBinMasses.compute(plane, bins, f.abar());
            for (int r = 0; r < slots.length; r++) {
                cells[r][c] = new Figure.Cell(f, slots[r], history, f.samplers().get(slots[r]).label() + " · " + stepLabel(steps[c], total),
                        caption(f, slots[r], bins, masses), slots[r]);
            }
        }
        return new Figure(s.title(), cells, plane, view, style, json);
    }

    private static String stepLabel(int t, int total) {
        return "t = " + t + " / " + total;
    }

    private static String join(String title, String step) {
        return title == null || title.isBlank() ? step : title.strip() + "   " + step;
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
        return String.format(Locale.ROOT, "ᾱ = %.4g\u2003NFE %d\u2003TV %.3f", f.abar(), sf.nfe(), tv);
    }
}
