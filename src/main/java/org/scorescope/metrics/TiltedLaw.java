package org.scorescope.metrics;

import org.scorescope.distribution.ClassMixture;
import org.scorescope.distribution.Target;

/**
 * Bin masses of the tilted law q_γ(x) = p_γ(x) p_γ(c | x)^{1+w} / Z that guidance with strength w
 * "appears to sample from" (003, Part 4, lines ~2240–2260; Bradley et al. '24 show it does not),
 * taken at the output level γ = ᾱ_0, where its score is exactly the guided score. No closed form
 * exists, so the masses are integrated: q_γ ∝ p_γ(x | c) p_γ(c | x)^w with both factors exact.
 *
 * <p>Quadrature: the binning's grid is extended by half its width on every side. Along each axis the
 * cells are the bins, cut into pieces no wider than the smallest noised Gaussian standard deviation
 * ({@link ClassMixture#gaussianScale}) and, around every blurred box edge
 * ({@link ClassMixture#boxEdges}), into a graded mesh of widths σ/4, σ/2, σ, 2σ, … (σ = √(1−γ)) on
 * both sides, so that no piece straddles an edge's steep transition. Each piece (a tensor product in
 * 2D) is integrated with the Gauss–Legendre rule of 5 points per axis (3 points for the error
 * estimate). Z is the integral over the extended box, so the mass
 * outside the binning's box is 1 − Σ bins, as {@link TotalVariation} expects. The reported error is
 * the TV between the 5- and 3-point rules plus a bound on the mass beyond the extended box
 * (q_γ ≤ p_γ(x | c) / Z there), a conservative estimate of how far these masses can be from exact.
 */
public final class TiltedLaw {
    private static final double[] GL5_X = {-0.9061798459386640, -0.5384693101056831, 0, 0.5384693101056831, 0.9061798459386640};
    private static final double[] GL5_W = {0.2369268850561891, 0.4786286704993665, 0.5688888888888889, 0.4786286704993665, 0.2369268850561891};
    private static final double[] GL3_X = {-0.7745966692414834, 0, 0.7745966692414834};
    private static final double[] GL3_W = {0.5555555555555556, 0.8888888888888888, 0.5555555555555556};
    /** Largest number of quadrature nodes along an axis in 2D (the work is its square) and in 1D. */
    private static final int MAX_NODES_2D = 2000;
    private static final int MAX_NODES_1D = 200_000;

    private TiltedLaw() {
    }

    /**
     * @param masses bin masses, indexed like {@link Binning#index}
     * @param logZ log of the normaliser Z = ∫ p_γ(x | c) p_γ(c | x)^w dx = E[p_γ(c | X)^w | c]
     * @param error a conservative bound on the TV between these masses and the exact ones
     */
    public record Masses(double[] masses, double logZ, double error) {
    }

    /**
     * @param classes the labelled target (1 or 2 dimensions, as the binning)
     * @param classId the class c
     * @param w the guidance strength (w = 0 gives the conditional law p_γ(x | c))
     * @param gamma the level, in (0, 1)
     * @param binning the bins
     */
    public static Masses binMasses(ClassMixture classes, int classId, double w, double gamma, Binning binning) {
        if (classes.dim() != binning.dim()) {
            throw new IllegalArgumentException("the tilted law is integrated in the target's own 1 or 2 dimensions; target has "
                    + classes.dim() + ", binning " + binning.dim());
        }
        int d = binning.dim();
        int[] pad = new int[d];
        int[] ext = new int[d];
        double[] lo = new double[d];
        double[] width = new double[d];
        double[][] cuts = new double[d][];
        for (int a = 0; a < d; a++) {
            int bins = binning.bins()[a];
            width[a] = (binning.hi()[a] - binning.lo()[a]) / bins;
            pad[a] = (bins + 1) / 2;
            ext[a] = bins + 2 * pad[a];
            lo[a] = binning.lo()[a] - pad[a] * width[a];
            cuts[a] = cuts(classes, gamma, a, lo[a], width[a], ext[a], d == 1 ? MAX_NODES_1D : MAX_NODES_2D);
        }
        double[] fine = integrate(classes, classId, w, gamma, d, ext, cuts, lo, width, GL5_X, GL5_W);
        double[] coarse = integrate(classes, classId, w, gamma, d, ext, cuts, lo, width, GL3_X, GL3_W);
        double z = sum(fine);
        double zc = sum(coarse);
        double[] masses = inner(fine, binning, pad, ext, z);
        double[] check = inner(coarse, binning, pad, ext, zc);
        double diff = 0;
        double outF = 1;
        double outC = 1;
        for (int k = 0; k < masses.length; k++) {
            diff += Math.abs(masses[k] - check[k]);
            outF -= masses[k];
            outC -= check[k];
        }
        diff += Math.abs(outF - outC);
        double[] elo = lo.clone();
        double[] ehi = new double[d];
        for (int a = 0; a < d; a++) {
            ehi[a] = lo[a] + ext[a] * width[a];
        }
        Target cond = classes.conditional(classId);
        double tail = Math.max(0, 1 - cond.boxMass(elo, ehi, gamma)) / z;
        return new Masses(masses, Math.log(z), 0.5 * diff + tail);
    }

