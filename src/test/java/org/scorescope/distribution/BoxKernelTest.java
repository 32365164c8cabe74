package org.scorescope.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The linear-space box kernel ({@link BoxScoreKernel}, {@link VectorBoxKernel}) against the
 * log-space closed form of {@link BoxMixture} and 60-digit values, and its two twins against each other.
 */
class BoxKernelTest {
    static final double[] LEVELS = {1e-14, 1e-9, 1e-7, 2.5e-7, 1e-6, 3e-6, 1e-5, 1e-4, 1e-3, 0.02, 0.1, 0.3, 0.5, 0.7,
        0.9, 0.99, 0.999, 1 - 1e-5, 1 - 1e-7, 1 - 1e-9};

    static List<BoxMixture> mixtures() {
        List<BoxMixture> out = new ArrayList<>();
        out.add((BoxMixture) Presets.get("checkerboard"));
        out.add((BoxMixture) Presets.get("checkerboard-classes"));
        // overlapping boxes, unequal weights, a thin one and a far one
        out.add(new BoxMixture(new double[] {1, 3, 0.5, 2},
                new double[][] {{0, 0}, {-3, 1}, {-1, -0.01}, {20, -30}},
                new double[][] {{2, 3}, {-1, 2}, {5, 0.01}, {21, -28}}));
        return out;
    }

    /** Points: exact draws, far ones, points on endpoints, points inside empty cells. */
    static double[][] points(BoxMixture b, double gamma, Random rnd, int n) {
        double[][] x = new double[2][n];
        double sg = Math.sqrt(gamma);
        for (int i = 0; i < n; i++) {
            double[] p = TargetCalculusTest.randomPoint(b, gamma, rnd);
            int kind = i % 8;
            for (int a = 0; a < 2; a++) {
                double v = p[a];
                if (kind == 1) {
                    v = 40 * p[a];
                } else if (kind == 2) {
                    v = 1e3 * rnd.nextGaussian();
                } else if (kind == 3) {
                    double[] corner = rnd.nextBoolean() ? b.lower(rnd.nextInt(b.boxes())) : b.upper(rnd.nextInt(b.boxes()));
                    v = sg * corner[a];
                } else if (kind == 4) {
                    v = sg * (8 * rnd.nextDouble() - 4);
                }
                x[a][i] = v;
            }
        }
        return x;
    }

    static BoxMixture mixture(String name) {
        List<BoxMixture> m = mixtures();
        return m.get(List.of("checkerboard", "checkerboard-classes", "mixed").indexOf(name));
    }

