package org.scorescope.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * docs/algorithms.md §2: for every target, the score is the gradient of the log-density and the
 * Jacobian is the gradient of the score, checked by central finite differences (relative error
 * below 1e-6 at random points and levels), and nothing is NaN or infinite at |x| = 1e3 or with γ
 * within 1e-12 of 0 and 1.
 */
class TargetCalculusTest {

    static Stream<Arguments> targets() {
        List<Arguments> out = new ArrayList<>();
        for (String id : Presets.ids()) {
            out.add(Arguments.of(id, Presets.get(id)));
        }
        out.add(Arguments.of("embedded ring8 in R^4", new EmbeddedTarget(Presets.get("ring8"), 4)));
        out.add(Arguments.of("3D gaussian mixture", new GaussianMixture(new double[] {0.3, 0.7},
                new double[][] {{1, 0, -1}, {-1, 2, 0.5}},
                new double[][][] {{{1, 0.2, 0}, {0.2, 0.5, 0.1}, {0, 0.1, 0.3}}, {{0.2, 0, 0}, {0, 0.2, 0}, {0, 0, 0}}})));
        out.add(Arguments.of("point cloud", new GaussianMixture(new double[] {1, 2},
                new double[][] {{1, 1}, {-1, 0}}, new double[][][] {{{0, 0}, {0, 0}}, {{0, 0}, {0, 0}}})));
        out.add(Arguments.of("Gaussians and boxes (composite)", new CompositeTarget(new Target[] {
            new GaussianMixture(new double[] {1, 2}, new double[][] {{-2, 1}, {2, -1}},
                    new double[][][] {{{0.4, 0.1}, {0.1, 0.2}}, {{0.3, 0}, {0, 0.3}}}),
            new BoxMixture(new double[] {1}, new double[][] {{0, 0}}, new double[][] {{2, 3}})}, new double[] {3, 1})));
        out.add(Arguments.of("ring8 in R^6 by a random frame, normal variance 0.5",
                new FramedTarget(Presets.get("ring8"), OrthonormalFrame.random(6, 2, 3), 0.5)));
        out.add(Arguments.of("rank-2 gaussian in R^5 by a random frame", new FramedTarget(Presets.get("gaussian"), OrthonormalFrame.random(5, 2, 4), 0)));
        out.add(Arguments.of("16 training points from ring8", new EmpiricalTarget(Presets.get("ring8"), 16, 5)));
        out.add(Arguments.of("1D boxes", new BoxMixture(new double[] {1, 3}, new double[][] {{-2}, {0.5}}, new double[][] {{-1}, {3}})));
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void scoreIsTheGradientOfTheLogDensity(String name, Target target) {
        Random rnd = new Random(name.hashCode());
        int d = target.dim();
        for (int trial = 0; trial < 25; trial++) {
            double gamma = 0.02 + 0.95 * rnd.nextDouble();
            double[] x = randomPoint(target, gamma, rnd);
            double[] s = new double[d];
            target.score(x, gamma, s);
            double norm = 0;
            double err = 0;
            for (int a = 0; a < d; a++) {
                double h = 1e-5 * Math.max(1, Math.abs(x[a]));
                double[] xp = x.clone();
                double[] xm = x.clone();
                xp[a] += h;
                xm[a] -= h;
                double fd = (target.logDensity(xp, gamma) - target.logDensity(xm, gamma)) / (2 * h);
                err = Math.max(err, Math.abs(fd - s[a]));
                norm = Math.max(norm, Math.abs(s[a]));
            }
            assertTrue(err <= 1e-6 * Math.max(1, norm), name + " at gamma=" + gamma + ": |fd - score| = " + err + ", |score| = " + norm);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void jacobianIsTheGradientOfTheScore(String name, Target target) {
        Random rnd = new Random(name.hashCode() + 1);
        int d = target.dim();
        for (int trial = 0; trial < 25; trial++) {
            double gamma = 0.02 + 0.95 * rnd.nextDouble();
            double[] x = randomPoint(target, gamma, rnd);
            double[][] j = new double[d][d];
            target.scoreJacobian(x, gamma, j);
            double norm = 0;
            double err = 0;
            for (int b = 0; b < d; b++) {
                double h = 1e-6 * Math.max(1, Math.abs(x[b]));
                double[] xp = x.clone();
                double[] xm = x.clone();
                xp[b] += h;
                xm[b] -= h;
                double[] sp = new double[d];
                double[] sm = new double[d];
                target.score(xp, gamma, sp);
                target.score(xm, gamma, sm);
                for (int a = 0; a < d; a++) {
                    double fd = (sp[a] - sm[a]) / (2 * h);
                    err = Math.max(err, Math.abs(fd - j[a][b]));
                    norm = Math.max(norm, Math.abs(j[a][b]));
                }
            }
            assertTrue(err <= 1e-6 * Math.max(1, norm), name + " at gamma=" + gamma + ": |fd - J| = " + err + ", |J| = " + norm);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void batchScoreEqualsPointwiseScore(String name, Target target) {
        Random rnd = new Random(7);
        int d = target.dim();
        int n = 300; // more than one tile, not a multiple of it
        double[][] x = new double[d][n];
        double[][] out = new double[d][n];
        for (double gamma : new double[] {0.05, 0.5, 0.95}) {
            for (int i = 0; i < n; i++) {
                double[] p = randomPoint(target, gamma, rnd);
                for (int a = 0; a < d; a++) {
                    x[a][i] = p[a];
                }
            }
            target.scoreBatch(x, n, gamma, out);
            for (int i = 0; i < n; i++) {
                double[] p = new double[d];
                for (int a = 0; a < d; a++) {
                    p[a] = x[a][i];
                }
                double[] s = new double[d];
                target.score(p, gamma, s);
                for (int a = 0; a < d; a++) {
                    assertEquals(s[a], out[a][i], 1e-12 * Math.max(1, Math.abs(s[a])), name + " particle " + i);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void finiteAtExtremes(String name, Target target) {
        int d = target.dim();
        double[] gammas = {1e-12, 1e-6, 0.5, 1 - 1e-6, 1 - 1e-12};
        double[][] points = new double[3][d];
        java.util.Arrays.fill(points[0], 1e3);
        java.util.Arrays.fill(points[1], -1e3);
        points[2][0] = 1e3;
        for (double gamma : gammas) {
            for (double[] x : points) {
                double[] s = new double[d];
                double[][] j = new double[d][d];
                target.score(x, gamma, s);
                target.scoreJacobian(x, gamma, j);
                double[][] col = new double[d][1];
                double[][] out = new double[d][1];
                for (int a = 0; a < d; a++) {
                    col[a][0] = x[a];
                }
                target.scoreBatch(col, 1, gamma, out);
                assertTrue(Double.isFinite(target.logDensity(x, gamma)), name + " log density at gamma=" + gamma);
                for (int a = 0; a < d; a++) {
                    assertTrue(Double.isFinite(s[a]) && Double.isFinite(out[a][0]), name + " score at gamma=" + gamma + " x=" + x[0]);
                    for (int b = 0; b < d; b++) {
                        assertTrue(Double.isFinite(j[a][b]), name + " jacobian at gamma=" + gamma);
                    }
                }
            }
        }
    }

    /** A point where the density is not negligible: an exact draw of X(γ), jittered. */
    static double[] randomPoint(Target target, double gamma, Random rnd) {
        int d = target.dim();
        double[][] out = new double[d][1];
        target.sample(gamma, new org.apache.commons.rng.core.source64.SplitMix64(rnd.nextLong()), out, 0, 1);
        double[] x = new double[d];
        for (int a = 0; a < d; a++) {
            x[a] = out[a][0] + 0.1 * rnd.nextGaussian();
        }
        return x;
    }
}
