package org.scorescope.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;
import org.scorescope.distribution.EmpiricalTarget;
import org.scorescope.distribution.FramedTarget;
import org.scorescope.distribution.OrthonormalFrame;
import org.scorescope.distribution.Presets;
import org.scorescope.distribution.Target;
import org.scorescope.engine.Engine;
import org.scorescope.engine.RunSpec;
import org.scorescope.engine.SamplerSlot;
import org.scorescope.sampler.SamplerRegistry;
import org.scorescope.schedule.DiscreteSchedule;
import org.scorescope.schedule.Grid;
import org.scorescope.score.ExactScore;
import org.scorescope.score.PerturbedScore;
import org.scorescope.score.ScoreError;

/**
 * Must-show 1 of issue 16: the realised ε_score of every error type matches its set size within its
 * stated Monte Carlo error, and an error of size 0 gives bit-identical particles.
 */
class RealisedScoreErrorTest {
    private static final Grid GRID = DiscreteSchedule.linear().grid(40);

    @Test
    void biasIsExactOnAnyTarget() {
        for (Target t : List.of(Presets.get("ring8"), Presets.get("checkerboard"), new FramedTarget(Presets.get("gaussian"), OrthonormalFrame.random(64, 2, 2), 0))) {
            RealisedScoreError r = RealisedScoreError.measure(PerturbedScore.of(t, ScoreError.of("bias", 0.07)), GRID, 64, true, 3);
            assertEquals(0.07, r.epsScore(), 1e-14);
            assertEquals(0, r.epsScoreSe(), 1e-10);
            assertEquals(0, r.epsJacobi(), 0);
        }
    }

    /** The field is normalised exactly under every q_t: the Monte Carlo ε_score is its size within 4 standard errors, whatever the frequency. */
    @Test
    void fieldErrorsHaveTheirSetSizeOnEveryKindOfTarget() {
        List<Target> targets = List.of(Presets.get("ring8"), Presets.get("ring8"), Presets.get("checkerboard"),
                new EmpiricalTarget(Presets.get("ring8"), 64, 1), new FramedTarget(Presets.get("ring8"), OrthonormalFrame.random(32, 2, 5), 0.3));
        double[] frequencies = {1, 10, 1, 10, 3};
        for (int i = 0; i < targets.size(); i++) {
            Target t = targets.get(i);
            double freq = frequencies[i];
            {
                ScoreError e = new ScoreError("field", 0.1, freq, 32, 2, null);
                RealisedScoreError r = RealisedScoreError.measure(PerturbedScore.of(t, e), DiscreteSchedule.linear().grid(20), 512, false, 9);
                String what = t.getClass().getSimpleName() + " (d=" + t.dim() + ") f=" + freq + ": " + r.summary();
                assertTrue(r.epsScoreSe() < 0.03 * 0.1, what);
                assertEquals(0.1, r.epsScore(), 4 * r.epsScoreSe(), what);
            }
        }
    }

