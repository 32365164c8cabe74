package org.scorescope.distribution;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.scorescope.math.MillsRatio;

/**
 * {@link BoxScoreKernel#scoreScalar} with the incubating Vector API: one register holds one
 * coordinate of {@code lanes()} particles, the level's constants are broadcast, and the per-lane
 * branches of the scalar twin (which interval contains x, whether the midpoint expansion applies)
 * are compare-and-blend; the expansion's exponential is computed only for intervals that the level
 * allows it on and only when some lane needs it. Same IEEE operations in the same order as the
 * scalar twin, lane by lane: bit-identical scores (tested), so a particle's score does not depend
 * on where it sits in a chunk.
 *
 * <p>Layout: the particles go in blocks of {@link #BLOCK} vectors, and each block makes four
 * passes, each its own small loop over the block's vectors: per axis (1) the z of every endpoint,
 * the nearest endpoint and whether x lies inside an interval; (2) per endpoint its two factors
 * E and T (an exponential and a Mills ratio); (3) per interval D'' and N''; then (4) the boxes'
 * sums and the score. The passes talk through small planar scratch arrays that stay in L1. One
 * loop over everything (the kernel before) went past C2's inlining node budget, and C2 then kept
 * vectors as objects; each pass alone is small enough to compile into registers. The loop bodies
 * call no method of ours (a helper C2 compiled on its own would box its vectors).
 */
final class VectorBoxKernel {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    /** Vectors of particles per block: 16 × 8 lanes × 8 bytes = 1 KB per scratch row. */
    static final int BLOCK = 16;

    private VectorBoxKernel() {
    }

    static int lanes() {
        return S.length();
    }

    /** Particles [0, whole), whole a multiple of {@link #lanes()}; returns {@code redo} with the particles to redo appended. */
    static int[] score(BoxScoreKernel.Level l, double[] x0, double[] x1, int whole, double[] o0, double[] o1, int[] redo) {
        int vl = S.length();
        int bl = BLOCK * vl;
        BoxScoreKernel.Geometry g = l.g();
        int ne = Math.max(g.ends()[0].length, g.ends()[1].length);
        int nq0 = g.lower()[0].length;
        int nq1 = g.lower()[1].length;
        double[] z = new double[ne * bl];
        double[] e = new double[ne * bl];
        double[] t = new double[ne * bl];
        double[] zs = new double[bl];
        double[] es = new double[bl];
        double[] around = new double[bl];
        double[] dd = new double[(nq0 + nq1) * bl];
        double[] nn = new double[dd.length];
        long[] bad = new long[whole / vl];
        for (int from = 0; from < whole; from += bl) {
            int len = Math.min(bl, whole - from);
            for (int a = 0; a < 2; a++) {
                nearest(l, a, a == 0 ? x0 : x1, from, len, bl, z, zs, es, around);
                endpoints(l, a, len, bl, z, zs, es, around, e, t);
                intervals(l, a, len, bl, z, e, t, zs, es, around, dd, nn, a == 0 ? 0 : nq0 * bl);
            }
            boxes(l, from, len, bl, dd, nn, nq0 * bl, o0, o1, bad);
        }
        for (int b = 0; b < bad.length; b++) {
            for (long bits = bad[b]; bits != 0; bits &= bits - 1) {
                redo = BoxScoreKernel.append(redo, b * vl + Long.numberOfTrailingZeros(bits));
            }
        }
        return redo;
    }

