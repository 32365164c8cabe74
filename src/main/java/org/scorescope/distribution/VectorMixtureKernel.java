package org.scorescope.distribution;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.scorescope.math.CounterNormals;

/**
 * The 2D mixture score of {@link MixtureScoreKernel} written with the incubating Vector API. Loaded
 * only when the module {@code jdk.incubator.vector} is in the boot layer; otherwise the scalar
 * kernel runs. Same algorithm, same operation order and the same {@link ReproducibleExp#expMix}, lane by
 * lane, so both kernels give bit-identical scores (tested). The Vector API's own EXP is not used:
 * its interpreted fallback and its SVML intrinsic differ in the last bit, which would make results
 * depend on JIT warm-up.
 *
 * <p>Layout: one register holds one coordinate of {@code lanes()} consecutive particles, and every
 * component's constants are broadcast from the planar arrays; a block of particles makes two passes
 * over the components, the first computing each log weight and gradient (kept in a small scratch
 * array that stays in L1) and the largest log weight, the second the exponentials and the weighted
 * sum. Maxima are taken with compare-and-select (the scalar twin: {@code if (v > mx)}), cheaper
 * than {@code Math.max}'s NaN rules in vector form. The loop body calls no method of ours: C2 keeps vectors in registers only when every
 * operation is inlined, and a helper it compiled on its own first would not be (its vectors would
 * be boxed).
 */
final class VectorMixtureKernel {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

    private VectorMixtureKernel() {
    }

    /** Lanes per vector (for reports). */
    static int lanes() {
        return S.length();
    }

    /** The score of particles [0, n); whole vectors here, the rest by the scalar twin. */
    static void score2(double[] m0, double[] m1, double[] p00, double[] p01, double[] p11, double[] ln, int k,
            double[] x0, double[] x1, int n, double[] o0, double[] o1) {
        int vl = S.length();
        int whole = n - n % vl;
        double[] scratch = new double[3 * k * vl];
        DoubleVector minusHalf = DoubleVector.broadcast(S, -0.5);
        DoubleVector ln2Hi = DoubleVector.broadcast(S, -ReproducibleExp.LN2_HI);
        DoubleVector ln2Lo = DoubleVector.broadcast(S, -ReproducibleExp.LN2_LO);
        DoubleVector one = DoubleVector.broadcast(S, 1.0);
        double[] t = ReproducibleExp.MIX;
        DoubleVector t2 = DoubleVector.broadcast(S, t[2]);
        DoubleVector t3 = DoubleVector.broadcast(S, t[3]);
        DoubleVector t4 = DoubleVector.broadcast(S, t[4]);
        DoubleVector t5 = DoubleVector.broadcast(S, t[5]);
        DoubleVector t6 = DoubleVector.broadcast(S, t[6]);
        DoubleVector t7 = DoubleVector.broadcast(S, t[7]);
        DoubleVector t8 = DoubleVector.broadcast(S, t[8]);
        DoubleVector t9 = DoubleVector.broadcast(S, t[9]);
        for (int i = 0; i < whole; i += vl) {
            DoubleVector x = DoubleVector.fromArray(S, x0, i);
            DoubleVector y = DoubleVector.fromArray(S, x1, i);
            DoubleVector mx = DoubleVector.broadcast(S, Double.NEGATIVE_INFINITY);
            for (int c = 0; c < k; c++) {
                DoubleVector dx = x.sub(m0[c]);
                DoubleVector dy = y.sub(m1[c]);
                DoubleVector gx = dy.fma(DoubleVector.broadcast(S, p01[c]), dx.mul(p00[c]));
                DoubleVector gy = dy.fma(DoubleVector.broadcast(S, p11[c]), dx.mul(p01[c]));
                DoubleVector v = dy.fma(gy, dx.mul(gx)).fma(minusHalf, DoubleVector.broadcast(S, ln[c]));
                int o = 3 * c * vl;
                v.intoArray(scratch, o);
                gx.intoArray(scratch, o + vl);
                gy.intoArray(scratch, o + 2 * vl);
                mx = mx.blend(v, v.compare(VectorOperators.GT, mx));
            }
            DoubleVector sw = DoubleVector.zero(S);
            DoubleVector sx = sw;
            DoubleVector sy = sw;
            for (int c = 0; c < k; c++) {
                int o = 3 * c * vl;
                // ReproducibleExp.expMix(v − mx), operation for operation
                DoubleVector a = DoubleVector.fromArray(S, scratch, o).sub(mx);
                DoubleVector kd = a.fma(ReproducibleExp.INV_LN2, ReproducibleExp.SHIFT);
                DoubleVector nn = kd.sub(ReproducibleExp.SHIFT);
                DoubleVector r = nn.fma(ln2Hi, a);
                r = nn.fma(ln2Lo, r);
                DoubleVector p = r.fma(t[0], t[1]);
                p = p.fma(r, t2);
                p = p.fma(r, t3);
                p = p.fma(r, t4);
                p = p.fma(r, t5);
                p = p.fma(r, t6);
                p = p.fma(r, t7);
                p = p.fma(r, t8);
                p = p.fma(r, t9);
                p = p.fma(r, one);
                p = p.fma(r, one);
                DoubleVector scale = (DoubleVector) ((LongVector) kd.reinterpretAsLongs()).sub(ReproducibleExp.SHIFT_BITS - 1023)
                        .lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
                DoubleVector e = p.mul(scale).blend(0.0, a.compare(VectorOperators.LT, ReproducibleExp.MIN_ARGUMENT));
                sw = sw.add(e);
                sx = e.fma(DoubleVector.fromArray(S, scratch, o + vl), sx);
                sy = e.fma(DoubleVector.fromArray(S, scratch, o + 2 * vl), sy);
            }
            sx.neg().div(sw).intoArray(o0, i);
            sy.neg().div(sw).intoArray(o1, i);
        }
        if (whole < n) {
            MixtureScoreKernel.score2Scalar(m0, m1, p00, p01, p11, ln, k, x0, x1, whole, n, o0, o1);
        }
    }

