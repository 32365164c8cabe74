package org.scorescope.render;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.simple.RandomSource;
import org.scorescope.distribution.ClassMixture;
import org.scorescope.distribution.Target;
import org.scorescope.engine.Engine;
import org.scorescope.engine.Frame;
import org.scorescope.engine.RunResult;
import org.scorescope.engine.RunSpec;
import org.scorescope.metrics.Binning;
import org.scorescope.metrics.GuidanceMeasure;
import org.scorescope.metrics.GuidanceMeasure.Metric;
import org.scorescope.scenario.GuidanceScenario;
import org.scorescope.scenario.Scenario;
import org.scorescope.scenario.ScenarioBuilder;
import org.scorescope.scenario.ScenarioException;
import org.scorescope.scenario.ScenarioJson;

/**
 * The figure of 003 Part 4's "mystery of guidance": at the output level ᾱ_0, side by side, the true
 * conditional p(x | c) (its exact density and exact draws), the tilted law p(x) p(c | x)^{1+w} / Z
 * that guidance "appears to sample from" (its density and exact draws by rejection,
 * {@link ClassMixture#sampleTilted}), and each sampler's guided output over the tilted law's density,
 * captioned with its histogram TV to both laws and their noise floor. All clouds have the scenario's N.
 */
public final class GuidanceFigure {
    private GuidanceFigure() {
    }

    /**
     * @param s a scenario with guidance on a 2D target with classes
     * @param width cell width in pixels
     * @param height cell height in pixels
     * @param style the layers (trails do not apply)
     * @param engine runs the samplers
     * @throws ScenarioException when the scenario has no guidance or the target is not 2D
     */
    public static Figure laws(Scenario s, int width, int height, PanelStyle style, Engine engine) {
        if (s.guidance() == null) {
            throw new ScenarioException("--laws", "needs guidance: give --class C --guidance W (or a scenario with \"guidance\")");
        }
        ClassMixture classes = GuidanceScenario.classes(s.target());
        if (classes.dim() != 2) {
            throw new ScenarioException("--laws", "the laws figure shows 2D targets; this target has dimension " + classes.dim());
        }
        Scenario.GuidanceSpec g = s.guidance();
        int c = g.classId();
        double w = g.w();
        RunSpec spec = ScenarioBuilder.run(s, null);
        double gamma = spec.grid().abar(0);
        int n = s.particles();
        Target plane = classes.unconditional();
        double[][] b = plane.bounds();
        Viewport view = Viewport.fit(new double[] {b[0][0], b[0][1]}, new double[] {b[1][0], b[1][1]}, width, height);
        GuidanceMeasure measure = new GuidanceMeasure(classes, c, w, gamma, Binning.defaultFor(plane, n));
        var floorC = org.scorescope.metrics.NoiseFloor.of(measure.conditionalMasses(), n);
        var floorT = org.scorescope.metrics.NoiseFloor.of(measure.tilted().masses(), n);

        double[][] exact = new double[2][n];
        classes.conditional(c).sample(gamma, RandomSource.XO_RO_SHI_RO_128_PP.create(s.seed()), exact, 0, n);
        double[][] tilted = new double[2][n];
        classes.sampleTilted(c, w, gamma, RandomSource.XO_RO_SHI_RO_128_PP.create(s.seed() + 1), tilted, 0, n);
        DensityGrid conditionalGrid = DensityGrid.of(classes.conditional(c), gamma, view);
        DensityGrid tiltedGrid = tiltedGrid(classes, c, w, gamma, view);

        int lawColour = SamplerPalette.size() - 1;
        String w0 = "w = " + trim(w) + " · ";
        List<Figure.Cell> cells = new ArrayList<>();
        cells.add(new Figure.Cell(frame(spec, gamma, "exact draws", exact, 0), 0, null, w0 + "true conditional p(x|c)",
                String.format("exact draws · TV to tilted %.3f", tv(measure, exact, n, Metric.TV_TILTED)), lawColour, conditionalGrid));
        cells.add(new Figure.Cell(frame(spec, gamma, "tilted draws", tilted, 0), 0, null, w0 + "tilted law p(x) p(c|x)^(1+w) / Z",
                String.format("exact draws · TV to p(x|c) %.3f", tv(measure, tilted, n, Metric.TV_CONDITIONAL)), lawColour - 1, tiltedGrid));
        RunResult r = engine.run(spec, null);
        for (int k = 0; k < spec.slots().size(); k++) {
            double[][] y = r.positions().get(k);
            Map<Metric, GuidanceMeasure.Estimate> v = measure.measure(y, n, EnumSet.of(Metric.TV_TILTED, Metric.TV_CONDITIONAL));
            cells.add(new Figure.Cell(frame(spec, gamma, spec.slots().get(k).label(), y, r.nfe()[k]), 0, null,
                    w0 + spec.slots().get(k).sampler().info().id() + " output, T = " + spec.grid().steps(),
                    String.format("NFE %d · TV tilted %.3f · p(x|c) %.3f", r.nfe()[k], v.get(Metric.TV_TILTED).value(),
                            v.get(Metric.TV_CONDITIONAL).value()), k, tiltedGrid));
        }
        Figure.Cell[][] grid = {cells.toArray(new Figure.Cell[0])};
        String title = String.format("%sguidance toward class %d, w = %s, N = %d, TV noise floor %.3f", s.title().isEmpty() ? "" : s.title() + ": ",
                c, trim(w), n, Math.max(floorC.mean(), floorT.mean()));
        return new Figure(title, grid, plane, view, style, ScenarioJson.write(s));
    }

