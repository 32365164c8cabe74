package org.scorescope.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scorescope.distribution.Presets;
import org.scorescope.distribution.Target;
import org.scorescope.engine.Engine;
import org.scorescope.sampler.SamplerRegistry;
import org.scorescope.schedule.Schedules;

/**
 * Open item of session 2 (issue 12, defect 6): the seed's {@code ddim} (001 eq. 8) at T = 3 on ring8
 * spreads particles to radius ~30 around a ring of radius 4. The particle check now has, besides the
 * rms rule (cloud rms over {@value Divergence#SCALE_FACTOR}× the target law's), a tail rule at the
 * output: more than 1/k² = 1% of the particles further than k = 10 standard deviations from the
 * mean of the target's law — more than Chebyshev's inequality allows any law with the target's mean
 * and variance. Normal runs (T ≥ 20 on every schedule, any sampler) are not flagged.
 */
class DivergenceTailTest {
    private static Engine engine;

    @BeforeAll
    static void engine() {
        engine = new Engine(2);
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    private static Sweep.Row row(String target, String schedule, String sampler, int steps) {
        return row(target, schedule, sampler, steps, 20_000);
    }

    private static Sweep.Row row(String target, String schedule, String sampler, int steps, int particles) {
        Sweep.Plan plan = new Sweep.Plan(Presets.get(target), Schedules.create(schedule, Map.of(), null, null),
                List.of(SamplerRegistry.create(sampler)), new int[] {steps}, particles, 1, 1, Sweep.Metric.TV);
        return Sweep.run(plan, engine, null, () -> false).get(0);
    }

    @Test
    void theTargetLawsStandardDeviationIsExactForGaussianMixtures() {
        // gaussian: mean (1.5, −0.5), Σ = [[1.2, 0.5], [0.5, 0.4]]: σ(γ)² = γ tr Σ + (1 − γ) d.
        Divergence.ParticleCheck c = new Divergence.ParticleCheck(Presets.get("gaussian"));
        for (double gamma : new double[] {0, 0.3, 1}) {
            assertEquals(Math.sqrt(gamma * 1.6 + (1 - gamma) * 2), c.sd(gamma), 1e-14, "γ = " + gamma);
        }
        assertEquals(1.5 * 1.5 + 0.5 * 0.5 + 1.6, c.secondMoment(), 1e-14);
        // ring8 is centred: its sd at the data end is its rms, 4.04 (radius 4 plus the components' spread).
        Target ring = Presets.get("ring8");
        Divergence.ParticleCheck r = new Divergence.ParticleCheck(ring);
        assertEquals(Math.sqrt(Divergence.secondMoment(ring)), r.sd(1), 1e-12);
        assertEquals(4.0435, r.sd(1), 1e-4);
    }

    @Test
    void ddimAtThreeStepsOnRing8IsFlaggedOnEverySchedule() {
        // linear (the CLI's default): the rms rule, at step 2 — the cloud's rms is 33.3 at ᾱ_1 = 0.319, 13× the law's 2.56.
        Sweep.Row linear = row("ring8", "linear", "ddim", 3);
        Divergence d = linear.divergence();
        assertNotNull(d, linear.csvRow());
        assertEquals(2, d.step());
        assertTrue(d.reason().startsWith("the cloud's rms size is 33.3, 13× the target's 2.56"), d.reason());
        // edm: the rms never reaches 10× (at most 7.4×), but at the output 5.5% of the particles lie beyond 10 sd = 40.4.
        Sweep.Row edm = row("ring8", "edm", "ddim", 3);
        Divergence e = edm.divergence();
        assertNotNull(e, edm.csvRow());
        assertTrue(e.reason().startsWith("at the output 1105 of 20000 particles (5.5%) lie further than 10 sd (40.4) from the target law's mean"),
                e.reason());
        assertEquals(2, e.step(), "the grid's largest-β step is named");
        assertEquals(0.98722, e.beta(), 5e-6);
        assertTrue(e.message().startsWith("ddim diverged at step t=2"), e.message());
        assertTrue(e.remedy().contains("take more steps"), e.remedy());
        assertEquals("2", edm.csvRow().split(",", -1)[8]);
        // The live summary (RunMetrics) runs the same check on the same run.
        Target ring = Presets.get("ring8");
        RunMetrics live = new RunMetrics(Binning.defaultFor(ring, 20_000));
        engine.run(org.scorescope.engine.RunSpec.of(ring, Schedules.create("edm", Map.of(), null, null).grid(3),
                List.of(org.scorescope.engine.SamplerSlot.of(SamplerRegistry.create("ddim"))), 20_000, 1), live);
        assertEquals(e.message(), live.latest().divergence()[0].message());
        // ddim-exact (the exact DDIM coefficients) on the same grid stays on the scale.
        assertNull(row("ring8", "edm", "ddim-exact", 3).divergence());
    }

    @Test
    void normalRunsAreNotFlagged() {
        for (String schedule : new String[] {"linear", "vp-continuous", "edm", "theory"}) {
            for (String sampler : new String[] {"ddpm", "ddim", "accel-ddpm", "accel-ddim-ms", "dpm-solver-2"}) {
                for (int steps : new int[] {20, 100}) {
                    Sweep.Row r = row("ring8", schedule, sampler, steps, 5_000);
                    assertNull(r.divergence(), schedule + " " + r.csvRow());
                }
            }
        }
        // A target whose moments come from exact draws (not a Gaussian mixture).
        for (String sampler : new String[] {"ddpm", "ddim", "accel-ddim-ms"}) {
            assertNull(row("checkerboard", "linear", sampler, 50, 5_000).divergence(), sampler);
        }
    }
}
