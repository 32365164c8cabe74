package org.scorescope.inverse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;
import org.scorescope.distribution.GaussianMixture;
import org.scorescope.distribution.Presets;
import org.scorescope.metrics.Binning;
import org.scorescope.metrics.ExactBinMasses;

/**
 * Issue 15, must-show 4: the closed-form posterior against an independent computation, numerical
 * quadrature of prior × likelihood on a fine grid (composite 10-point Gauss–Legendre), bin by bin to
 * 1e-8 in mass, at the output level and at a noised level; and the observation's checks (must-show 5).
 */
class InverseProblemTest {
    private static final GaussIntegrator GL = new GaussIntegratorFactory().legendre(10);

    /** Prior density written out from the components (2D), independent of GaussianMixture's own. */
    private static double priorDensity(GaussianMixture g, double x, double y) {
        double p = 0;
        for (int c = 0; c < g.components(); c++) {
            double[] m = g.mean(c);
            double[][] s = g.covariance(c);
            double det = s[0][0] * s[1][1] - s[0][1] * s[1][0];
            double dx = x - m[0];
            double dy = y - m[1];
            double q = (s[1][1] * dx * dx - 2 * s[0][1] * dx * dy + s[0][0] * dy * dy) / det;
            p += g.weight(c) * Math.exp(-0.5 * q) / (2 * Math.PI * Math.sqrt(det));
        }
        return p;
    }

    private static double likelihood(double[][] a, double[] y, double sigma, double... x) {
        double q = 0;
        for (int i = 0; i < a.length; i++) {
            double r = y[i];
            for (int j = 0; j < x.length; j++) {
                r -= a[i][j] * x[j];
            }
            q += r * r;
        }
        return Math.exp(-0.5 * q / (sigma * sigma));
    }

