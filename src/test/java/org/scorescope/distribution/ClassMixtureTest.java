package org.scorescope.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * 003 Part 4: the class posterior, the conditional score and the guidance term of every labelled
 * target, checked against direct sums over components written here from the formulas (Gaussian
 * densities with an explicit inverse, noised boxes as differences of normal CDFs) and against
 * central finite differences of the log-densities.
 */
class ClassMixtureTest {
    private static final NormalDistribution PHI = new NormalDistribution();

    /** A Gaussian (mean, covariance) or box (lo, hi) component with its weight and class. */
    private record Comp(double w, double[] mean, double[][] cov, double[] lo, double[] hi, int c) {
    }

    static Stream<Arguments> labelled() {
        List<Arguments> out = new ArrayList<>();
        for (String id : List.of("ring8-classes", "two-classes-1d", "two-classes", "checkerboard-classes")) {
            Target t = Presets.get(id);
            out.add(Arguments.of(id, ClassMixture.of(t, Presets.classes(id)), components(t, Presets.classes(id))));
        }
        GaussianMixture g = new GaussianMixture(new double[] {1, 2}, new double[][] {{-2, 1}, {2, -1}},
                new double[][][] {{{0.4, 0.1}, {0.1, 0.2}}, {{0.3, 0}, {0, 0.3}}});
        BoxMixture b = new BoxMixture(new double[] {1, 1}, new double[][] {{0, 0}, {-3, -3}}, new double[][] {{2, 3}, {-1, -2}});
        CompositeTarget mixed = new CompositeTarget(new Target[] {g, b}, new double[] {3, 1});
        int[] labels = {5, 2, 2, 5};
        out.add(Arguments.of("composite, classes 5 and 2", ClassMixture.of(mixed, labels), components(mixed, labels)));
        return out.stream();
    }

    private static List<Comp> components(Target t, int[] labels) {
        List<Comp> out = new ArrayList<>();
        collect(t, 1, out, labels);
        return out;
    }

    private static void collect(Target t, double weight, List<Comp> out, int[] labels) {
        if (t instanceof GaussianMixture g) {
            for (int k = 0; k < g.components(); k++) {
                out.add(new Comp(weight * g.weight(k), g.mean(k), g.covariance(k), null, null, labels[out.size()]));
            }
        } else if (t instanceof BoxMixture b) {
            for (int k = 0; k < b.boxes(); k++) {
                out.add(new Comp(weight * b.weight(k), null, null, b.lower(k), b.upper(k), labels[out.size()]));
            }
        } else {
            CompositeTarget c = (CompositeTarget) t;
            for (int i = 0; i < c.parts(); i++) {
                collect(c.part(i), weight * c.partWeight(i), out, labels);
            }
        }
    }

