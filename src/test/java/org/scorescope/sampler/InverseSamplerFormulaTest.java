package org.scorescope.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scorescope.distribution.GaussianMixture;
import org.scorescope.inverse.InverseProblem;
import org.scorescope.inverse.LinearObservation;
import org.scorescope.inverse.ObservationTask;
import org.scorescope.schedule.Grid;

/**
 * Issue 15: one step of every inverse-problem sampler recomputed by hand from its formula (the class
 * Javadoc's, which cites the authors' code or 003), on one particle in 2D with a hand-written
 * Gaussian score and given draws. Spectral coordinates use the observation's basis v_s and ξ_s,
 * which {@code InverseProblemTest} checks against A.
 */
class InverseSamplerFormulaTest {
    private static final double[] ABAR = {0.99, 0.8, 0.45, 0.12};
    private static final Grid GRID = new Grid(ABAR, "test");
    private static final double[] MU = {0.7, -0.4};
    private static final double[][] COV = {{1.2, 0.3}, {0.3, 0.5}};
    private static final double[] X = {1.3, -0.6};
    private static final double[] Z = {0.42, -1.1};
    private static final double TOL = 1e-13;

    private static InverseProblem problem(double[][] a, double[] y, double sigma) {
        GaussianMixture prior = new GaussianMixture(new double[] {1}, new double[][] {MU}, new double[][][] {COV});
        return InverseProblem.of(prior, LinearObservation.of(a, y, sigma));
    }

    private static PlaneContext context(Sampler s) {
        PlaneContext c = new PlaneContext(MU, COV, GRID, s);
        c.noise.add(Z);
        return c;
    }

    private static double dot(double[] v, double[] x) {
        return v[0] * x[0] + v[1] * x[1];
    }

    private static double[] basis(LinearObservation o, int s) {
        return new double[] {o.basis(s, 0), o.basis(s, 1)};
    }

    /** x̂₀ and ε at level γ from the hand-written score. */
    private static double[][] predictions(PlaneContext c, double[] x, double gamma) {
        double[] s = c.score(x, gamma);
        double[] x0 = new double[2];
        double[] eps = new double[2];
        for (int a = 0; a < 2; a++) {
            x0[a] = (x[a] + (1 - gamma) * s[a]) / Math.sqrt(gamma);
            eps[a] = -Math.sqrt(1 - gamma) * s[a];
        }
        return new double[][] {x0, eps};
    }

    @Test
    void dpsIsADdpmStepMinusZetaTimesTheGradientOfTheResidualNorm() {
        double[][] a = {{0.75, 0.25}, {0.25, 0.75}};
        double[] y = {1.0, -0.2};
        InverseProblem ip = problem(a, y, 0.3);
        DpsSampler dps = new DpsSampler(0.5, ip);
        PlaneContext c = context(dps);
        int t = 2;
        double g = ABAR[t];
        double gp = ABAR[t - 1];
        double beta = 1 - g / gp;
        double[] x0 = predictions(c, X, g)[0];
        double[] r = {y[0] - (a[0][0] * x0[0] + a[0][1] * x0[1]), y[1] - (a[1][0] * x0[0] + a[1][1] * x0[1])};
        double norm = Math.hypot(r[0], r[1]);
        // ∇_x ‖r‖ = −(∂x̂₀/∂x)ᵀ Aᵀ r/‖r‖ with ∂x̂₀/∂x = (I − (1−γ) C⁻¹)/√γ, checked by a central difference below
        double[][] p = c.precision(g);
        double[] atr = {a[0][0] * r[0] + a[1][0] * r[1], a[0][1] * r[0] + a[1][1] * r[1]};
        double[] grad = new double[2];
        for (int i = 0; i < 2; i++) {
            grad[i] = -(atr[i] - (1 - g) * (p[i][0] * atr[0] + p[i][1] * atr[1])) / (Math.sqrt(g) * norm);
        }
        double h = 1e-6;
        for (int i = 0; i < 2; i++) {
            double[] xp = X.clone();
            double[] xm = X.clone();
            xp[i] += h;
            xm[i] -= h;
            assertEquals(residual(c, a, y, xm, g) - residual(c, a, y, xp, g), -2 * h * grad[i], 1e-9, "finite difference " + i);
        }
        double[] expected = new double[2];
        for (int i = 0; i < 2; i++) {
            double mean = beta * Math.sqrt(gp) / (1 - g) * x0[i] + (1 - gp) * Math.sqrt(1 - beta) / (1 - g) * X[i];
            expected[i] = mean + Math.sqrt(beta * (1 - gp) / (1 - g)) * Z[i] - 0.5 * grad[i];
        }
        double[] got = c.step(dps, t, X);
        assertEquals(expected[0], got[0], TOL);
        assertEquals(expected[1], got[1], TOL);
        assertEquals(2, c.evaluations, "score and its backward pass");
        // the last step adds no noise
        PlaneContext last = context(dps);
        double[] noiseless = last.step(dps, 1, X);
        PlaneContext again = new PlaneContext(MU, COV, GRID, dps);
        again.noise.add(new double[] {5, 5});
        double[] other = again.step(dps, 1, X);
        assertEquals(noiseless[0], other[0], 0);
    }

