package org.scorescope.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.core.source64.SplitMix64;
import org.junit.jupiter.api.Test;
import org.scorescope.distribution.Presets;
import org.scorescope.distribution.Target;
import org.scorescope.sampler.SamplerRegistry;
import org.scorescope.schedule.Grid;
import org.scorescope.schedule.Schedules;

/**
 * "TV at the last step" (docs/measurements.md): the histogram TV of deterministic samplers jumps at
 * the last step of the linear grid (ᾱ_1 = 0.991 → ᾱ_0 = 0.9999). The metric is not the cause: exact
 * draws of X(ᾱ_t) give the noise floor's closed-form mean (de Moivre) at every one of the last levels,
 * on the window's 1M bins (63 × 63) and, at ᾱ_0, on bins 2× finer per axis; the cause is the step, whose exact law (no
 * histogram) jumps in KL on one moons component.
 */
class LastStepTvTest {
    static final Grid LINEAR_40 = Schedules.byId("linear").grid(40);

    @Test
    void exactDrawsSitOnTheNoiseFloorAtTheSharpOutputLevel() {
        int n = 200_000;
        double[][] x = new double[2][n];
        for (String id : new String[] {"moons", "ring8"}) {
            Target target = Presets.get(id);
            Binning window = Binning.defaultFor(target, 1_000_000);
            Binning fine = new Binning(window.lo(), window.hi(), new int[] {2 * window.bins()[0], 2 * window.bins()[1]});
            for (Binning b : new Binning[] {window, fine}) {
                for (int t = 0; t <= (b == window ? 2 : 0); t++) {
                    double gamma = LINEAR_40.abar(t);
                    double[] masses = ExactBinMasses.compute(target, b, gamma);
                    double total = 0;
                    for (double m : masses) {
                        total += m;
                    }
                    assertTrue(total > 0.9999 && total <= 1 + 1e-9, id + ": the bins hold the law at ᾱ = " + gamma + " (the rest is the outside cell): " + total);
                    NoiseFloor floor = NoiseFloor.of(masses, n);
                    target.sample(gamma, new SplitMix64(7 + t), x, 0, n);
                    double tv = TotalVariation.of(Histogram.of(x, n, b), masses);
                    String where = id + " " + b.bins()[0] + "x" + b.bins()[1] + " bins, t = " + t + " (ᾱ = " + gamma + "): TV " + tv + ", floor " + floor;
                    assertTrue(Math.abs(tv - floor.mean()) <= 4 * floor.sd(), where);
                }
            }
        }
        assertEquals(0.9999, LINEAR_40.abar(0), 1e-12);
    }

    @Test
    void theJumpIsTheLastStepsOwnErrorInTheExactLaw() {
        // one moons component: variances 0.06 and 0.01 (Presets.moons), the noise crosses its narrow width during the last step
        Target component = new org.scorescope.distribution.GaussianMixture(new double[] {1}, new double[][] {{-1, 1.5}},
                new double[][][] {{{0.01, 0}, {0, 0.06}}});
        double[] kl = new double[2];
        GaussianPropagation.run(component, SamplerRegistry.create("dpm-solver-2"), LINEAR_40, GaussianPropagation.Start.STANDARD_NORMAL, (t, r) -> {
            if (t <= 1) {
                kl[t] = ExactGaussianError.compare(component, r, LINEAR_40.abar(t)).kl();
            }
        });
        // measured: 2.2e-4 at t = 1, 2.2e-2 at t = 0
        assertTrue(kl[1] < 5e-4 && kl[0] > 30 * kl[1], "KL at t = 1: " + kl[1] + ", at t = 0: " + kl[0]);
        // the same sampler on a grid uniform in log-SNR has no jump
        Grid logSnr = Schedules.byId("vp-continuous").grid(40);
        GaussianPropagation.run(component, SamplerRegistry.create("dpm-solver-2"), logSnr, GaussianPropagation.Start.STANDARD_NORMAL, (t, r) -> {
            if (t <= 1) {
                kl[t] = ExactGaussianError.compare(component, r, logSnr.abar(t)).kl();
            }
        });
        assertTrue(kl[0] < 1.1 * kl[1], "log-SNR grid, KL at t = 1: " + kl[1] + ", at t = 0: " + kl[0]);
    }
}