    /**
     * {@link MixtureScoreKernel#scoreLevels2Scalar} lane by lane on whole vectors of particles from
     * 0; returns the first particle left for the scalar twin.
     */
    static int scoreLevels2(GaussianMixture.LevelFree2 f, int k, double[] x0, double[] x1, double[] gammas, int n,
            double[] o0, double[] o1) {
        int vl = S.length();
        int whole = n - n % vl;
        int groups = f.lambda1().length;
        int[] group = f.group();
        double[] gs = new double[3 * groups * vl];
        double[] scratch = new double[3 * k * vl];
        DoubleVector one = DoubleVector.broadcast(S, 1.0);
        DoubleVector minusHalf = DoubleVector.broadcast(S, -0.5);
        DoubleVector ln2Hi = DoubleVector.broadcast(S, -ReproducibleExp.LN2_HI);
        DoubleVector ln2Lo = DoubleVector.broadcast(S, -ReproducibleExp.LN2_LO);
        DoubleVector lg1 = DoubleVector.broadcast(S, CounterNormals.LG1);
        DoubleVector lg2 = DoubleVector.broadcast(S, CounterNormals.LG2);
        DoubleVector lg3 = DoubleVector.broadcast(S, CounterNormals.LG3);
        DoubleVector logHi = DoubleVector.broadcast(S, CounterNormals.LN2_HI);
        DoubleVector logLo = DoubleVector.broadcast(S, CounterNormals.LN2_LO);
        double[] t = ReproducibleExp.MIX;
        for (int i = 0; i < whole; i += vl) {
            DoubleVector g = DoubleVector.fromArray(S, gammas, i);
            DoubleVector sg = g.lanewise(VectorOperators.SQRT);
            DoubleVector om = one.sub(g);
            for (int h = 0; h < groups; h++) {
                DoubleVector ev1 = g.fma(DoubleVector.broadcast(S, f.lambda1()[h]), om);
                DoubleVector ev2 = g.fma(DoubleVector.broadcast(S, f.lambda2()[h]), om);
                one.div(ev1).intoArray(gs, 3 * h * vl);
                one.div(ev2).intoArray(gs, (3 * h + 1) * vl);
                // CounterNormals.log(ev1 * ev2), operation for operation
                DoubleVector det = ev1.mul(ev2);
                LongVector bits = (LongVector) det.reinterpretAsLongs();
                DoubleVector e = ((DoubleVector) bits.lanewise(VectorOperators.LSHR, 52).add(CounterNormals.SHIFT_BITS - 1023)
                        .reinterpretAsDoubles()).sub(CounterNormals.SHIFT);
                DoubleVector m = (DoubleVector) bits.and(CounterNormals.MANTISSA).or(CounterNormals.ONE_BITS).reinterpretAsDoubles();
                VectorMask<Double> big = m.compare(VectorOperators.GT, CounterNormals.SQRT2);
                m = m.blend(m.mul(0.5), big);
                e = e.blend(e.add(1.0), big);
                DoubleVector fm = m.sub(1.0);
                DoubleVector sf = fm.div(fm.add(2.0));
                DoubleVector z = sf.mul(sf);
                DoubleVector w = z.mul(z);
                DoubleVector t1 = w.mul(w.fma(w.fma(CounterNormals.LG6, CounterNormals.LG4), lg2));
                DoubleVector t2 = z.mul(w.fma(w.fma(w.fma(CounterNormals.LG7, CounterNormals.LG5), lg3), lg1));
                DoubleVector r = t2.add(t1);
                DoubleVector hfsq = fm.mul(fm).mul(0.5);
                DoubleVector q = e.fma(logLo, sf.mul(hfsq.add(r)));
                DoubleVector log = e.fma(logHi, hfsq.sub(q).sub(fm).neg());
                log.mul(-0.5).intoArray(gs, (3 * h + 2) * vl);
            }
            DoubleVector x = DoubleVector.fromArray(S, x0, i);
            DoubleVector y = DoubleVector.fromArray(S, x1, i);
            DoubleVector mx = DoubleVector.broadcast(S, Double.NEGATIVE_INFINITY);
            for (int c = 0; c < k; c++) {
                int o = 3 * group[c] * vl;
                DoubleVector inv1 = DoubleVector.fromArray(S, gs, o);
                DoubleVector inv2 = DoubleVector.fromArray(S, gs, o + vl);
                DoubleVector q00 = inv1.fma(DoubleVector.broadcast(S, f.a00()[c]), inv2.mul(f.b00()[c]));
                DoubleVector q01 = inv1.fma(DoubleVector.broadcast(S, f.a01()[c]), inv2.mul(f.b01()[c]));
                DoubleVector q11 = inv1.fma(DoubleVector.broadcast(S, f.a11()[c]), inv2.mul(f.b11()[c]));
                DoubleVector dx = sg.fma(DoubleVector.broadcast(S, -f.mu0()[c]), x);
                DoubleVector dy = sg.fma(DoubleVector.broadcast(S, -f.mu1()[c]), y);
                DoubleVector gx = dy.fma(q01, dx.mul(q00));
                DoubleVector gy = dy.fma(q11, dx.mul(q01));
                DoubleVector lnc = DoubleVector.fromArray(S, gs, o + 2 * vl).add(f.lnc()[c]);
                DoubleVector v = dy.fma(gy, dx.mul(gx)).fma(minusHalf, lnc);
                int so = 3 * c * vl;
                v.intoArray(scratch, so);
                gx.intoArray(scratch, so + vl);
                gy.intoArray(scratch, so + 2 * vl);
                mx = mx.blend(v, v.compare(VectorOperators.GT, mx));
            }
            DoubleVector sw = DoubleVector.zero(S);
            DoubleVector sx = sw;
            DoubleVector sy = sw;
            for (int c = 0; c < k; c++) {
                int so = 3 * c * vl;
                DoubleVector a = DoubleVector.fromArray(S, scratch, so).sub(mx);
                DoubleVector kd = a.fma(ReproducibleExp.INV_LN2, ReproducibleExp.SHIFT);
                DoubleVector nn = kd.sub(ReproducibleExp.SHIFT);
                DoubleVector r = nn.fma(ln2Hi, a);
                r = nn.fma(ln2Lo, r);
                DoubleVector p = r.fma(t[0], t[1]);
                for (int j = 2; j < t.length; j++) {
                    p = p.fma(r, DoubleVector.broadcast(S, t[j]));
                }
                p = p.fma(r, one);
                p = p.fma(r, one);
                DoubleVector scale = (DoubleVector) ((LongVector) kd.reinterpretAsLongs()).sub(ReproducibleExp.SHIFT_BITS - 1023)
                        .lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
                DoubleVector e = p.mul(scale).blend(0.0, a.compare(VectorOperators.LT, ReproducibleExp.MIN_ARGUMENT));
                sw = sw.add(e);
                sx = e.fma(DoubleVector.fromArray(S, scratch, so + vl), sx);
                sy = e.fma(DoubleVector.fromArray(S, scratch, so + 2 * vl), sy);
            }
            sx.neg().div(sw).intoArray(o0, i);
            sy.neg().div(sw).intoArray(o1, i);
        }
        return whole;
    }

