package org.scorescope.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scorescope.distribution.ClassMixture;
import org.scorescope.distribution.GaussianMixture;
import org.scorescope.distribution.Presets;
import org.scorescope.distribution.Target;
import org.scorescope.engine.Engine;
import org.scorescope.engine.RunResult;
import org.scorescope.engine.RunSpec;
import org.scorescope.engine.SamplerSlot;
import org.scorescope.sampler.SamplerRegistry;
import org.scorescope.schedule.DiscreteSchedule;
import org.scorescope.schedule.Grid;
import org.scorescope.score.ExactScore;
import org.scorescope.score.GuidedScore;
import org.scorescope.score.ScoreFunction;

/**
 * 003 Part 4 with exact numbers: honest NFE of guided runs, the tilted law's quadrature against
 * exact bin masses and exact draws, Theorem 9's metric on exact draws (1/π_c) and its decrease in w
 * on guided runs, and the guided output not being the tilted law.
 */
class GuidanceTest {
    private static Engine engine;

    @BeforeAll
    static void start() {
        engine = new Engine(2);
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    private static ClassMixture classes(String id) {
        return ClassMixture.of(Presets.get(id), Presets.classes(id));
    }

    private static RunResult run(ClassMixture m, int c, ScoreFunction score, String sampler, Grid grid, int n, long seed) {
        return engine.run(new RunSpec(m.conditional(c), score, grid, List.of(SamplerSlot.of(SamplerRegistry.create(sampler))), n, seed, null),
                null);
    }

    @Test
    void guidedRunCountsExactlyTwiceTheEvaluationsOfTheUnguidedRun() {
        ClassMixture m = classes("ring8-classes");
        Grid grid = DiscreteSchedule.linear().grid(12);
        for (String sampler : List.of("ddpm", "dpm-solver-2", "heun", "accel-ddpm", "piadm-sde", "unipc-3")) {
            long plain = run(m, 1, new ExactScore(m.conditional(1)), sampler, grid, 100, 1).nfe()[0];
            long zero = run(m, 1, new GuidedScore(m, 1, 0), sampler, grid, 100, 1).nfe()[0];
            long guided = run(m, 1, new GuidedScore(m, 1, 2.5), sampler, grid, 100, 1).nfe()[0];
            assertEquals(plain, zero, sampler + ": w = 0 is plain conditional sampling");
            assertEquals(2 * plain, guided, sampler + ": a guided call is two model evaluations");
        }
        // with a guidance interval only the levels inside it cost two (DDPM evaluates once per step, at ᾱ_t)
        GuidedScore interval = new GuidedScore(m, 1, 2, 0.3, 0.9);
        long inside = 0;
        for (int t = 1; t <= grid.steps(); t++) {
            inside += grid.abar(t) >= 0.3 && grid.abar(t) <= 0.9 ? 1 : 0;
        }
        assertTrue(inside > 0 && inside < grid.steps());
        assertEquals(grid.steps() + inside, run(m, 1, interval, "ddpm", grid, 100, 1).nfe()[0]);
    }

    @Test
    void zeroStrengthIsBitForBitConditionalSampling() {
        ClassMixture m = classes("ring8-classes");
        Grid grid = DiscreteSchedule.linear().grid(15);
        for (String sampler : List.of("ddpm", "dpm-solver-2")) {
            double[][] guided = run(m, 1, new GuidedScore(m, 1, 0), sampler, grid, 3000, 4).positions().get(0);
            double[][] plain = run(m, 1, new ExactScore(m.conditional(1)), sampler, grid, 3000, 4).positions().get(0);
            for (int a = 0; a < 2; a++) {
                org.junit.jupiter.api.Assertions.assertArrayEquals(plain[a], guided[a], sampler);
            }
        }
    }

    /**
     * Must-show 1, the one 1M-particle check: w = 0, DDPM, T = 1000 on ring8-classes lands in the
     * noise-floor band of p(x|c), widened only by DDPM's own discretization error at T = 1000, which
     * exact propagation of one component bounds (Pinsker: TV ≤ √(KL/2) ≈ 0.004; the tangential
     * variance comes out 1% too large).
     */
    @Test
    void mustShow1ZeroStrengthReachesTheNoiseFloorOfTheConditionalWithAMillionParticles() {
        ClassMixture m = classes("ring8-classes");
        Grid grid = org.scorescope.schedule.Schedules.create("vp-continuous", Map.of(), "time", null).grid(1000);
        int n = 1_000_000;
        RunResult r = run(m, 0, new GuidedScore(m, 0, 0), "ddpm", grid, n, 1);
        GuidanceMeasure measure = new GuidanceMeasure(m, 0, 0, grid.abar(0), Binning.defaultFor(m.unconditional(), n));
        double tv = measure.measure(r.positions().get(0), n, EnumSet.of(GuidanceMeasure.Metric.TV_CONDITIONAL))
                .get(GuidanceMeasure.Metric.TV_CONDITIONAL).value();
        NoiseFloor floor = NoiseFloor.of(measure.conditionalMasses(), n);
        GaussianMixture ring = (GaussianMixture) m.unconditional();
        Target component = new GaussianMixture(new double[] {1}, new double[][] {ring.mean(0)}, new double[][][] {ring.covariance(0)});
        double kl = ExactGaussianError.of(component, SamplerRegistry.create("ddpm"), grid).kl();
        double discretization = Math.sqrt(kl / 2);
        assertTrue(discretization < 0.005, "DDPM at T = 1000: TV ≤ " + discretization);
        assertTrue(tv > floor.lower(), "TV " + tv + " below the floor band " + floor.lower());
        assertTrue(tv < floor.upper() + discretization, "TV " + tv + " vs band " + floor.mean() + " ± 2·" + floor.sd() + " + " + discretization);
    }

    @Test
    void exactPropagationCountsTheEvaluationCost() {
        Target g = Presets.get("gaussian");
        Grid grid = DiscreteSchedule.linear().grid(20);
        var sampler = SamplerRegistry.create("dpm-solver-2");
        long one = GaussianPropagation.run(g, sampler, grid).nfe();
        long two = GaussianPropagation.run(g, sampler, grid, GaussianPropagation.Start.EXACT_MARGINAL, null, gamma -> 2).nfe();
        assertEquals(40, one);
        assertEquals(2 * one, two);
    }

    @Test
    void tiltedLawAtZeroStrengthIsTheConditionalsExactBinMasses() {
        for (String id : List.of("ring8-classes", "two-classes", "two-classes-1d")) {
            ClassMixture m = classes(id);
            for (double gamma : new double[] {0.9999, 0.5}) {
                Binning b = Binning.defaultFor(m.unconditional(), 200_000);
                TiltedLaw.Masses t = TiltedLaw.binMasses(m, 1, 0, gamma, b);
                double[] exact = ExactBinMasses.compute(m.conditional(1), b, gamma);
                double tv = 0;
                for (int k = 0; k < exact.length; k++) {
                    tv += 0.5 * Math.abs(exact[k] - t.masses()[k]);
                }
                assertTrue(tv < 1e-8, id + " γ=" + gamma + " quadrature vs exact: " + tv);
                assertTrue(t.error() < 1e-6, id + " error estimate " + t.error());
                assertEquals(0, t.logZ(), 1e-8, "Z = E[p(c|X)^0] = 1");
            }
        }
    }

    @Test
    void tiltedLawResolvesTheBlurredEdgesOfBoxes() {
        // at ᾱ_0 = 0.9999 a cell's density drops to zero across 0.01: the graded mesh must catch it
        ClassMixture m = classes("checkerboard-classes");
        double gamma = 0.9999;
        Binning b = Binning.defaultFor(m.unconditional(), 20_000);
        TiltedLaw.Masses t = TiltedLaw.binMasses(m, 0, 0, gamma, b);
        double[] exact = ExactBinMasses.compute(m.conditional(0), b, gamma);
        double tv = 0;
        for (int k = 0; k < exact.length; k++) {
            tv += 0.5 * Math.abs(exact[k] - t.masses()[k]);
        }
        assertTrue(tv < 1e-6, "quadrature vs exact box masses: " + tv);
        assertTrue(t.error() < 1e-5, "error estimate " + t.error());
    }

    @Test
    void tiltedLawIn1dMatchesAFineMidpointRule() {
        ClassMixture m = classes("two-classes-1d");
        double gamma = 0.9999;
        double w = 3;
        Binning b = Binning.defaultFor(m.unconditional(), 100_000);
        TiltedLaw.Masses t = TiltedLaw.binMasses(m, 0, w, gamma, b);
        // q ∝ N(x; −√γ, C) σ(−2√γ x / C)^w with C = 0.5γ + 1 − γ: the classes share C, so p(0|x) is logistic
        double c = 0.5 * gamma + 1 - gamma;
        double mu = Math.sqrt(gamma);
        java.util.function.DoubleUnaryOperator q = x -> Math.exp(-0.5 * (x + mu) * (x + mu) / c) * Math.pow(1 / (1 + Math.exp(2 * mu * x / c)), w);
        double z = midpoint(q, -12, 12, 200_000);
        double[] edges = b.edges(0);
        double tv = 0;
        for (int k = 0; k < b.bins()[0]; k++) {
            tv += 0.5 * Math.abs(midpoint(q, edges[k], edges[k + 1], 2000) / z - t.masses()[k]);
        }
        assertEquals(Math.log(z / Math.sqrt(2 * Math.PI * c)), t.logZ(), 1e-9, "log Z");
        assertTrue(tv < 1e-7, "quadrature vs midpoint rule: " + tv);
        assertTrue(t.error() < 1e-6, "error estimate " + t.error());
    }

    private static double midpoint(java.util.function.DoubleUnaryOperator f, double lo, double hi, int cells) {
        double h = (hi - lo) / cells;
        double s = 0;
        for (int i = 0; i < cells; i++) {
            s += f.applyAsDouble(lo + (i + 0.5) * h);
        }
        return s * h;
    }

    @Test
    void exactTiltedDrawsFallInsideTheNoiseFloorOfTheQuadratureMasses() {
        ClassMixture m = classes("two-classes");
        double gamma = 0.9999;
        int n = 100_000;
        Binning b = Binning.defaultFor(m.unconditional(), n);
        GuidanceMeasure measure = new GuidanceMeasure(m, 0, 2, gamma, b);
        double[][] x = new double[2][n];
        m.sampleTilted(0, 2, gamma, RandomSource.XO_RO_SHI_RO_128_PP.create(9L), x, 0, n);
        var v = measure.measure(x, n, EnumSet.of(GuidanceMeasure.Metric.TV_TILTED, GuidanceMeasure.Metric.TV_CONDITIONAL,
                GuidanceMeasure.Metric.FLOOR_TILTED));
        NoiseFloor floor = NoiseFloor.of(measure.tilted().masses(), n);
        double tv = v.get(GuidanceMeasure.Metric.TV_TILTED).value();
        assertTrue(tv < floor.upper(), "TV " + tv + " vs floor " + floor.mean() + " ± " + floor.sd());
        assertTrue(v.get(GuidanceMeasure.Metric.TV_CONDITIONAL).value() > floor.upper() + 0.05, "tilted is not the conditional");
    }

    @Test
    void theorem9MetricOfExactConditionalDrawsIsOneOverThePrior() {
        // p(x|c)/p(c|x) = p(x)/π_c, so E[1/p(c|X) | c] = 1/π_c at every level, with that level's classifier
        for (String id : List.of("two-classes", "two-classes-1d")) {
            ClassMixture m = classes(id);
            int n = 200_000;
            double gamma = 0.9999;
            double[][] x = new double[m.dim()][n];
            m.conditional(0).sample(gamma, RandomSource.XO_RO_SHI_RO_128_PP.create(21L), x, 0, n);
            GuidanceMeasure measure = new GuidanceMeasure(m, 0, 0, gamma, Binning.defaultFor(m.unconditional(), n));
            var v = measure.measure(x, n, EnumSet.of(GuidanceMeasure.Metric.THM9_EARLY, GuidanceMeasure.Metric.SPREAD));
            GuidanceMeasure.Estimate e = v.get(GuidanceMeasure.Metric.THM9_EARLY);
            assertEquals(measure.exactConditional(GuidanceMeasure.Metric.THM9_EARLY), e.value(), 4 * e.se(), id + " E[1/p(c|X)]");
            assertEquals(2, measure.exactConditional(GuidanceMeasure.Metric.THM9_EARLY), 1e-12);
            double spread = measure.exactConditional(GuidanceMeasure.Metric.SPREAD);
            assertEquals(spread, v.get(GuidanceMeasure.Metric.SPREAD).value(), 0.02 * spread, id + " spread");
        }
        // ring8-classes: the classes do not overlap at the output level, so half of E[1/p(c|X)] = 2
        // sits where p(x|c) is ~e^-40 and Monte Carlo sees 1: the metric saturates on separated classes
        ClassMixture ring = classes("ring8-classes");
        int n = 50_000;
        double[][] y = new double[2][n];
        ring.conditional(0).sample(0.9999, RandomSource.XO_RO_SHI_RO_128_PP.create(22L), y, 0, n);
        GuidanceMeasure rm = new GuidanceMeasure(ring, 0, 0, 0.9999, Binning.defaultFor(ring.unconditional(), n));
        double seen = rm.measure(y, n, EnumSet.of(GuidanceMeasure.Metric.THM9)).get(GuidanceMeasure.Metric.THM9).value();
        assertTrue(seen >= 1 && seen < 1 + 1e-3, "ring8-classes, exact draws: " + seen);
        ClassMixture board = classes("checkerboard-classes");
        GuidanceMeasure m = new GuidanceMeasure(board, 0, 1, 0.9999, Binning.defaultFor(board.unconditional(), 100));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> m.measure(new double[2][1], 1, EnumSet.of(GuidanceMeasure.Metric.THM9)));
        assertTrue(e.getMessage().contains("use thm9-early"), e.getMessage());
    }

