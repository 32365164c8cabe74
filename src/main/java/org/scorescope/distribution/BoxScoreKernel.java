package org.scorescope.distribution;

import java.util.ArrayList;
import java.util.List;
import org.scorescope.math.MillsRatio;
import org.scorescope.math.VectorSupport;

/**
 * The score of a 2D box mixture ({@link BoxMixture}, docs/algorithms.md §2) at n particles, in
 * linear space with one Mills ratio per distinct box endpoint and one exponential per endpoint (or
 * two per axis on equally spaced endpoints): the hot loop of checkerboards.
 *
 * <p>On each axis, with σ = √(1−γ) and k = √γ/σ, the distinct endpoints e_0 &lt; … &lt; e_L give
 * z_m = (x − √γ e_m)/σ; a noised interval [a, b] has mass D = Φ(z_a) − Φ(z_b) and
 * d/dx log D = N/(σD), N = φ(z_a) − φ(z_b). Each endpoint's normal tail is Φ(−|z|) = φ(z)·M(|z|)
 * ({@link MillsRatio}). All factors of an axis are scaled by e^{s/2}√(2π): E_m = e^{−(z_m² − s)/2},
 * T_m = E_m·M(|z_m|), with s = 0 inside the endpoints' hull (z_0 ≥ 0 ≥ z_L) and s = z_*² outside
 * it (e_* the hull's end on x's side); there the exponent is formed without a difference of squares,
 * (z_m² − z_*²)/2 = Δ(z_* + Δ/2) with Δ = z_m − z_* = (e_* − e_m)·k from the level's constants,
 * so the factors keep their relative accuracy however far x is (the log-space
 * {@link NoisedUniform} loses z²·2⁻⁵³ there). On equally spaced endpoints (spacing·k = δ) with
 * L·δ ≤ {@link #GEOMETRIC_SPAN}, the factors come from the anchor end by the recurrence
 * E_{j+1} = E_j·ρ·c^j, ρ = e^{δu − δ²/2}, c = e^{−δ²}, u the anchor's z (mirrored right of the
 * hull): two exponentials per axis. Then, with A_m = ∓T_m and H_m = ±√(2π)/2 by the sign of z_m:
 * <ul>
 * <li>D'' = (A_a − A_b) + (H_a − H_b): on one side of x the nearer tail minus the farther, around
 * x √(2π) minus both tails (no branch);</li>
 * <li>N'' = E_a − E_b;</li>
 * <li>where the noised interval is narrow, ε(1 + |z_mid|) &lt; 0.1 with ε = (b − a)k, the
 * differences above would cancel; instead the midpoint series D''/E_mid =
 * ε Σ_{k even ≤ 8} He_k(z_mid)(ε/2)^k/(k+1)! and N''/E_mid = −2e^{−ε²/8} sinh(z_mid ε/2)
 * (truncation below 3·10⁻¹⁸ relative), as polynomials in z_mid² with the level's
 * coefficients, and E_mid = √(E_a·E_b)·e^{ε²/8}.</li>
 * </ul>
 * Box j (weight π_j) contributes c_j D''_x D''_y with c_j = π_j/(area of box j), and the score is
 * (Σ c_j N''_x D''_y, Σ c_j D''_x N''_y)/(σ Σ c_j D''_x D''_y): no logarithm.
 *
 * <p>A particle whose sum falls below 10⁻²⁵⁰ of the largest c_j (every box is far on some axis,
 * e.g. deep inside an empty cell at small σ), or is not finite, is done again by
 * {@link #scoreLogSpace}, from the same pieces in log space. Accuracy against 60-digit values
 * (BoxKernelTest, 2400 points, γ from 10⁻¹⁴ to 1 − 10⁻⁹, up to 10⁶ σ away): within 1e-13 of the
 * score (or of 1/σ where the score nearly vanishes), beyond that only where the score itself is
 * ill-conditioned (condition number κ &gt; 10⁴ for relative changes of x: within ~10⁻⁴ of box edges
 * and corners, or where opposite boxes' pulls cancel, at σ ≤ 3·10⁻³), and there within 2⁻⁵³·κ.
 * The vector twin {@link VectorBoxKernel} does the same IEEE operations lane by lane
 * (bit-identical, tested), so a particle's score does not depend on where it sits in a chunk. The
 * level's constants ({@link Level}) are built once per level ({@link BoxMixture} keeps the last).
 */
