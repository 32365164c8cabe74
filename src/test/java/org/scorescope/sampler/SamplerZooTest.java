package org.scorescope.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scorescope.sampler.FormulaContext.score;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.scorescope.engine.Engine;
import org.scorescope.engine.RunResult;
import org.scorescope.engine.RunSpec;
import org.scorescope.engine.SamplerSlot;
import org.scorescope.metrics.GaussianPropagation;
import org.scorescope.schedule.Grid;
import org.scorescope.schedule.VpContinuousSchedule;
import org.scorescope.distribution.Presets;

/** Issue 6: the update rules against hand computations and the PIADM properties. */
class SamplerZooTest {
    private static final double[] ABAR = {0.995, 0.8, 0.45, 0.12, 0.02};
    private static final Grid GRID = new Grid(ABAR, "test");

    private static double lam(double g) {
        return 0.5 * Math.log(g / (1 - g));
    }

    private static double eps(double x, double g) {
        return -Math.sqrt(1 - g) * score(x, g);
    }

    private static double data(double x, double g) {
        return (x + (1 - g) * score(x, g)) / Math.sqrt(g);
    }

    @Test
    void dpmSolver2StepByHand() {
        int t = 3;
        double gs = ABAR[t];
        double gt = ABAR[t - 1];
        double x = 0.9;
        double h = lam(gt) - lam(gs);
        double g1 = 1 / (1 + Math.exp(-2 * (lam(gs) + 0.5 * h)));
        double es = eps(x, gs);
        double x1 = Math.sqrt(g1 / gs) * x - Math.sqrt(1 - g1) * Math.expm1(0.5 * h) * es;
        double expected = Math.sqrt(gt / gs) * x - Math.sqrt(1 - gt) * Math.expm1(h) * es
                - Math.sqrt(1 - gt) * Math.expm1(h) * (eps(x1, g1) - es);
        Sampler s = new DpmSolverSampler(2);
        FormulaContext c = new FormulaContext(GRID, s);
        assertEquals(expected, c.step(s, t, x), 1e-14);
        assertEquals(2, c.evaluations);
    }

    @Test
    void dpmSolverPlusPlus2MSecondStepByHand() {
        Sampler s = new DpmSolverPlusPlus2MSampler();
        FormulaContext c = new FormulaContext(GRID, s);
        double x4 = 1.1;
        double h4 = lam(ABAR[3]) - lam(ABAR[4]);
        double d4 = data(x4, ABAR[4]);
        double x3 = Math.sqrt((1 - ABAR[3]) / (1 - ABAR[4])) * x4 - Math.sqrt(ABAR[3]) * Math.expm1(-h4) * d4;
        assertEquals(x3, c.step(s, 4, x4), 1e-14);
        double h = lam(ABAR[2]) - lam(ABAR[3]);
        double d3 = data(x3, ABAR[3]);
        double d1 = (d3 - d4) / (h4 / h);
        double expected = Math.sqrt((1 - ABAR[2]) / (1 - ABAR[3])) * x3 - Math.sqrt(ABAR[2]) * Math.expm1(-h) * d3
                - 0.5 * Math.sqrt(ABAR[2]) * Math.expm1(-h) * d1;
        assertEquals(expected, c.step(s, 3, x3), 1e-14);
    }

    @Test
    void heunStepByHandInSigmaCoordinates() {
        int t = 2;
        double x = -0.4;
        double g = ABAR[t];
        double gn = ABAR[t - 1];
        double sg = Math.sqrt((1 - g) / g);
        double sn = Math.sqrt((1 - gn) / gn);
        double xs = x / Math.sqrt(g);
        double d = (xs - data(x, g)) / sg;
        double xe = xs + d * (sn - sg);
        double d2 = (xe - data(xe * Math.sqrt(gn), gn)) / sn;
        double expected = (xs + 0.5 * (d + d2) * (sn - sg)) * Math.sqrt(gn);
        Sampler s = new HeunSampler();
        assertEquals(expected, new FormulaContext(GRID, s).step(s, t, x), 1e-14);
    }

    @Test
    void randomizedMidpointStepByHand() {
        int t = 2;
        double x = 0.3;
        double u = 0.37;
        double gt = ABAR[t];
        double gp = ABAR[t - 1];
        double g = gt + (gp - gt) * u;
        double xg = Math.sqrt(g) * (x / Math.sqrt(gt) + (Math.sqrt((1 - g) / g) - Math.sqrt((1 - gt) / gt)) * eps(x, gt));
        double expected = x / Math.sqrt(gt / gp) + Math.sqrt(gp) / 2 * (gp - gt) * Math.pow(g, -1.5) * score(xg, g);
        Sampler s = new RandomizedMidpointSampler();
        FormulaContext c = new FormulaContext(GRID, s);
        c.uniforms.add(u);
        assertEquals(expected, c.step(s, t, x), 1e-14);
        assertEquals(2, c.evaluations);
    }

