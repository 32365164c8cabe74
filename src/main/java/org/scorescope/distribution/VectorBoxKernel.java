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
 * scalar twin, lane by lane: bit-identical scores (tested). Like {@link VectorMixtureKernel}, the
 * loop body calls no method of ours (C2 keeps vectors in registers only when everything is
 * inlined); lanes to be redone are collected as mask bits and appended after the loop.
 */
final class VectorBoxKernel {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

    private VectorBoxKernel() {
    }

    static int lanes() {
        return S.length();
    }

    /** Particles [0, whole), whole a multiple of {@link #lanes()}; returns {@code redo} with the particles to redo appended. */
    static int[] score(BoxScoreKernel.Level l, double[] x0, double[] x1, int whole, double[] o0, double[] o1, int[] redo) {
        int vl = S.length();
        BoxScoreKernel.Geometry g = l.g();
        int[] ne = {g.ends()[0].length, g.ends()[1].length};
        int[] nq = {g.lower()[0].length, g.lower()[1].length};
        int[] endBase = {0, ne[0] * vl};
        int[] ivBase = {0, nq[0] * vl};
        double[] z = new double[(ne[0] + ne[1]) * vl];
        double[] e = new double[z.length];
        double[] t = new double[z.length];
        double[] dd = new double[(nq[0] + nq[1]) * vl];
        double[] nn = new double[dd.length];
        long[] bad = new long[whole / vl];
        int[] boxX = g.boxX();
        int[] boxY = g.boxY();
        double[] c = g.c();
        double inv = l.inv();
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
        DoubleVector t1 = DoubleVector.broadcast(S, tay[1]);
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
        DoubleVector sqrt2pi = DoubleVector.broadcast(S, BoxScoreKernel.SQRT_2PI);
        double k = l.k();
        for (int i = 0; i < whole; i += vl) {
            for (int a = 0; a < 2; a++) {
                DoubleVector x = DoubleVector.fromArray(S, a == 0 ? x0 : x1, i);
                double[] ends = l.ends()[a];
                double[] ge = g.ends()[a];
                int eb = endBase[a];
                DoubleVector best = DoubleVector.broadcast(S, Double.POSITIVE_INFINITY);
                DoubleVector zs = DoubleVector.zero(S);
                DoubleVector es = zs;
                for (int m = 0; m < ne[a]; m++) {
                    DoubleVector zm = x.sub(ends[m]).mul(inv);
                    zm.intoArray(z, eb + m * vl);
                    DoubleVector u = zm.abs();
                    VectorMask<Double> nearer = u.compare(VectorOperators.LT, best);
                    best = best.blend(u, nearer);
                    zs = zs.blend(zm, nearer);
                    es = es.blend(ge[m], nearer);
                }
                int[] lower = g.lower()[a];
                int[] upper = g.upper()[a];
                VectorMask<Double> around = S.maskAll(false);
                for (int q = 0; q < nq[a]; q++) {
                    DoubleVector zl = DoubleVector.fromArray(S, z, eb + lower[q] * vl);
                    DoubleVector zh = DoubleVector.fromArray(S, z, eb + upper[q] * vl);
                    around = around.or(zl.compare(VectorOperators.GT, 0.0).and(zh.compare(VectorOperators.LT, 0.0)));
                }
                for (int m = 0; m < ne[a]; m++) {
                    DoubleVector zm = DoubleVector.fromArray(S, z, eb + m * vl);
                    DoubleVector dm = es.sub(ge[m]).mul(k);
                    DoubleVector side = dm.mul(dm.fma(half, zs));
                    DoubleVector inside = zm.mul(zm).mul(0.5);
                    // ReproducibleExp.exp(−a), operation for operation
                    DoubleVector arg = side.blend(inside, around).neg();
                    DoubleVector kd = arg.fma(ReproducibleExp.INV_LN2, ReproducibleExp.SHIFT);
                    DoubleVector n = kd.sub(ReproducibleExp.SHIFT);
                    DoubleVector r = n.fma(ln2Hi, arg);
                    r = n.fma(ln2Lo, r);
                    DoubleVector p = r.fma(tay[0], tay[1]);
                    p = p.fma(r, t2);
                    p = p.fma(r, t3);
                    p = p.fma(r, t4);
                    p = p.fma(r, t5);
                    p = p.fma(r, t6);
                    p = p.fma(r, t7);
                    p = p.fma(r, t8);
                    p = p.fma(r, t9);
                    p = p.fma(r, t10);
                    p = p.fma(r, t11);
                    p = p.fma(r, one);
                    p = p.fma(r, one);
                    DoubleVector scale = (DoubleVector) ((LongVector) kd.reinterpretAsLongs()).sub(ReproducibleExp.SHIFT_BITS - 1023)
                            .lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
                    DoubleVector em = p.mul(scale).blend(0.0, arg.compare(VectorOperators.LT, ReproducibleExp.MIN_ARGUMENT));
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
                    em.intoArray(e, eb + m * vl);
                    em.mul(mp1.div(mq1)).intoArray(t, eb + m * vl);
                }
                int ib = ivBase[a];
                for (int q = 0; q < nq[a]; q++) {
                    int lo = eb + lower[q] * vl;
                    int hi = eb + upper[q] * vl;
                    DoubleVector tl = DoubleVector.fromArray(S, t, lo);
                    DoubleVector th = DoubleVector.fromArray(S, t, hi);
                    DoubleVector side = tl.sub(th).abs();
                    DoubleVector inside = sqrt2pi.sub(tl).sub(th);
                    VectorMask<Double> in = DoubleVector.fromArray(S, z, lo).compare(VectorOperators.GT, 0.0)
                            .and(DoubleVector.fromArray(S, z, hi).compare(VectorOperators.LT, 0.0));
                    DoubleVector d = side.blend(inside, in);
                    DoubleVector slope = DoubleVector.fromArray(S, e, lo).sub(DoubleVector.fromArray(S, e, hi));
                    if (l.expand()[a][q]) {
                        DoubleVector dm = es.sub(g.mid()[a][q]).mul(k);
                        DoubleVector zm = zs.add(dm);
                        VectorMask<Double> near = zm.abs().add(1.0).mul(l.eps()[a][q]).compare(VectorOperators.LT, BoxScoreKernel.EXPANSION_BELOW);
                        if (near.anyTrue()) {
                            DoubleVector y = zm.mul(zm);
                            DoubleVector sideMid = dm.mul(dm.fma(half, zs));
                            DoubleVector insideMid = y.mul(0.5);
                            DoubleVector arg = sideMid.blend(insideMid, around).neg();
                            DoubleVector kd = arg.fma(ReproducibleExp.INV_LN2, ReproducibleExp.SHIFT);
                            DoubleVector n = kd.sub(ReproducibleExp.SHIFT);
                            DoubleVector r = n.fma(ln2Hi, arg);
                            r = n.fma(ln2Lo, r);
                            DoubleVector p = r.fma(tay[0], tay[1]);
                            p = p.fma(r, t2);
                            p = p.fma(r, t3);
                            p = p.fma(r, t4);
                            p = p.fma(r, t5);
                            p = p.fma(r, t6);
                            p = p.fma(r, t7);
                            p = p.fma(r, t8);
                            p = p.fma(r, t9);
                            p = p.fma(r, t10);
                            p = p.fma(r, t11);
                            p = p.fma(r, one);
                            p = p.fma(r, one);
                            DoubleVector scale = (DoubleVector) ((LongVector) kd.reinterpretAsLongs()).sub(ReproducibleExp.SHIFT_BITS - 1023)
                                    .lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
                            DoubleVector em = p.mul(scale).blend(0.0, arg.compare(VectorOperators.LT, ReproducibleExp.MIN_ARGUMENT));
                            double[] dc = l.dc()[a][q];
                            double[] nc = l.nc()[a][q];
                            DoubleVector ds = y.fma(dc[4], dc[3]).fma(y, DoubleVector.broadcast(S, dc[2]))
                                    .fma(y, DoubleVector.broadcast(S, dc[1])).fma(y, DoubleVector.broadcast(S, dc[0]));
                            DoubleVector ns = y.fma(nc[4], nc[3]).fma(y, DoubleVector.broadcast(S, nc[2]))
                                    .fma(y, DoubleVector.broadcast(S, nc[1])).fma(y, DoubleVector.broadcast(S, nc[0]));
                            d = d.blend(em.mul(ds), near);
                            slope = slope.blend(em.mul(zm).mul(ns), near);
                        }
                    }
                    d.intoArray(dd, ib + q * vl);
                    slope.intoArray(nn, ib + q * vl);
                }
            }
            DoubleVector sw = DoubleVector.zero(S);
            DoubleVector sx = sw;
            DoubleVector sy = sw;
            int y0 = ivBase[1];
            for (int j = 0; j < c.length; j++) {
                int ox = boxX[j] * vl;
                int oy = y0 + boxY[j] * vl;
                DoubleVector dx = DoubleVector.fromArray(S, dd, ox);
                DoubleVector dy = DoubleVector.fromArray(S, dd, oy);
                DoubleVector cy = dy.mul(c[j]);
                DoubleVector cx = dx.mul(c[j]);
                sw = cy.fma(dx, sw);
                sx = cy.fma(DoubleVector.fromArray(S, nn, ox), sx);
                sy = cx.fma(DoubleVector.fromArray(S, nn, oy), sy);
            }
            DoubleVector ss = sw.mul(l.sigma());
            sx.div(ss).intoArray(o0, i);
            sy.div(ss).intoArray(o1, i);
            bad[i / vl] = sw.compare(VectorOperators.GE, l.floor()).not()
                    .or(sw.compare(VectorOperators.LT, Double.POSITIVE_INFINITY).not()).toLong();
        }
        for (int b = 0; b < bad.length; b++) {
            for (long bits = bad[b]; bits != 0; bits &= bits - 1) {
                redo = BoxScoreKernel.append(redo, b * vl + Long.numberOfTrailingZeros(bits));
            }
        }
        return redo;
    }
}
