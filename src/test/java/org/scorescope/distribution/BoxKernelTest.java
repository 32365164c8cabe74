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