    private static double residual(PlaneContext c, double[][] a, double[] y, double[] x, double g) {
        double[] x0 = predictions(c, x, g)[0];
        return Math.hypot(y[0] - (a[0][0] * x0[0] + a[0][1] * x0[1]), y[1] - (a[1][0] * x0[0] + a[1][1] * x0[1]));
    }

    private static double[] ddrmExpected(InverseProblem ip, PlaneContext c, double eta, double etaB, int t) {
        LinearObservation o = ip.observation();
        double g = ABAR[t];
        double gp = ABAR[t - 1];
        double sn = Math.sqrt((1 - gp) / gp);
        double[][] pred = predictions(c, X, g);
        double[] out = new double[2];
        for (int s = 0; s < 2; s++) {
            double[] v = basis(o, s);
            double cs = dot(v, pred[0]);
            double es = dot(v, pred[1]);
            double next;
            double sv = s < o.rows() ? o.singularValue(s) : 0;
            if (s < o.rows() && sv * sn > o.sigma()) {
                next = etaB * o.xi(s) + (1 - etaB) * cs + Math.sqrt(sn * sn - o.sigma() * o.sigma() * etaB * etaB / (sv * sv)) * Z[s];
            } else if (s < o.rows() && sv * sn < o.sigma()) {
                next = cs + sn * Math.sqrt(1 - eta * eta) * (dot(new double[] {o.left(s, 0), 0}, new double[] {o.y(0), 0}) - sv * cs) / o.sigma()
                        + sn * eta * Z[s];
            } else {
                next = cs + sn * Math.sqrt(1 - eta * eta) * es + sn * eta * Z[s];
            }
            out[0] += Math.sqrt(gp) * next * v[0];
            out[1] += Math.sqrt(gp) * next * v[1];
        }
        return out;
    }

    @Test
    void ddrmBeforeAfterAndMissingDirections() {
        for (double sigma : new double[] {0.3, 0.8}) {
            InverseProblem ip = problem(ObservationTask.matrix("project:60", 2), new double[] {0.9}, sigma);
            DdrmSampler ddrm = new DdrmSampler(0.85, 1, ip);
            PlaneContext c = context(ddrm);
            double[] expected = ddrmExpected(ip, c, 0.85, 1, 2);
            double[] got = c.step(ddrm, 2, X);
            assertEquals(expected[0], got[0], TOL, "sigma " + sigma);
            assertEquals(expected[1], got[1], TOL, "sigma " + sigma);
            assertEquals(1, c.evaluations);
        }
        InverseProblem ip = problem(ObservationTask.matrix("project:60", 2), new double[] {0.9}, 0.3);
        DdrmSampler half = new DdrmSampler(0.5, 0.4, ip);
        PlaneContext c = context(half);
        double[] expected = ddrmExpected(ip, c, 0.5, 0.4, 2);
        double[] got = c.step(half, 2, X);
        assertEquals(expected[0], got[0], TOL);
        assertEquals(expected[1], got[1], TOL);
    }

    @Test
    void ddrmInitialisesTheStartFromTheObservationOnItsFirstStep() {
        InverseProblem ip = problem(ObservationTask.matrix("inpaint-x", 2), new double[] {0.9}, 0.3);
        LinearObservation o = ip.observation();
        DdrmSampler ddrm = new DdrmSampler(0.85, 1, ip);
        int t = 3;
        double sT = Math.sqrt((1 - ABAR[t]) / ABAR[t]);
        // coordinate s of the start comes from v_sᵀ Y_T; s = 0 is observed and σ_T Σ > σ₀, s = 1 is kept
        double u0 = (o.xi(0) + Math.sqrt(sT * sT - 0.09) * dot(basis(o, 0), X)) / sT;
        double u1 = dot(basis(o, 1), X);
        double[] start = {u0 * o.basis(0, 0) + u1 * o.basis(1, 0), u0 * o.basis(0, 1) + u1 * o.basis(1, 1)};
        PlaneContext viaInit = context(ddrm);
        double[] got = viaInit.step(ddrm, t, X);
        // the same step from the replaced start, without the replacement (a grid one level longer)
        Grid longer = new Grid(new double[] {0.99, 0.8, 0.45, 0.12, 0.05}, "longer");
        PlaneContext plain = new PlaneContext(MU, COV, longer, ddrm);
        plain.noise.add(Z);
        double[] expected = plain.step(ddrm, t, start);
        assertEquals(expected[0], got[0], TOL);
        assertEquals(expected[1], got[1], TOL);
    }

