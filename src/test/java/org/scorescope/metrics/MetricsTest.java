package org.scorescope.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.rng.core.source64.SplitMix64;
import org.junit.jupiter.api.Test;
import org.scorescope.engine.Engine;
import org.scorescope.engine.RunResult;
import org.scorescope.engine.RunSpec;
import org.scorescope.engine.SamplerSlot;
import org.scorescope.sampler.SamplerRegistry;
import org.scorescope.schedule.DiscreteSchedule;
import org.scorescope.schedule.Grid;
import org.scorescope.distribution.Presets;
import org.scorescope.distribution.Target;

/** docs/algorithms.md §6. */
class MetricsTest {

    @Test
    void deMoivreMeanAbsoluteDeviationMatchesTheBinomialSum() {
        for (int n : new int[] {1, 7, 100, 2000}) {
            for (double p : new double[] {0.001, 0.13, 0.5, 0.9}) {
                BinomialDistribution b = new BinomialDistribution(null, n, p);
                double sum = 0;
                for (int k = 0; k <= n; k++) {
                    sum += b.probability(k) * Math.abs(k - n * p);
                }
                assertEquals(sum, NoiseFloor.meanAbsoluteDeviation(n, p), 1e-10 * Math.max(1, sum), "n=" + n + " p=" + p);
            }
        }
    }

    @Test
    void exactSamplesFallInsideTheNoiseFloorBandAtTheRateItPromises() {
        Target ring = Presets.get("ring8");
        double gamma = 0.6;
        int n = 20_000;
        Binning b = Binning.defaultFor(ring, n);
        double[] masses = ExactBinMasses.compute(ring, b, gamma);
        NoiseFloor floor = NoiseFloor.of(masses, n);
        int repeats = 60;
        double mean = 0;
        int inside = 0;
        double[][] x = new double[2][n];
        for (int r = 0; r < repeats; r++) {
            ring.sample(gamma, new SplitMix64(100 + r), x, 0, n);
            double tv = TotalVariation.of(Histogram.of(x, n, b), masses);
            mean += tv / repeats;
            inside += tv >= floor.lower() && tv <= floor.upper() ? 1 : 0;
        }
        // The mean is exact: the average of 60 repeats is within 4 standard errors of it.
        assertEquals(floor.mean(), mean, 4 * floor.sd() / Math.sqrt(repeats), "floor " + floor);
        // The ±2 sd band is conservative: at least 95% of repeats inside it (binomial slack: ≥ 54 of 60).
        assertTrue(inside >= 54, inside + " of " + repeats + " inside " + floor);
    }

    @Test
    void totalVariationMatchesAnIndependentComputation() {
        Target t = Presets.get("checkerboard");
        int n = 30_000;
        Grid grid = DiscreteSchedule.linear().grid(10);
        RunResult r;
        try (Engine e = new Engine(2)) {
            r = e.run(RunSpec.of(t, grid, List.of(SamplerSlot.of(SamplerRegistry.create("ddpm"))), n, 5), null);
        }
        double[][] p = r.positions().get(0);
        Binning b = new Binning(new double[] {-5, -5}, new double[] {5, 5}, new int[] {20, 20});
        double tv = TotalVariation.of(Histogram.of(p, n, b), ExactBinMasses.compute(t, b, grid.abar(0)));
        // Independent: per-bin masses from boxMass, counts by a direct loop.
        double sum = 0;
        double inside = 0;
        long counted = 0;
        for (int i = 0; i < 20; i++) {
            for (int j = 0; j < 20; j++) {
                double x0 = -5 + 0.5 * i;
                double y0 = -5 + 0.5 * j;
                double m = t.boxMass(new double[] {x0, y0}, new double[] {x0 + 0.5, y0 + 0.5}, grid.abar(0));
                long c = 0;
                for (int k = 0; k < n; k++) {
                    if (p[0][k] >= x0 && p[0][k] < x0 + 0.5 && p[1][k] >= y0 && p[1][k] < y0 + 0.5) {
                        c++;
                    }
                }
                counted += c;
                inside += m;
                sum += Math.abs((double) c / n - m);
            }
        }
        double expected = 0.5 * sum + 0.5 * Math.abs((double) (n - counted) / n - (1 - inside));
        assertEquals(expected, tv, 1e-9);
        assertTrue(tv > 0.01 && tv < 0.5, "tv " + tv);
    }