final class BoxScoreKernel {
    static final double SQRT_2PI = 2.5066282746310002;
    static final double EXPANSION_BELOW = 0.1;
    /** Σ c_j D''_x D''_y below this times the largest c_j: the factors may have underflowed. */
    static final double UNDERFLOW = 1e-250;
    /** √(2π)/2, exactly half of {@link #SQRT_2PI}. */
    static final double HALF_SQRT_2PI = 0.5 * SQRT_2PI;
    /**
     * Equally spaced endpoints whose noised span (last − first)·k is at most this use the
     * geometric recurrence for their factors (two exponentials per axis instead of one per
     * endpoint); its arguments then stay below span²/2 = 32, so it costs a few ulp (tested against
     * one exponential per endpoint: 4.7e-15 of the score at worst; with 16, 3.1e-14).
     */
    static final double GEOMETRIC_SPAN = 8;
    /**
     * The midpoint series takes E_mid = √(E_lo·E_hi)·e^{ε²/8} (as z_lo² + z_hi² = 2z_mid² + ε²/2)
     * where that product is at least this (a normal number with 52 bits to spare), else its own
     * exponential.
     */
    static final double TINY_PRODUCT = 0x1p-969;

    private BoxScoreKernel() {
    }

    /** A 2D box mixture's axes: distinct endpoints and intervals, and each box's intervals and c_j. */
    record Geometry(double[][] ends, int[][] lower, int[][] upper, double[][] mid, int[] boxX, int[] boxY, double[] c) {
        static Geometry of(double[] weights, double[][] lo, double[][] hi) {
            int k = weights.length;
            double[][] ends = new double[2][];
            int[][] lower = new int[2][];
            int[][] upper = new int[2][];
            int[][] boxAxis = new int[2][k];
            for (int a = 0; a < 2; a++) {
                List<Double> e = new ArrayList<>();
                for (int j = 0; j < k; j++) {
                    e.add(lo[j][a]);
                    e.add(hi[j][a]);
                }
                ends[a] = e.stream().mapToDouble(Double::doubleValue).sorted().distinct().toArray();
                List<int[]> intervals = new ArrayList<>();
                for (int j = 0; j < k; j++) {
                    int[] iv = {index(ends[a], lo[j][a]), index(ends[a], hi[j][a])};
                    int found = -1;
                    for (int q = 0; q < intervals.size() && found < 0; q++) {
                        if (intervals.get(q)[0] == iv[0] && intervals.get(q)[1] == iv[1]) {
                            found = q;
                        }
                    }
                    if (found < 0) {
                        intervals.add(iv);
                        found = intervals.size() - 1;
                    }
                    boxAxis[a][j] = found;
                }
                lower[a] = intervals.stream().mapToInt(iv -> iv[0]).toArray();
                upper[a] = intervals.stream().mapToInt(iv -> iv[1]).toArray();
            }
            double[][] mid = new double[2][];
            for (int a = 0; a < 2; a++) {
                mid[a] = new double[lower[a].length];
                for (int q = 0; q < mid[a].length; q++) {
                    mid[a][q] = 0.5 * (ends[a][lower[a][q]] + ends[a][upper[a][q]]);
                }
            }
            double[] c = new double[k];
            for (int j = 0; j < k; j++) {
                c[j] = weights[j] / ((hi[j][0] - lo[j][0]) * (hi[j][1] - lo[j][1]));
            }
return new Geometry(ends, lower, upper, mid, boxAxis[0], boxAxis[1], c);
        }

        private static int index(double[] sorted, double v) {
            return java.util.Arrays.binarySearch(sorted, v);
        }

        int boxes() {
            return c.length;
        }
    }