    /**
     * Pass 1, axis a: z_m = (x − √γ e_m)/σ of every endpoint (row m of {@code z}), the nearest
     * endpoint's z and e ({@code zs}, {@code es}) and 1 where x lies inside an interval
     * ({@code around}).
     */
    private static void nearest(BoxScoreKernel.Level l, int a, double[] x, int from, int len, int bl, double[] z, double[] zs,
            double[] es, double[] around) {
        int vl = S.length();
        double[] ends = l.ends()[a];
        double[] ge = l.g().ends()[a];
        int[] lower = l.g().lower()[a];
        int[] upper = l.g().upper()[a];
        int ne = ends.length;
        int nq = lower.length;
        double inv = l.inv();
        for (int p = 0; p < len; p += vl) {
            DoubleVector xv = DoubleVector.fromArray(S, x, from + p);
            DoubleVector best = DoubleVector.broadcast(S, Double.POSITIVE_INFINITY);
            DoubleVector zsv = DoubleVector.zero(S);
            DoubleVector esv = zsv;
            for (int m = 0; m < ne; m++) {
                DoubleVector zm = xv.sub(ends[m]).mul(inv);
                zm.intoArray(z, m * bl + p);
                DoubleVector u = zm.abs();
                VectorMask<Double> nearer = u.compare(VectorOperators.LT, best);
                best = best.blend(u, nearer);
                zsv = zsv.blend(zm, nearer);
                esv = esv.blend(ge[m], nearer);
            }
            VectorMask<Double> in = S.maskAll(false);
            for (int q = 0; q < nq; q++) {
                DoubleVector zl = DoubleVector.fromArray(S, z, lower[q] * bl + p);
                DoubleVector zh = DoubleVector.fromArray(S, z, upper[q] * bl + p);
                in = in.or(zl.compare(VectorOperators.GT, 0.0).and(zh.compare(VectorOperators.LT, 0.0)));
            }
            zsv.intoArray(zs, p);
            esv.intoArray(es, p);
            DoubleVector.zero(S).blend(1.0, in).intoArray(around, p);
        }
    }