    private static double sum(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v;
        }
        return s;
    }

    private static double[] inner(double[] extMasses, Binning b, int[] pad, int[] ext, double z) {
        double[] out = new double[b.size()];
        if (b.dim() == 1) {
            for (int i = 0; i < b.bins()[0]; i++) {
                out[i] = extMasses[i + pad[0]] / z;
            }
            return out;
        }
        int by = b.bins()[1];
        for (int i = 0; i < b.bins()[0]; i++) {
            for (int j = 0; j < by; j++) {
                out[i * by + j] = extMasses[(i + pad[0]) * ext[1] + j + pad[1]] / z;
            }
        }
        return out;
    }

    /**
     * The break points of one axis: the extended grid's bin edges, a graded mesh around every box
     * edge, and uniform cuts so that no piece is wider than the Gaussian scale (fewer when the node
     * budget would be exceeded).
     */
    private static double[] cuts(ClassMixture classes, double gamma, int axis, double lo, double width, int cells, int maxNodes) {
        double hi = lo + cells * width;
        java.util.TreeSet<Double> points = new java.util.TreeSet<>();
        for (int i = 0; i <= cells; i++) {
            points.add(lo + i * width);
        }
        double blur = Math.sqrt(Math.max(0, 1 - gamma));
        for (double e : classes.boxEdges(axis, gamma)) {
            if (e <= lo || e >= hi) {
                continue;
            }
            points.add(e);
            for (double step = blur / 4; blur > 0 && step < 2 * width; step *= 2) {
                for (double p : new double[] {e - step, e + step}) {
                    if (p > lo && p < hi) {
                        points.add(p);
                    }
                }
            }
        }
        double scale = Math.min(classes.gaussianScale(gamma), classes.smallestBoxSide() / 4);
        double[] base = points.stream().mapToDouble(Double::doubleValue).toArray();
        int budget = maxNodes / GL5_X.length - (base.length - 1);
        double total = 0;
        for (int i = 0; i + 1 < base.length; i++) {
            total += Math.max(0, Math.ceil((base[i + 1] - base[i]) / scale) - 1);
        }
        double stretch = total > budget && budget > 0 ? total / budget : 1;
        java.util.List<Double> out = new java.util.ArrayList<>();
        for (int i = 0; i + 1 < base.length; i++) {
            double len = base[i + 1] - base[i];
            if (len < 1e-13 * Math.max(1, Math.abs(base[i]))) {
                continue;
            }
            int pieces = (int) Math.max(1, Math.ceil(len / (scale * stretch)));
            for (int k = 0; k < pieces; k++) {
                out.add(base[i] + len * k / pieces);
            }
        }
        out.add(hi);
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** ∫ p_γ(x | c) p_γ(c | x)^w over every cell of the extended grid (unnormalised). */
    private static double[] integrate(ClassMixture classes, int classId, double w, double gamma, int d, int[] ext, double[][] cuts,
            double[] lo, double[] width, double[] gx, double[] gw) {
        double[][] nodes = new double[d][];
        double[][] weights = new double[d][];
        int[][] cellOf = new int[d][];
        for (int a = 0; a < d; a++) {
            int pieces = cuts[a].length - 1;
            int n = pieces * gx.length;
            nodes[a] = new double[n];
            weights[a] = new double[n];
            cellOf[a] = new int[n];
            int q = 0;
            for (int p = 0; p < pieces; p++) {
                double h = cuts[a][p + 1] - cuts[a][p];
                double mid = 0.5 * (cuts[a][p] + cuts[a][p + 1]);
                int cell = Math.min(ext[a] - 1, Math.max(0, (int) Math.floor((mid - lo[a]) / width[a])));
                for (int g = 0; g < gx.length; g++) {
                    nodes[a][q] = mid + 0.5 * h * gx[g];
                    weights[a][q] = 0.5 * h * gw[g];
                    cellOf[a][q] = cell;
                    q++;
                }
            }
        }
        double[] out = new double[d == 1 ? ext[0] : ext[0] * ext[1]];
        if (d == 1) {
            double[] q = tilted(classes, classId, w, gamma, new double[][] {nodes[0]}, nodes[0].length);
            for (int i = 0; i < q.length; i++) {
                out[cellOf[0][i]] += weights[0][i] * q[i];
            }
            return out;
        }
        int ny = nodes[1].length;
        double[][] column = new double[2][ny];
        System.arraycopy(nodes[1], 0, column[1], 0, ny);
        for (int i = 0; i < nodes[0].length; i++) {
            java.util.Arrays.fill(column[0], nodes[0][i]);
            double[] q = tilted(classes, classId, w, gamma, column, ny);
            int row = cellOf[0][i] * ext[1];
            double wx = weights[0][i];
            for (int j = 0; j < ny; j++) {
                out[row + cellOf[1][j]] += wx * weights[1][j] * q[j];
            }
        }
        return out;
    }

    /** p_γ(x | c) p_γ(c | x)^w at n points, with log p_γ(c | x) = log π_c + log p_γ(x | c) − log p_γ(x) ≤ 0. */
    private static double[] tilted(ClassMixture classes, int classId, double w, double gamma, double[][] x, int n) {
        double[] logCond = new double[n];
        double[] logAll = new double[n];
        classes.conditional(classId).logDensityBatch(x, n, gamma, logCond);
        if (w != 0) {
            classes.unconditional().logDensityBatch(x, n, gamma, logAll);
        }
        double logPrior = Math.log(classes.prior(classId));
        double[] q = new double[n];
        for (int i = 0; i < n; i++) {
            if (logCond[i] == Double.NEGATIVE_INFINITY) {
                continue;
            }
            double logPost = w == 0 ? 0 : Math.min(0, logPrior + logCond[i] - logAll[i]);
            q[i] = Math.exp(logCond[i] + w * logPost);
        }
        return q;
    }
}