    private static String trim(double w) {
        return w == Math.rint(w) ? Long.toString((long) w) : Double.toString(w);
    }

    private static double tv(GuidanceMeasure m, double[][] x, int n, Metric which) {
        return m.measure(x, n, EnumSet.of(which)).get(which).value();
    }

    private static Frame frame(RunSpec spec, double gamma, String label, double[][] x, long nfe) {
        int n = x[0].length;
        float[][] f = new float[2][n];
        for (int a = 0; a < 2; a++) {
            for (int i = 0; i < n; i++) {
                f[a][i] = (float) x[a][i];
            }
        }
        return new Frame(0, 0, spec.grid().steps(), gamma, List.of(new Frame.SamplerFrame(label, f, n, nfe, 0)));
    }

    /** The tilted density p_γ(x | c) p_γ(c | x)^w on the cells of {@link DensityGrid#of}'s grid (unnormalised: the map is relative). */
    static DensityGrid tiltedGrid(ClassMixture classes, int c, double w, double gamma, Viewport view) {
        int cols = Math.max(2, view.width() / DensityGrid.CELL);
        int rows = Math.max(2, view.height() / DensityGrid.CELL);
        int n = cols * rows;
        double[][] pts = new double[2][n];
        for (int r = 0; r < rows; r++) {
            double wy = view.y1() - (r + 0.5) / rows * (view.y1() - view.y0());
            for (int k = 0; k < cols; k++) {
                pts[0][r * cols + k] = view.x0() + (k + 0.5) / cols * (view.x1() - view.x0());
                pts[1][r * cols + k] = wy;
            }
        }
        double[] logCond = new double[n];
        double[] logPost = new double[n];
        classes.conditional(c).logDensityBatch(pts, n, gamma, logCond);
        classes.logPosterior(pts, n, gamma, c, logPost);
        double[] values = new double[n];
        double max = 0;
        for (int i = 0; i < n; i++) {
            values[i] = logCond[i] == Double.NEGATIVE_INFINITY ? 0 : Math.exp(logCond[i] + w * logPost[i]);
            max = Math.max(max, values[i]);
        }
        return new DensityGrid(values, cols, rows, max);
    }
}
