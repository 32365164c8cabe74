package org.scorescope.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.scorescope.distribution.EmpiricalTarget;
import org.scorescope.distribution.FramedTarget;
import org.scorescope.distribution.GaussianMixture;
import org.scorescope.distribution.OrthonormalFrame;
import org.scorescope.distribution.Presets;
import org.scorescope.engine.Engine;
import org.scorescope.engine.RunResult;
import org.scorescope.engine.RunSpec;
import org.scorescope.engine.SamplerSlot;
import org.scorescope.sampler.SamplerRegistry;
import org.scorescope.schedule.Grid;
import org.scorescope.schedule.Schedules;

/** Must-show 4 of issue 16 (memorisation and early stopping) and the metrics behind it. */
class MemorisationTest {

    /** TV between N(m1, S) and N(m2, S) is 2Φ(Δ/2) − 1 with Δ the Mahalanobis distance. */
    @Test
    void quadratureTvMatchesTheClosedFormForTwoGaussians() {
        GaussianMixture a = new GaussianMixture(new double[] {1}, new double[][] {{0, 0}}, new double[][][] {{{1, 0.3}, {0.3, 0.5}}});
        GaussianMixture b = new GaussianMixture(new double[] {1}, new double[][] {{0.7, -0.2}}, new double[][][] {{{1, 0.3}, {0.3, 0.5}}});
        QuadratureTv.Result r = QuadratureTv.of((x, n, out) -> a.logDensityBatch(x, n, 1.0, out), (x, n, out) -> b.logDensityBatch(x, n, 1.0, out),
                new double[] {-7, -6}, new double[] {7, 6}, 200);
        // Δ² = dᵀ S⁻¹ d with d = (0.7, −0.2), S⁻¹ = [[0.5, −0.3], [−0.3, 1]] / 0.41
        double delta = Math.sqrt((0.5 * 0.49 - 2 * 0.3 * 0.7 * -0.2 + 0.04) / 0.41);
        double exact = 2 * new NormalDistribution().cumulativeProbability(delta / 2) - 1;
        assertEquals(exact, r.value(), Math.max(r.error(), 1e-9));
        assertTrue(r.error() < 1e-4, "stated error " + r.error());
    }

    /** ddpm on 64 training points from ring8 returns the training points; early stopping near ᾱ = 0.9 brings the TV to the ring down. */
    @Test
    void aPerfectScoreMemorisesAndEarlyStoppingSmooths() {
        EmpiricalTarget t = new EmpiricalTarget(Presets.get("ring8"), 64, 7);
        Grid grid = Schedules.byId("vp-continuous").grid(100);
        int n = 1000;
        RunResult r;
        try (Engine e = new Engine(2)) {
            r = e.run(RunSpec.of(t, grid, List.of(SamplerSlot.of(SamplerRegistry.create("ddpm", Map.of()))), n, 3), null);
        }
        Memorisation m = Memorisation.of(t, r.positions().get(0), n, grid.abar(0), 0.05, 3);
        assertTrue(m.within() >= 0.95, "within 0.05: " + m.within());
        assertTrue(m.withinFresh() < 0.1, "fresh draws within 0.05: " + m.withinFresh());
        assertTrue(m.medianNearest() < 0.2 * m.medianNearestFresh(), m.toString());
        assertTrue(m.tvTraining() < m.tvPopulation(), m.toString());
        // the law of an exactly stopped sampler is a KDE: its TV to the population has an interior minimum
        double end = EarlyStopping.idealTv(t, grid.abar(0), 100).value();
        double mid = EarlyStopping.idealTv(t, 0.92, 100).value();
        double late = EarlyStopping.idealTv(t, 0.3, 100).value();
        assertTrue(mid < 0.5 * end && mid < late, "ideal TV at the end " + end + ", at 0.92 " + mid + ", at 0.3 " + late);
    }

    /** Exact draws of a framed target: the residual-norm KS distance stays under its 99% critical value and the mean norm is exact. */
    @Test
    void residualNormsOfExactDrawsFollowTheirLaw() {
        FramedTarget f = new FramedTarget(Presets.get("ring8"), OrthonormalFrame.random(40, 2, 6), 0.2);
        int n = 20_000;
        double[][] x = new double[40][n];
        f.sample(0.7, RandomSource.XO_RO_SHI_RO_128_PP.create(5L), x, 0, n);
        ResidualNorm r = ResidualNorm.of(f, x, n, 0.7);
        assertTrue(r.ks() < 1.63 / Math.sqrt(n), r.toString());
        double sd = Math.sqrt(f.residualVariance(0.7) * 38 - r.exactMeanNorm() * r.exactMeanNorm());
        assertEquals(r.exactMeanNorm(), r.meanNorm(), 5 * sd / Math.sqrt(n));
        // and the plane projection measures the base law
        PlaneProjection p = PlaneProjection.of(f);
        Binning b = Binning.defaultFor(p.law(), n);
        double[] masses = ExactBinMasses.compute(p.law(), b, 0.7);
        double tv = TotalVariation.of(Histogram.of(p.project(x, n), n, b), masses);
        assertTrue(tv < NoiseFloor.of(masses, n).upper() + 2 * NoiseFloor.of(masses, n).sd(), "plane TV of exact draws " + tv);
    }
}
