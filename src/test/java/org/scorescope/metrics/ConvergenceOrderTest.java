package org.scorescope.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.scorescope.sampler.SamplerRegistry;
import org.scorescope.schedule.VpContinuousSchedule;
import org.scorescope.distribution.Presets;
import org.scorescope.distribution.Target;

/**
 * Issue 3, must-show 2: on gaussian1d, vp-continuous, grid uniform in log-SNR, the exact W2 error
 * falls like T^{-order} (docs/algorithms.md §6). The slope of log error against log T between T = 200
 * and T = 800 (least squares over 200, 400, 800) must be within the stated tolerance.
 */
class ConvergenceOrderTest {

    @ParameterizedTest(name = "{0}: slope {1} ± {2}")
    @CsvSource({
        "ddim, 1.0, 0.1",
        "ddim-exact, 1.0, 0.1",
        "accel-ddim, 2.0, 0.15",
        "accel-ddim-ms, 2.0, 0.15"})
    void exactW2SlopeMatchesTheOrder(String sampler, double order, double tolerance) {
        double slope = RateFit.slope(new int[] {200, 400, 800}, T -> w2(sampler, T));
        assertEquals(order, slope, tolerance, sampler + " measured slope " + slope);
    }

    static double w2(String sampler, int steps) {
        Target target = Presets.get("gaussian1d");
        var grid = VpContinuousSchedule.dpmSolver(VpContinuousSchedule.Spacing.LOGSNR).grid(steps);
        return ExactGaussianError.of(target, SamplerRegistry.create(sampler), grid).w2();
    }
}