    /** ∫∫ f over [x0, x1] × [y0, y1] by m × m sub-cells of 10 × 10 Gauss–Legendre nodes. */
    private static double integrate(java.util.function.DoubleBinaryOperator f, double x0, double x1, double y0, double y1, int m) {
        double hx = (x1 - x0) / m;
        double hy = (y1 - y0) / m;
        double sum = 0;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                double cx = x0 + (i + 0.5) * hx;
                double cy = y0 + (j + 0.5) * hy;
                for (int p = 0; p < GL.getNumberOfPoints(); p++) {
                    double x = cx + 0.5 * hx * GL.getPoint(p);
                    double wx = 0.5 * hx * GL.getWeight(p);
                    for (int q = 0; q < GL.getNumberOfPoints(); q++) {
                        sum += wx * 0.5 * hy * GL.getWeight(q) * f.applyAsDouble(x, cy + 0.5 * hy * GL.getPoint(q));
                    }
                }
            }
        }
        return sum;
    }

    private static void agreesWithQuadratureAtTheOutputLevel(String task, double[] y, double sigma) {
        GaussianMixture prior = (GaussianMixture) Presets.get("ring8");
        double[][] a = ObservationTask.matrix(task, 2);
        InverseProblem ip = InverseProblem.of(prior, LinearObservation.of(a, y, sigma));
        java.util.function.DoubleBinaryOperator f = (u, v) -> priorDensity(prior, u, v) * likelihood(a, y, sigma, u, v);
        double z = integrate(f, -8, 8, -8, 8, 64);
        Binning b = new Binning(new double[] {-6, -6}, new double[] {6, 6}, new int[] {40, 40});
        double[] exact = ExactBinMasses.compute(ip.posterior(), b, 1.0);
        double[] ex = b.edges(0);
        double[] ey = b.edges(1);
        double worst = 0;
        double total = 0;
        for (int i = 0; i < 40; i++) {
            for (int j = 0; j < 40; j++) {
                double q = integrate(f, ex[i], ex[i + 1], ey[j], ey[j + 1], 1) / z;
                total += q;
                worst = Math.max(worst, Math.abs(q - exact[i * 40 + j]));
            }
        }
        System.out.printf("posterior vs quadrature, ring8 %s y=%s sigma=%.2f: max bin error %.1e (bins hold %.6f of the mass)%n",
                task, java.util.Arrays.toString(y), sigma, worst, total);
        assertTrue(total > 0.99, "the box holds the posterior");
        assertEquals(0, worst, 1e-8, task);
    }

    @Test
    void posteriorBinMassesAgreeWithQuadratureOnInpainting() {
        agreesWithQuadratureAtTheOutputLevel("inpaint-x", new double[] {2.5}, 0.2);
    }

    @Test
    void posteriorBinMassesAgreeWithQuadratureOnBlurAndProjection() {
        agreesWithQuadratureAtTheOutputLevel("blur", new double[] {2.0, 1.0}, 0.3);
        agreesWithQuadratureAtTheOutputLevel("project:60", new double[] {-1.5}, 0.25);
    }

    @Test
    void noisedPosteriorAgreesWithQuadratureOfTheConvolution() {
        GaussianMixture prior = (GaussianMixture) Presets.get("ring8");
        double[][] a = ObservationTask.matrix("inpaint-x", 2);
        double[] y = {2.5};
        double sigma = 0.2;
        InverseProblem ip = InverseProblem.of(prior, LinearObservation.of(a, y, sigma));
        double gamma = 0.45;
        double sg = Math.sqrt(gamma);
        double sn = Math.sqrt(1 - gamma);
        Binning b = new Binning(new double[] {-5, -5}, new double[] {5, 5}, new int[] {20, 20});
        double[] ex = b.edges(0);
        double[] ey = b.edges(1);
        // p(x0) L(x0) is negligible (< e^-32) outside x0_1 in 2.5 ± 1.6; the noising kernel factors over the axes,
        // so P(bin | x0) = Px(i | u) Py(j | v), tabulated once per node coordinate
        int cellsX = 24;
        int cellsY = 96;
        double[] us = nodes(0.5, 4.5, cellsX);
        double[] vs = nodes(-8, 8, cellsY);
        double[] wu = weights(0.5, 4.5, cellsX);
        double[] wv = weights(-8, 8, cellsY);
        double[][] px = kernel(us, ex, sg, sn);
        double[][] py = kernel(vs, ey, sg, sn);
        double[] mass = new double[400];
        double z = 0;
        for (int p = 0; p < us.length; p++) {
            for (int q = 0; q < vs.length; q++) {
                double w = wu[p] * wv[q] * priorDensity(prior, us[p], vs[q]) * likelihood(a, y, sigma, us[p], vs[q]);
                z += w;
                for (int i = 0; i < 20; i++) {
                    double wi = w * px[p][i];
                    for (int j = 0; j < 20; j++) {
                        mass[i * 20 + j] += wi * py[q][j];
                    }
                }
            }
        }
        double[] exact = ExactBinMasses.compute(ip.posterior(), b, gamma);
        double worst = 0;
        for (int i = 0; i < 400; i++) {
            worst = Math.max(worst, Math.abs(mass[i] / z - exact[i]));
        }
        System.out.printf("noised posterior (gamma=%.2f) vs quadrature of the convolution: max bin error %.1e%n", gamma, worst);
        assertEquals(0, worst, 1e-8);
    }

    private static double[] nodes(double lo, double hi, int cells) {
        double h = (hi - lo) / cells;
        double[] x = new double[cells * GL.getNumberOfPoints()];
        for (int c = 0; c < cells; c++) {
            for (int p = 0; p < GL.getNumberOfPoints(); p++) {
                x[c * GL.getNumberOfPoints() + p] = lo + (c + 0.5) * h + 0.5 * h * GL.getPoint(p);
            }
        }
        return x;
    }

    private static double[] weights(double lo, double hi, int cells) {
        double h = (hi - lo) / cells;
        double[] w = new double[cells * GL.getNumberOfPoints()];
        for (int c = 0; c < cells; c++) {
            for (int p = 0; p < GL.getNumberOfPoints(); p++) {
                w[c * GL.getNumberOfPoints() + p] = 0.5 * h * GL.getWeight(p);
            }
        }
        return w;
    }

    /** P(√γ x0 + √(1−γ) Z ∈ [e_i, e_{i+1})) for every node x0 and bin i (Commons Math's erf). */
    private static double[][] kernel(double[] x, double[] edges, double sg, double sn) {
        double[][] k = new double[x.length][edges.length - 1];
        for (int p = 0; p < x.length; p++) {
            for (int i = 0; i < edges.length - 1; i++) {
                k[p][i] = 0.5 * Erf.erf((edges[i] - sg * x[p]) / (sn * Math.sqrt(2)), (edges[i + 1] - sg * x[p]) / (sn * Math.sqrt(2)));
            }
        }
        return k;
    }

    @Test
    void singleGaussianPosteriorMatchesTheInformationForm() {
        GaussianMixture prior = (GaussianMixture) Presets.get("gaussian");
        double[][] a = {{0.75, 0.25}, {0.25, 0.75}};
        double[] y = {1.0, -0.4};
        double sigma = 0.5;
        InverseProblem ip = InverseProblem.of(prior, LinearObservation.of(a, y, sigma));
        // Σ' = (Σ⁻¹ + AᵀA/σ²)⁻¹, μ' = Σ' (Σ⁻¹ μ + Aᵀ y/σ²)
        double[][] s = prior.covariance(0);
        double det = s[0][0] * s[1][1] - s[0][1] * s[1][0];
        double[][] p = {{s[1][1] / det, -s[0][1] / det}, {-s[1][0] / det, s[0][0] / det}};
        double[][] info = new double[2][2];
        double[] h = new double[2];
        double[] mu = prior.mean(0);
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                double ata = 0;
                for (int r = 0; r < 2; r++) {
                    ata += a[r][i] * a[r][j];
                }
                info[i][j] = p[i][j] + ata / (sigma * sigma);
                h[i] += p[i][j] * mu[j];
            }
            for (int r = 0; r < 2; r++) {
                h[i] += a[r][i] * y[r] / (sigma * sigma);
            }
        }
        double dI = info[0][0] * info[1][1] - info[0][1] * info[1][0];
        double[][] cov = {{info[1][1] / dI, -info[0][1] / dI}, {-info[1][0] / dI, info[0][0] / dI}};
        double[] mean = {cov[0][0] * h[0] + cov[0][1] * h[1], cov[1][0] * h[0] + cov[1][1] * h[1]};
        double[][] got = ip.posterior().covariance(0);
        for (int i = 0; i < 2; i++) {
            assertEquals(mean[i], ip.posterior().mean(0)[i], 1e-13);
            for (int j = 0; j < 2; j++) {
                assertEquals(cov[i][j], got[i][j], 1e-13);
            }
        }
        assertEquals(1, ip.posterior().weight(0), 0);
    }

    @Test
    void singularPriorComponentsAndFarComponentsAreExact() {
        // a line (singular covariance) observed across it: the posterior is a point-like Gaussian on the line
        GaussianMixture line = (GaussianMixture) Presets.get("line");
        InverseProblem ip = InverseProblem.of(line, LinearObservation.of(ObservationTask.matrix("inpaint-x", 2), new double[] {1.0}, 0.1));
        double[][] c = ip.posterior().covariance(0);
        assertEquals(0, c[0][0] * c[1][1] - c[0][1] * c[1][0], 1e-15, "still singular: the posterior lives on the line");
        // a component 30 sd away keeps a tiny positive log weight instead of underflowing to NaN
        GaussianMixture two = new GaussianMixture(new double[] {0.5, 0.5}, new double[][] {{0, 0}, {14, 0}},
                new double[][][] {{{0.1, 0}, {0, 0.1}}, {{0.1, 0}, {0, 0.1}}});
        InverseProblem far = InverseProblem.of(two, LinearObservation.of(new double[][] {{1, 0}}, new double[] {0.0}, 0.1));
        assertTrue(far.logWeight(1) < -700 && Double.isFinite(far.logWeight(1)), "log weight " + far.logWeight(1));
        assertEquals(1, far.posterior().weight(0), 1e-15);
    }

    @Test
    void svdBasisIsOrthonormalAndReproducesA() {
        double[][] a = {{0.3, -1.2, 0.5}, {2.0, 0.1, -0.7}};
        LinearObservation o = LinearObservation.of(a, new double[] {0.4, -0.9}, 0.2);
        for (int s = 0; s < 3; s++) {
            for (int r = 0; r < 3; r++) {
                double p = 0;
                for (int i = 0; i < 3; i++) {
                    p += o.basis(s, i) * o.basis(r, i);
                }
                assertEquals(s == r ? 1 : 0, p, 1e-14);
            }
        }
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                double v = 0;
                for (int s = 0; s < 2; s++) {
                    v += o.left(s, i) * o.singularValue(s) * o.basis(s, j);
                }
                assertEquals(a[i][j], v, 1e-14);
            }
        }
        // the null-space direction is unobserved: A v_2 = 0
        assertEquals(0, o.apply(new double[] {o.basis(2, 0), o.basis(2, 1), o.basis(2, 2)})[0], 1e-14);
        // ξ_s = v_sᵀ x when y = A x exactly
        double[] x = {1.0, -2.0, 0.5};
        LinearObservation exact = o.withY(o.apply(x));
        for (int s = 0; s < 2; s++) {
            assertEquals(o.basis(s, 0) * x[0] + o.basis(s, 1) * x[1] + o.basis(s, 2) * x[2], exact.xi(s), 1e-13);
        }
    }

    private static String fieldOf(Runnable r) {
        return assertThrows(ObservationException.class, r::run).field();
    }

    @Test
    void badObservationsNameTheirField() {
        GaussianMixture ring = (GaussianMixture) Presets.get("ring8");
        assertEquals("A", fieldOf(() -> InverseProblem.of(ring, LinearObservation.of(new double[][] {{1, 0, 0}}, new double[] {1}, 0.1))));
        assertEquals("y", fieldOf(() -> LinearObservation.of(new double[][] {{1, 0}}, new double[] {1, 2}, 0.1)));
        assertEquals("sigma", fieldOf(() -> LinearObservation.of(new double[][] {{1, 0}}, new double[] {1}, 0)));
        assertEquals("sigma", fieldOf(() -> LinearObservation.of(new double[][] {{1, 0}}, new double[] {1}, -1)));
        assertEquals("sigma", fieldOf(() -> LinearObservation.of(new double[][] {{1, 0}}, new double[] {1}, Double.NaN)));
        assertEquals("A", fieldOf(() -> LinearObservation.of(new double[][] {{0, 0}}, new double[] {1}, 0.1)));
        assertEquals("A", fieldOf(() -> LinearObservation.of(new double[][] {{1, 2}, {2, 4}}, new double[] {1, 2}, 0.1)));
        assertEquals("A", fieldOf(() -> LinearObservation.of(new double[][] {{1, 0}, {0, 1}, {1, 1}}, new double[] {1, 2, 3}, 0.1)));
        assertEquals("A[1]", fieldOf(() -> LinearObservation.of(new double[][] {{1, 0}, {1}}, new double[] {1, 2}, 0.1)));
        assertEquals("A[0][1]", fieldOf(() -> LinearObservation.of(new double[][] {{1, Double.NaN}}, new double[] {1}, 0.1)));
        assertEquals("y[0]", fieldOf(() -> LinearObservation.of(new double[][] {{1, 0}}, new double[] {Double.POSITIVE_INFINITY}, 0.1)));
        ObservationException far = assertThrows(ObservationException.class,
                () -> InverseProblem.of(ring, LinearObservation.of(new double[][] {{1, 0}}, new double[] {60}, 0.1)));
        assertEquals("y", far.field());
        assertTrue(far.getMessage().contains("zero likelihood"), far.getMessage());
        assertEquals("target", fieldOf(() -> InverseProblem.of(Presets.get("checkerboard"),
                LinearObservation.of(new double[][] {{1, 0}}, new double[] {1}, 0.1))));
        assertEquals("task", fieldOf(() -> ObservationTask.matrix("blur:3", 2)));
        assertEquals("task", fieldOf(() -> ObservationTask.matrix("project", 3)));
        assertEquals("task", fieldOf(() -> ObservationTask.matrix("deblur", 2)));
    }

    @Test
    void drawnObservationsDependOnlyOnTheSeed() {
        GaussianMixture ring = (GaussianMixture) Presets.get("ring8");
        double[][] a = ObservationTask.matrix("denoise", 2);
        double[] y1 = LinearObservation.draw(ring, a, 0.1, 7);
        double[] y2 = LinearObservation.draw(ring, a, 0.1, 7);
        double[] y3 = LinearObservation.draw(ring, a, 0.1, 8);
        assertEquals(java.util.Arrays.toString(y1), java.util.Arrays.toString(y2));
        assertTrue(y1[0] != y3[0]);
        // a draw lies near the ring of radius 4
        double r = Math.hypot(y1[0], y1[1]);
        assertTrue(r > 2 && r < 6, "radius " + r);
    }
}