    @Test
    void gaussianDistancesMatchClosedForms() {
        // 1D: W2 = sqrt((m1−m2)² + (s1−s2)²); KL = log(s2/s1) + (s1² + (m1−m2)²)/(2 s2²) − ½.
        double w2 = GaussianDistance.w2(new double[] {1}, new double[][] {{4}}, new double[] {0}, new double[][] {{1}});
        assertEquals(Math.sqrt(1 + 1), w2, 1e-14);
        double kl = GaussianDistance.kl(new double[] {1}, new double[][] {{4}}, new double[] {0}, new double[][] {{1}});
        assertEquals(Math.log(1.0 / 2) + (4 + 1) / 2.0 - 0.5, kl, 1e-14);
        // Commuting 2D covariances: W2² = |Δm|² + Σ (√λ1 − √λ2)².
        double w = GaussianDistance.w2(new double[] {0, 0}, new double[][] {{4, 0}, {0, 9}}, new double[] {1, 1}, new double[][] {{1, 0}, {0, 1}});
        assertEquals(Math.sqrt(2 + 1 + 4), w, 1e-12);
        assertEquals(0, GaussianDistance.w2(new double[] {1, 2}, new double[][] {{2, 0.5}, {0.5, 1}}, new double[] {1, 2}, new double[][] {{2, 0.5}, {0.5, 1}}), 1e-7);
    }

    @Test
    void exactPropagationMatchesParticlesForAStochasticAndAMultistepSampler() {
        Target t = Presets.get("gaussian");
        Grid grid = DiscreteSchedule.linear().grid(8);
        int n = 400_000;
        for (String id : new String[] {"accel-ddpm", "accel-ddim-ms", "ddim-eta"}) {
            GaussianPropagation.Result exact = GaussianPropagation.run(t, SamplerRegistry.create(id), grid, GaussianPropagation.Start.STANDARD_NORMAL);
            double[][] p;
            try (Engine e = new Engine(2)) {
                p = e.run(RunSpec.of(t, grid, List.of(SamplerSlot.of(SamplerRegistry.create(id))), n, 11), null).positions().get(0);
            }
            double m0 = 0;
            double m1 = 0;
            for (int i = 0; i < n; i++) {
                m0 += p[0][i] / n;
                m1 += p[1][i] / n;
            }
            double c00 = 0;
            double c01 = 0;
            for (int i = 0; i < n; i++) {
                c00 += (p[0][i] - m0) * (p[0][i] - m0) / n;
                c01 += (p[0][i] - m0) * (p[1][i] - m1) / n;
            }
            // Standard errors: mean ≈ sqrt(1.2/4e5) = 0.0017, covariance entries ≈ 0.003; 5 standard errors.
            assertEquals(exact.mean()[0], m0, 0.009, id);
            assertEquals(exact.mean()[1], m1, 0.009, id);
            assertEquals(exact.covariance()[0][0], c00, 0.015, id);
            assertEquals(exact.covariance()[0][1], c01, 0.015, id);
            assertEquals(exact.nfe(), 8, id);
        }
    }

    @Test
    void slopeFitRecoversAKnownSlopeWithItsInterval() {
        double[] x = {10, 20, 40, 80, 160};
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = 3 * Math.pow(x[i], -1.5) * (1 + 0.02 * Math.sin(i));
        }
        RateFit f = RateFit.fit(x, y);
        assertEquals(1.5, f.order(), 0.03);
        assertTrue(f.halfWidth() > 0 && f.halfWidth() < 0.1);
        assertTrue(Math.abs(f.order() - 1.5) <= f.halfWidth());
    }
}
