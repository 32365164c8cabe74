package org.scorescope.ui.labs.discrete;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scorescope.discrete.DiscreteLaw;
import org.scorescope.discrete.DiscreteProcess;
import org.scorescope.discrete.DiscreteRunner;
import org.scorescope.discrete.DiscreteSamplers;
import org.scorescope.discrete.DiscreteScenario;
import org.scorescope.discrete.DiscreteTarget;
import org.scorescope.discrete.ExactLaw;
import org.scorescope.discrete.ExactReverse;
import org.scorescope.discrete.JointTarget;
import org.scorescope.discrete.StepSchedule;
import org.scorescope.ui.service.Progress;

/**
 * What the discrete window shows, without a window: every number a frame carries is checked against
 * the discrete core computed independently here (the exact output law's TV and KL, q_τ by direct
 * propagation, the particle histogram).
 */
class DiscreteRunPlanTest {
    private static DiscreteRunner runner;

    @BeforeAll
    static void pool() {
        runner = new DiscreteRunner(2);
    }

    @AfterAll
    static void close() {
        runner.close();
    }

    private static DiscreteScenario scenario(DiscreteScenario.TargetSpec t, DiscreteProcess p, double horizon, List<String> samplers,
            int steps, int particles) {
        return new DiscreteScenario("", "", t, p, horizon, "constant", StepSchedule.DEFAULT_DELTA, samplers, steps, particles, 7);
    }

    @Test
    void theLastFramesExactTvAndKlAreTheCoresOutputLaw() {
        DiscreteScenario sc = scenario(new DiscreteScenario.TargetSpec("picture", 8, null, null, null, null, List.of()),
                DiscreteProcess.UNIFORM, 3, List.of("tau-leaping", "euler"), 6, 4000);
        DiscreteRunResult r = DiscreteRunPlan.run(sc, runner, Progress.none());
        DiscreteTarget target = sc.buildTarget();
        assertEquals(2, r.frames().length);
        for (int slot = 0; slot < 2; slot++) {
            assertEquals(7, r.frames()[slot].length);
            DiscreteLaw law = ExactLaw.output(target, sc.process(), DiscreteSamplers.of(sc.samplers().get(slot)), sc.buildSchedule(6), null,
                    null, null);
            DiscreteFrame last = r.frame(slot, 6);
            assertEquals(0.0, last.tau());
            assertEquals(law.tv(target), last.exactTv(), 1e-12, "TV at τ = 0 is TV to p_data");
            assertEquals(law.kl(target), last.exactKl(), 1e-12);
            assertTrue(last.exactTv() > 0.01, "N = 6 leaves a visible error: " + last.exactTv());
            // The heat map's particle counts are the particles: they add up to N and the histogram's TV matches the frame's.
            assertEquals(4000, Arrays.stream(last.pairCounts()).sum());
            double[] pd = ((JointTarget) target).table();
            double tv = 0;
            for (int j = 0; j < pd.length; j++) {
                tv += Math.abs(last.pairCounts()[j] / 4000.0 - pd[j]);
            }
            assertEquals(0.5 * tv, last.particleTv(), 1e-12);
            assertTrue(last.floorMean() > 0 && last.floorUpper() > last.floorMean());
            // Sampler law's row marginal adds the pair law's rows.
            double row0 = 0;
            for (int c = 0; c < 8; c++) {
                row0 += last.pairLaw()[c];
            }
            assertEquals(row0, last.coordLaw()[0][0], 1e-12);
        }
        // q_τ of an intermediate step is p_data pushed through P_τ on each axis.
        int k = 2;
        double tau = r.schedule().taus()[k];
        double[] q = ExactReverse.marginal((JointTarget) target, DiscreteProcess.UNIFORM, tau);
        assertEquals(3 - 2 * 0.5, tau, 1e-12);
        for (int j = 0; j < q.length; j++) {
            assertEquals(q[j], r.frame(0, k).pairQ()[j], 1e-15);
        }
        // Step 0: the sampler's law is Unif, and its TV to q_T is TV(Unif, q_T).
        double u = 0;
        double[] qT = ExactReverse.marginal((JointTarget) target, DiscreteProcess.UNIFORM, 3);
        for (double v : qT) {
            u += Math.abs(v - 1.0 / 64);
        }
        assertEquals(0.5 * u, r.frame(1, 0).exactTv(), 1e-12);
    }

