package org.scorescope.discrete;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Issue 17's must-show 1 and 2: ctmc-exact is p_data up to the initialisation term; exact laws equal Monte Carlo. */
class ExactLawTest {
    private static DiscreteRunner runner;

    @BeforeAll
    static void start() {
        runner = new DiscreteRunner(Runtime.getRuntime().availableProcessors());
    }

    @AfterAll
    static void stop() {
        runner.close();
    }

    private static DiscreteLaw.Joint exact(DiscreteTarget t, DiscreteProcess p, DiscreteSampler s, StepSchedule sched) {
        return (DiscreteLaw.Joint) ExactLaw.output(t, p, s, sched, runner.pool(), null, null);
    }

    /** Σ_y π(y) q(x0 | x_T = y) by direct sums: the output law of the exact reverse process started from π. */
    private static double[] initialisationLaw(JointTarget t, double horizon) {
        int s = t.states();
        int n = (int) t.size();
        double[][] p = Expm.of(DiscreteProcess.UNIFORM.generator(s), horizon);
        int[] x0 = new int[t.dims()];
        int[] y = new int[t.dims()];
        double[] qT = new double[n];
        double[][] kernel = new double[n][n];
        for (int a = 0; a < n; a++) {
            StateIndex.decode(a, s, x0);
            for (int b = 0; b < n; b++) {
                StateIndex.decode(b, s, y);
                double w = t.probability(x0);
                for (int i = 0; i < x0.length; i++) {
                    w *= p[x0[i]][y[i]];
                }
                kernel[a][b] = w;
                qT[b] += w;
            }
        }
        double[] out = new double[n];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                out[a] += (1.0 / n) * kernel[a][b] / qT[b];
            }
        }
        return out;
    }

    private static double kl(double[] p, double[] q) {
        double kl = 0;
        for (int i = 0; i < p.length; i++) {
            if (p[i] > 0) {
                kl += p[i] * Math.log(p[i] / q[i]);
            }
        }
        return kl;
    }

    @Test
    void ctmcExactLawIsPdataUpToTheInitialisationTerm() {
        JointTarget picture = DiscretePresets.picture(8);
        double horizon = 1;
        DiscreteLaw.Joint law = exact(picture, DiscreteProcess.UNIFORM, new ExactCtmcSampler(), StepSchedule.constant(horizon, 5));
        double[] direct = initialisationLaw(picture, horizon);
        for (int j = 0; j < direct.length; j++) {
            assertEquals(direct[j], law.p()[j], 1e-13);
        }
        double initTerm = kl(picture.table(), direct);
        assertEquals(initTerm, law.kl(picture), 1e-12);
        // Data processing: the initialisation term is at most KL(q_T ‖ Unif).
        double[] qT = ExactReverse.marginal(picture, DiscreteProcess.UNIFORM, horizon);
        double[] uniform = ExactLaw.start(8, 2, DiscreteProcess.UNIFORM);
        assertTrue(initTerm > 1e-4 && initTerm <= kl(qT, uniform), initTerm + " vs " + kl(qT, uniform));
        // The grid does not matter, and started from q_T the exact reverse returns p_data.
        DiscreteLaw.Joint oneStep = exact(picture, DiscreteProcess.UNIFORM, new ExactCtmcSampler(), StepSchedule.constant(horizon, 1));
        DiscreteLaw.Joint geometric = exact(picture, DiscreteProcess.UNIFORM, new ExactCtmcSampler(), StepSchedule.geometric(horizon, 7, 0.01));
        assertArrayEquals(law.p(), oneStep.p(), 1e-13);
        assertArrayEquals(law.p(), geometric.p(), 1e-13);
        assertArrayEquals(picture.table(), ExactReverse.run(picture, DiscreteProcess.UNIFORM, qT, StepSchedule.constant(horizon, 4)), 1e-13);
        // Masking: the all-MASK start is q_T given all masked, whose reversal is p_data exactly.
        JointTarget language = DiscretePresets.language();
        DiscreteLaw masked = ExactLaw.output(language, DiscreteProcess.MASKING, new ExactCtmcSampler(), StepSchedule.constant(1.5, 3), null, null, null);
        assertEquals(0, masked.kl(language), 1e-13);
        assertEquals(0, masked.maskedMass(), 1e-15);
    }

    @Test
    void ctmcExactParticlesPassTheNoiseFloorTest() {
        JointTarget picture = DiscretePresets.picture(8);
        StepSchedule sched = StepSchedule.constant(0.5, 4);
        DiscreteRunner.Result r = runner.run(new DiscreteRunSpec(picture, DiscreteProcess.UNIFORM, sched, new ExactCtmcSampler(), 200_000, 5), null, null);
        EmpiricalTv tv = EmpiricalTv.against(exact(picture, DiscreteProcess.UNIFORM, new ExactCtmcSampler(), sched), r.states());
        assertTrue(tv.tv() < tv.floor().upper(), "TV " + tv.tv() + " vs floor " + tv.floor());
        // Against p_data itself the initialisation term at T = 0.5 is far above the floor: the test can fail.
        EmpiricalTv data = EmpiricalTv.of(picture, r.states());
        assertTrue(data.tv() > 3 * data.floor().upper(), "TV to p_data " + data.tv() + " vs floor " + data.floor());

        JointTarget language = DiscretePresets.language();
        DiscreteRunner.Result m = runner.run(new DiscreteRunSpec(language, DiscreteProcess.MASKING, StepSchedule.constant(4, 3),
                new ExactCtmcSampler(), 200_000, 6), null, null);
        EmpiricalTv lt = EmpiricalTv.of(language, m.states());
        assertTrue(lt.tv() < lt.floor().upper(), "masking: TV " + lt.tv() + " vs floor " + lt.floor());
        assertTrue(m.nfePerParticle() > 3.99 && m.nfePerParticle() <= 4, "one evaluation per revealed word: " + m.nfePerParticle());
    }

    private static void assertMonteCarloMatches(DiscreteTarget t, DiscreteProcess p, DiscreteSampler s, StepSchedule sched, int particles) {
        DiscreteLaw.Joint law = exact(t, p, s, sched);
        DiscreteRunner.Result r = runner.run(new DiscreteRunSpec(t, p, sched, s, particles, 11), null, null);
        EmpiricalTv tv = EmpiricalTv.against(law, r.states());
        assertTrue(tv.tv() < tv.floor().upper(), s.id() + "/" + p.id() + ": TV " + tv.tv() + " vs floor " + tv.floor());
        // The exact law is far from p_data at this coarse N, so the comparison is not vacuous.
        assertTrue(law.tv(t) > 5 * tv.floor().upper(), s.id() + "/" + p.id() + ": TV(law, p_data) " + law.tv(t));
        assertEquals(sched.steps(), r.nfePerParticle(), p == DiscreteProcess.UNIFORM ? 0 : sched.steps());
    }

    @Test
    void exactPropagationEqualsMonteCarloForTauLeapingAndEuler() {
        JointTarget picture = DiscretePresets.picture(8);
        StepSchedule coarse = StepSchedule.constant(3, 3);
        assertMonteCarloMatches(picture, DiscreteProcess.UNIFORM, new TauLeapingSampler(), coarse, 1_000_000);
        assertMonteCarloMatches(picture, DiscreteProcess.UNIFORM, new DiscreteEulerSampler(), coarse, 1_000_000);
        JointTarget language = DiscretePresets.language();
        StepSchedule masking = StepSchedule.constant(3, 3);
        assertMonteCarloMatches(language, DiscreteProcess.MASKING, new TauLeapingSampler(), masking, 1_000_000);
        assertMonteCarloMatches(language, DiscreteProcess.MASKING, new DiscreteEulerSampler(), masking, 300_000);
        assertMonteCarloMatches(language, DiscreteProcess.MASKING, new UnmaskingSampler(), masking, 300_000);
    }

    @Test
    void particlesAreBitIdenticalForAnyThreadCount() {
        DiscreteTarget t = DiscretePresets.picture(8);
        StepSchedule sched = StepSchedule.constant(2, 3);
        for (DiscreteSampler s : new DiscreteSampler[] {new TauLeapingSampler(), new ExactCtmcSampler()}) {
            DiscreteRunSpec spec = new DiscreteRunSpec(t, DiscreteProcess.UNIFORM, sched, s, 12_000, 9);
            DiscreteRunner.Result many = runner.run(spec, null, null);
            try (DiscreteRunner one = new DiscreteRunner(1); DiscreteRunner three = new DiscreteRunner(3)) {
                DiscreteRunner.Result a = one.run(spec, null, null);
                DiscreteRunner.Result b = three.run(spec, null, null);
                int[] x = new int[2];
                int[] y = new int[2];
                int[] z = new int[2];
                for (int j = 0; j < 12_000; j++) {
                    many.states().state(j, x);
                    a.states().state(j, y);
                    b.states().state(j, z);
                    assertArrayEquals(x, y);
                    assertArrayEquals(x, z);
                }
                assertEquals(many.nfe(), a.nfe());
                assertEquals(many.nfe(), b.nfe());
            }
        }
    }

    @Test
    void productTargetsAreExactCoordinateByCoordinate() {
        // A product target's exact law (coordinates separately) equals the joint propagation of its full table.
        ProductTarget product = DiscretePresets.product(4, 3);
        JointTarget joint = product.toJoint();
        for (DiscreteProcess p : DiscreteProcess.values()) {
            for (DiscreteSampler s : new DiscreteSampler[] {new TauLeapingSampler(), new DiscreteEulerSampler(), new ExactCtmcSampler()}) {
                StepSchedule sched = StepSchedule.constant(p == DiscreteProcess.UNIFORM ? 4 : 3, 6);
                DiscreteLaw a = ExactLaw.output(product, p, s, sched, null, null, null);
                DiscreteLaw.Joint b = exact(joint, p, s, sched);
                assertEquals(b.kl(joint), a.kl(product), 1e-12, s.id() + "/" + p.id());
                assertEquals(b.tv(joint), a.tv(product), 1e-12, s.id() + "/" + p.id());
                assertEquals(b.maskedMass(), a.maskedMass(), 1e-12, s.id() + "/" + p.id());
            }
        }
    }

    @Test
    void tauLeapingConvergesToTheExactReverseAsStepsGrow() {
        JointTarget picture = DiscretePresets.picture(8);
        double initTerm = exact(picture, DiscreteProcess.UNIFORM, new ExactCtmcSampler(), StepSchedule.constant(6, 1)).kl(picture);
        double previous = Double.POSITIVE_INFINITY;
        for (int n : new int[] {4, 16, 64, 256}) {
            double kl = exact(picture, DiscreteProcess.UNIFORM, new TauLeapingSampler(), StepSchedule.constant(6, n)).kl(picture);
            assertTrue(kl < previous && kl > initTerm, "N=" + n + " KL " + kl + " (init term " + initTerm + ")");
            previous = kl;
        }
        assertTrue(previous - initTerm < 0.02, "at N = 256 the discretisation part is small: " + (previous - initTerm));
    }
}
