package org.scorescope.distribution;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The named targets a user picks from (issue 3 lists the ids). All are built from closed-form
 * mixtures; {@code ring8} is exactly workload W1 of {@code bench/peers/w1_numpy.py}.
 */
public final class Presets {
    private static final Map<String, Supplier<Target>> PRESETS = new LinkedHashMap<>();
    private static final Map<String, String> DESCRIPTIONS = new LinkedHashMap<>();
    private static final Map<String, int[]> CLASSES = new LinkedHashMap<>();

    static {
        add("gaussian", "one anisotropic, off-centre 2D Gaussian", Presets::gaussian);
        add("gaussian1d", "one 1D Gaussian N(1, 0.25)", () -> single1d(1.0, 0.25));
        add("bimodal1d", "1D mixture 0.4 N(-2, 0.3) + 0.6 N(2, 0.2)", Presets::bimodal1d);
        add("ring8", "8 anisotropic Gaussians on a ring of radius 4 (workload W1)", Presets::ring8);
        add("grid25", "25 Gaussians on a 5x5 grid", Presets::grid25);
        add("moons", "two half-moons, each approximated by 12 elongated Gaussians", Presets::moons);
        add("checkerboard", "uniform on the 8 dark cells of a 4x4 board on [-4,4]^2", Presets::checkerboard);
        add("spiral", "a point cloud of 120 points on a spiral, variance 0.003 each", Presets::spiral);
        add("tree", "a branching tree: 7 segments of elongated Gaussians", Presets::tree);
        add("line", "a singular Gaussian on a line through the origin (intrinsic dimension 1)", Presets::line);
        add("ring8-classes", "ring8 in two alternating classes (0 at angles 0, 90, 180, 270 degrees; 1 between)", Presets::ring8);
        CLASSES.put("ring8-classes", new int[] {0, 1, 0, 1, 0, 1, 0, 1});
        add("two-classes-1d", "two overlapping 1D classes 0.5 N(-1, 0.5) + 0.5 N(1, 0.5)", Presets::twoClasses1d);
        CLASSES.put("two-classes-1d", new int[] {0, 1});
        add("two-classes", "two overlapping anisotropic 2D Gaussians, one class each", Presets::twoClasses);
        CLASSES.put("two-classes", new int[] {0, 1});
        add("checkerboard-classes", "uniform on the 4x4 board on [-4,4]^2, class = colour (0 dark, 1 light)", Presets::checkerboardClasses);
        CLASSES.put("checkerboard-classes", checkerboardColours());
    }

    /**
     * The class label of each component of a preset, or null when the preset has no classes
     * (003 Part 4: class-conditional sampling and guidance need labelled components).
     */
    public static int[] classes(String id) {
        int[] c = CLASSES.get(id);
        return c == null ? null : c.clone();
    }

    private Presets() {
    }

    private static void add(String id, String description, Supplier<Target> s) {
        PRESETS.put(id, s);
        DESCRIPTIONS.put(id, description);
    }

    /** The preset ids, in display order. */
    public static List<String> ids() {
        return List.copyOf(PRESETS.keySet());
    }

    /** A one-line description of a preset. */
    public static String description(String id) {
        return DESCRIPTIONS.get(id);
    }

    /**
     * @param id a preset id
     * @return a new instance of the preset
     * @throws IllegalArgumentException naming the allowed ids when {@code id} is unknown
     */
    public static Target get(String id) {
        Supplier<Target> s = PRESETS.get(id);
        if (s == null) {
            throw new IllegalArgumentException("unknown target '" + id + "'; allowed: " + String.join(", ", ids()));
        }
        return s.get();
    }

    static Target gaussian() {
        return new GaussianMixture(new double[] {1}, new double[][] {{1.5, -0.5}},
                new double[][][] {{{1.2, 0.5}, {0.5, 0.4}}});
    }

    static Target single1d(double mean, double variance) {
        return new GaussianMixture(new double[] {1}, new double[][] {{mean}}, new double[][][] {{{variance}}});
    }

    static Target bimodal1d() {
        return new GaussianMixture(new double[] {0.4, 0.6}, new double[][] {{-2}, {2}},
                new double[][][] {{{0.3}}, {{0.2}}});
    }

    /** Workload W1: radius 4, covariances R diag(0.3, 0.05) Rᵀ, equal weights. */
    static Target ring8() {
        int k = 8;
        double[] w = new double[k];
        double[][] m = new double[k][];
        double[][][] s = new double[k][][];
        for (int c = 0; c < k; c++) {
            double a = 2 * Math.PI * c / k;
            w[c] = 1.0 / k;
            m[c] = new double[] {4 * Math.cos(a), 4 * Math.sin(a)};
            s[c] = rotated(a, 0.3, 0.05);
        }
        return new GaussianMixture(w, m, s);
    }

    static Target grid25() {
        List<double[]> means = new ArrayList<>();
        for (int i = -2; i <= 2; i++) {
            for (int j = -2; j <= 2; j++) {
                means.add(new double[] {2.0 * i, 2.0 * j});
            }
        }
        return isotropic(means, 0.05);
    }