    /**
     * Pass 2, axis a: per endpoint E_m = e^{−(z_m² − s)/2} (s = 0 inside an interval, else the
     * nearest endpoint's z², the exponent formed without a difference of squares) into row m of
     * {@code e}, and T_m = E_m·M(|z_m|) into row m of {@code t}.
     */
    private static void endpoints(BoxScoreKernel.Level l, int a, int len, int bl, double[] z, double[] zs, double[] es,
            double[] around, double[] e, double[] t) {
        int vl = S.length();
        double[] ge = l.g().ends()[a];
        int ne = ge.length;
        double k = l.k();
        double[] mp = MillsRatio.P;
        double[] mq = MillsRatio.Q;
        DoubleVector p0 = DoubleVector.broadcast(S, mp[0]);
        DoubleVector p1 = DoubleVector.broadcast(S, mp[1]);
        DoubleVector p2 = DoubleVector.broadcast(S, mp[2]);
        DoubleVector p3 = DoubleVector.broadcast(S, mp[3]);
        DoubleVector p4 = DoubleVector.broadcast(S, mp[4]);
        DoubleVector p5 = DoubleVector.broadcast(S, mp[5]);
        DoubleVector p6 = DoubleVector.broadcast(S, mp[6]);
        DoubleVector p7 = DoubleVector.broadcast(S, mp[7]);
        DoubleVector p8 = DoubleVector.broadcast(S, mp[8]);
        DoubleVector p9 = DoubleVector.broadcast(S, mp[9]);
        DoubleVector p10 = DoubleVector.broadcast(S, mp[10]);
        DoubleVector q0 = DoubleVector.broadcast(S, mq[0]);
        DoubleVector q1 = DoubleVector.broadcast(S, mq[1]);
        DoubleVector q2 = DoubleVector.broadcast(S, mq[2]);
        DoubleVector q3 = DoubleVector.broadcast(S, mq[3]);
        DoubleVector q4 = DoubleVector.broadcast(S, mq[4]);
        DoubleVector q5 = DoubleVector.broadcast(S, mq[5]);
        DoubleVector q6 = DoubleVector.broadcast(S, mq[6]);
        DoubleVector q7 = DoubleVector.broadcast(S, mq[7]);
        DoubleVector q8 = DoubleVector.broadcast(S, mq[8]);
        DoubleVector q9 = DoubleVector.broadcast(S, mq[9]);
        DoubleVector q10 = DoubleVector.broadcast(S, mq[10]);
        DoubleVector q11 = DoubleVector.broadcast(S, mq[11]);
        double[] tay = ReproducibleExp.TAYLOR;
        DoubleVector t2 = DoubleVector.broadcast(S, tay[2]);
        DoubleVector t3 = DoubleVector.broadcast(S, tay[3]);
        DoubleVector t4 = DoubleVector.broadcast(S, tay[4]);
        DoubleVector t5 = DoubleVector.broadcast(S, tay[5]);
        DoubleVector t6 = DoubleVector.broadcast(S, tay[6]);
        DoubleVector t7 = DoubleVector.broadcast(S, tay[7]);
        DoubleVector t8 = DoubleVector.broadcast(S, tay[8]);
        DoubleVector t9 = DoubleVector.broadcast(S, tay[9]);
        DoubleVector t10 = DoubleVector.broadcast(S, tay[10]);
        DoubleVector t11 = DoubleVector.broadcast(S, tay[11]);
        DoubleVector one = DoubleVector.broadcast(S, 1.0);
        DoubleVector half = DoubleVector.broadcast(S, 0.5);
        DoubleVector ln2Hi = DoubleVector.broadcast(S, -ReproducibleExp.LN2_HI);
        DoubleVector ln2Lo = DoubleVector.broadcast(S, -ReproducibleExp.LN2_LO);
        for (int m = 0; m < ne; m++) {
            double gm = ge[m];
            int row = m * bl;
            for (int p = 0; p < len; p += vl) {
                DoubleVector zm = DoubleVector.fromArray(S, z, row + p);
                DoubleVector zsv = DoubleVector.fromArray(S, zs, p);
                DoubleVector dm = DoubleVector.fromArray(S, es, p).sub(gm).mul(k);
                DoubleVector side = dm.mul(dm.fma(half, zsv));
                DoubleVector inside = zm.mul(zm).mul(0.5);
                VectorMask<Double> in = DoubleVector.fromArray(S, around, p).compare(VectorOperators.GT, 0.5);
                // ReproducibleExp.exp(−a), operation for operation
                DoubleVector arg = side.blend(inside, in).neg();
                DoubleVector kd = arg.fma(ReproducibleExp.INV_LN2, ReproducibleExp.SHIFT);
                DoubleVector n = kd.sub(ReproducibleExp.SHIFT);
                DoubleVector r = n.fma(ln2Hi, arg);
                r = n.fma(ln2Lo, r);
                DoubleVector ep = r.fma(tay[0], tay[1]);
                ep = ep.fma(r, t2);
                ep = ep.fma(r, t3);
                ep = ep.fma(r, t4);
                ep = ep.fma(r, t5);
                ep = ep.fma(r, t6);
                ep = ep.fma(r, t7);
                ep = ep.fma(r, t8);
                ep = ep.fma(r, t9);
                ep = ep.fma(r, t10);
                ep = ep.fma(r, t11);
                ep = ep.fma(r, one);
                ep = ep.fma(r, one);
                DoubleVector scale = (DoubleVector) ((LongVector) kd.reinterpretAsLongs()).sub(ReproducibleExp.SHIFT_BITS - 1023)
                        .lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
                DoubleVector em = ep.mul(scale).blend(0.0, arg.compare(VectorOperators.LT, ReproducibleExp.MIN_ARGUMENT));
                // MillsRatio.of(|z|), operation for operation
                DoubleVector u = zm.abs();
                DoubleVector mp1 = u.fma(p10, p9);
                DoubleVector mq1 = u.fma(q11, q10);
                mp1 = mp1.fma(u, p8);
                mq1 = mq1.fma(u, q9);
                mp1 = mp1.fma(u, p7);
                mq1 = mq1.fma(u, q8);
                mp1 = mp1.fma(u, p6);
                mq1 = mq1.fma(u, q7);
                mp1 = mp1.fma(u, p5);
                mq1 = mq1.fma(u, q6);
                mp1 = mp1.fma(u, p4);
                mq1 = mq1.fma(u, q5);
                mp1 = mp1.fma(u, p3);
                mq1 = mq1.fma(u, q4);
                mp1 = mp1.fma(u, p2);
                mq1 = mq1.fma(u, q3);
                mp1 = mp1.fma(u, p1);
                mq1 = mq1.fma(u, q2);
                mp1 = mp1.fma(u, p0);
                mq1 = mq1.fma(u, q1);
                mq1 = mq1.fma(u, q0);
                em.intoArray(e, row + p);
                em.mul(mp1.div(mq1)).intoArray(t, row + p);
            }
        }
    }