    @Test
    void theorem9GuidanceLowersTheReciprocalClassifierProbabilityAndTheSpread() {
        ClassMixture m = classes("two-classes-1d");
        Grid grid = DiscreteSchedule.linear().grid(100);
        int n = 40_000;
        Binning b = Binning.defaultFor(m.unconditional(), n);
        double previous = Double.POSITIVE_INFINITY;
        double previousSe = 0;
        double previousSpread = Double.POSITIVE_INFINITY;
        for (double w : new double[] {0, 1, 4}) {
            RunResult r = run(m, 1, new GuidedScore(m, 1, w), "ddpm", grid, n, 3);
            GuidanceMeasure measure = new GuidanceMeasure(m, 1, w, grid.abar(0), b);
            Map<GuidanceMeasure.Metric, GuidanceMeasure.Estimate> v = measure.measure(r.positions().get(0), n,
                    EnumSet.of(GuidanceMeasure.Metric.THM9, GuidanceMeasure.Metric.CONFIDENCE, GuidanceMeasure.Metric.SPREAD));
            GuidanceMeasure.Estimate thm9 = v.get(GuidanceMeasure.Metric.THM9);
            if (w == 0) {
                assertEquals(2, thm9.value(), 4 * thm9.se() + 0.01, "w = 0 samples p(x|c): E[1/p(c|Y)] ≈ 1/π_c");
            }
            assertTrue(thm9.value() + 3 * Math.hypot(thm9.se(), previousSe) < previous, "w=" + w + ": " + thm9 + " after " + previous);
            double spread = v.get(GuidanceMeasure.Metric.SPREAD).value();
            assertTrue(spread < previousSpread, "spread falls with w");
            previous = thm9.value();
            previousSe = thm9.se();
            previousSpread = spread;
        }
    }