    @Test
    void theLanguagesSentenceTableAddsUpAndMasksDisappear() {
        DiscreteScenario sc = scenario(DiscreteScenario.TargetSpec.preset("language"), DiscreteProcess.MASKING, 5,
                List.of("unmasking", "tau-leaping"), 8, 5000);
        DiscreteRunResult r = DiscreteRunPlan.run(sc, runner, Progress.none());
        assertTrue(r.masking());
        DiscreteFrame start = r.frame(0, 0);
        assertEquals(1.0, start.maskedParticles());
        assertEquals("____ ____ ____ ____", start.particleTexts().get(0));
        DiscreteFrame out = r.frame(0, 8);
        assertEquals(0.0, out.maskedParticles(), "the unmasking sampler leaves nothing masked");
        List<DiscreteFrame.SentenceRow> rows = out.sentences();
        assertEquals(36 + 2, rows.size());
        assertEquals(1.0, rows.stream().mapToDouble(DiscreteFrame.SentenceRow::data).sum(), 1e-12);
        assertEquals(1.0, rows.stream().mapToDouble(DiscreteFrame.SentenceRow::exact).sum(), 1e-12);
        assertEquals(1.0, rows.stream().mapToDouble(DiscreteFrame.SentenceRow::sampled).sum(), 1e-12);
        DiscreteTarget target = sc.buildTarget();
        DiscreteLaw law = ExactLaw.output(target, sc.process(), DiscreteSamplers.of("unmasking"), sc.buildSchedule(8), null, null, null);
        double tv = 0;
        for (DiscreteFrame.SentenceRow row : rows) {
            tv += Math.abs(row.data() - row.exact());
        }
        assertEquals(law.tv(target), 0.5 * tv, 1e-12, "valid rows + invalid + masked cover the law");
        assertEquals(law.tv(target), out.exactTv(), 1e-12);
        // τ-leaping leaves MASKs (its frozen hazard under-unmasks): the table's masked row is the core's masked mass.
        DiscreteLaw tau = ExactLaw.output(target, sc.process(), DiscreteSamplers.of("tau-leaping"), sc.buildSchedule(8), null, null, null);
        List<DiscreteFrame.SentenceRow> tr = r.frame(1, 8).sentences();
        assertEquals("(some word still ____)", tr.get(1).sentence());
        assertEquals(tau.maskedMass(), tr.get(1).exact(), 1e-12);
        assertTrue(tau.maskedMass() > 0.05);
        // The pair grid has the MASK strip: K = 9 values per axis.
        assertEquals(81, out.pairQ().length);
    }

    @Test
    void productTargetsAreExactPerCoordinate() {
        DiscreteScenario sc = scenario(new DiscreteScenario.TargetSpec("product", 4, 6, null, null, null, List.of()),
                DiscreteProcess.UNIFORM, 6, List.of("tau-leaping"), 10, 3000);
        DiscreteRunResult r = DiscreteRunPlan.run(sc, runner, Progress.none());
        DiscreteTarget target = sc.buildTarget();
        DiscreteLaw law = ExactLaw.output(target, sc.process(), DiscreteSamplers.of("tau-leaping"), sc.buildSchedule(10), null, null, null);
        DiscreteFrame last = r.frame(0, 10);
        assertEquals(law.kl(target), last.exactKl(), 1e-12);
        assertEquals(law.tv(target), last.exactTv(), 1e-12);
        assertEquals(6, last.coordCounts().length);
        assertEquals(3000, Arrays.stream(last.coordCounts()[5]).sum());
        assertNull(r.frame(0, 3).sentences().isEmpty() ? null : "no sentences");
        assertTrue(Double.isNaN(last.particleTv()), "no joint histogram TV for independent coordinates");
    }

    @Test
    void aCancelledRunStops() {
        DiscreteScenario sc = scenario(DiscreteScenario.TargetSpec.preset("picture"), DiscreteProcess.UNIFORM, 4, List.of("tau-leaping"),
                64, 20000);
        Progress cancelled = new Progress() {
            @Override
            public void update(double fraction, String message) {
            }

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        assertThrows(CancellationException.class, () -> DiscreteRunPlan.run(sc, runner, cancelled));
    }
}
