package org.scorescope.metrics;

import org.scorescope.distribution.Target;

/**
 * A regular grid of bins over an axis-aligned box in 1 or 2 dimensions (docs/algorithms.md §6).
 * Bin (i, j) covers [edge_x(i), edge_x(i+1)) × [edge_y(j), edge_y(j+1)); index i·binsY + j.
 *
 * @param lo lower corner, one entry per axis
 * @param hi upper corner
 * @param bins bins per axis
 */
public record Binning(double[] lo, double[] hi, int[] bins) {
    /** Checks the box and counts. */
    public Binning {
        if (lo.length < 1 || lo.length > 2 || hi.length != lo.length || bins.length != lo.length) {
            throw new IllegalArgumentException("binning is 1D or 2D with one lo, hi and bin count per axis");
        }
        for (int a = 0; a < lo.length; a++) {
            if (!(hi[a] > lo[a]) || !Double.isFinite(lo[a]) || !Double.isFinite(hi[a])) {
                throw new IllegalArgumentException("binning axis " + a + " needs finite lo < hi, was [" + lo[a] + ", " + hi[a] + "]");
            }
            if (bins[a] < 1 || bins[a] > 4096) {
                throw new IllegalArgumentException("bins per axis must be in 1..4096, was " + bins[a]);
            }
        }
        lo = lo.clone();
        hi = hi.clone();
        bins = bins.clone();
    }

    /**
     * The default binning for N particles: the target's view box (its first one or two axes) and a
     * bin count that grows with N so that the noise floor stays well below typical sampler errors:
     * B = clamp(round(2 N^{1/3}), 10, 400) in 1D and B = clamp(round(2 N^{1/4}), 8, 128) per axis in 2D.
     */
    public static Binning defaultFor(Target target, int particles) {
        double[][] b = target.bounds();
        int d = Math.min(2, target.dim());
        double[] lo = new double[d];
        double[] hi = new double[d];
        int[] bins = new int[d];
        for (int a = 0; a < d; a++) {
            lo[a] = b[0][a];
            hi[a] = b[1][a];
            bins[a] = d == 1
                    ? (int) Math.max(10, Math.min(400, Math.round(2 * Math.cbrt(particles))))
                    : (int) Math.max(8, Math.min(128, Math.round(2 * Math.pow(particles, 0.25))));
        }
        return new Binning(lo, hi, bins);
    }

    /** Number of axes (1 or 2). */
    public int dim() {
        return lo.length;
    }

    /** Total number of bins. */
    public int size() {
        return dim() == 1 ? bins[0] : bins[0] * bins[1];
    }

    /** The bin edges of one axis, bins + 1 values. */
    public double[] edges(int axis) {
        double[] e = new double[bins[axis] + 1];
        for (int i = 0; i <= bins[axis]; i++) {
            e[i] = lo[axis] + (hi[axis] - lo[axis]) * i / bins[axis];
        }
        e[bins[axis]] = hi[axis];
        return e;
    }

    /** The bin index of a point, or −1 when it is outside the box or not finite. */
    public int index(double x, double y) {
        int i = axisIndex(0, x);
        if (i < 0) {
            return -1;
        }
        if (dim() == 1) {
            return i;
        }
        int j = axisIndex(1, y);
        return j < 0 ? -1 : i * bins[1] + j;
    }

    private int axisIndex(int axis, double v) {
        if (!(v >= lo[axis] && v < hi[axis])) {
            return -1;
        }
        int i = (int) ((v - lo[axis]) / (hi[axis] - lo[axis]) * bins[axis]);
        return Math.min(i, bins[axis] - 1);
    }
}