    /**
     * A level's constants: σ, 1/σ, k = √γ/σ, the noised endpoints √γ e_m, and per interval ε =
     * (b − a) k, whether the midpoint series can apply (ε &lt; {@link #EXPANSION_BELOW}) and the
     * series' coefficients in y = z_mid²: D'' = E_mid Σ dc_i yⁱ, N'' = E_mid z_mid Σ nc_i yⁱ;
     * the underflow floor.
     */
    record Level(Geometry g, double gamma, double sigma, double inv, double k, double[][] ends, double[][] eps, boolean[][] expand,
            double[][][] dc, double[][][] nc, double floor, boolean[] geometric, double[] delta, double[] halfDelta2,
            double[] decay, double[][] midScale) {
        static Level of(Geometry g, double gamma) {
            double sg = Math.sqrt(gamma);
            double sigma = Math.sqrt(1 - gamma);
            double k = sg / sigma;
            double[][] ends = new double[2][];
            double[][] eps = new double[2][];
            boolean[][] expand = new boolean[2][];
            double[][][] dc = new double[2][][];
            double[][][] nc = new double[2][][];
            for (int a = 0; a < 2; a++) {
                ends[a] = new double[g.ends[a].length];
                for (int m = 0; m < ends[a].length; m++) {
                    ends[a][m] = sg * g.ends[a][m];
                }
                int nq = g.lower[a].length;
                eps[a] = new double[nq];
                expand[a] = new boolean[nq];
                dc[a] = new double[nq][];
                nc[a] = new double[nq][];
                for (int q = 0; q < nq; q++) {
                    double e = (g.ends[a][g.upper[a][q]] - g.ends[a][g.lower[a][q]]) * k;
                    eps[a][q] = e;
                    expand[a][q] = e < EXPANSION_BELOW;
                    dc[a][q] = massSeries(e);
                    nc[a][q] = slopeSeries(e);
                }
            }
            boolean[] geometric = new boolean[2];
            double[] delta = new double[2];
            double[] halfDelta2 = new double[2];
            double[] decay = new double[2];
            for (int a = 0; a < 2; a++) {
                double[] ge = g.ends[a];
                int last = ge.length - 1;
                boolean even = last >= 1;
                for (int m = 1; m < ge.length && even; m++) {
                    even = ge[m] - ge[m - 1] == ge[1] - ge[0];
                }
                delta[a] = last >= 1 ? (ge[1] - ge[0]) * k : 0;
                geometric[a] = even && last * delta[a] <= GEOMETRIC_SPAN;
                halfDelta2[a] = 0.5 * delta[a] * delta[a];
                decay[a] = Math.exp(-delta[a] * delta[a]);
            }
            double[][] midScale = new double[2][];
            for (int a = 0; a < 2; a++) {
                midScale[a] = new double[eps[a].length];
                for (int q = 0; q < eps[a].length; q++) {
                    midScale[a][q] = Math.exp(eps[a][q] * eps[a][q] / 8);
                }
            }
            double cmax = java.util.Arrays.stream(g.c).max().orElse(1);
            return new Level(g, gamma, sigma, 1 / sigma, k, ends, eps, expand, dc, nc, UNDERFLOW * cmax, geometric, delta,
                    halfDelta2, decay, midScale);
        }

        /**
         * (Φ(z + ε/2) − Φ(z − ε/2))/φ(z) = ε Σ_{k even} He_k(z) (ε/2)^k/(k+1)!, k ≤ 8, as a
         * polynomial in y = z² (He₂ = y − 1, He₄ = y² − 6y + 3, He₆ = y³ − 15y² + 45y − 15,
         * He₈ = y⁴ − 28y³ + 210y² − 420y + 105); constant term first.
         */
        static double[] massSeries(double e) {
            double e2 = e * e;
            double c2 = e2 / 24;
            double c4 = e2 * e2 / 1920;
            double c6 = e2 * e2 * e2 / 322560;
            double c8 = e2 * e2 * e2 * e2 / 92897280;
            return new double[] {e * (1 - c2 + 3 * c4 - 15 * c6 + 105 * c8), e * (c2 - 6 * c4 + 45 * c6 - 420 * c8),
                e * (c4 - 15 * c6 + 210 * c8), e * (c6 - 28 * c8), e * c8};
        }

        /**
         * (φ(z + ε/2) − φ(z − ε/2))/(z φ(z)) = −2 e^{−ε²/8} sinh(zε/2)/z as a polynomial in
         * y = z² (sinh to h⁹, h = zε/2); constant term first.
         */
        static double[] slopeSeries(double e) {
            double f = -e * Math.exp(-e * e / 8);
            double h2 = e * e / 4;
            return new double[] {f, f * h2 / 6, f * h2 * h2 / 120, f * h2 * h2 * h2 / 5040, f * h2 * h2 * h2 * h2 / 362880};
        }
    }