    /** {@link ReproducibleExp#expMix} lane by lane, the same operations in the same order (for tests). */
    static DoubleVector exp(DoubleVector x) {
        DoubleVector kd = x.fma(ReproducibleExp.INV_LN2, ReproducibleExp.SHIFT);
        DoubleVector n = kd.sub(ReproducibleExp.SHIFT);
        DoubleVector r = n.fma(DoubleVector.broadcast(S, -ReproducibleExp.LN2_HI), x);
        r = n.fma(DoubleVector.broadcast(S, -ReproducibleExp.LN2_LO), r);
        double[] t = ReproducibleExp.MIX;
        DoubleVector p = DoubleVector.broadcast(S, t[0]);
        for (int i = 1; i < t.length; i++) {
            p = p.fma(r, DoubleVector.broadcast(S, t[i]));
        }
        DoubleVector one = DoubleVector.broadcast(S, 1.0);
        p = p.fma(r, one);
        p = p.fma(r, one);
        LongVector bits = (LongVector) kd.reinterpretAsLongs();
        DoubleVector scale = (DoubleVector) bits.sub(ReproducibleExp.SHIFT_BITS - 1023).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
        return p.mul(scale).blend(0.0, x.compare(VectorOperators.LT, ReproducibleExp.MIN_ARGUMENT));
    }
}