    /** π_k p_{k,γ}(x) by the textbook formula. */
    private static double density(Comp k, double[] x, double g) {
        int d = x.length;
        if (k.mean() != null) {
            double[][] c = new double[d][d];
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    c[a][b] = g * k.cov()[a][b] + (a == b ? 1 - g : 0);
                }
            }
            double det;
            double q;
            double[] r = new double[d];
            for (int a = 0; a < d; a++) {
                r[a] = x[a] - Math.sqrt(g) * k.mean()[a];
            }
            if (d == 1) {
                det = c[0][0];
                q = r[0] * r[0] / det;
            } else {
                det = c[0][0] * c[1][1] - c[0][1] * c[1][0];
                q = (c[1][1] * r[0] * r[0] - 2 * c[0][1] * r[0] * r[1] + c[0][0] * r[1] * r[1]) / det;
            }
            return k.w() * Math.exp(-0.5 * q) / Math.sqrt(Math.pow(2 * Math.PI, d) * det);
        }
        double p = k.w();
        double s = Math.sqrt(1 - g);
        for (int a = 0; a < d; a++) {
            double lo = Math.sqrt(g) * k.lo()[a];
            double hi = Math.sqrt(g) * k.hi()[a];
            double za = (x[a] - lo) / s;
            double zb = (x[a] - hi) / s;
            double mass = zb > 0 ? PHI.cumulativeProbability(-zb) - PHI.cumulativeProbability(-za)
                    : PHI.cumulativeProbability(za) - PHI.cumulativeProbability(zb);
            p *= mass / (hi - lo);
        }
        return p;
    }

    private static double directPosterior(List<Comp> comps, double[] x, double g, int c) {
        double num = 0;
        double den = 0;
        for (Comp k : comps) {
            double p = density(k, x, g);
            den += p;
            if (k.c() == c) {
                num += p;
            }
        }
        return num / den;
    }

    private static double[] point(ClassMixture m, double gamma, Random rnd) {
        double[][] b = m.unconditional().bounds();
        double[] x = new double[m.dim()];
        for (int a = 0; a < x.length; a++) {
            x[a] = Math.sqrt(gamma) * (b[0][a] + 0.15 * (b[1][a] - b[0][a]) + 0.7 * (b[1][a] - b[0][a]) * rnd.nextDouble());
        }
        return x;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("labelled")
    void posteriorIsTheDirectSumOverComponents(String name, ClassMixture m, List<Comp> comps) {
        Random rnd = new Random(name.hashCode());
        for (int trial = 0; trial < 40; trial++) {
            double gamma = 0.05 + 0.9 * rnd.nextDouble();
            double[] x = point(m, gamma, rnd);
            double total = 0;
            for (int c : m.classIds()) {
                double p = m.posterior(x, gamma, c);
                double direct = directPosterior(comps, x, gamma, c);
                assertEquals(direct, p, 1e-9 * Math.max(1e-3, direct), name + " p(" + c + "|x) at γ=" + gamma);
                total += p;
            }
            assertEquals(1, total, 1e-12);
        }
        double prior = comps.stream().filter(k -> k.c() == m.classIds()[0]).mapToDouble(Comp::w).sum();
        assertEquals(prior, m.prior(m.classIds()[0]), 1e-14);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("labelled")
    void conditionalScoreAndGuidanceTermAreGradients(String name, ClassMixture m, List<Comp> comps) {
        Random rnd = new Random(name.hashCode() + 1);
        int d = m.dim();
        for (int trial = 0; trial < 25; trial++) {
            double gamma = 0.05 + 0.9 * rnd.nextDouble();
            double[] x = point(m, gamma, rnd);
            for (int c : m.classIds()) {
                double[] s = new double[d];
                double[] g = new double[d];
                m.conditionalScore(x, gamma, c, s);
                m.guidanceTerm(x, gamma, c, g);
                for (int a = 0; a < d; a++) {
                    double h = 1e-5;
                    double[] xp = x.clone();
                    double[] xm = x.clone();
                    xp[a] += h;
                    xm[a] -= h;
                    double fdCond = (m.conditional(c).logDensity(xp, gamma) - m.conditional(c).logDensity(xm, gamma)) / (2 * h);
                    double fdPost = (Math.log(m.posterior(xp, gamma, c)) - Math.log(m.posterior(xm, gamma, c))) / (2 * h);
                    assertEquals(fdCond, s[a], 1e-5 * Math.max(1, Math.abs(fdCond)), name + " ∇log p(x|c)");
                    assertEquals(fdPost, g[a], 1e-5 * Math.max(1, Math.abs(fdPost)), name + " ∇log p(c|x)");
                }
                // Bayes: ∇log p(c|x) = s(x|c) − Σ_j p(j|x) s(x|j)
                double[] mix = new double[d];
                for (int j : m.classIds()) {
                    double[] sj = new double[d];
                    m.conditionalScore(x, gamma, j, sj);
                    double pj = m.posterior(x, gamma, j);
                    for (int a = 0; a < d; a++) {
                        mix[a] += pj * sj[a];
                    }
                }
                for (int a = 0; a < d; a++) {
                    assertEquals(s[a] - mix[a], g[a], 1e-9 * Math.max(1, Math.abs(g[a])), name + " Bayes form");
                }
            }
        }
    }

    @Test
    void noiseFreeClassifierOnGaussianClassesOnly() {
        ClassMixture two = ClassMixture.of(Presets.get("two-classes-1d"), Presets.classes("two-classes-1d"));
        assertTrue(two.hasNoiseFreeClassifier());
        // equal variances 0.5, means ∓1: p(1 | x) = 1 / (1 + exp(−4x)) at level 1
        for (double x : new double[] {-2, -0.3, 0, 0.7, 3}) {
            assertEquals(1 / (1 + Math.exp(-4 * x)), two.posterior(new double[] {x}, 1.0, 1), 1e-13);
        }
        ClassMixture board = ClassMixture.of(Presets.get("checkerboard-classes"), Presets.classes("checkerboard-classes"));
        assertFalse(board.hasNoiseFreeClassifier());
        assertThrows(IllegalArgumentException.class, () -> board.posterior(new double[] {0.5, 0.5}, 1.0, 0));
    }

    @Test
    void conditionalMomentsMatchExactDraws() {
        for (String id : List.of("ring8-classes", "two-classes", "checkerboard-classes")) {
            ClassMixture m = ClassMixture.of(Presets.get(id), Presets.classes(id));
            double gamma = 0.7;
            int n = 200_000;
            double[][] x = new double[2][n];
            m.conditional(1).sample(gamma, RandomSource.XO_RO_SHI_RO_128_PP.create(7L), x, 0, n);
            double[] mean = m.mean(1, gamma);
            double[][] cov = m.covariance(1, gamma);
            for (int a = 0; a < 2; a++) {
                double mu = java.util.Arrays.stream(x[a]).average().orElseThrow();
                assertEquals(mean[a], mu, 5 * Math.sqrt(cov[a][a] / n), id + " mean");
                for (int b = 0; b < 2; b++) {
                    double s = 0;
                    for (int i = 0; i < n; i++) {
                        s += (x[a][i] - mean[a]) * (x[b][i] - mean[b]);
                    }
                    assertEquals(cov[a][b], s / n, 0.02 * Math.sqrt(cov[a][a] * cov[b][b]), id + " covariance");
                }
            }
        }
    }

    @Test
    void regionHoldsAllButTheChiSquareTailOfASingleGaussianClass() {
        ClassMixture m = ClassMixture.of(Presets.get("two-classes"), Presets.classes("two-classes"));
        double gamma = 0.9;
        int n = 100_000;
        double[][] x = new double[2][n];
        m.conditional(0).sample(gamma, RandomSource.XO_RO_SHI_RO_128_PP.create(3L), x, 0, n);
        ClassMixture.Region r = m.region(0, gamma);
        int beyond = 0;
        for (int i = 0; i < n; i++) {
            beyond += r.contains(x, i) ? 0 : 1;
        }
        double p = Math.exp(-2); // P(χ²₂ > 4)
        assertEquals(p, (double) beyond / n, 5 * Math.sqrt(p * (1 - p) / n));

        ClassMixture one = ClassMixture.of(Presets.get("two-classes-1d"), Presets.classes("two-classes-1d"));
        double[][] y = new double[1][n];
        one.conditional(1).sample(gamma, RandomSource.XO_RO_SHI_RO_128_PP.create(4L), y, 0, n);
        ClassMixture.Region r1 = one.region(1, gamma);
        int out = 0;
        for (int i = 0; i < n; i++) {
            out += r1.contains(y, i) ? 0 : 1;
        }
        double p1 = 2 * (1 - PHI.cumulativeProbability(2));
        assertEquals(p1, (double) out / n, 5 * Math.sqrt(p1 * (1 - p1) / n));
    }

    @Test
    void tiltedDrawsAtZeroStrengthAreConditionalDraws() {
        ClassMixture m = ClassMixture.of(Presets.get("two-classes-1d"), Presets.classes("two-classes-1d"));
        double[][] a = new double[1][1000];
        double[][] b = new double[1][1000];
        m.sampleTilted(1, 0, 0.9, RandomSource.XO_RO_SHI_RO_128_PP.create(5L), a, 0, 1000);
        double[][] buf = new double[1][1024];
        m.conditional(1).sample(0.9, RandomSource.XO_RO_SHI_RO_128_PP.create(5L), buf, 0, 1024);
        System.arraycopy(buf[0], 0, b[0], 0, 1000);
        assertEquals(b[0][0], a[0][0]);
        assertEquals(b[0][999], a[0][999]);
    }

    @Test
    void badLabelsNameTheField() {
        Target ring = Presets.get("ring8");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ClassMixture.of(ring, new int[] {0, 1, 0}));
        assertTrue(e.getMessage().startsWith("classes must have one entry per component (8)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ClassMixture.of(ring, new int[8]));
        assertTrue(e.getMessage().startsWith("classes must name at least 2 distinct classes"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ClassMixture.of(ring, new int[] {0, 1, 0, 1, 0, 1, 0, -1}));
        assertTrue(e.getMessage().startsWith("classes[7]"), e.getMessage());
        GaussianMixture zero = new GaussianMixture(new double[] {1, 0}, new double[][] {{0}, {1}}, new double[][][] {{{1}}, {{1}}});
        e = assertThrows(IllegalArgumentException.class, () -> ClassMixture.of(zero, new int[] {0, 1}));
        assertTrue(e.getMessage().contains("class 1 has zero total weight"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ClassMixture.of(new EmbeddedTarget(ring, 3), new int[] {0, 1, 0, 1, 0, 1, 0, 1}));
        assertTrue(e.getMessage().startsWith("classes are given per component"), e.getMessage());
        ClassMixture m = ClassMixture.of(ring, Presets.classes("ring8-classes"));
        e = assertThrows(IllegalArgumentException.class, () -> m.conditional(2));
        assertTrue(e.getMessage().contains("class 2 is not one of the target's classes [0, 1]"), e.getMessage());
    }

    @Test
    void batchLogDensityOfBoxesIsThePointwiseOne() {
        for (Target t : List.of(Presets.get("checkerboard-classes"), Presets.get("checkerboard"),
                new BoxMixture(new double[] {1, 3}, new double[][] {{-2}, {0.5}}, new double[][] {{-1}, {3}}))) {
            Random rnd = new Random(2);
            int n = 200;
            double[][] x = new double[t.dim()][n];
            for (double[] axis : x) {
                for (int i = 0; i < n; i++) {
                    axis[i] = 14 * rnd.nextDouble() - 7;
                }
            }
            for (double gamma : new double[] {1e-6, 0.3, 0.9999}) {
                double[] batch = new double[n];
                t.logDensityBatch(x, n, gamma, batch);
                for (int i = 0; i < n; i++) {
                    double[] p = new double[t.dim()];
                    for (int a = 0; a < p.length; a++) {
                        p[a] = x[a][i];
                    }
                    assertEquals(t.logDensity(p, gamma), batch[i], 1e-12 * Math.max(1, Math.abs(batch[i])));
                }
            }
        }
    }
}