    /**
     * Pass 3, axis a: per interval q, D'' (the mass, scaled as the axis' factors) and N'' (the
     * slope's numerator) into rows {@code base/bl + q} of {@code dd} and {@code nn}; the midpoint
     * series replaces them where the interval is narrow.
     */
    private static void intervals(BoxScoreKernel.Level l, int a, int len, int bl, double[] z, double[] e, double[] t,
            double[] zs, double[] es, double[] around, double[] dd, double[] nn, int base) {
        int vl = S.length();
        int[] lower = l.g().lower()[a];
        int[] upper = l.g().upper()[a];
        DoubleVector sqrt2pi = DoubleVector.broadcast(S, BoxScoreKernel.SQRT_2PI);
        for (int q = 0; q < lower.length; q++) {
            int lo = lower[q] * bl;
            int hi = upper[q] * bl;
            int out = base + q * bl;
            for (int p = 0; p < len; p += vl) {
                DoubleVector tl = DoubleVector.fromArray(S, t, lo + p);
                DoubleVector th = DoubleVector.fromArray(S, t, hi + p);
                DoubleVector side = tl.sub(th).abs();
                DoubleVector inside = sqrt2pi.sub(tl).sub(th);
                VectorMask<Double> in = DoubleVector.fromArray(S, z, lo + p).compare(VectorOperators.GT, 0.0)
                        .and(DoubleVector.fromArray(S, z, hi + p).compare(VectorOperators.LT, 0.0));
                side.blend(inside, in).intoArray(dd, out + p);
                DoubleVector.fromArray(S, e, lo + p).sub(DoubleVector.fromArray(S, e, hi + p)).intoArray(nn, out + p);
            }
            if (l.expand()[a][q]) {
                expansion(l, a, q, len, zs, es, around, dd, nn, out);
            }
        }
    }

