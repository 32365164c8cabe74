package org.scorescope.ui.labs.discrete;

import org.scorescope.discrete.StateIndex;

/**
 * What the window draws of a law or a histogram on {@code [K]^d}: the joint of coordinates (0, 1)
 * (the heat map) and each coordinate's marginal (the bars); and the TV and KL between two laws.
 * Background work only.
 */
final class Projections {
    private Projections() {
    }

    /** The law of coordinates (0, 1), K × K row-major, from a law on {@code [K]^d}; null when d = 1. */
    static double[] pair(double[] law, int k, int d) {
        if (d < 2) {
            return null;
        }
        double[] out = new double[k * k];
        int tail = law.length / (k * k);
        for (int j = 0; j < law.length; j++) {
            out[j / tail] += law[j];
        }
        return out;
    }

    /** Each coordinate's marginal, [d][K]. */
    static double[][] coordinates(double[] law, int k, int d) {
        double[][] out = new double[d][k];
        int[] x = new int[d];
        for (int j = 0; j < law.length; j++) {
            if (law[j] == 0) {
                continue;
            }
            StateIndex.decode(j, k, x);
            for (int i = 0; i < d; i++) {
                out[i][x[i]] += law[j];
            }
        }
        return out;
    }

    /** Counts as a law (divided by their sum). */
    static double[] normalised(long[] counts, long total) {
        double[] out = new double[counts.length];
        for (int j = 0; j < counts.length; j++) {
            out[j] = (double) counts[j] / total;
        }
        return out;
    }

    /** ½ Σ |p − q|. */
    static double tv(double[] p, double[] q) {
        double s = 0;
        for (int j = 0; j < p.length; j++) {
            s += Math.abs(p[j] - q[j]);
        }
        return 0.5 * s;
    }

    /** KL(p ‖ q) in nats; +∞ when q misses a state of p. */
    static double kl(double[] p, double[] q) {
        double s = 0;
        for (int j = 0; j < p.length; j++) {
            if (p[j] > 0) {
                if (q[j] <= 0) {
                    return Double.POSITIVE_INFINITY;
                }
                s += p[j] * Math.log(p[j] / q[j]);
            }
        }
        return Math.max(0, s);
    }

    /** The outer product of two coordinate laws, K × K. */
    static double[] outer(double[] a, double[] b) {
        double[] out = new double[a.length * b.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b.length; j++) {
                out[i * b.length + j] = a[i] * b[j];
            }
        }
        return out;
    }

    /** TV between two products of coordinate laws by enumerating {@code [K]^d}; NaN when K^d is over {@code limit}. */
    static double productTv(double[][] p, double[][] q, long limit) {
        int k = p[0].length;
        int d = p.length;
        long n = StateIndex.count(k, d, limit);
        if (n < 0) {
            return Double.NaN;
        }
        int[] x = new int[d];
        double s = 0;
        for (int j = 0; j < n; j++) {
            StateIndex.decode(j, k, x);
            double a = 1;
            double b = 1;
            for (int i = 0; i < d; i++) {
                a *= p[i][x[i]];
                b *= q[i][x[i]];
            }
            s += Math.abs(a - b);
        }
        return 0.5 * s;
    }
}
