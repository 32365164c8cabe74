package org.scorescope.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * The closed-form characteristic functions against exact draws: E cos(νᵀX(γ)) and E sin(νᵀX(γ)) from
 * 100 000 draws agree with Re/Im of φ(√γ ν) e^{−(1−γ)|ν|²/2} within 5 standard errors, for every kind
 * of target; and a box's against Simpson quadrature of its uniform density.
 */
class CharacteristicFunctionTest {

    @Test
    void matchesExactDrawsForEveryKindOfTarget() {
        List<Target> targets = List.of(Presets.get("ring8"), Presets.get("checkerboard"), Presets.get("gaussian1d"),
                new EmpiricalTarget(Presets.get("moons"), 32, 3), new EmbeddedTarget(Presets.get("ring8"), 3),
                new FramedTarget(Presets.get("grid25"), OrthonormalFrame.random(5, 2, 2), 0.4),
                new CompositeTarget(new Target[] {Presets.get("gaussian"), Presets.get("checkerboard")}, new double[] {1, 2}));
        int n = 100_000;
        java.util.Random rnd = new java.util.Random(5);
        for (Target t : targets) {
            int d = t.dim();
            CharacteristicFunction cf = CharacteristicFunction.of(t);
            for (double gamma : new double[] {1.0, 0.8, 0.3}) {
                double[][] x = new double[d][n];
                t.sample(gamma, RandomSource.XO_RO_SHI_RO_128_PP.create(rnd.nextLong()), x, 0, n);
                double[] nu = new double[d];
                double n2 = 0;
                for (int a = 0; a < d; a++) {
                    nu[a] = 0.7 * rnd.nextGaussian();
                    n2 += nu[a] * nu[a];
                }
                double re = 0;
                double im = 0;
                for (int i = 0; i < n; i++) {
                    double p = 0;
                    for (int a = 0; a < d; a++) {
                        p += nu[a] * x[a][i];
                    }
                    re += Math.cos(p);
                    im += Math.sin(p);
                }
                re /= n;
                im /= n;
                double[] phi = new double[2];
                cf.prepare(nu).at(Math.sqrt(gamma), phi);
                double damp = Math.exp(-0.5 * (1 - gamma) * n2);
                double tol = 5 / Math.sqrt(n);
                assertEquals(re, phi[0] * damp, tol, t.getClass().getSimpleName() + " Re at gamma " + gamma);
                assertEquals(im, phi[1] * damp, tol, t.getClass().getSimpleName() + " Im at gamma " + gamma);
            }
        }
    }

    @Test
    void boxMatchesQuadrature() {
        BoxMixture b = new BoxMixture(new double[] {1}, new double[][] {{-0.5}}, new double[][] {{2}});
        CharacteristicFunction cf = CharacteristicFunction.of(b);
        for (double nu : new double[] {1e-6, 0.3, 2.5, 11}) {
            int m = 20_000;
            double h = 2.5 / m;
            double re = 0;
            double im = 0;
            for (int i = 0; i <= m; i++) {
                double x = -0.5 + i * h;
                double w = i == 0 || i == m ? 1 : (i % 2 == 1 ? 4 : 2);
                re += w * Math.cos(nu * x);
                im += w * Math.sin(nu * x);
            }
            re *= h / 3 / 2.5;
            im *= h / 3 / 2.5;
            double[] phi = new double[2];
            cf.prepare(new double[] {nu}).at(1, phi);
            assertEquals(re, phi[0], 1e-10, "Re at " + nu);
            assertEquals(im, phi[1], 1e-10, "Im at " + nu);
        }
    }

    @Test
    void targetsWithoutAClosedFormAreNamed() {
        Target odd = new Target() {
            public int dim() { return 1; }
            public double logDensity(double[] x, double g) { return 0; }
            public void score(double[] x, double g, double[] o) { }
            public void scoreJacobian(double[] x, double g, double[][] o) { }
            public void sample(double g, org.apache.commons.rng.UniformRandomProvider r, double[][] o, int f, int t) { }
            public double boxMass(double[] l, double[] h, double g) { return 0; }
            public Target marginal(int... a) { return this; }
            public double[][] bounds() { return new double[2][1]; }
        };
        assertThrows(IllegalArgumentException.class, () -> CharacteristicFunction.of(odd));
    }
}