    @Test
    void ddnmPlusScalesTheRangeSpaceCorrectionAndItsNoise() {
        for (double sigma : new double[] {0.3, 0.8}) {
            for (String task : new String[] {"project:60", "blur"}) {
                double[][] a = ObservationTask.matrix(task, 2);
                double[] y = a.length == 1 ? new double[] {0.9} : new double[] {0.9, -0.3};
                InverseProblem ip = problem(a, y, sigma);
                LinearObservation o = ip.observation();
                DdnmPlusSampler ddnm = new DdnmPlusSampler(0.85, ip);
                PlaneContext c = context(ddnm);
                int t = 2;
                double g = ABAR[t];
                double an = Math.sqrt(ABAR[t - 1]);
                double sn = Math.sqrt(1 - ABAR[t - 1]);
                double eta = 0.85;
                double[][] pred = predictions(c, X, g);
                double[] expected = new double[2];
                for (int s = 0; s < 2; s++) {
                    double[] v = basis(o, s);
                    double cs = dot(v, pred[0]);
                    double es = dot(v, pred[1]);
                    double corrected = cs;
                    double d1 = sn * eta;
                    double d2 = sn * Math.sqrt(1 - eta * eta);
                    if (s < o.rows()) {
                        double thr = an * sigma / o.singularValue(s);
                        double lambda = sn < thr ? o.singularValue(s) * sn * Math.sqrt(1 - eta * eta) / (an * sigma) : 1;
                        corrected = cs - lambda * (cs - o.xi(s));
                        if (sn < thr) {
                            d2 = 0;
                        } else {
                            d1 = Math.sqrt(sn * sn - thr * thr);
                            d2 = 0;
                        }
                    }
                    double next = an * corrected + d1 * Z[s] + d2 * es;
                    expected[0] += next * v[0];
                    expected[1] += next * v[1];
                }
                double[] got = c.step(ddnm, t, X);
                assertEquals(expected[0], got[0], TOL, task + " sigma " + sigma);
                assertEquals(expected[1], got[1], TOL, task + " sigma " + sigma);
            }
        }
    }

    /** One DDIM-η coordinate update as 003 writes it, divided form. */
    private static double ddimEta(double u, double m, double z, double eta, double g, double gp) {
        double lam = 0.5 * Math.log(g / (1 - g));
        double lamPrev = 0.5 * Math.log(gp / (1 - gp));
        double delta = lamPrev - lam;
        double fresh = Math.min(1, eta * (1 - Math.exp(-2 * delta)));
        double rho = Math.sqrt(1 - fresh);
        double over = rho * u / Math.sqrt(1 - g) + Math.exp(lamPrev) * (1 - Math.exp(-delta) * rho) * m + Math.sqrt(fresh) * z;
        return over * Math.sqrt(1 - gp);
    }

    @Test
    void snrSplitClassesEachDirectionByItsSignalToNoiseRatio() {
        int t = 2;
        double g = ABAR[t];
        double gp = ABAR[t - 1];
        // σ = 0.3: observed direction still observation-dominated at t − 1; σ = 0.6: τ_s inside the step
        // (clamped landing on α_{t−1} ξ); σ = 1.5: prior-dominated. project:60 has one unobserved direction.
        for (double sigma : new double[] {0.3, 0.6, 1.5}) {
            for (double etaU : new double[] {0.5, 8, 1000}) {
                InverseProblem ip = problem(ObservationTask.matrix("project:60", 2), new double[] {0.9}, sigma);
                LinearObservation o = ip.observation();
                SnrSplitSampler snr = new SnrSplitSampler(etaU, 0, 1, 0, ip);
                PlaneContext c = context(snr);
                double[] x0 = predictions(c, X, g)[0];
                double[] expected = new double[2];
                for (int s = 0; s < 2; s++) {
                    double[] v = basis(o, s);
                    double u = dot(v, X);
                    double zs = dot(v, Z);
                    double next;
                    if (s == 0 && Math.sqrt(g) * sigma < o.singularValue(0) * Math.sqrt(1 - g)) {
                        double r = sigma / o.singularValue(0);
                        double sNow = Math.sqrt(1 - g - g * r * r);
                        double sNext = Math.sqrt(Math.max(0, 1 - gp - gp * r * r));
                        next = sNext / sNow * u + (Math.sqrt(gp) - sNext * Math.sqrt(g) / sNow) * o.xi(0);
                    } else {
                        next = ddimEta(u, dot(v, x0), zs, s == 0 ? 1 : etaU, g, gp);
                    }
                    expected[0] += next * v[0];
                    expected[1] += next * v[1];
                }
                double[] got = c.step(snr, t, X);
                assertEquals(expected[0], got[0], TOL, "sigma " + sigma + " eta " + etaU);
                assertEquals(expected[1], got[1], TOL, "sigma " + sigma + " eta " + etaU);
                if (sigma == 0.6) {
                    assertEquals(Math.sqrt(gp) * o.xi(0), dot(basis(o, 0), got), TOL, "lands on α ξ at the crossing");
                }
            }
        }
    }

