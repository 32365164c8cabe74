package org.scorescope.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** docs/algorithms.md §3. */
class ScheduleTest {

    @Test
    void theoryScheduleFollowsEq13AndEndsNearZero() {
        int steps = 200;
        Grid g = new TheorySchedule(2, 4, true).grid(steps);
        assertEquals(1.0, g.abar(0), 0);
        double r = 4 * Math.log(steps) / steps;
        double beta1 = Math.pow(steps, -2.0);
        assertEquals(1 - beta1, g.abar(1), 1e-15);
        double beta7 = r * Math.min(beta1 * Math.pow(1 + r, 7), 1);
        assertEquals(g.abar(6) * (1 - beta7), g.abar(7), 1e-15);
        assertTrue(g.abar(steps) < 1e-3, "abar_T = " + g.abar(steps));
        assertTrue(g.hasBeyond() && g.abar(steps + 1) < g.abar(steps));
        assertTrue(g.label().contains("final denoising step"), g.label());
    }

    /** Issue 12, item 3: by default the theory schedule stops at ᾱ_1, where 001's theorems compare Y_1 with X_1. */
    @Test
    void theoryScheduleMeasuresAtAbar1ByDefault() {
        int steps = 200;
        Grid withData = new TheorySchedule(2, 4, true).grid(steps);
        Grid g = new TheorySchedule(2, 4).grid(steps);
        assertEquals(steps - 1, g.steps(), "eq. 13's T forward steps: the sampler makes T − 1 steps to ᾱ_1");
        assertEquals(1 - Math.pow(steps, -2.0), g.abar(0), 1e-15);
        for (int t = 0; t < steps; t++) {
            assertEquals(withData.abar(t + 1), g.abar(t), 0);
        }
        assertEquals(withData.abar(steps + 1), g.abar(g.steps() + 1), 0, "ᾱ_{T+1} for eq. 15's first step");
        assertTrue(g.label().contains("output level ᾱ_1"), g.label());
        assertEquals(g, Schedules.create("theory", Map.of(), null, null).grid(steps));
        assertEquals(withData, Schedules.create("theory", Map.of("denoise", 1.0), null, null).grid(steps));
        assertThrows(IllegalArgumentException.class, () -> Schedules.create("theory", Map.of("denoise", 0.5), null, null));
        assertThrows(IllegalArgumentException.class, () -> Schedules.create("linear", Map.of("c0", 2.0), null, null));
    }

    /** Issue 12, item 6: betaMax truncates the coarse grid at a maximum β, moving only the noise end. */
    @Test
    void betaMaxTruncatesTheCoarseGrid() {
        Grid plain = DiscreteSchedule.cosine().grid(640);
        assertEquals(0.99975, 1 - plain.alpha(640), 5e-6, "cosine's first coarse step merges two fine steps");
        Grid cut = ((DiscreteSchedule) Schedules.create("cosine", Map.of("betaMax", 0.99), null, null)).grid(640);
        double worst = 0;
        for (int t = 1; t <= 640; t++) {
            worst = Math.max(worst, 1 - cut.alpha(t));
        }
        assertTrue(worst <= 0.99 + 1e-12, "largest beta " + worst);
        assertEquals(plain.abar(600), cut.abar(600), 0, "the data end is unchanged");
        assertTrue(cut.abar(640) > plain.abar(640));
    }

    @Test
    void linearScheduleIsTheW1Subsequence() {
        Grid g = DiscreteSchedule.linear().grid(20);
        // gmm_numpy.py: abar_full = cumprod(1 − linspace(1e-4, 0.02, 1000)); idx = round(linspace(0, 999, 21)).
        double p = 1;
        double[] full = new double[1000];
        for (int i = 0; i < 1000; i++) {
            p *= 1 - (1e-4 + (0.02 - 1e-4) * i / 999.0);
            full[i] = p;
        }
        for (int t = 0; t <= 20; t++) {
            assertEquals(full[(int) Math.round(999.0 * t / 20)], g.abar(t), 0);
        }
    }

    @Test
    void vpContinuousLogSnrGridIsUniformInLambdaAndInverts() {
        VpContinuousSchedule s = VpContinuousSchedule.dpmSolver(VpContinuousSchedule.Spacing.LOGSNR);
        for (double t : new double[] {1e-3, 0.1, 0.5, 0.99, 1}) {
            assertEquals(t, s.timeOf(s.lambda(t)), 1e-12);
        }
        Grid g = s.grid(10);
        double step = lam(g.abar(1)) - lam(g.abar(0));
        for (int i = 1; i <= 10; i++) {
            assertEquals(step, lam(g.abar(i)) - lam(g.abar(i - 1)), 1e-10);
        }
        assertEquals(s.abarAt(1e-3), g.abar(0), 1e-15);
        assertEquals(s.abarAt(1), g.abar(10), 1e-15);
        Grid time = VpContinuousSchedule.dpmSolver(VpContinuousSchedule.Spacing.TIME).grid(4);
        assertEquals(s.abarAt(1e-3 + (1 - 1e-3) * 0.25), time.abar(1), 1e-15);
    }

    private static double lam(double abar) {
        return 0.5 * Math.log(abar / (1 - abar));
    }

    @Test
    void edmCosineAndLogSnrAreDecreasingWithTheirEndpoints() {
        Grid e = new EdmSchedule(0.002, 80, 7).grid(12);
        assertEquals(1 / (1 + 80.0 * 80.0), e.abar(12), 1e-15);
        assertEquals(1 / (1 + 0.002 * 0.002), e.abar(0), 1e-15);
        Grid c = DiscreteSchedule.cosine().grid(50);
        assertTrue(c.abar(0) > 0.999 && c.abar(50) < 1e-3);
        Grid l = new LogSnrSchedule(0.9999, 4e-5).grid(7);
        assertEquals(0.9999, l.abar(0), 1e-15);
        assertEquals(4e-5, l.abar(7), 1e-17);
    }

    @Test
    void customGridIsValidatedWithAClearMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Schedules.create("custom", Map.of(), null, new double[] {0.9, 0.95, 0.1}));
        assertTrue(e.getMessage().contains("strictly decreasing") && e.getMessage().contains("alpha-bar[1]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new CustomSchedule(new double[] {0.9, 0.0}));
        assertTrue(e.getMessage().contains("(0, 1)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Schedules.byId("sigmoid"));
        assertTrue(e.getMessage().contains("allowed: theory, linear"), e.getMessage());
        Grid g = new CustomSchedule(new double[] {0.999, 0.5, 0.01}).grid(2);
        assertEquals(2, g.steps());
        assertThrows(IllegalArgumentException.class, () -> new CustomSchedule(new double[] {0.999, 0.5, 0.01}).grid(3));
    }
}