    /**
     * The score of particles [0, n) at the level; particles whose linear-space sum underflowed are
     * done again in log space ({@link #scoreLogSpace}).
     */
    static void score(Level l, double[] x0, double[] x1, int n, double[] o0, double[] o1) {
        int[] redo = new int[16];
        int from = 0;
        if (VectorSupport.AVAILABLE) {
            from = n - n % VectorBoxKernel.lanes();
            redo = VectorBoxKernel.score(l, x0, x1, from, o0, o1, redo);
        }
        redo = scoreScalar(l, x0, x1, from, n, o0, o1, redo);
        double[] s = new double[2];
        for (int r = 1; r <= redo[0]; r++) {
            int i = redo[r];
            scoreLogSpace(l, x0[i], x1[i], s);
            o0[i] = s[0];
            o1[i] = s[1];
        }
    }

    /**
     * The same score in log space, for the few particles whose linear-space terms underflow (many
     * σ from every box at small σ). Per axis and interval: log D (up to a constant per axis) and
     * d/dx log D from the same accurate pieces as the linear form: with z_n the endpoint nearer to
     * x and z_f = z_n ± ε the farther, b = (z_f² − z_n²)/2 = ε(|z_n| + ε/2) (no difference of
     * squares), D ∝ e^{−z_n²/2}(M(|z_n|) − e^{−b} M(|z_f|)) and d/dx log D = ∓(1 − e^{−b})/(σ (M(|z_n|) −
     * e^{−b} M(|z_f|))); the midpoint series where it applies, 1 minus two tails around x; then the
     * boxes by log-sum-exp.
     */
    static void scoreLogSpace(Level l, double x0, double x1, double[] out) {
        Geometry g = l.g;
        double[][] logD = new double[2][];
        double[][] slope = new double[2][];
        for (int a = 0; a < 2; a++) {
            double x = a == 0 ? x0 : x1;
            double[] ge = g.ends[a];
            int ne = ge.length;
            int nq = g.lower[a].length;
            double[] z = new double[ne];
            double best = Double.POSITIVE_INFINITY;
            double zs = 0.0;
            double es = 0.0;
            for (int m = 0; m < ne; m++) {
                z[m] = (x - l.ends[a][m]) * l.inv;
                if (Math.abs(z[m]) < best) {
                    best = Math.abs(z[m]);
                    zs = z[m];
                    es = ge[m];
                }
            }
            double offset = 0.5 * zs * zs;
            logD[a] = new double[nq];
            slope[a] = new double[nq];
            for (int q = 0; q < nq; q++) {
                double zl = z[g.lower[a][q]];
                double zh = z[g.upper[a][q]];
                double eps = l.eps[a][q];
                double dmid = (es - g.mid[a][q]) * l.k;
                double zmid = zs + dmid;
                double ld;
                double sl;
                if ((Math.abs(zmid) + 1.0) * eps < EXPANSION_BELOW) {
                    double y = zmid * zmid;
                    double[] dc = l.dc[a][q];
                    double[] nc = l.nc[a][q];
                    double ds = (((dc[4] * y + dc[3]) * y + dc[2]) * y + dc[1]) * y + dc[0];
                    double ns = (((nc[4] * y + nc[3]) * y + nc[2]) * y + nc[1]) * y + nc[0];
                    ld = -(dmid * (zs + 0.5 * dmid) + offset) + StrictMath.log(ds);
                    sl = zmid * ns / ds;
                } else if (zl > 0 && zh < 0) {
                    double el = StrictMath.exp(-0.5 * zl * zl);
                    double eh = StrictMath.exp(-0.5 * zh * zh);
                    double d = (SQRT_2PI - el * MillsRatio.of(zl)) - eh * MillsRatio.of(-zh);
                    ld = StrictMath.log(d);
                    sl = (el - eh) / d;
                } else {
                    boolean left = zl <= 0;
                    double dn = (es - (left ? ge[g.lower[a][q]] : ge[g.upper[a][q]])) * l.k;
                    double zn = Math.abs(zs + dn);
                    double b = eps * (zn + 0.5 * eps);
                    double bracket = MillsRatio.of(zn) - StrictMath.exp(-b) * MillsRatio.of(zn + eps);
                    ld = -(dn * (zs + 0.5 * dn) + offset) + StrictMath.log(bracket);
                    sl = (left ? -1 : 1) * StrictMath.expm1(-b) / bracket;
                }
                logD[a][q] = ld;
                slope[a][q] = sl;
            }
        }
        int k = g.c.length;
        double[] lw = new double[k];
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < k; j++) {
            lw[j] = StrictMath.log(g.c[j]) + logD[0][g.boxX[j]] + logD[1][g.boxY[j]];
            max = Math.max(max, lw[j]);
        }
        double sw = 0;
        double sx = 0;
        double sy = 0;
        for (int j = 0; j < k; j++) {
            double w = StrictMath.exp(lw[j] - max);
            sw += w;
            sx += w * slope[0][g.boxX[j]];
            sy += w * slope[1][g.boxY[j]];
        }
        out[0] = sx / (sw * l.sigma);
        out[1] = sy / (sw * l.sigma);
    }

    /** Appends particle i to the list {count, i₁, i₂, …}, growing it. */
    static int[] append(int[] redo, int i) {
        int[] r = redo[0] + 1 < redo.length ? redo : java.util.Arrays.copyOf(redo, 2 * redo.length);
        r[0]++;
        r[r[0]] = i;
        return r;
    }

    /**
     * The kernel on particles [from, n), scalar; particles whose sum fell below the floor are
     * appended to {@code redo} (their outputs are left as computed).
     */
    static int[] scoreScalar(Level l, double[] x0, double[] x1, int from, int n, double[] o0, double[] o1, int[] redo) {
        Geometry g = l.g;
        int[] nq = {g.lower[0].length, g.lower[1].length};
        int ne = Math.max(g.ends[0].length, g.ends[1].length);
        double[] z = new double[ne];
        double[] e = new double[ne];
        double[] f = new double[ne];
        double[] aa = new double[ne];
        double[] hh = new double[ne];
        double[][] dd = {new double[nq[0]], new double[nq[1]]};
        double[][] nn = {new double[nq[0]], new double[nq[1]]};
        for (int i = from; i < n; i++) {
            for (int a = 0; a < 2; a++) {
                axisScalar(l, a, a == 0 ? x0[i] : x1[i], z, e, f, aa, hh, dd[a], nn[a]);
            }
            double sw = 0;
            double sx = 0;
            double sy = 0;
            for (int j = 0; j < g.c.length; j++) {
                int qx = g.boxX[j];
                int qy = g.boxY[j];
                double cy = g.c[j] * dd[1][qy];
                double cx = g.c[j] * dd[0][qx];
                sw = Math.fma(cy, dd[0][qx], sw);
                sx = Math.fma(cy, nn[0][qx], sx);
                sy = Math.fma(cx, nn[1][qy], sy);
            }
            double ss = sw * l.sigma;
            o0[i] = sx / ss;
            o1[i] = sy / ss;
            if (!(sw >= l.floor) || !(sw < Double.POSITIVE_INFINITY)) {
                redo = append(redo, i);
            }
        }
        return redo;
    }

    /**
     * One axis of one particle: D'' and N'' of every interval (into {@code dd}, {@code nn}); the
     * other arrays are scratch of the axis' endpoint count. The scale: inside the endpoints' hull
     * (z_first ≥ 0 ≥ z_last) none, E_m = e^{−z_m²/2}; left of it (right of it) E_m = e^{−(z_m² −
     * z_s²)/2} with s the first (last) endpoint, the exponent (e_s − e_m)k·((e_s − e_m)k/2 + z_s)
     * from the level's constants. On equally spaced endpoints with span·k ≤ {@link #GEOMETRIC_SPAN}
     * the factors come from the recurrence E_{j+1} = E_j·ρ·c^j from the anchor endpoint (the first,
     * or the last mirrored), ρ = e^{δu − δ²/2}, c = e^{−δ²}, δ the spacing·k, u the anchor's z
     * (negated for the last), E_anchor = e^{−u²/2} inside the hull and 1 outside. Then T_m =
     * E_m·M(|z_m|), A_m = ∓T_m and H_m = ±√(2π)/2 by the sign of z_m, so that every interval has
     * D'' = (A_lo − A_hi) + (H_lo − H_hi) (the far tail minus the near one on one side of x,
     * √(2π) minus both tails around it; no branch) and N'' = E_lo − E_hi; the midpoint series
     * where the interval is narrow, with E_mid = √(E_lo·E_hi)·e^{ε²/8} (no exponential).
     */
    static void axisScalar(Level l, int a, double x, double[] z, double[] e, double[] f, double[] aa, double[] hh, double[] dd,
            double[] nn) {
        Geometry g = l.g;
        double[] ge = g.ends[a];
        double[] ends = l.ends[a];
        int last = ge.length - 1;
        double k = l.k;
        for (int m = 0; m <= last; m++) {
            z[m] = (x - ends[m]) * l.inv;
        }
        boolean right = z[last] > 0;
        boolean in = !(z[0] < 0) & !right;
        double zs = right ? z[last] : z[0];
        double es = right ? ge[last] : ge[0];
        if (l.geometric[a]) {
            double u = right ? -zs : zs;
            double fm = ReproducibleExp.exp(-(in ? zs * zs * 0.5 : 0.0));
            double r = ReproducibleExp.exp(Math.fma(u, l.delta[a], -l.halfDelta2[a]));
            f[0] = fm;
            for (int m = 1; m <= last; m++) {
                fm = fm * r;
                f[m] = fm;
                r = r * l.decay[a];
            }
            for (int m = 0; m <= last; m++) {
                e[m] = right ? f[last - m] : f[m];
            }
        } else {
            for (int m = 0; m <= last; m++) {
                double dm = (es - ge[m]) * k;
                double side = dm * Math.fma(dm, 0.5, zs);
                double inside = z[m] * z[m] * 0.5;
                e[m] = ReproducibleExp.exp(-(in ? inside : side));
            }
        }
        for (int m = 0; m <= last; m++) {
            double t = e[m] * MillsRatio.of(Math.abs(z[m]));
            boolean pos = z[m] > 0;
            aa[m] = pos ? -t : t;
            hh[m] = pos ? HALF_SQRT_2PI : -HALF_SQRT_2PI;
        }
        for (int q = 0; q < dd.length; q++) {
            int lo = g.lower[a][q];
            int hi = g.upper[a][q];
            dd[q] = (aa[lo] - aa[hi]) + (hh[lo] - hh[hi]);
            nn[q] = e[lo] - e[hi];
            if (l.expand[a][q]) {
                double dm = (es - g.mid[a][q]) * k;
                double zm = zs + dm;
                if ((Math.abs(zm) + 1.0) * l.eps[a][q] < EXPANSION_BELOW) {
                    double y = zm * zm;
                    double prod = e[lo] * e[hi];
                    double em = Math.sqrt(prod) * l.midScale[a][q];
                    if (!(prod >= TINY_PRODUCT)) {
                        double sideMid = dm * Math.fma(dm, 0.5, zs);
                        double insideMid = y * 0.5;
                        em = ReproducibleExp.exp(-(in ? insideMid : sideMid));
                    }
                    double[] dc = l.dc[a][q];
                    double[] nc = l.nc[a][q];
                    double ds = Math.fma(Math.fma(Math.fma(Math.fma(dc[4], y, dc[3]), y, dc[2]), y, dc[1]), y, dc[0]);
                    double ns = Math.fma(Math.fma(Math.fma(Math.fma(nc[4], y, nc[3]), y, nc[2]), y, nc[1]), y, nc[0]);
                    dd[q] = em * ds;
                    nn[q] = em * zm * ns;
                }
            }
        }
    }
}
