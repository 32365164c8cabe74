package org.scorescope.distribution;

/**
 * e^x for x ≤ 0 built only from IEEE operations that every JVM tier computes the same way (add,
 * multiply, fused multiply–add, bit moves), so that the mixture kernels give bit-identical results
 * in the interpreter, C1 and C2, on one thread or many, scalar or vectorised. {@link Math#exp} alone
 * would do for the scalar kernel, but the Vector API's EXP runs a Java fallback before C2 compiles
 * it and Intel SVML after, which differ in the last bit.
 *
 * <p>Cody–Waite reduction x = n ln 2 + r, |r| ≤ ln 2 / 2 (+ rounding), with n found by the
 * 1.5·2⁵² rounding trick; e^r by its Taylor polynomial of degree 13 (truncation below 5e-18
 * relative) in Horner form with FMAs; 2ⁿ assembled in the exponent bits. Accurate to 2 ulp
 * (tested). Arguments below −708 give 0: such a weight is below 1e-307 of the largest one and
 * cannot change a sum (a select, cheaper in vector form than a clamp with {@code Math.max}'s NaN
 * rules).
 *
 * <p>{@link #expMix}, the Gaussian-mixture kernels' exponential (issue 19), is the same
 * reduction with a shorter polynomial: e^r = 1 + r(1 + r q(r)), q of degree 9 fitted to
 * (e^r − 1 − r)/r² on |r| ≤ ln 2 / 2 by Chebyshev interpolation (mpmath {@code chebyfit}, 40
 * digits, coefficients rounded to double); the approximation error of 1 + r + r² q(r) is below
 * 1.7e-17 relative (0.15 ulp) over the range, so after rounding it is accurate to 2 ulp (tested),
 * like {@link #exp}, with two fused multiply–adds fewer per call (W1's score is about 40 %
 * exponentials). {@link #exp} stays as it is for the box-mixture kernels, which repeat its
 * operations.
 */
final class ReproducibleExp {
    static final double SHIFT = 0x1.8p52;
    static final long SHIFT_BITS = Double.doubleToRawLongBits(SHIFT);
    static final double INV_LN2 = 1.4426950408889634;
    static final double LN2_HI = 0.6931471805599453;
    static final double LN2_LO = 2.3190468138462996e-17;
    static final double MIN_ARGUMENT = -708.0;
    /** 1/k! for k = 13 down to 2. */
    static final double[] TAYLOR = new double[12];

    /** The coefficients of q for {@link #expMix}, degree 9 down to 0. */
    static final double[] MIX = {
        2.510038549551032e-08, 2.7620088445409746e-07, 2.7557268459997064e-06, 2.4801521295954376e-05,
        0.00019841269863053618, 0.0013888888917213717, 0.008333333333330062, 0.04166666666662413,
        0.16666666666666669, 0.5000000000000001,
    };

    static {
        double f = 1;
        for (int k = 2; k <= 13; k++) {
            f *= k;
        }
        for (int k = 13; k >= 2; k--) {
            TAYLOR[13 - k] = 1 / f;
            f /= k;
        }
    }

    private ReproducibleExp() {
    }

    /** e^x for x ≤ 0 (NaN gives NaN, below −708 gives 0). */
    static double exp(double x) {
        return exp(x, TAYLOR);
    }

    /**
     * e^x for x ≤ 0 with the mixture kernels' polynomial (see the class comment): the same
     * reduction and scaling as {@link #exp}, then q(r) by Horner with FMAs and 1 + r(1 + r q).
     * NaN gives NaN, below −708 gives 0. {@code VectorMixtureKernel} repeats these operations lane
     * by lane.
     */
    static double expMix(double x) {
        return exp(x, MIX);
    }

    /** The shared reduction, q(r) by Horner with the given coefficients, 1 + r(1 + r q), and the scaling. */
    private static double exp(double x, double[] poly) {
        double kd = Math.fma(x, INV_LN2, SHIFT);
        double n = kd - SHIFT;
        double r = Math.fma(n, -LN2_HI, x);
        r = Math.fma(n, -LN2_LO, r);
        double p = poly[0];
        for (int i = 1; i < poly.length; i++) {
            p = Math.fma(p, r, poly[i]);
        }
        p = Math.fma(p, r, 1.0);
        p = Math.fma(p, r, 1.0);
        long scale = (Double.doubleToRawLongBits(kd) - (SHIFT_BITS - 1023)) << 52;
        double e = p * Double.longBitsToDouble(scale);
        return x < MIN_ARGUMENT ? 0.0 : e;
    }
}
