package org.scorescope.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.scorescope.distribution.FramedTarget;
import org.scorescope.distribution.OrthonormalFrame;
import org.scorescope.distribution.Presets;
import org.scorescope.distribution.Target;

/** docs/imperfect-scores.md: the error specs, their parsing, and each error's Jacobian against finite differences. */
class ScoreErrorTest {

    @Test
    void parsesTypeSizeAndFrequency() {
        ScoreError f = ScoreError.parse("field:0.1:3");
        assertEquals("field", f.type());
        assertEquals(0.1, f.size());
        assertEquals(3, f.frequency());
        assertEquals("field:0.1:3", f.id());
        assertEquals("bias:0.05", ScoreError.parse("bias:0.05").id());
        assertEquals("noise-level", ScoreError.parse("noise-level:0.2").type());
        assertEquals(ScoreError.parse("scale:0"), ScoreError.of("scale", 0));
    }

    @Test
    void badSpecsNameWhatIsWrong() {
        assertTrue(msg(() -> ScoreError.parse("wobble:0.1")).contains("unknown error type 'wobble'"));
        assertTrue(msg(() -> ScoreError.parse("bias:-0.1")).startsWith("size"));
        assertTrue(msg(() -> ScoreError.parse("bias:NaN")).startsWith("size"));
        assertTrue(msg(() -> ScoreError.parse("bias:abc")).startsWith("size"));
        assertTrue(msg(() -> ScoreError.parse("bias:0.1:3")).contains("only field errors take a frequency"));
        assertTrue(msg(() -> ScoreError.parse("field:0.1:0")).startsWith("frequency"));
        assertTrue(msg(() -> ScoreError.parse("field")).contains("TYPE:SIZE"));
        assertTrue(msg(() -> new ScoreError("field", 0.1, 1, 0, 1, null)).startsWith("features"));
        assertTrue(msg(() -> new ScoreError("bias", 0.1, 1, 4, 1, new double[] {0, 0})).startsWith("direction"));
        Target ring = Presets.get("ring8");
        assertTrue(msg(() -> PerturbedScore.of(ring, new ScoreError("bias", 0.1, 1, 4, 1, new double[] {1, 0, 0}))).startsWith("direction"));
    }

    private static String msg(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void biasHasTheSetLengthAndDirection() {
        Target g = Presets.get("gaussian");
        double[] b = PerturbedScore.of(g, new ScoreError("bias", 0.3, 1, 4, 1, new double[] {3, 4})).bias();
        assertEquals(0.18, b[0], 1e-15);
        assertEquals(0.24, b[1], 1e-15);
        double[] r = PerturbedScore.of(new FramedTarget(g, OrthonormalFrame.random(40, 2, 1), 0), ScoreError.of("bias", 0.3)).bias();
        double n = 0;
        for (double v : r) {
            n += v * v;
        }
        assertEquals(0.3, Math.sqrt(n), 1e-15);
    }

    /** ‖Ĵ − J‖_F of every error type against central differences of ŝ − s. */
    @Test
    void jacobianErrorsMatchFiniteDifferences() {
        Target[] targets = {Presets.get("ring8"), Presets.get("checkerboard"), new FramedTarget(Presets.get("ring8"), OrthonormalFrame.random(5, 2, 4), 0.2)};
        String[] specs = {"field:0.3:2", "field:0.1:10", "scale:0.2", "noise-level:0.3", "bias:0.4"};
        Random rnd = new Random(3);
        for (Target t : targets) {
            int d = t.dim();
            for (String spec : specs) {
                PerturbedScore p = PerturbedScore.of(t, ScoreError.parse(spec));
                for (int trial = 0; trial < 5; trial++) {
                    double gamma = 0.1 + 0.8 * rnd.nextDouble();
                    double[][] x = new double[d][1];
                    t.sample(gamma, RandomSource.XO_RO_SHI_RO_128_PP.create(rnd.nextLong()), x, 0, 1);
                    double[] pt = new double[d];
                    for (int a = 0; a < d; a++) {
                        pt[a] = x[a][0];
                    }
                    double f2 = 0;
                    for (int b = 0; b < d; b++) {
                        double h = 1e-5;
                        double[] ep = error(p, pt, b, h, gamma);
                        double[] em = error(p, pt, b, -h, gamma);
                        for (int a = 0; a < d; a++) {
                            double fd = (ep[a] - em[a]) / (2 * h);
                            f2 += fd * fd;
                        }
                    }
                    double analytic = p.jacobianError(pt, gamma);
                    assertEquals(Math.sqrt(f2), analytic, 1e-5 * Math.max(1, analytic), spec + " on " + t.getClass().getSimpleName() + " at " + gamma);
                }
            }
        }
    }

    private static double[] error(PerturbedScore p, double[] x, int axis, double h, double gamma) {
        int d = x.length;
        double[][] col = new double[d][1];
        for (int a = 0; a < d; a++) {
            col[a][0] = x[a] + (a == axis ? h : 0);
        }
        double[][] s = new double[d][1];
        double[][] e = new double[d][1];
        p.eval(col, 1, gamma, s);
        p.exact().eval(col, 1, gamma, e);
        double[] out = new double[d];
        for (int a = 0; a < d; a++) {
            out[a] = s[a][0] - e[a][0];
        }
        return out;
    }

    /** The along-a-direction forms are the perturbed score of a 1D Gaussian. */
    @Test
    void affineFormsAgreeWithTheWrapperOnAOneDimensionalGaussian() {
        Target g = Presets.get("gaussian1d");
        for (String spec : new String[] {"bias:0.3", "scale:0.2", "noise-level:0.5"}) {
            PerturbedScore p = PerturbedScore.of(g, new ScoreError(ScoreError.parse(spec).type(), ScoreError.parse(spec).size(), 1, 4, 1, new double[] {1}));
            assertTrue(p.isAffineOnGaussians());
            for (double gamma : new double[] {0.1, 0.5, 0.97}) {
                double[] ac = p.along(0.25, 1.0, p.bias()[0], gamma);
                double[][] x = {{-1.3, 0.4}};
                double[][] out = new double[1][2];
                p.eval(x, 2, gamma, out);
                for (int i = 0; i < 2; i++) {
                    assertEquals(out[0][i], ac[0] * x[0][i] + ac[1], 1e-13, spec);
                }
            }
        }
        assertEquals(false, PerturbedScore.of(g, ScoreError.parse("field:0.1")).isAffineOnGaussians());
    }
}
