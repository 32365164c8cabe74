package org.scorescope.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scorescope.sampler.FormulaContext.score;

import org.junit.jupiter.api.Test;
import org.scorescope.schedule.Grid;

/**
 * Issue 3, must-show 3: every sampler's update against its formula in docs/algorithms.md §4, recomputed
 * here independently on one particle with a closed-form score and given Gaussian draws.
 */
class SamplerFormulaTest {
    private static final double[] ABAR = {0.99, 0.8, 0.45, 0.12};
    private static final Grid GRID = new Grid(ABAR, "test");
    private static final Grid GRID_BEYOND = new Grid(ABAR, 0.05, "test+");
    private static final double Y = 1.3;
    private static final double Z1 = 0.42;
    private static final double Z2 = -1.1;
    private static final double TOL = 1e-14;

    private static double alpha(int t) {
        return ABAR[t] / ABAR[t - 1];
    }

    @Test
    void ddpmEq10() {
        FormulaContext c = new FormulaContext(GRID, new DdpmSampler());
        c.noise.add(Z1);
        int t = 2;
        double a = alpha(t);
        double expected = (Y + (1 - a) * score(Y, ABAR[t])) / Math.sqrt(a) + Math.sqrt(1 - a) * Z1;
        assertEquals(expected, c.step(new DdpmSampler(), t, Y), TOL);
        assertEquals(1, c.evaluations);
    }

    @Test
    void ddpmPosteriorVarianceEqualsBetaTimesRatio() {
        FormulaContext c = new FormulaContext(GRID, new DdpmPosteriorSampler());
        c.noise.add(Z1);
        int t = 2;
        double a = alpha(t);
        double posteriorVariance = (1 - a) * (1 - ABAR[t - 1]) / (1 - ABAR[t]);
        double expected = (Y + (1 - a) * score(Y, ABAR[t])) / Math.sqrt(a) + Math.sqrt(posteriorVariance) * Z1;
        assertEquals(expected, c.step(new DdpmPosteriorSampler(), t, Y), TOL);
    }

    @Test
    void ddimEq8() {
        FormulaContext c = new FormulaContext(GRID, new DdimSampler());
        int t = 3;
        double a = alpha(t);
        assertEquals((Y + (1 - a) / 2 * score(Y, ABAR[t])) / Math.sqrt(a), c.step(new DdimSampler(), t, Y), TOL);
    }

    @Test
    void ddimExactEqualsItsEpsilonFormEq28() {
        FormulaContext c = new FormulaContext(GRID, new DdimExactSampler());
        int t = 2;
        double a = alpha(t);
        double eps = -Math.sqrt(1 - ABAR[t]) * score(Y, ABAR[t]);
        double expected = Y / Math.sqrt(a) + (Math.sqrt(1 - ABAR[t - 1]) - Math.sqrt(1 - ABAR[t]) / Math.sqrt(a)) * eps;
        assertEquals(expected, c.step(new DdimExactSampler(), t, Y), TOL);
    }

    @Test
    void accelDdimEq15WithTheScheduleExtension() {
        Sampler s = new AcceleratedDdimSampler();
        FormulaContext c = new FormulaContext(GRID_BEYOND, s);
        int t = 3;
        double a = alpha(t);
        double aNext = 0.05 / ABAR[3];
        double st = score(Y, ABAR[t]);
        double back = Math.sqrt(aNext) * (Y - (1 - aNext) / 2 * st);
        double sNext = score(back, 0.05);
        double expected = (Y + (1 - a) / 2 * st + (1 - a) * (1 - a) / (4 * (1 - aNext)) * (st - Math.sqrt(aNext) * sNext)) / Math.sqrt(a);
        assertEquals(expected, c.step(s, t, Y), TOL);
        assertEquals(2, c.evaluations);
    }

    @Test
    void accelDdimFirstStepIsDdimWithoutExtension() {
        Sampler s = new AcceleratedDdimSampler();
        FormulaContext c = new FormulaContext(GRID, s);
        double a = alpha(3);
        assertEquals((Y + (1 - a) / 2 * score(Y, ABAR[3])) / Math.sqrt(a), c.step(s, 3, Y), TOL);
        assertEquals(1, c.evaluations);
        double y2 = 0.4;
        double a2 = alpha(2);
        double aNext = alpha(3);
        double st = score(y2, ABAR[2]);
        double sNext = score(Math.sqrt(aNext) * (y2 - (1 - aNext) / 2 * st), ABAR[3]);
        double expected = (y2 + (1 - a2) / 2 * st + (1 - a2) * (1 - a2) / (4 * (1 - aNext)) * (st - Math.sqrt(aNext) * sNext)) / Math.sqrt(a2);
        assertEquals(expected, c.step(s, 2, y2), TOL);
    }

