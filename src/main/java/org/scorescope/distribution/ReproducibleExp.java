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
        double kd = Math.fma(x, INV_LN2, SHIFT);
        double n = kd - SHIFT;
        double r = Math.fma(n, -LN2_HI, x);
        r = Math.fma(n, -LN2_LO, r);
        double p = TAYLOR[0];
        for (int i = 1; i < TAYLOR.length; i++) {
            p = Math.fma(p, r, TAYLOR[i]);
        }
        p = Math.fma(p, r, 1.0);
        p = Math.fma(p, r, 1.0);
        long scale = (Double.doubleToRawLongBits(kd) - (SHIFT_BITS - 1023)) << 52;
        double e = p * Double.longBitsToDouble(scale);
        return x < MIN_ARGUMENT ? 0.0 : e;
    }
}