    @Test
    void snrSplitNeedsNoScoreWhileEveryDirectionIsObservationDominated() {
        InverseProblem ip = problem(ObservationTask.matrix("denoise", 2), new double[] {0.9, -0.3}, 0.3);
        SnrSplitSampler snr = new SnrSplitSampler(8, 0, 1, 0, ip);
        PlaneContext c = context(snr);
        c.step(snr, 3, X);
        assertEquals(0, c.evaluations, "denoising at high noise");
        PlaneContext stillObserved = context(snr);
        stillObserved.step(snr, 1, X);
        assertEquals(0, stillObserved.evaluations, "σ = 0.3 is below the diffusion noise even at ᾱ = 0.8");
        // crossing = 1 treats the step containing τ_s as prior-dominated: a score is needed there
        InverseProblem mid = problem(ObservationTask.matrix("denoise", 2), new double[] {0.9, -0.3}, 0.6);
        PlaneContext late = context(snr);
        late.step(new SnrSplitSampler(8, 0, 1, 0, mid), 1, X);
        assertEquals(1, late.evaluations, "past τ_s every direction is prior-dominated");
        PlaneContext c1 = context(snr);
        c1.step(new SnrSplitSampler(8, 0, 1, 0, mid), 2, X);
        assertEquals(0, c1.evaluations);
        PlaneContext c2 = context(snr);
        c2.step(new SnrSplitSampler(8, 0, 1, 1, mid), 2, X);
        assertEquals(1, c2.evaluations);
    }

    @Test
    void snrSplitEtaScheduleFollowsDeltaToTheMinusP() {
        InverseProblem ip = problem(ObservationTask.matrix("inpaint-x", 2), new double[] {0.9}, 0.3);
        SnrSplitSampler s = new SnrSplitSampler(4, 0.6, 1, 0, ip);
        assertEquals(4, s.etaUnobserved(0.01), 1e-12);
        assertEquals(4 * Math.pow(0.1, -0.6), s.etaUnobserved(0.001), 1e-9);
        assertEquals(4, new SnrSplitSampler(4, 0, 1, 0, ip).etaUnobserved(0.3), 0);
    }

    @Test
    void posteriorExactRunsItsBaseOnThePosteriorScore() {
        double[][] a = {{0.75, 0.25}, {0.25, 0.75}};
        InverseProblem ip = problem(a, new double[] {1.0, -0.2}, 0.3);
        GaussianMixture post = ip.posterior();
        for (int base = 0; base < 3; base++) {
            Sampler exact = SamplerRegistry.create("posterior-exact", Map.of("base", (double) base), ip);
            Sampler plain = SamplerRegistry.create(PosteriorExactSampler.BASES.get(base));
            PlaneContext viaOracle = context(exact);
            PlaneContext onPosterior = new PlaneContext(post.mean(0), post.covariance(0), GRID, plain);
            onPosterior.noise.add(Z);
            double[] got = viaOracle.step(exact, 2, X);
            double[] expected = onPosterior.step(plain, 2, X);
            assertEquals(expected[0], got[0], TOL);
            assertEquals(expected[1], got[1], TOL);
            assertEquals(onPosterior.evaluations, viaOracle.evaluations, "one counted evaluation per posterior score");
        }
    }

    @Test
    void inverseSamplersNeedAnObservationAndCheckTheirParameters() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SamplerRegistry.create("dps"));
        assertTrue(e.getMessage().contains("needs an observation"), e.getMessage());
        InverseProblem ip = problem(new double[][] {{1, 0}}, new double[] {0.5}, 0.3);
        assertThrows(IllegalArgumentException.class, () -> SamplerRegistry.create("ddrm", Map.of("zeta", 1.0), ip));
        assertThrows(IllegalArgumentException.class, () -> SamplerRegistry.create("ddrm", Map.of("eta", 1.5), ip));
        assertThrows(IllegalArgumentException.class, () -> SamplerRegistry.create("posterior-exact", Map.of("base", 99.0), ip));
        for (String id : SamplerRegistry.inverseIds()) {
            SamplerInfo info = SamplerRegistry.create(id, Map.of(), ip).info();
            assertTrue(info.citation().contains(".txt") || info.citation().contains("et al") || info.citation().contains("ALGORITHMS.md"), id);
            assertTrue(SamplerRegistry.needsObservation(id));
            assertEquals(SamplerRegistry.parameters(id).size(), SamplerRegistry.parameterSpecs(id).size(), id + " documents every parameter");
        }
    }
}