    /**
     * Scale and noise-level errors on the Gaussian: E‖ŝ − s‖² in closed form, κ² tr C⁻¹ and
     * tr((C'⁻¹ − C⁻¹)² C) + |C'⁻¹(m' − m)|²; the Jacobian errors are constant, κ‖C⁻¹‖_F and ‖C'⁻¹ − C⁻¹‖_F.
     */
    @Test
    void scaleAndNoiseLevelMatchTheirGaussianClosedForms() {
        Target g = Presets.get("gaussian");
        double[] mu = {1.5, -0.5};
        double[][] sigma = {{1.2, 0.5}, {0.5, 0.4}};
        for (String spec : new String[] {"scale:0.1", "noise-level:0.2"}) {
            ScoreError e = ScoreError.parse(spec);
            double kappa = e.size();
            double sum2 = 0;
            double sumJ = 0;
            for (int t = 1; t <= GRID.steps(); t++) {
                double gamma = GRID.abar(t);
                RealMatrix c = cov(sigma, gamma);
                RealMatrix ci = inverse(c);
                if (e.type().equals("scale")) {
                    sum2 += kappa * kappa * ci.getTrace();
                    sumJ += kappa * ci.getFrobeniusNorm();
                } else {
                    double g2 = gamma * (1 + kappa) / (1 + gamma * kappa);
                    RealMatrix ci2 = inverse(cov(sigma, g2));
                    RealMatrix diff = ci2.subtract(ci);
                    double[] dm = new double[2];
                    for (int a = 0; a < 2; a++) {
                        dm[a] = (Math.sqrt(g2) - Math.sqrt(gamma)) * mu[a];
                    }
                    double[] v = ci2.operate(dm);
                    sum2 += diff.multiply(diff).multiply(c).getTrace() + v[0] * v[0] + v[1] * v[1];
                    sumJ += diff.getFrobeniusNorm();
                }
            }
            double expected = Math.sqrt(sum2 / GRID.steps());
            RealisedScoreError r = RealisedScoreError.measure(PerturbedScore.of(g, e), GRID, 512, true, 4);
            assertEquals(expected, r.epsScore(), 4 * r.epsScoreSe(), spec + ": " + r.summary());
            assertTrue(r.epsScoreSe() < 0.03 * expected, spec + ": " + r.summary());
            assertEquals(sumJ / GRID.steps(), r.epsJacobi(), 1e-12 * sumJ, spec + " Jacobian");
        }
    }

    private static RealMatrix cov(double[][] sigma, double gamma) {
        RealMatrix c = new Array2DRowRealMatrix(sigma).scalarMultiply(gamma);
        for (int a = 0; a < 2; a++) {
            c.addToEntry(a, a, 1 - gamma);
        }
        return c;
    }

    private static RealMatrix inverse(RealMatrix m) {
        return new LUDecomposition(m).getSolver().getInverse();
    }

    /** A higher frequency at the same ε_score gives a larger ε_Jacobi (the knob of must-show 3). */
    @Test
    void frequencyRaisesTheJacobianErrorAtEqualScoreError() {
        Target ring = Presets.get("ring8");
        RealisedScoreError low = RealisedScoreError.measure(PerturbedScore.of(ring, new ScoreError("field", 0.1, 1, 32, 2, null)), GRID, 128, true, 1);
        RealisedScoreError high = RealisedScoreError.measure(PerturbedScore.of(ring, new ScoreError("field", 0.1, 10, 32, 2, null)), GRID, 128, true, 1);
        assertTrue(high.epsJacobi() > 5 * low.epsJacobi(), low.summary() + " / " + high.summary());
    }

    /** Size 0 of every type: the samplers see the exact score's values bit for bit. */
    @Test
    void sizeZeroGivesBitIdenticalParticles() {
        Target ring = Presets.get("ring8");
        Grid grid = DiscreteSchedule.linear().grid(15);
        List<SamplerSlot> slots = List.of(SamplerSlot.of(SamplerRegistry.create("ddpm", java.util.Map.of())),
                SamplerSlot.of(SamplerRegistry.create("accel-ddim-ms", java.util.Map.of())),
                SamplerSlot.of(SamplerRegistry.create("dpm-solver-2", java.util.Map.of())));
        try (Engine engine = new Engine(2)) {
            var exact = engine.run(new RunSpec(ring, new ExactScore(ring), grid, slots, 3000, 5, null), null);
            for (String type : ScoreError.TYPES) {
                var perturbed = engine.run(new RunSpec(ring, PerturbedScore.of(ring, ScoreError.of(type, 0)), grid, slots, 3000, 5, null), null);
                for (int s = 0; s < slots.size(); s++) {
                    for (int a = 0; a < 2; a++) {
                        assertArrayEquals(exact.positions().get(s)[a], perturbed.positions().get(s)[a], type + " slot " + s);
                    }
                    assertEquals(exact.nfe()[s], perturbed.nfe()[s]);
                }
            }
        }
    }
}
