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
 * branches of the scalar twin (left of, inside or right of the endpoints' hull, the sign of each
 * z, whether the midpoint expansion applies) are compare-and-blend; the expansion's exponential is
 * computed only for intervals that the level allows it on and only when some lane needs it. Same
 * IEEE operations in the same order as the scalar twin ({@link BoxScoreKernel#axisScalar}), lane by
 * lane: bit-identical scores (tested), so a particle's score does not depend on where it sits in
 * a chunk.
 *
 * <p>Layout: the particles go in blocks of {@link #BLOCK} vectors, and each block makes small
 * passes, each its own loop over the block's vectors: per axis (1) the z of every endpoint and the
 * anchor (hull side, anchor z and endpoint); (2) the factors E_m, by the geometric recurrence or one
 * exponential per endpoint; (3) per endpoint T_m = E_m·M(|z_m|) signed as A_m, and H_m; (4) per
 * interval D'' and N''; then (5) the boxes' sums and the score. The passes talk through small
 * planar scratch arrays that stay in L1. One loop over everything (the kernel before) went past
 * C2's inlining node budget, and C2 then kept vectors as objects; each pass alone is small enough
 * to compile into registers. The loop bodies call no method of ours (a helper C2 compiled on its
 * own would box its vectors).
 */
final class VectorBoxKernel {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    /** Vectors of particles per block: 8 × 8 lanes × 8 bytes = 512 bytes per scratch row. */
    static final int BLOCK = 8;

    /** Per thread, the passes' scratch rows (reused from call to call; nothing in them outlives a block). */
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(() -> new Scratch(0, 0, BLOCK * S.length()));

    private VectorBoxKernel() {
    }

    /** Scratch rows of one block: ne rows per endpoint quantity, nq rows per interval quantity, bl doubles each. */
    private static final class Scratch {
        final int ne;
        final int nq;
        final double[] z;
        final double[] e;
        final double[] f;
        final double[] aa;
        final double[] hh;
        final double[] zs;
        final double[] es;
        final double[] in;
        final double[] right;
        final double[] ratio;
        final double[] dd;
        final double[] nn;

        Scratch(int ne, int nq, int bl) {
            this.ne = ne;
            this.nq = nq;
            z = new double[ne * bl];
            e = new double[ne * bl];
            f = new double[ne * bl];
            aa = new double[ne * bl];
            hh = new double[ne * bl];
            zs = new double[bl];
            es = new double[bl];
            in = new double[bl];
            right = new double[bl];
            ratio = new double[bl];
            dd = new double[nq * bl];
            nn = new double[nq * bl];
        }
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
        Scratch sc = SCRATCH.get();
        if (sc.ne < ne || sc.nq < nq0 + nq1) {
            sc = new Scratch(Math.max(sc.ne, ne), Math.max(sc.nq, nq0 + nq1), bl);
            SCRATCH.set(sc);
        }
        double[] z = sc.z;
        double[] e = sc.e;
        double[] f = sc.f;
        double[] aa = sc.aa;
        double[] hh = sc.hh;
        double[] zs = sc.zs;
        double[] es = sc.es;
        double[] in = sc.in;
        double[] right = sc.right;
        double[] ratio = sc.ratio;
        double[] dd = sc.dd;
        double[] nn = sc.nn;
        long[] bad = new long[whole / vl];
        for (int from = 0; from < whole; from += bl) {
            int len = Math.min(bl, whole - from);
            for (int a = 0; a < 2; a++) {
                anchor(l, a, a == 0 ? x0 : x1, from, len, bl, z, zs, es, in, right);
                if (l.geometric()[a]) {
                    geometric(l, a, len, bl, zs, in, right, f, ratio, e);
                } else {
                    direct(l, a, len, bl, z, zs, es, in, e);
                }
                tails(l, a, len, bl, z, e, aa, hh);
                intervals(l, a, len, bl, e, aa, hh, zs, es, in, dd, nn, a == 0 ? 0 : nq0 * bl);
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
     * Pass 1, axis a: z_m = (x − √γ e_m)/σ of every endpoint (row m of {@code z}); the anchor:
     * 1 in {@code right} right of the hull (z_last &gt; 0), 1 in {@code in} inside it, and the
     * anchor endpoint's z and e (the last right of the hull, else the first) in {@code zs}, {@code es}.
     */
    private static void anchor(BoxScoreKernel.Level l, int a, double[] x, int from, int len, int bl, double[] z, double[] zs,
            double[] es, double[] in, double[] right) {
        int vl = S.length();
        double[] ends = l.ends()[a];
        double[] ge = l.g().ends()[a];
        int last = ends.length - 1;
        double inv = l.inv();
        DoubleVector zero = DoubleVector.zero(S);
        for (int m = 0; m <= last; m++) {
            double em = ends[m];
            int row = m * bl;
            for (int p = 0; p < len; p += vl) {
                DoubleVector.fromArray(S, x, from + p).sub(em).mul(inv).intoArray(z, row + p);
            }
        }
        int lastRow = last * bl;
        for (int p = 0; p < len; p += vl) {
            DoubleVector z0 = DoubleVector.fromArray(S, z, p);
            DoubleVector zm = DoubleVector.fromArray(S, z, lastRow + p);
            VectorMask<Double> r = zm.compare(VectorOperators.GT, 0.0);
            VectorMask<Double> inside = z0.compare(VectorOperators.LT, 0.0).not().and(r.not());
            z0.blend(zm, r).intoArray(zs, p);
            DoubleVector.broadcast(S, ge[0]).blend(ge[last], r).intoArray(es, p);
            zero.blend(1.0, inside).intoArray(in, p);
            zero.blend(1.0, r).intoArray(right, p);
        }
    }

    /**
     * Pass 2 on equally spaced endpoints: the factors by the recurrence F_{j+1} = F_j·ρ·c^j from
     * the anchor (rows of {@code f}), then E_m = F_m, or F_{last−m} right of the hull (rows of {@code e}).
     */
    private static void geometric(BoxScoreKernel.Level l, int a, int len, int bl, double[] zs, double[] in, double[] right,
            double[] f, double[] ratio, double[] e) {
        int vl = S.length();
        int last = l.ends()[a].length - 1;
        double delta = l.delta()[a];
        double minusHalfDelta2 = -l.halfDelta2()[a];
        double decay = l.decay()[a];
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
        DoubleVector ln2Hi = DoubleVector.broadcast(S, -ReproducibleExp.LN2_HI);
        DoubleVector ln2Lo = DoubleVector.broadcast(S, -ReproducibleExp.LN2_LO);
        DoubleVector zero = DoubleVector.zero(S);
        for (int p = 0; p < len; p += vl) {
            DoubleVector zsv = DoubleVector.fromArray(S, zs, p);
            VectorMask<Double> r = DoubleVector.fromArray(S, right, p).compare(VectorOperators.GT, 0.5);
            VectorMask<Double> inside = DoubleVector.fromArray(S, in, p).compare(VectorOperators.GT, 0.5);
            DoubleVector u = zsv.blend(zsv.neg(), r);
            // two ReproducibleExp.exp, operation for operation, in one pair of registers
            DoubleVector arg0 = zero.blend(zsv.mul(zsv).mul(0.5), inside).neg();
            DoubleVector arg1 = u.fma(delta, minusHalfDelta2);
            DoubleVector kd0 = arg0.fma(ReproducibleExp.INV_LN2, ReproducibleExp.SHIFT);
            DoubleVector kd1 = arg1.fma(ReproducibleExp.INV_LN2, ReproducibleExp.SHIFT);
            DoubleVector n0 = kd0.sub(ReproducibleExp.SHIFT);
            DoubleVector n1 = kd1.sub(ReproducibleExp.SHIFT);
            DoubleVector r0 = n0.fma(ln2Hi, arg0);
            DoubleVector r1 = n1.fma(ln2Hi, arg1);
            r0 = n0.fma(ln2Lo, r0);
            r1 = n1.fma(ln2Lo, r1);
            DoubleVector e0 = r0.fma(tay[0], tay[1]);
            DoubleVector e1 = r1.fma(tay[0], tay[1]);
            e0 = e0.fma(r0, t2);
            e1 = e1.fma(r1, t2);
            e0 = e0.fma(r0, t3);
            e1 = e1.fma(r1, t3);
            e0 = e0.fma(r0, t4);
            e1 = e1.fma(r1, t4);
            e0 = e0.fma(r0, t5);
            e1 = e1.fma(r1, t5);
            e0 = e0.fma(r0, t6);
            e1 = e1.fma(r1, t6);
            e0 = e0.fma(r0, t7);
            e1 = e1.fma(r1, t7);
            e0 = e0.fma(r0, t8);
            e1 = e1.fma(r1, t8);
            e0 = e0.fma(r0, t9);
            e1 = e1.fma(r1, t9);
            e0 = e0.fma(r0, t10);
            e1 = e1.fma(r1, t10);
            e0 = e0.fma(r0, t11);
            e1 = e1.fma(r1, t11);
            e0 = e0.fma(r0, one);
            e1 = e1.fma(r1, one);
            e0 = e0.fma(r0, one);
            e1 = e1.fma(r1, one);
            DoubleVector s0 = (DoubleVector) ((LongVector) kd0.reinterpretAsLongs()).sub(ReproducibleExp.SHIFT_BITS - 1023)
                    .lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
            DoubleVector s1 = (DoubleVector) ((LongVector) kd1.reinterpretAsLongs()).sub(ReproducibleExp.SHIFT_BITS - 1023)
                    .lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
            DoubleVector fm = e0.mul(s0).blend(0.0, arg0.compare(VectorOperators.LT, ReproducibleExp.MIN_ARGUMENT));
            DoubleVector rho = e1.mul(s1).blend(0.0, arg1.compare(VectorOperators.LT, ReproducibleExp.MIN_ARGUMENT));
            fm.intoArray(f, p);
            rho.intoArray(ratio, p);
        }
        for (int m = 1; m <= last; m++) {
            int row = m * bl;
            for (int p = 0; p < len; p += vl) {
                DoubleVector rho = DoubleVector.fromArray(S, ratio, p);
                DoubleVector.fromArray(S, f, row - bl + p).mul(rho).intoArray(f, row + p);
                rho.mul(decay).intoArray(ratio, p);
            }
        }
        for (int m = 0; m <= last; m++) {
            int row = m * bl;
            int mirror = (last - m) * bl;
            for (int p = 0; p < len; p += vl) {
                VectorMask<Double> r = DoubleVector.fromArray(S, right, p).compare(VectorOperators.GT, 0.5);
                DoubleVector.fromArray(S, f, row + p).blend(DoubleVector.fromArray(S, f, mirror + p), r).intoArray(e, row + p);
            }
        }
    }

    /**
     * Pass 2 otherwise: per endpoint E_m = e^{−z_m²/2} inside the hull, else e^{−(z_m² − z_s²)/2}
     * with the exponent (e_s − e_m)k·((e_s − e_m)k/2 + z_s) (no difference of squares), into row
     * m of {@code e}.
     */
    private static void direct(BoxScoreKernel.Level l, int a, int len, int bl, double[] z, double[] zs, double[] es,
            double[] in, double[] e) {
        int vl = S.length();
        double[] ge = l.g().ends()[a];
        int ne = ge.length;
        double k = l.k();
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
                VectorMask<Double> i = DoubleVector.fromArray(S, in, p).compare(VectorOperators.GT, 0.5);
                // ReproducibleExp.exp(−a), operation for operation
                DoubleVector arg = side.blend(inside, i).neg();
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
                ep.mul(scale).blend(0.0, arg.compare(VectorOperators.LT, ReproducibleExp.MIN_ARGUMENT)).intoArray(e, row + p);
            }
        }
    }

    /**
     * Pass 3, axis a: per endpoint T_m = E_m·M(|z_m|) and by the sign of z_m, A_m = ∓T_m and
     * H_m = ±√(2π)/2 (rows of {@code aa}, {@code hh}).
     */
    private static void tails(BoxScoreKernel.Level l, int a, int len, int bl, double[] z, double[] e, double[] aa, double[] hh) {
        int vl = S.length();
        int ne = l.ends()[a].length;
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
        DoubleVector h = DoubleVector.broadcast(S, BoxScoreKernel.HALF_SQRT_2PI);
        DoubleVector minusH = DoubleVector.broadcast(S, -BoxScoreKernel.HALF_SQRT_2PI);
        for (int m = 0; m < ne; m++) {
            int row = m * bl;
            for (int p = 0; p < len; p += vl) {
                DoubleVector zm = DoubleVector.fromArray(S, z, row + p);
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
                DoubleVector t = DoubleVector.fromArray(S, e, row + p).mul(mp1.div(mq1));
                VectorMask<Double> pos = zm.compare(VectorOperators.GT, 0.0);
                t.blend(t.neg(), pos).intoArray(aa, row + p);
                minusH.blend(h, pos).intoArray(hh, row + p);
            }
        }
    }

    /**
     * Pass 5, axis a: per interval q, D'' = (A_lo − A_hi) + (H_lo − H_hi) and N'' = E_lo − E_hi
     * into rows {@code base/bl + q} of {@code dd} and {@code nn}; on intervals the level allows
     * the midpoint series, it replaces them in the lanes where the interval is narrow, with
     * E_mid = √(E_lo·E_hi)·e^{ε²/8} (an exponential only where that product is tiny).
     */
    private static void intervals(BoxScoreKernel.Level l, int a, int len, int bl, double[] e, double[] aa, double[] hh,
            double[] zs, double[] es, double[] in, double[] dd, double[] nn, int base) {
        int vl = S.length();
        int[] lower = l.g().lower()[a];
        int[] upper = l.g().upper()[a];
        for (int q = 0; q < lower.length; q++) {
            int lo = lower[q] * bl;
            int hi = upper[q] * bl;
            int out = base + q * bl;
            if (!l.expand()[a][q]) {
                for (int p = 0; p < len; p += vl) {
                    DoubleVector ad = DoubleVector.fromArray(S, aa, lo + p).sub(DoubleVector.fromArray(S, aa, hi + p));
                    DoubleVector hd = DoubleVector.fromArray(S, hh, lo + p).sub(DoubleVector.fromArray(S, hh, hi + p));
                    ad.add(hd).intoArray(dd, out + p);
                    DoubleVector.fromArray(S, e, lo + p).sub(DoubleVector.fromArray(S, e, hi + p)).intoArray(nn, out + p);
                }
            } else {
                expansion(l, a, q, len, bl, e, aa, hh, zs, es, in, dd, nn, out);
            }
        }
    }

    /**
     * {@link #intervals} on an interval where the level allows the midpoint series: where
     * ε(1 + |z_mid|) &lt; {@link BoxScoreKernel#EXPANSION_BELOW}, D'' and N'' from the series.
     */
    private static void expansion(BoxScoreKernel.Level l, int a, int q, int len, int bl, double[] e, double[] aa, double[] hh,
            double[] zs, double[] es, double[] in, double[] dd, double[] nn, int out) {
        int vl = S.length();
        int lo = l.g().lower()[a][q] * bl;
        int hi = l.g().upper()[a][q] * bl;
        double k = l.k();
        double mid = l.g().mid()[a][q];
        double eps = l.eps()[a][q];
        double midScale = l.midScale()[a][q];
        double[] dc = l.dc()[a][q];
        double[] nc = l.nc()[a][q];
        DoubleVector dc0 = DoubleVector.broadcast(S, dc[0]);
        DoubleVector dc1 = DoubleVector.broadcast(S, dc[1]);
        DoubleVector dc2 = DoubleVector.broadcast(S, dc[2]);
        DoubleVector nc0 = DoubleVector.broadcast(S, nc[0]);
        DoubleVector nc1 = DoubleVector.broadcast(S, nc[1]);
        DoubleVector nc2 = DoubleVector.broadcast(S, nc[2]);
        for (int p = 0; p < len; p += vl) {
            DoubleVector el = DoubleVector.fromArray(S, e, lo + p);
            DoubleVector eh = DoubleVector.fromArray(S, e, hi + p);
            DoubleVector ad = DoubleVector.fromArray(S, aa, lo + p).sub(DoubleVector.fromArray(S, aa, hi + p));
            DoubleVector hd = DoubleVector.fromArray(S, hh, lo + p).sub(DoubleVector.fromArray(S, hh, hi + p));
            DoubleVector d = ad.add(hd);
            DoubleVector slope = el.sub(eh);
            DoubleVector zsv = DoubleVector.fromArray(S, zs, p);
            DoubleVector dm = DoubleVector.fromArray(S, es, p).sub(mid).mul(k);
            DoubleVector zm = zsv.add(dm);
            VectorMask<Double> near = zm.abs().add(1.0).mul(eps).compare(VectorOperators.LT, BoxScoreKernel.EXPANSION_BELOW);
            DoubleVector y = zm.mul(zm);
            DoubleVector prod = el.mul(eh);
            DoubleVector em = prod.lanewise(VectorOperators.SQRT).mul(midScale);
            VectorMask<Double> tiny = prod.compare(VectorOperators.GE, BoxScoreKernel.TINY_PRODUCT).not();
            if (tiny.and(near).anyTrue()) {
                em = em.blend(exponent(dm, zsv, y, DoubleVector.fromArray(S, in, p).compare(VectorOperators.GT, 0.5)), tiny);
            }
            DoubleVector ds = y.fma(dc[4], dc[3]).fma(y, dc2).fma(y, dc1).fma(y, dc0);
            DoubleVector ns = y.fma(nc[4], nc[3]).fma(y, nc2).fma(y, nc1).fma(y, nc0);
            d.blend(em.mul(ds), near).intoArray(dd, out + p);
            slope.blend(em.mul(zm).mul(ns), near).intoArray(nn, out + p);
        }
    }

    /** ReproducibleExp.exp(−(inside ? y/2 : dm(dm/2 + zs))), operation for operation (the rare tiny E_lo·E_hi). */
    private static DoubleVector exponent(DoubleVector dm, DoubleVector zs, DoubleVector y, VectorMask<Double> inside) {
        double[] tay = ReproducibleExp.TAYLOR;
        DoubleVector arg = dm.mul(dm.fma(DoubleVector.broadcast(S, 0.5), zs)).blend(y.mul(0.5), inside).neg();
        DoubleVector kd = arg.fma(ReproducibleExp.INV_LN2, ReproducibleExp.SHIFT);
        DoubleVector n = kd.sub(ReproducibleExp.SHIFT);
        DoubleVector r = n.fma(DoubleVector.broadcast(S, -ReproducibleExp.LN2_HI), arg);
        r = n.fma(DoubleVector.broadcast(S, -ReproducibleExp.LN2_LO), r);
        DoubleVector ep = r.fma(tay[0], tay[1]);
        for (int j = 2; j < tay.length; j++) {
            ep = ep.fma(r, DoubleVector.broadcast(S, tay[j]));
        }
        ep = ep.fma(r, DoubleVector.broadcast(S, 1.0));
        ep = ep.fma(r, DoubleVector.broadcast(S, 1.0));
        DoubleVector scale = (DoubleVector) ((LongVector) kd.reinterpretAsLongs()).sub(ReproducibleExp.SHIFT_BITS - 1023)
                .lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
        return ep.mul(scale).blend(0.0, arg.compare(VectorOperators.LT, ReproducibleExp.MIN_ARGUMENT));
    }

    /**
     * Pass 6: the boxes' sums Σ c_j D''_x D''_y, Σ c_j N''_x D''_y, Σ c_j D''_x N''_y, the score,
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