    /** Rows of box-score-reference.csv: mixture, γ, x0, x1, score0, score1 (60-digit values). */
    static List<String[]> reference() throws IOException {
        try (InputStream in = BoxKernelTest.class.getResourceAsStream("box-score-reference.csv")) {
            List<String[]> rows = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(line.split(","));
                }
            }
            return rows;
        }
    }

    /** The unit roundoff 2⁻⁵³. */
    static final double ROUNDING = 0x1p-53;

    /** |a − r| / max(|r|, 1/σ): relative to the score, or to its natural size 1/σ where it nearly vanishes. */
    static double relative(double a0, double a1, double r0, double r1, double gamma) {
        return Math.hypot(a0 - r0, a1 - r1) / Math.max(Math.hypot(r0, r1), 1 / Math.sqrt(1 - gamma));
    }

    /**
     * Against the 60-digit reference (docs/fits/box_score_reference.py): 2400 points on three
     * mixtures at 20 levels from γ = 1e-14 to 1 − 1e-9, draws, corners, empty cells and far points
     * up to 10⁶ σ away. Error: normwise, relative to max(|score|, 1/σ). The kernel is within
     * 1e-13 + 2⁻⁵³·κ of the reference at every point, κ the score's condition number for relative
     * changes of x and of the noised endpoints (what rounding z = (x − √γ e)/σ costs any method in
     * doubles; κ &gt; 10⁴ only near box edges and corners or where opposite boxes' pulls cancel, at
     * σ ≤ 3·10⁻³), and within 1e-13 where κ &lt; 10⁴. The log-space closed form
     * {@link BoxMixture#scoreClosedForm} is not that accurate in the tails (it subtracts log-CDFs of size
     * z²/2; measured worst 7e-2); where it is within 1e-13 of the reference, the kernel equals it
     * within 1e-12.
     */
    @Test
    void kernelMatchesTheSixtyDigitReferenceAndTheClosedFormWhereThatIsAccurate() throws IOException {
        List<String[]> rows = reference();
        assertEquals(2400, rows.size());
        double worstKernel = 0;
        double worstAgainstScalar = 0;
        double worstPointwise = 0;
        double worstWellConditioned = 0;
        int beyond = 0;
        int scalarAccurate = 0;
        String where = "";
        for (int from = 0; from < rows.size(); ) {
            String name = rows.get(from)[0];
            double gamma = Double.parseDouble(rows.get(from)[1]);
            int to = from;
            while (to < rows.size() && rows.get(to)[0].equals(name) && Double.parseDouble(rows.get(to)[1]) == gamma) {
                to++;
            }
            int n = to - from;
            BoxMixture b = mixture(name);
            double[][] x = new double[2][n];
            for (int i = 0; i < n; i++) {
                x[0][i] = Double.parseDouble(rows.get(from + i)[2]);
                x[1][i] = Double.parseDouble(rows.get(from + i)[3]);
            }
            double[][] out = new double[2][n];
            b.scoreBatch(x, n, gamma, out);
            for (int i = 0; i < n; i++) {
                double r0 = Double.parseDouble(rows.get(from + i)[4]);
                double r1 = Double.parseDouble(rows.get(from + i)[5]);
                double cond = Double.parseDouble(rows.get(from + i)[6]);
                double[] s = new double[2];
                b.scoreClosedForm(new double[] {x[0][i], x[1][i]}, gamma, s);
                double kernel = relative(out[0][i], out[1][i], r0, r1, gamma);
                double pointwise = relative(s[0], s[1], r0, r1, gamma);
                worstPointwise = Math.max(worstPointwise, pointwise);
                if (cond < 1e4) {
                    worstWellConditioned = Math.max(worstWellConditioned, kernel);
                }
                if (!(kernel <= 1e-13 + ROUNDING * cond)) {
                    beyond++;
                }
                if (!(kernel <= worstKernel)) {
                    worstKernel = kernel;
                    where = name + " gamma " + gamma + " x " + x[0][i] + "," + x[1][i] + ": " + out[0][i] + "," + out[1][i]
                            + " vs " + r0 + "," + r1;
                }
                if (relative(s[0], s[1], r0, r1, gamma) <= 1e-13) {
                    scalarAccurate++;
                    worstAgainstScalar = Math.max(worstAgainstScalar, relative(out[0][i], out[1][i], s[0], s[1], gamma));
                }
            }
            from = to;
        }
        System.out.println("box kernel vs 60 digits: worst " + worstKernel + " at " + where + "; where the condition number < 1e4: "
                + worstWellConditioned + "; closed form worst " + worstPointwise + ", within 1e-13 at " + scalarAccurate
                + " points, kernel vs closed form there " + worstAgainstScalar);
        assertEquals(0, beyond, "points beyond 1e-13 + 2^-53 * condition; worst " + worstKernel + " at " + where);
        assertTrue(worstWellConditioned <= 1e-13, "worst where the condition number < 1e4: " + worstWellConditioned);
        assertTrue(scalarAccurate > 1000, "the closed form is accurate at " + scalarAccurate + " points");
        assertTrue(worstAgainstScalar <= 1e-12, "kernel vs closed form: " + worstAgainstScalar);
    }

    @Test
    void vectorAndScalarTwinsAgreeBitForBit() {
        Random rnd = new Random(20);
        int n = 517;
        int redone = 0;
        for (BoxMixture b : mixtures()) {
            for (double gamma : LEVELS) {
                double[][] x = points(b, gamma, rnd, n);
                BoxScoreKernel.Level l = BoxScoreKernel.Level.of(BoxScoreKernel.Geometry.of(weights(b), lows(b), highs(b)), gamma);
                double[][] v = new double[2][n];
                double[][] s = new double[2][n];
                int whole = n - n % VectorBoxKernel.lanes();
                int[] rv = VectorBoxKernel.score(l, x[0], x[1], whole, v[0], v[1], new int[16]);
                rv = BoxScoreKernel.scoreScalar(l, x[0], x[1], whole, n, v[0], v[1], rv);
                int[] rs = BoxScoreKernel.scoreScalar(l, x[0], x[1], 0, n, s[0], s[1], new int[16]);
                redone += rs[0];
                assertEquals(rs[0], rv[0], "particles to redo, gamma " + gamma);
                for (int r = 1; r <= rs[0]; r++) {
                    assertEquals(rs[r], rv[r]);
                }
                for (int a = 0; a < 2; a++) {
                    for (int i = 0; i < n; i++) {
                        assertEquals(Double.doubleToRawLongBits(s[a][i]), Double.doubleToRawLongBits(v[a][i]),
                                "gamma " + gamma + " i " + i);
                    }
                }
            }
        }
        assertTrue(redone > 0, "the log-space path is exercised");
    }

    /**
     * The geometric recurrence (two exponentials per axis on equally spaced endpoints) against one
     * exponential per endpoint: the same level with the recurrence switched off. On checkerboard at
     * every level where the recurrence applies, at draws, far points, corners and empty cells:
     * within 1e-13 of max(|score|, 1/σ) (the recurrence's arguments stay below span²/2 = 32, so it
     * costs a few ulp of each factor); the same particles left to the log-space redo.
     */
    @Test
    void geometricRecurrenceMatchesOneExponentialPerEndpoint() {
        BoxMixture b = (BoxMixture) Presets.get("checkerboard");
        BoxScoreKernel.Geometry geo = BoxScoreKernel.Geometry.of(weights(b), lows(b), highs(b));
        Random rnd = new Random(21);
        int n = 400;
        int levels = 0;
        double worst = 0;
        for (double gamma : LEVELS) {
            BoxScoreKernel.Level l = BoxScoreKernel.Level.of(geo, gamma);
            if (!l.geometric()[0] || !l.geometric()[1]) {
                continue;
            }
            levels++;
            BoxScoreKernel.Level direct = new BoxScoreKernel.Level(l.g(), l.gamma(), l.sigma(), l.inv(), l.k(), l.ends(), l.eps(),
                    l.expand(), l.dc(), l.nc(), l.floor(), new boolean[2], l.delta(), l.halfDelta2(), l.decay(), l.midScale());
            double[][] x = points(b, gamma, rnd, n);
            double[][] s = new double[2][n];
            double[][] r = new double[2][n];
            int[] rs = BoxScoreKernel.scoreScalar(l, x[0], x[1], 0, n, s[0], s[1], new int[16]);
            int[] rr = BoxScoreKernel.scoreScalar(direct, x[0], x[1], 0, n, r[0], r[1], new int[16]);
            assertEquals(rr[0], rs[0], "particles to redo, gamma " + gamma);
            java.util.Set<Integer> redo = new java.util.HashSet<>();
            for (int r1 = 1; r1 <= rs[0]; r1++) {
                assertEquals(rr[r1], rs[r1]);
                redo.add(rs[r1]);
            }
            for (int i = 0; i < n; i++) {
                if (redo.contains(i)) {
                    continue;
                }
                double err = relative(s[0][i], s[1][i], r[0][i], r[1][i], gamma);
                assertTrue(err <= 1e-13, "gamma " + gamma + " x " + x[0][i] + "," + x[1][i] + ": " + s[0][i] + "," + s[1][i]
                        + " vs " + r[0][i] + "," + r[1][i]);
                worst = Math.max(worst, err);
            }
        }
        System.out.println("geometric recurrence vs one exponential per endpoint: worst " + worst + " over " + levels + " levels");
        assertTrue(levels >= 10, "levels with the recurrence: " + levels);
    }

    /**
     * The midpoint series' E_mid where E_lo·E_hi underflows (two narrow boxes 60 apart, x midway,
     * ~30σ from both: every factor ~1e-196, their product 0): its own exponential, so the score
     * still balances the two pulls. Against the log-space closed form within 1e-10, twins equal,
     * no particle sent to the log-space redo.
     */
    @Test
    void midpointSeriesWhereTheEndpointProductUnderflows() {
        BoxMixture b = new BoxMixture(new double[] {1, 2}, new double[][] {{0, 0}, {60, 0}}, new double[][] {{0.001, 2}, {60.001, 2}});
        double gamma = 0.5;
        BoxScoreKernel.Level l = BoxScoreKernel.Level.of(BoxScoreKernel.Geometry.of(weights(b), lows(b), highs(b)), gamma);
        assertTrue(l.expand()[0][0] && l.expand()[0][1], "the series applies on both narrow intervals");
        int n = 16;
        double[][] x = new double[2][n];
        for (int i = 0; i < n; i++) {
            x[0][i] = Math.sqrt(gamma) * (28 + 0.25 * i);
            x[1][i] = 0.5 + 0.05 * i;
        }
        double z = x[0][0] / l.sigma();
        assertTrue(Math.exp(-z * z / 2) * Math.exp(-z * z / 2) < BoxScoreKernel.TINY_PRODUCT, "the product is tiny here");
        double[][] s = new double[2][n];
        int[] rs = BoxScoreKernel.scoreScalar(l, x[0], x[1], 0, n, s[0], s[1], new int[16]);
        assertEquals(0, rs[0], "no redo");
        double[][] v = new double[2][n];
        int whole = n - n % VectorBoxKernel.lanes();
        int[] rv = VectorBoxKernel.score(l, x[0], x[1], whole, v[0], v[1], new int[16]);
        BoxScoreKernel.scoreScalar(l, x[0], x[1], whole, n, v[0], v[1], rv);
        for (int i = 0; i < n; i++) {
            double[] c = new double[2];
            b.scoreClosedForm(new double[] {x[0][i], x[1][i]}, gamma, c);
            assertTrue(relative(s[0][i], s[1][i], c[0], c[1], gamma) <= 1e-10, "x " + x[0][i] + ": " + s[0][i] + " vs " + c[0]);
            assertEquals(Double.doubleToRawLongBits(s[0][i]), Double.doubleToRawLongBits(v[0][i]));
            assertEquals(Double.doubleToRawLongBits(s[1][i]), Double.doubleToRawLongBits(v[1][i]));
        }
    }

    /** Far out (|x| up to 1e3 on either side, both axes) at γ near 0 and near 1: finite scores pointing back. */
    @Test
    void finiteFarOutAtTheEndsOfTheSchedule() {
        BoxMixture b = (BoxMixture) Presets.get("checkerboard");
        double[] far = {-1e3, -50, 50, 1e3};
        for (double gamma : new double[] {1e-14, 1e-6, 1 - 1e-6, 1 - 1e-9}) {
            int n = far.length * far.length;
            double[][] x = new double[2][n];
            for (int i = 0; i < n; i++) {
                x[0][i] = far[i % far.length];
                x[1][i] = far[i / far.length];
            }
            double[][] out = new double[2][n];
            b.scoreBatch(x, n, gamma, out);
            for (int i = 0; i < n; i++) {
                for (int a = 0; a < 2; a++) {
                    assertTrue(Double.isFinite(out[a][i]), "gamma " + gamma + " x " + x[0][i] + "," + x[1][i]);
                    assertTrue(out[a][i] * x[a][i] < 0, "points back: gamma " + gamma + " x " + x[0][i] + "," + x[1][i]);
                }
            }
        }
    }

    static double[] weights(BoxMixture b) {
        double[] w = new double[b.boxes()];
        for (int j = 0; j < w.length; j++) {
            w[j] = b.weight(j);
        }
        return w;
    }

    static double[][] lows(BoxMixture b) {
        double[][] l = new double[b.boxes()][];
        for (int j = 0; j < l.length; j++) {
            l[j] = b.lower(j);
        }
        return l;
    }

    static double[][] highs(BoxMixture b) {
        double[][] h = new double[b.boxes()][];
        for (int j = 0; j < h.length; j++) {
            h[j] = b.upper(j);
        }
        return h;
    }
}