    @Test
    void guidedOutputStaysAwayFromTheTiltedLawAsStepsGrow() {
        ClassMixture m = classes("two-classes-1d");
        int n = 100_000;
        Binning b = Binning.defaultFor(m.unconditional(), n);
        double w = 3;
        double[] tv = new double[2];
        NoiseFloor floor = null;
        int[] steps = {100, 400};
        for (int k = 0; k < 2; k++) {
            Grid grid = DiscreteSchedule.linear().grid(steps[k]);
            RunResult r = run(m, 1, new GuidedScore(m, 1, w), "ddpm", grid, n, 5);
            GuidanceMeasure measure = new GuidanceMeasure(m, 1, w, grid.abar(0), b);
            tv[k] = measure.measure(r.positions().get(0), n, EnumSet.of(GuidanceMeasure.Metric.TV_TILTED)).get(GuidanceMeasure.Metric.TV_TILTED)
                    .value();
            floor = NoiseFloor.of(measure.tilted().masses(), n);
        }
        assertTrue(tv[1] > 3 * floor.upper(), "T=400: TV to tilted " + tv[1] + ", floor " + floor.upper());
        assertTrue(tv[1] > 0.7 * tv[0], "does not shrink with T: " + tv[0] + " → " + tv[1]);
    }

    @Test
    void conditionalIsASingleGaussianYetGuidedRunsHaveNoExactW2() {
        // two-classes-1d: each class is one Gaussian, but the guided score is not affine, so
        // RunMetrics must not report the exact W2 of the conditional's own score for it
        ClassMixture m = classes("two-classes-1d");
        assertTrue(((GaussianMixture) m.conditional(0)).isSingleGaussian());
        Grid grid = DiscreteSchedule.linear().grid(5);
        RunMetrics metrics = new RunMetrics(Binning.defaultFor(m.conditional(0), 1000));
        engine.run(new RunSpec(m.conditional(0), new GuidedScore(m, 0, 2), grid, List.of(SamplerSlot.of(SamplerRegistry.create("ddpm"))),
                1000, 1, null), metrics);
        assertEquals(null, metrics.latest().w2());
        RunMetrics plain = new RunMetrics(Binning.defaultFor(m.conditional(0), 1000));
        engine.run(RunSpec.of(m.conditional(0), grid, List.of(SamplerSlot.of(SamplerRegistry.create("ddpm"))), 1000, 1), plain);
        assertTrue(plain.latest().w2() != null);
    }
}
