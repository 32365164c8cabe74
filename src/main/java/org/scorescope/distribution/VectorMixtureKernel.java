package org.scorescope.distribution;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The 2D mixture score of {@link MixtureScoreKernel} written with the incubating Vector API. Loaded
 * only when the module {@code jdk.incubator.vector} is in the boot layer; otherwise the scalar
 * kernel runs. Same algorithm, same operation order and the same {@link ReproducibleExp}, lane by
 * lane, so both kernels give bit-identical scores (tested). The Vector API's own EXP is not used:
 * its interpreted fallback and its SVML intrinsic differ in the last bit, which would make results
 * depend on JIT warm-up.
 */
final class VectorMixtureKernel {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int TILE = MixtureScoreKernel.TILE;

    private VectorMixtureKernel() {
    }

    /** Lanes per vector (for reports). */
    static int lanes() {
        return S.length();
    }

    static void score2(double[] m0, double[] m1, double[] p00, double[] p01, double[] p11, double[] ln, int k,
            double[] x0, double[] x1, int n, double[] o0, double[] o1) {
        double[] lw = new double[k * TILE];
        double[] mx = new double[TILE];
        int vl = S.length();
        int i0 = 0;
        for (; i0 + TILE <= n; i0 += TILE) {
            tile(m0, m1, p00, p01, p11, ln, k, x0, x1, i0, o0, o1, lw, mx, vl);
        }
        if (i0 < n) {
            MixtureScoreKernel.score2Scalar(m0, m1, p00, p01, p11, ln, k, x0, x1, i0, n, o0, o1);
        }
    }

    private static void tile(double[] m0, double[] m1, double[] p00, double[] p01, double[] p11, double[] ln, int k,
            double[] x0, double[] x1, int i0, double[] o0, double[] o1, double[] lw, double[] mx, int vl) {
        DoubleVector half = DoubleVector.broadcast(S, 0.5);
        for (int i = 0; i < TILE; i += vl) {
            DoubleVector.broadcast(S, Double.NEGATIVE_INFINITY).intoArray(mx, i);
        }
        for (int c = 0; c < k; c++) {
            DoubleVector a0 = DoubleVector.broadcast(S, m0[c]);
            DoubleVector a1 = DoubleVector.broadcast(S, m1[c]);
            DoubleVector q00 = DoubleVector.broadcast(S, p00[c]);
            DoubleVector q01 = DoubleVector.broadcast(S, p01[c]);
            DoubleVector q11 = DoubleVector.broadcast(S, p11[c]);
            DoubleVector lc = DoubleVector.broadcast(S, ln[c]);
            int base = c * TILE;
            for (int i = 0; i < TILE; i += vl) {
                DoubleVector dx = DoubleVector.fromArray(S, x0, i0 + i).sub(a0);
                DoubleVector dy = DoubleVector.fromArray(S, x1, i0 + i).sub(a1);
                DoubleVector gx = q00.mul(dx).add(q01.mul(dy));
                DoubleVector gy = q01.mul(dx).add(q11.mul(dy));
                DoubleVector v = lc.sub(half.mul(dx.mul(gx).add(dy.mul(gy))));
                v.intoArray(lw, base + i);
                DoubleVector.fromArray(S, mx, i).max(v).intoArray(mx, i);
            }
        }
        for (int i = 0; i < TILE; i += vl) {
            DoubleVector sw = DoubleVector.zero(S);
            DoubleVector sx = DoubleVector.zero(S);
            DoubleVector sy = DoubleVector.zero(S);
            DoubleVector m = DoubleVector.fromArray(S, mx, i);
            DoubleVector xv = DoubleVector.fromArray(S, x0, i0 + i);
            DoubleVector yv = DoubleVector.fromArray(S, x1, i0 + i);
            for (int c = 0; c < k; c++) {
                DoubleVector e = exp(DoubleVector.fromArray(S, lw, c * TILE + i).sub(m));
                DoubleVector dx = xv.sub(m0[c]);
                DoubleVector dy = yv.sub(m1[c]);
                sw = sw.add(e);
                sx = sx.sub(e.mul(dx.mul(p00[c]).add(dy.mul(p01[c]))));
                sy = sy.sub(e.mul(dx.mul(p01[c]).add(dy.mul(p11[c]))));
            }
            sx.div(sw).intoArray(o0, i0 + i);
            sy.div(sw).intoArray(o1, i0 + i);
        }
    }

    /** {@link ReproducibleExp#exp} lane by lane, the same operations in the same order. */
    static DoubleVector exp(DoubleVector x) {
        x = x.max(ReproducibleExp.MIN_ARGUMENT);
        DoubleVector kd = x.mul(ReproducibleExp.INV_LN2).add(ReproducibleExp.SHIFT);
        DoubleVector n = kd.sub(ReproducibleExp.SHIFT);
        DoubleVector minusN = n.neg();
        DoubleVector r = minusN.fma(DoubleVector.broadcast(S, ReproducibleExp.LN2_HI), x);
        r = minusN.fma(DoubleVector.broadcast(S, ReproducibleExp.LN2_LO), r);
        double[] t = ReproducibleExp.TAYLOR;
        DoubleVector p = DoubleVector.broadcast(S, t[0]);
        for (int i = 1; i < t.length; i++) {
            p = p.fma(r, DoubleVector.broadcast(S, t[i]));
        }
        DoubleVector one = DoubleVector.broadcast(S, 1.0);
        p = p.fma(r, one);
        p = p.fma(r, one);
        LongVector bits = (LongVector) kd.reinterpretAsLongs();
        DoubleVector scale = bits.sub(ReproducibleExp.SHIFT_BITS - 1023).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
        return p.mul(scale);
    }
}
