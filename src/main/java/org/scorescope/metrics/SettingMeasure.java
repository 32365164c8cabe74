package org.scorescope.metrics;

import java.util.List;
import org.scorescope.distribution.Target;
import org.scorescope.engine.Engine;
import org.scorescope.engine.RunResult;
import org.scorescope.engine.RunSpec;
import org.scorescope.engine.SamplerSlot;
import org.scorescope.sampler.Sampler;
import org.scorescope.schedule.Grid;

/**
 * One measurement of a sweep on a {@link SweepSetting} (a target in any dimension, with or without a
 * score error) — docs/imperfect-scores.md:
 * <ul>
 * <li>{@code tv}: histogram TV of the particles at ᾱ_0 on the target's plane ({@link PlaneProjection})
 * against the exact law there; floor = the noise floor of N exact draws;</li>
 * <li>{@code exact-w2}, {@code exact-kl}: the exact law of the sampler on a single Gaussian in any d
 * ({@link SpectralPropagation}, from X(ᾱ_T)), with bias, scale or noise-level errors; floor = the
 * double-precision resolution of the per-direction sums;</li>
 * <li>{@code eps-score}, {@code eps-jacobi}: the realised error sizes on the run's grid
 * ({@link RealisedScoreError}, {@value RealisedScoreError#DEFAULT_SAMPLES} exact draws per level);
 * floor = two Monte Carlo standard errors; no sampler is run (nfe 0).</li>
 * </ul>
 */
public final class SettingMeasure {
    /** The metric ids this class measures. */
    public static final List<String> METRICS = List.of("tv", "exact-w2", "exact-kl", "eps-score", "eps-jacobi");

    private SettingMeasure() {
    }

    /**
     * A measured value.
     *
     * @param value the error
     * @param floor the error under which {@code value} is not resolved
     * @param nfe score evaluations per particle (0 when no sampler ran)
     * @param diverged particles that became NaN or infinite (tv only)
     */
    public record Value(double value, double floor, long nfe, long diverged) {
    }

    /** Whether a metric needs a single-Gaussian target. */
    public static boolean needsGaussian(String metric) {
        return metric.startsWith("exact-");
    }

    /**
     * @param setting target and score error
     * @param sampler the sampler (ignored by the eps metrics)
     * @param grid the grid
     * @param metric one of {@link #METRICS}
     * @param particles N (tv)
     * @param seed the seed (tv, eps)
     * @param engine the engine (tv)
     * @throws IllegalArgumentException naming what does not fit (a mixture for an exact metric, a field
     *     error for an exact metric, an eps metric without an error)
     */
    public static Value measure(SweepSetting setting, Sampler sampler, Grid grid, String metric, int particles, long seed, Engine engine) {
        Target target = setting.target();
        switch (metric) {
            case "tv": {
                PlaneProjection plane = PlaneProjection.of(target);
                Binning binning = Binning.defaultFor(plane.law(), particles);
                double[] masses = ExactBinMasses.compute(plane.law(), binning, grid.abar(0));
                RunSpec spec = new RunSpec(target, setting.score(), grid, List.of(SamplerSlot.of(sampler)), particles, seed, null);
                RunResult r = engine.run(spec, null);
                double[][] y = plane.project(r.positions().get(0), particles);
                double tv = TotalVariation.of(Histogram.of(y, particles, binning), masses);
                return new Value(tv, NoiseFloor.of(masses, particles).upper(), r.nfe()[0], r.diverged()[0]);
            }
            case "exact-w2":
            case "exact-kl": {
                if (!SpectralPropagation.applies(target)) {
                    throw new IllegalArgumentException("metric " + metric + " needs a single-Gaussian target (gaussian, gaussian1d, line, "
                            + "or one of them embedded); use tv");
                }
                SpectralPropagation.Result r = SpectralPropagation.run(target, setting.error() == null ? null : setting.perturbed(),
                        sampler, grid, GaussianPropagation.Start.EXACT_MARGINAL);
                double v = metric.equals("exact-w2") ? r.w2() : r.kl();
                double floor = 1e-14 * Math.sqrt(target.dim()) * (grid.steps() + 1);
                return new Value(v, floor, r.nfe(), 0);
            }
            case "eps-score":
            case "eps-jacobi": {
                if (setting.error() == null) {
                    throw new IllegalArgumentException("metric " + metric + " measures a score error: give one (--score-error or --score-errors)");
                }
                boolean jacobian = metric.equals("eps-jacobi");
                RealisedScoreError e = RealisedScoreError.measure(setting.perturbed(), grid, RealisedScoreError.DEFAULT_SAMPLES, jacobian, seed);
                return jacobian ? new Value(e.epsJacobi(), 2 * e.epsJacobiSe(), 0, 0) : new Value(e.epsScore(), 2 * e.epsScoreSe(), 0, 0);
            }
            default:
                throw new IllegalArgumentException("unknown metric '" + metric + "'; allowed: " + String.join(", ", METRICS));
        }
    }
}