    /**
     * Where ε(1 + |z_mid|) &lt; {@link BoxScoreKernel#EXPANSION_BELOW} in some lane of a vector,
     * its D'' and N'' from the midpoint series (row {@code out} of {@code dd}, {@code nn}).
     */
    private static void expansion(BoxScoreKernel.Level l, int a, int q, int len, double[] zs, double[] es, double[] around,
            double[] dd, double[] nn, int out) {
        int vl = S.length();
        double k = l.k();
        double mid = l.g().mid()[a][q];
        double eps = l.eps()[a][q];
        double[] dc = l.dc()[a][q];
        double[] nc = l.nc()[a][q];
        double[] tay = ReproducibleExp.TAYLOR;
        DoubleVector one = DoubleVector.broadcast(S, 1.0);
        DoubleVector half = DoubleVector.broadcast(S, 0.5);
        DoubleVector ln2Hi = DoubleVector.broadcast(S, -ReproducibleExp.LN2_HI);
        DoubleVector ln2Lo = DoubleVector.broadcast(S, -ReproducibleExp.LN2_LO);
        for (int p = 0; p < len; p += vl) {
            DoubleVector zsv = DoubleVector.fromArray(S, zs, p);
            DoubleVector dm = DoubleVector.fromArray(S, es, p).sub(mid).mul(k);
            DoubleVector zm = zsv.add(dm);
            VectorMask<Double> near = zm.abs().add(1.0).mul(eps).compare(VectorOperators.LT, BoxScoreKernel.EXPANSION_BELOW);
            if (near.anyTrue()) {
                VectorMask<Double> in = DoubleVector.fromArray(S, around, p).compare(VectorOperators.GT, 0.5);
                DoubleVector y = zm.mul(zm);
                DoubleVector sideMid = dm.mul(dm.fma(half, zsv));
                DoubleVector insideMid = y.mul(0.5);
                DoubleVector arg = sideMid.blend(insideMid, in).neg();
                DoubleVector kd = arg.fma(ReproducibleExp.INV_LN2, ReproducibleExp.SHIFT);
                DoubleVector n = kd.sub(ReproducibleExp.SHIFT);
                DoubleVector r = n.fma(ln2Hi, arg);
                r = n.fma(ln2Lo, r);
                DoubleVector ep = r.fma(tay[0], tay[1]);
                for (int j = 2; j < tay.length; j++) {
                    ep = ep.fma(r, DoubleVector.broadcast(S, tay[j]));
                }
                ep = ep.fma(r, one);
                ep = ep.fma(r, one);
                DoubleVector scale = (DoubleVector) ((LongVector) kd.reinterpretAsLongs()).sub(ReproducibleExp.SHIFT_BITS - 1023)
                        .lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
                DoubleVector em = ep.mul(scale).blend(0.0, arg.compare(VectorOperators.LT, ReproducibleExp.MIN_ARGUMENT));
                DoubleVector ds = y.fma(dc[4], dc[3]).fma(y, DoubleVector.broadcast(S, dc[2]))
                        .fma(y, DoubleVector.broadcast(S, dc[1])).fma(y, DoubleVector.broadcast(S, dc[0]));
                DoubleVector ns = y.fma(nc[4], nc[3]).fma(y, DoubleVector.broadcast(S, nc[2]))
                        .fma(y, DoubleVector.broadcast(S, nc[1])).fma(y, DoubleVector.broadcast(S, nc[0]));
                DoubleVector.fromArray(S, dd, out + p).blend(em.mul(ds), near).intoArray(dd, out + p);
                DoubleVector.fromArray(S, nn, out + p).blend(em.mul(zm).mul(ns), near).intoArray(nn, out + p);
            }
        }
    }

    /**
     * Pass 4: the boxes' sums Σ c_j D''_x D''_y, Σ c_j N''_x D''_y, Σ c_j D''_x N''_y, the score,
     * and per vector the lanes whose sum fell below the floor or is not finite (bits of {@code bad}).
     */
    private static void boxes(BoxScoreKernel.Level l, int from, int len, int bl, double[] dd, double[] nn, int yBase,
            double[] o0, double[] o1, long[] bad) {
        int vl = S.length();
        BoxScoreKernel.Geometry g = l.g();
        int[] boxX = g.boxX();
        int[] boxY = g.boxY();
        double[] c = g.c();
        double sigma = l.sigma();
        double floor = l.floor();
        for (int p = 0; p < len; p += vl) {
            DoubleVector sw = DoubleVector.zero(S);
            DoubleVector sx = sw;
            DoubleVector sy = sw;
            for (int j = 0; j < c.length; j++) {
                int ox = boxX[j] * bl + p;
                int oy = yBase + boxY[j] * bl + p;
                DoubleVector dx = DoubleVector.fromArray(S, dd, ox);
                DoubleVector dy = DoubleVector.fromArray(S, dd, oy);
                DoubleVector cy = dy.mul(c[j]);
                DoubleVector cx = dx.mul(c[j]);
                sw = cy.fma(dx, sw);
                sx = cy.fma(DoubleVector.fromArray(S, nn, ox), sx);
                sy = cx.fma(DoubleVector.fromArray(S, nn, oy), sy);
            }
            DoubleVector ss = sw.mul(sigma);
            sx.div(ss).intoArray(o0, from + p);
            sy.div(ss).intoArray(o1, from + p);
            VectorMask<Double> off = sw.compare(VectorOperators.GE, floor).not()
                    .or(sw.compare(VectorOperators.LT, Double.POSITIVE_INFINITY).not());
            if (off.anyTrue()) {
                bad[(from + p) / vl] = off.toLong();
            }
        }
    }
}