    @Test
    void forwardValueDdimSolvesItsImplicitEquationAndCountsEveryEvaluation() {
        int t = 3;
        double x = 0.8;
        double gt = ABAR[t];
        double gp = ABAR[t - 1];
        double a = Math.sqrt((1 - gp) / (1 - gt));
        double c = Math.sqrt(gp) - Math.sqrt((1 - gp) * gt / (1 - gt));
        Sampler s = new ForwardValueDdimSampler(false);
        FormulaContext ctx = new FormulaContext(GRID, s);
        double y = ctx.step(s, t, x);
        assertEquals(a * x + c * data(y, gp), y, 1e-12, "Y_{t-1} = a Y_t + c D(Y_{t-1}, abar_{t-1})");
        assertTrue(ctx.evaluations >= 3, "DDIM start plus iterations: " + ctx.evaluations);
    }

    @Test
    void lagrangeWithOneAnchorIsDdimExactOnEveryParticle() {
        var target = Presets.get("ring8");
        Grid grid = VpContinuousSchedule.dpmSolver(VpContinuousSchedule.Spacing.LOGSNR).grid(12);
        try (Engine e = new Engine(2)) {
            RunResult r = e.run(RunSpec.of(target, grid, List.of(SamplerSlot.of(SamplerRegistry.create("lagrange", Map.of("K", 1.0))),
                    SamplerSlot.of(new DdimExactSampler())), 20_000, 4), null);
            for (int a = 0; a < 2; a++) {
                double[] p = r.positions().get(0)[a];
                double[] q = r.positions().get(1)[a];
                for (int i = 0; i < p.length; i++) {
                    assertEquals(q[i], p[i], 1e-12 * (1 + Math.abs(q[i])));
                }
            }
        }
    }

    /** The sequential exponential integrator of 004 on the same sub-grid and Brownian path, by hand. */
    private static double sequential(double y, double s0, double s1, int m, double[] z, boolean sde) {
        double delta = (s0 - s1) / m;
        for (int j = 0; j < m; j++) {
            double g = Math.exp(-(s0 - j * delta));
            y = Math.exp(delta / 2) * y + (sde ? 2 : 1) * Math.expm1(delta / 2) * score(y, g)
                    + (sde ? Math.sqrt(Math.expm1(delta)) * z[j] : 0);
        }
        return y;
    }

    @Test
    void piadmWithKAtLeastMIsTheSequentialSolutionOnTheSamePath() {
        int m = 5;
        Random rnd = new Random(9);
        for (boolean sde : new boolean[] {true, false}) {
            Sampler s = new PiadmSampler(sde, m, m);
            FormulaContext c = new FormulaContext(GRID, s);
            double y = 1.7;
            double ref = y;
            for (int t = GRID.steps(); t >= 1; t--) {
                double[] z = new double[m];
                for (int j = 0; j < m; j++) {
                    z[j] = rnd.nextGaussian();
                    if (sde) {
                        c.noise.add(z[j]);
                    }
                }
                y = c.step(s, t, y);
                ref = sequential(ref, -Math.log(ABAR[t]), -Math.log(ABAR[t - 1]), m, z, sde);
            }
            assertEquals(ref, y, 1e-10, sde ? "PIADM-SDE" : "PIADM-ODE");
            assertEquals((long) m * m * GRID.steps(), c.evaluations, "NFE = K·M·N");
        }
    }

    @Test
    void piadmErrorFallsGeometricallyInKAndRoundsAreKTimesN() {
        var target = Presets.get("gaussian1d");
        Grid grid = VpContinuousSchedule.dpmSolver(VpContinuousSchedule.Spacing.LOGSNR).grid(6);
        int m = 8;
        double[] exact = GaussianPropagation.run(target, new PiadmSampler(false, m, m), grid).mean();
        double[] err = new double[m];
        for (int k = 1; k <= m; k++) {
            PiadmSampler s = new PiadmSampler(false, m, k);
            var r = GaussianPropagation.run(target, s, grid);
            err[k - 1] = Math.abs(r.mean()[0] - exact[0]) + Math.abs(Math.sqrt(r.covariance()[0][0])
                    - Math.sqrt(GaussianPropagation.run(target, new PiadmSampler(false, m, m), grid).covariance()[0][0]));
            assertEquals((long) k * m * grid.steps(), r.nfe());
            assertEquals(k * grid.steps(), s.roundsPerBlock() * grid.steps());
        }
        for (int k = 1; k < m - 1; k++) {
            assertTrue(err[k] <= 0.5 * err[k - 1] + 1e-15, "K=" + (k + 1) + ": " + err[k] + " vs " + err[k - 1]);
        }
        assertTrue(err[m - 1] < 1e-14);
        System.out.println("PIADM-ODE error against K (M=8): " + java.util.Arrays.toString(err));
    }

    @Test
    void fddimAverageShowsTheMeanOfBothChains() {
        Sampler avg = new ForwardValueDdimSampler(true);
        Sampler fw = new ForwardValueDdimSampler(false);
        Sampler ddim = new DdimExactSampler();
        FormulaContext c = new FormulaContext(GRID, avg);
        FormulaContext cf = new FormulaContext(GRID, fw);
        FormulaContext cd = new FormulaContext(GRID, ddim);
        double y = 0.6;
        double yf = y;
        double yd = y;
        for (int t = GRID.steps(); t >= 1; t--) {
            y = c.step(avg, t, y);
            yf = cf.step(fw, t, yf);
            yd = cd.step(ddim, t, yd);
            assertEquals(0.5 * (yf + yd), y, 1e-12);
        }
    }
}
