package org.scorescope.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The score at per-particle levels (randomized midpoint) equals the pointwise score at each
 * particle's level to 1e-12, and its vector and scalar kernels give the same bits.
 */
class LevelsKernelTest {

    @ParameterizedTest
    @ValueSource(strings = {"ring8", "moons", "spiral", "gaussian", "line", "grid25", "checkerboard", "bimodal1d"})
    void perParticleLevelsEqualThePointwiseScore(String id) {
        Target target = Presets.get(id);
        int d = target.dim();
        int n = 203; // whole vectors and a remainder
        Random rnd = new Random(id.hashCode());
        double[][] x = new double[d][n];
        double[] gammas = new double[n];
        for (int i = 0; i < n; i++) {
            gammas[i] = i % 50 == 0 ? 1e-9 : i % 50 == 1 ? 1 - 1e-9 : rnd.nextDouble();
            double[] p = TargetCalculusTest.randomPoint(target, gammas[i], rnd);
            for (int a = 0; a < d; a++) {
                x[a][i] = i % 37 == 0 ? 40 * p[a] : p[a];
            }
        }
        double[][] out = new double[d][n];
        target.scoreBatchLevels(x, n, gammas, out);
        for (int i = 0; i < n; i++) {
            double[] p = new double[d];
            for (int a = 0; a < d; a++) {
                p[a] = x[a][i];
            }
            double[] s = new double[d];
            target.score(p, gammas[i], s);
            for (int a = 0; a < d; a++) {
                assertEquals(s[a], out[a][i], 1e-12 * Math.max(1, Math.abs(s[a])), id + " particle " + i + " gamma " + gammas[i]);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ring8", "spiral", "line"})
    void vectorAndScalarKernelsAgreeBitForBit(String id) {
        GaussianMixture g = (GaussianMixture) Presets.get(id);
        var f = GaussianMixture.LevelFree2.of(g);
        int n = 501;
        Random rnd = new Random(4);
        double[][] x = new double[2][n];
        double[] gammas = new double[n];
        for (int i = 0; i < n; i++) {
            x[0][i] = 6 * rnd.nextGaussian();
            x[1][i] = 6 * rnd.nextGaussian();
            gammas[i] = rnd.nextDouble();
        }
        double[][] v = new double[2][n];
        double[][] s = new double[2][n];
        int done = VectorMixtureKernel.scoreLevels2(f, g.components(), x[0], x[1], gammas, n, v[0], v[1]);
        MixtureScoreKernel.scoreLevels2Scalar(f, g.components(), x[0], x[1], gammas, done, n, v[0], v[1]);
        MixtureScoreKernel.scoreLevels2Scalar(f, g.components(), x[0], x[1], gammas, 0, n, s[0], s[1]);
        for (int a = 0; a < 2; a++) {
            for (int i = 0; i < n; i++) {
                assertEquals(Double.doubleToRawLongBits(s[a][i]), Double.doubleToRawLongBits(v[a][i]), id + " i=" + i);
            }
        }
    }
}
