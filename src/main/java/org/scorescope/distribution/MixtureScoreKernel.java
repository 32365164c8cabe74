package org.scorescope.distribution;

/**
 * The hot loop of ScoreScope: the score of a Gaussian mixture at n particles, structure of arrays.
 *
 * <p>In 2D each particle takes two passes over the components (the largest log weight, then the
 * exponentials and weighted gradients), vectorised across particles by {@link VectorMixtureKernel}.
 * In 1D and d ≥ 3 a weight with log ratio below
 * {@value #NEGLIGIBLE_LOG_RATIO} to the largest one (e⁻⁴⁰ ≈ 4e-18 of it, under half an ulp of the
 * weight sum) is skipped; the 2D kernel computes every exponential, because the skip branch is
 * unpredictable there and cost a third of the time (W1: 18.4 → 24.3 M particle-steps/s without it).
 * In 2D the vectorised {@link VectorMixtureKernel} runs when {@code jdk.incubator.vector} is present;
 * both 2D kernels use {@link ReproducibleExp#expMix} and give bit-identical results.
 */
final class MixtureScoreKernel {
    static final double NEGLIGIBLE_LOG_RATIO = -40.0;

    private MixtureScoreKernel() {
    }

    static void score(GaussianMixture.Level level, int d, int k, double[][] x, int n, double[][] out) {
        if (d == 2) {
            score2(level, k, x[0], x[1], n, out[0], out[1]);
        } else if (d == 1) {
            score1(level, k, x[0], n, out[0]);
        } else {
            scoreGeneric(level, d, k, x, n, out);
        }
    }

    /** Whether the Vector API kernel is in use (module present and not disabled by -Dscorescope.kernel=scalar). */
    static final boolean VECTOR = vectorAvailable();

