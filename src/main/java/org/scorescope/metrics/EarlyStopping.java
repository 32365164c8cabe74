package org.scorescope.metrics;

import java.util.ArrayList;
import java.util.List;
import org.scorescope.distribution.EmpiricalTarget;
import org.scorescope.distribution.Target;
import org.scorescope.engine.Engine;
import org.scorescope.engine.RunSpec;
import org.scorescope.engine.SamplerSlot;
import org.scorescope.sampler.Sampler;
import org.scorescope.schedule.Grid;

/**
 * Early stopping as the smoothing knob of a memorising score (docs/imperfect-scores.md): stop the
 * sampler at level ᾱ_δ and return Y_δ/√ᾱ_δ. With the exact empirical score and an exact sampler that
 * law is the kernel density estimate (1/n) Σ_i N(x_i, h² I) of the training points with bandwidth
 * h = √((1−ᾱ_δ)/ᾱ_δ): h → 0 gives the training points back (memorisation), a larger h smooths them
 * toward — and eventually past — the population. One run serves every stopping level: the listener
 * reads Y_t at each requested step.
 */
public final class EarlyStopping {
    private EarlyStopping() {
    }

    /**
     * One stopping level.
     *
     * @param step the grid step t at which the sampler stops
     * @param abar ᾱ_t
     * @param bandwidth h = √((1−ᾱ_t)/ᾱ_t)
     * @param tvIdeal exact TV (quadrature) between the ideal stopped law (the KDE) and the population's data law
     * @param tvIdealError its quadrature error bound
     * @param memorisation the particles' metrics (rescaled outputs against the data law and the training points, level 1)
     */
    public record Point(int step, double abar, double bandwidth, double tvIdeal, double tvIdealError, Memorisation memorisation) {
    }

    /**
     * Runs the sampler once and measures the rescaled outputs at each requested step.
     *
     * @param target the empirical target (planar)
     * @param sampler the sampler
     * @param grid the grid
     * @param steps the steps t at which to stop (0 = no early stopping)
     * @param particles N
     * @param seed the run's seed
     * @param radius the memorisation radius r
     * @param engine the engine
     */
    public static List<Point> along(EmpiricalTarget target, Sampler sampler, Grid grid, int[] steps, int particles, long seed,
            double radius, Engine engine) {
        if (target.dim() != 2) {
            throw new IllegalArgumentException("early stopping is measured on planar empirical targets");
        }
        double[][][] captured = new double[steps.length][][];
        RunSpec spec = RunSpec.of(target, grid, List.of(SamplerSlot.of(sampler)), particles, seed);
        engine.run(spec, v -> {
            for (int k = 0; k < steps.length; k++) {
                if (v.t() == steps[k]) {
                    double[][] y = v.positions(0);
                    double inv = 1 / Math.sqrt(v.abar());
                    for (double[] axis : y) {
                        for (int i = 0; i < axis.length; i++) {
                            axis[i] *= inv;
                        }
                    }
                    captured[k] = y;
                }
            }
        });
        List<Point> out = new ArrayList<>();
        Target population = target.population();
        for (int k = 0; k < steps.length; k++) {
            double abar = grid.abar(steps[k]);
            double h = Math.sqrt((1 - abar) / abar);
            QuadratureTv.Result ideal = idealTv(target, abar);
            Memorisation m = Memorisation.of(target, captured[k], particles, 1.0, radius, seed);
            out.add(new Point(steps[k], abar, h, ideal.value(), ideal.error(), m));
        }
        return out;
    }

    /** TV between the KDE of bandwidth h(ᾱ) and the population's data law, by quadrature on 300 and 600 cells per axis. */
    public static QuadratureTv.Result idealTv(EmpiricalTarget target, double abar) {
        return idealTv(target, abar, 300);
    }

    /** The same with {@code cells} and 2·{@code cells} cells per axis. */
    public static QuadratureTv.Result idealTv(EmpiricalTarget target, double abar, int cells) {
        Target population = target.population();
        double h = Math.sqrt((1 - abar) / abar);
        double sg = Math.sqrt(abar);
        double[][] box = population.bounds();
        double[] lo = {box[0][0] - 4 * h, box[0][1] - 4 * h};
        double[] hi = {box[1][0] + 4 * h, box[1][1] + 4 * h};
        QuadratureTv.LogDensity kde = (x, n, out) -> {
            double[][] scaled = new double[2][n];
            for (int a = 0; a < 2; a++) {
                for (int i = 0; i < n; i++) {
                    scaled[a][i] = sg * x[a][i];
                }
            }
            target.logDensityBatch(scaled, n, abar, out);
            double shift = Math.log(abar);
            for (int i = 0; i < n; i++) {
                out[i] += shift;
            }
        };
        QuadratureTv.LogDensity data = (x, n, out) -> population.logDensityBatch(x, n, 1.0, out);
        return QuadratureTv.of(kde, data, lo, hi, cells);
    }
}