    static Target moons() {
        List<double[]> means = new ArrayList<>();
        List<double[][]> covs = new ArrayList<>();
        int per = 12;
        for (int i = 0; i < per; i++) {
            double th = Math.PI * i / (per - 1);
            // upper moon, centred and scaled by 2 as in the usual two-moons picture
            means.add(new double[] {2 * (Math.cos(th) - 0.5), 2 * (Math.sin(th) - 0.25)});
            covs.add(rotated(th + Math.PI / 2, 0.06, 0.01));
            means.add(new double[] {2 * (1 - Math.cos(th) - 0.5), 2 * (0.5 - Math.sin(th) - 0.25)});
            covs.add(rotated(th + Math.PI / 2, 0.06, 0.01));
        }
        return mixture(means, covs);
    }

    static Target checkerboard() {
        List<double[]> lo = new ArrayList<>();
        List<double[]> hi = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                if ((i + j) % 2 == 0) {
                    lo.add(new double[] {-4 + 2 * i, -4 + 2 * j});
                    hi.add(new double[] {-2 + 2 * i, -2 + 2 * j});
                }
            }
        }
        double[] w = new double[lo.size()];
        java.util.Arrays.fill(w, 1);
        return new BoxMixture(w, lo.toArray(new double[0][]), hi.toArray(new double[0][]));
    }

    /** Two overlapping classes of equal variance: the exact classifier is logistic in x. */
    static Target twoClasses1d() {
        return new GaussianMixture(new double[] {0.5, 0.5}, new double[][] {{-1}, {1}}, new double[][][] {{{0.5}}, {{0.5}}});
    }

    /**
     * Two overlapping anisotropic Gaussians with one shared covariance, so that E[1/p(c|X)] has a
     * finite variance under every law the guidance study meets (with unequal covariances it can be
     * infinite, and Theorem 9's metric would have no confidence interval).
     */
    static Target twoClasses() {
        double[][] s = rotated(Math.PI / 6, 1.2, 0.15);
        return new GaussianMixture(new double[] {0.5, 0.5}, new double[][] {{-1, -0.5}, {1, 0.5}}, new double[][][] {s, s});
    }

    /** All 16 cells of the 4x4 board on [-4, 4]^2, row by row in x then y. */
    static Target checkerboardClasses() {
        List<double[]> lo = new ArrayList<>();
        List<double[]> hi = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                lo.add(new double[] {-4 + 2 * i, -4 + 2 * j});
                hi.add(new double[] {-2 + 2 * i, -2 + 2 * j});
            }
        }
        double[] w = new double[lo.size()];
        java.util.Arrays.fill(w, 1);
        return new BoxMixture(w, lo.toArray(new double[0][]), hi.toArray(new double[0][]));
    }

    private static int[] checkerboardColours() {
        int[] c = new int[16];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                c[i * 4 + j] = (i + j) % 2;
            }
        }
        return c;
    }

    static Target spiral() {
        List<double[]> means = new ArrayList<>();
        int n = 120;
        for (int i = 0; i < n; i++) {
            double th = 0.5 + 3.5 * Math.PI * i / (n - 1);
            double r = 0.35 * th;
            means.add(new double[] {r * Math.cos(th), r * Math.sin(th)});
        }
        return isotropic(means, 0.003);
    }

    static Target tree() {
        double[][][] segments = {
            {{0, -4}, {0, -1}},
            {{0, -1}, {-2, 1}}, {{0, -1}, {2, 1}},
            {{-2, 1}, {-3, 3.5}}, {{-2, 1}, {-1, 3.5}}, {{2, 1}, {1, 3.5}}, {{2, 1}, {3, 3.5}}};
        List<double[]> means = new ArrayList<>();
        List<double[][]> covs = new ArrayList<>();
        for (double[][] seg : segments) {
            double dx = seg[1][0] - seg[0][0];
            double dy = seg[1][1] - seg[0][1];
            double len = Math.hypot(dx, dy);
            double angle = Math.atan2(dy, dx);
            int parts = 3;
            for (int p = 0; p < parts; p++) {
                double f = (p + 0.5) / parts;
                means.add(new double[] {seg[0][0] + f * dx, seg[0][1] + f * dy});
                double along = len / parts;
                covs.add(rotated(angle, along * along / 12 + 0.01, 0.01));
            }
        }
        return mixture(means, covs);
    }

    static Target line() {
        double a = Math.PI / 6;
        double[] u = {Math.cos(a), Math.sin(a)};
        double v = 4.0;
        return new GaussianMixture(new double[] {1}, new double[][] {{0.5, -0.5}},
                new double[][][] {{{v * u[0] * u[0], v * u[0] * u[1]}, {v * u[0] * u[1], v * u[1] * u[1]}}});
    }

    /** R(a) diag(l1, l2) R(a)ᵀ. */
    static double[][] rotated(double a, double l1, double l2) {
        double c = Math.cos(a);
        double s = Math.sin(a);
        return new double[][] {
            {l1 * c * c + l2 * s * s, (l1 - l2) * c * s},
            {(l1 - l2) * c * s, l1 * s * s + l2 * c * c}};
    }

    private static Target isotropic(List<double[]> means, double variance) {
        List<double[][]> covs = new ArrayList<>();
        for (int i = 0; i < means.size(); i++) {
            covs.add(new double[][] {{variance, 0}, {0, variance}});
        }
        return mixture(means, covs);
    }

    private static Target mixture(List<double[]> means, List<double[][]> covs) {
        double[] w = new double[means.size()];
        java.util.Arrays.fill(w, 1);
        return new GaussianMixture(w, means.toArray(new double[0][]), covs.toArray(new double[0][][]));
    }
}