    @Test
    void accelDdimMultistepEq30() {
        Sampler s = new AcceleratedDdimMultistepSampler();
        FormulaContext c = new FormulaContext(GRID, s);
        // Step t = 3: plain DDIM (eq. 28).
        double eps3 = -Math.sqrt(1 - ABAR[3]) * score(Y, ABAR[3]);
        double a3 = alpha(3);
        double y2 = Y / Math.sqrt(a3) + (Math.sqrt(1 - ABAR[2]) - Math.sqrt(1 - ABAR[3]) / Math.sqrt(a3)) * eps3;
        assertEquals(y2, c.step(s, 3, Y), TOL);
        // Step t = 2: DDIM plus the arcsine correction with ε_3(Y_3).
        double eps2 = -Math.sqrt(1 - ABAR[2]) * score(y2, ABAR[2]);
        double a2 = alpha(2);
        double ap = ABAR[1];
        double at = ABAR[2];
        double bracket = at * Math.sqrt(1 - ap) / Math.sqrt(ap) + Math.asin(Math.sqrt(ap)) - at * Math.sqrt(1 - at) / Math.sqrt(at) - Math.asin(Math.sqrt(at));
        double expected = y2 / Math.sqrt(a2) + (Math.sqrt(1 - ap) - Math.sqrt(1 - at) / Math.sqrt(a2)) * eps2
                + Math.sqrt(ap) / (at - ABAR[3]) * bracket * (eps3 - eps2);
        assertEquals(expected, c.step(s, 2, y2), TOL);
        assertEquals(2, c.evaluations);
    }

    @Test
    void accelDdpmEq23AndTheSlidesVariant() {
        int t = 2;
        double a = alpha(t);
        double half = Math.sqrt((1 - a) / 2);
        double plus = Y + half * Z1;
        double drift = plus + (1 - a) * score(plus, ABAR[t]);
        FormulaContext c = new FormulaContext(GRID, new AcceleratedDdpmSampler(false));
        c.noise.add(Z1);
        c.noise.add(Z2);
        assertEquals(drift / Math.sqrt(a) + half * Z2, c.step(new AcceleratedDdpmSampler(false), t, Y), TOL);
        FormulaContext d = new FormulaContext(GRID, new AcceleratedDdpmSampler(true));
        d.noise.add(Z1);
        d.noise.add(Z2);
        assertEquals((drift + half * Z2) / Math.sqrt(a), d.step(new AcceleratedDdpmSampler(true), t, Y), TOL);
        assertEquals(1, c.evaluations);
    }

    @Test
    void ddimEtaFamilyInTheSeedForm() {
        int t = 2;
        double at = Math.sqrt(ABAR[t]);
        double st = Math.sqrt(1 - ABAR[t]);
        double ap = Math.sqrt(ABAR[t - 1]);
        double sp = Math.sqrt(1 - ABAR[t - 1]);
        double delta = Math.log(ap / sp) - Math.log(at / st);
        double denoised = (Y + (1 - ABAR[t]) * score(Y, ABAR[t])) / at;
        for (double eta : new double[] {0, 0.3, 1}) {
            double rho = Math.sqrt(1 - eta * (1 - Math.exp(-2 * delta)));
            // Seed form: Y_{t−1}/σ_{t−1} = ρ Y_t/σ_t + e^{λ_{t−1}} (1 − e^{−δ} ρ) D + √(η(1 − e^{−2δ})) Z.
            double expected = sp * (rho * Y / st + (ap / sp) * (1 - Math.exp(-delta) * rho) * denoised
                    + Math.sqrt(eta * (1 - Math.exp(-2 * delta))) * Z1);
            Sampler s = new DdimEtaSampler(eta);
            FormulaContext c = new FormulaContext(GRID, s);
            c.noise.add(Z1);
            assertEquals(expected, c.step(s, t, Y), 1e-13, "eta=" + eta);
        }
    }

    @Test
    void ddimEtaEndpointsAreDdimAndPosteriorDdpm() {
        int t = 3;
        FormulaContext c0 = new FormulaContext(GRID, new DdimExactSampler());
        FormulaContext c1 = new FormulaContext(GRID, new DdimEtaSampler(0));
        assertEquals(c0.step(new DdimExactSampler(), t, Y), c1.step(new DdimEtaSampler(0), t, Y), 1e-13);
        FormulaContext p = new FormulaContext(GRID, new DdpmPosteriorSampler());
        FormulaContext e = new FormulaContext(GRID, new DdimEtaSampler(1));
        p.noise.add(Z1);
        e.noise.add(Z1);
        assertEquals(p.step(new DdpmPosteriorSampler(), t, Y), e.step(new DdimEtaSampler(1), t, Y), 1e-13);
    }

    @Test
    void registryKnowsEverySamplerWithCitationAndHonestNfe() {
        for (SamplerInfo info : SamplerRegistry.all()) {
            assertTrue(info.citation().contains(".txt") || info.citation().contains("et al") || info.citation().contains("docs/algorithms.md"), info.id());
            assertTrue(info.nfePerStep() >= 1 || Double.isNaN(info.nfePerStep()), info.id() + ": NaN marks a variable, counted NFE");
            assertTrue(!info.displayName().isBlank(), info.id());
        }
        assertTrue(SamplerRegistry.ids().containsAll(java.util.List.of("ddpm", "ddpm-posterior", "ddim", "ddim-exact",
                "accel-ddim", "accel-ddim-ms", "accel-ddpm", "accel-ddpm-slides", "ddim-eta")));
    }
}