    private static boolean vectorAvailable() {
        if ("scalar".equals(System.getProperty("scorescope.kernel"))) {
            return false;
        }
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return false;
        }
        try {
            return VectorMixtureKernel.lanes() >= 2;
        } catch (LinkageError e) {
            return false;
        }
    }

    /** A name for the kernel in use, for reports. */
    static String kernelName() {
        return VECTOR ? "vector (" + VectorMixtureKernel.lanes() + " lanes)" : "scalar";
    }

    /** A 2D level's components as flat arrays: means, the three distinct precision entries, log norms. */
    record Planar2(double[] m0, double[] m1, double[] p00, double[] p01, double[] p11, double[] ln) {
        static Planar2 of(GaussianMixture.Level l, int k) {
            Planar2 a = new Planar2(new double[k], new double[k], new double[k], new double[k], new double[k], new double[k]);
            for (int c = 0; c < k; c++) {
                a.m0[c] = l.mean[c][0];
                a.m1[c] = l.mean[c][1];
                a.p00[c] = l.precision[c][0];
                a.p01[c] = l.precision[c][1];
                a.p11[c] = l.precision[c][3];
                a.ln[c] = l.logNorm[c];
            }
            return a;
        }
    }

    private static void score2(GaussianMixture.Level l, int k, double[] x0, double[] x1, int n, double[] o0, double[] o1) {
        Planar2 a = l.planar;
        if (VECTOR) {
            VectorMixtureKernel.score2(a.m0, a.m1, a.p00, a.p01, a.p11, a.ln, k, x0, x1, n, o0, o1);
        } else {
            score2Scalar(a.m0, a.m1, a.p00, a.p01, a.p11, a.ln, k, x0, x1, 0, n, o0, o1);
        }
    }

    /**
     * The scalar 2D kernel on particles [from, n): per particle, one pass over the components for the
     * largest log weight, a second recomputing each log weight for its exponential and summing the
     * weighted gradients. The vector kernel does exactly these operations lane by lane.
     */
    static void score2Scalar(double[] m0, double[] m1, double[] p00, double[] p01, double[] p11, double[] ln, int k,
            double[] x0, double[] x1, int from, int n, double[] o0, double[] o1) {
        for (int i = from; i < n; i++) {
            double x = x0[i];
            double y = x1[i];
            double mx = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                double dx = x - m0[c];
                double dy = y - m1[c];
                double gx = Math.fma(dy, p01[c], dx * p00[c]);
                double gy = Math.fma(dy, p11[c], dx * p01[c]);
                double v = Math.fma(Math.fma(dy, gy, dx * gx), -0.5, ln[c]);
                if (v > mx) {
                    mx = v;
                }
            }
            double sw = 0;
            double sx = 0;
            double sy = 0;
            for (int c = 0; c < k; c++) {
                double dx = x - m0[c];
                double dy = y - m1[c];
                double gx = Math.fma(dy, p01[c], dx * p00[c]);
                double gy = Math.fma(dy, p11[c], dx * p01[c]);
                double v = Math.fma(Math.fma(dy, gy, dx * gx), -0.5, ln[c]);
                double e = ReproducibleExp.expMix(v - mx);
                sw = sw + e;
                sx = Math.fma(e, gx, sx);
                sy = Math.fma(e, gy, sy);
            }
            o0[i] = -sx / sw;
            o1[i] = -sy / sw;
        }
    }

    /** The 2D score with particle i at level gammas[i] ∈ (0, 1). */
    static void scoreLevels2(GaussianMixture.LevelFree2 f, int k, double[] x0, double[] x1, double[] gammas, int n,
            double[] o0, double[] o1) {
        int from = VECTOR ? VectorMixtureKernel.scoreLevels2(f, k, x0, x1, gammas, n, o0, o1) : 0;
        scoreLevels2Scalar(f, k, x0, x1, gammas, from, n, o0, o1);
    }

    /**
     * The scalar twin of {@link VectorMixtureKernel#scoreLevels2} on particles [from, n): per
     * particle, per eigenvalue group ev = γλ + 1 − γ, the inverses and −½ log(ev₁ev₂); per component
     * C⁻¹ = a/ev₁ + b/ev₂ and the mean √γ μ; then the two passes of {@link #score2Scalar}.
     */
    static void scoreLevels2Scalar(GaussianMixture.LevelFree2 f, int k, double[] x0, double[] x1, double[] gammas, int from,
            int n, double[] o0, double[] o1) {
        int groups = f.lambda1().length;
        double[] inv1 = new double[groups];
        double[] inv2 = new double[groups];
        double[] halfLogDet = new double[groups];
        int[] group = f.group();
        for (int i = from; i < n; i++) {
            double g = gammas[i];
            double sg = Math.sqrt(g);
            double om = 1.0 - g;
            for (int h = 0; h < groups; h++) {
                double ev1 = Math.fma(g, f.lambda1()[h], om);
                double ev2 = Math.fma(g, f.lambda2()[h], om);
                inv1[h] = 1.0 / ev1;
                inv2[h] = 1.0 / ev2;
                halfLogDet[h] = org.scorescope.math.CounterNormals.log(ev1 * ev2) * -0.5;
            }
            double x = x0[i];
            double y = x1[i];
            double mx = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                int h = group[c];
                double q00 = Math.fma(inv1[h], f.a00()[c], inv2[h] * f.b00()[c]);
                double q01 = Math.fma(inv1[h], f.a01()[c], inv2[h] * f.b01()[c]);
                double q11 = Math.fma(inv1[h], f.a11()[c], inv2[h] * f.b11()[c]);
                double dx = Math.fma(sg, -f.mu0()[c], x);
                double dy = Math.fma(sg, -f.mu1()[c], y);
                double gx = Math.fma(dy, q01, dx * q00);
                double gy = Math.fma(dy, q11, dx * q01);
                double v = Math.fma(Math.fma(dy, gy, dx * gx), -0.5, f.lnc()[c] + halfLogDet[h]);
                if (v > mx) {
                    mx = v;
                }
            }
            double sw = 0;
            double sx = 0;
            double sy = 0;
            for (int c = 0; c < k; c++) {
                int h = group[c];
                double q00 = Math.fma(inv1[h], f.a00()[c], inv2[h] * f.b00()[c]);
                double q01 = Math.fma(inv1[h], f.a01()[c], inv2[h] * f.b01()[c]);
                double q11 = Math.fma(inv1[h], f.a11()[c], inv2[h] * f.b11()[c]);
                double dx = Math.fma(sg, -f.mu0()[c], x);
                double dy = Math.fma(sg, -f.mu1()[c], y);
                double gx = Math.fma(dy, q01, dx * q00);
                double gy = Math.fma(dy, q11, dx * q01);
                double v = Math.fma(Math.fma(dy, gy, dx * gx), -0.5, f.lnc()[c] + halfLogDet[h]);
                double e = ReproducibleExp.expMix(v - mx);
                sw = sw + e;
                sx = Math.fma(e, gx, sx);
                sy = Math.fma(e, gy, sy);
            }
            o0[i] = -sx / sw;
            o1[i] = -sy / sw;
        }
    }

    private static void score1(GaussianMixture.Level l, int k, double[] x0, int n, double[] o0) {
        double[] lw = new double[k];
        for (int i = 0; i < n; i++) {
            double xi = x0[i];
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                double dx = xi - l.mean[c][0];
                lw[c] = l.logNorm[c] - 0.5 * dx * dx * l.precision[c][0];
                max = Math.max(max, lw[c]);
            }
            double sw = 0;
            double s = 0;
            for (int c = 0; c < k; c++) {
                double r = lw[c] - max;
                if (r > NEGLIGIBLE_LOG_RATIO) {
                    double e = Math.exp(r);
                    sw += e;
                    s -= e * l.precision[c][0] * (xi - l.mean[c][0]);
                }
            }
            o0[i] = s / sw;
        }
    }

    private static void scoreGeneric(GaussianMixture.Level l, int d, int k, double[][] x, int n, double[][] out) {
        double[] p = new double[d];
        double[] lw = new double[k];
        double[][] grad = new double[k][d];
        double[] acc = new double[d];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < d; a++) {
                p[a] = x[a][i];
            }
            l.components(p, lw, grad);
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                max = Math.max(max, lw[c]);
            }
            double sw = 0;
            java.util.Arrays.fill(acc, 0);
            for (int c = 0; c < k; c++) {
                double r = lw[c] - max;
                if (r > NEGLIGIBLE_LOG_RATIO) {
                    double e = Math.exp(r);
                    sw += e;
                    for (int a = 0; a < d; a++) {
                        acc[a] += e * grad[c][a];
                    }
                }
            }
            for (int a = 0; a < d; a++) {
                out[a][i] = acc[a] / sw;
            }
        }
    }
}
