package org.scorescope.math;

/**
 * Counter-based random numbers: the draws of particle p under a 64-bit key are a pure function of
 * (key, p), so they do not depend on how particles are split into chunks, on the thread that steps
 * them, or on the order chunks run. The engine derives one key per (seed, sampler, step, call).
 *
 * <p>A draw is SplitMix64 (Steele, Lea, Flood 2014) read at counter positions: with the Weyl
 * constant G, the state of counter c is key + 2c·G and the two 64-bit outputs are mix(state + G)
 * and mix(state + 2G). Particle p's pair j of axes (2j, 2j+1) uses counter c = p·⌈d/2⌉ + j and turns
 * its two outputs into two standard normals by Box–Muller: u₁ ∈ (0, 1] and u₂ ∈ [0, 1) from the top
 * 52 bits, r = √(−2 log u₁), (r cos 2πu₂, r sin 2πu₂). A uniform draw of particle p uses state
 * key + p·G and one output.
 *
 * <p>log, cos and sin are fdlibm's polynomial kernels (Sun Microsystems, 1993: e_log.c,
 * k_sin.c, k_cos.c), written here with the same operations as the vector twin
 * {@link VectorCounterNormals}, so the scalar and vectorised generators give bit-identical numbers
 * (tested); each is within 1 ulp of {@link Math#log}, {@link Math#cos}, {@link Math#sin} on its range.
 */
public final class CounterNormals {
    static final long GOLD = 0x9E3779B97F4A7C15L;
    public static final long ONE_BITS = 0x3FF0000000000000L;
    public static final long MANTISSA = 0x000FFFFFFFFFFFFFL;
    /** 1.5·2⁵²: adding and subtracting it rounds to the nearest integer (ties to even). */
    public static final double SHIFT = 0x1.8p52;
    public static final long SHIFT_BITS = Double.doubleToRawLongBits(SHIFT);
    static final double TWO_PI = 6.283185307179586;
    public static final double SQRT2 = 1.4142135623730951;
    public static final double LN2_HI = 6.93147180369123816490e-01;
    public static final double LN2_LO = 1.90821492927058770002e-10;
    public static final double LG1 = 6.666666666666735130e-01;
    public static final double LG2 = 3.999999999940941908e-01;
    public static final double LG3 = 2.857142874366239149e-01;
    public static final double LG4 = 2.222219843214978396e-01;
    public static final double LG5 = 1.818357216161805012e-01;
    public static final double LG6 = 1.531383769920937332e-01;
    public static final double LG7 = 1.479819860511658591e-01;
    static final double S1 = -1.66666666666666324348e-01;
    static final double S2 = 8.33333333332248946124e-03;
    static final double S3 = -1.98412698298579493134e-04;
    static final double S4 = 2.75573137070700676789e-06;
    static final double S5 = -2.50507602534068634195e-08;
    static final double S6 = 1.58969099521155010221e-10;
    static final double C1 = 4.16666666666666019037e-02;
    static final double C2 = -1.38888888888741095749e-03;
    static final double C3 = 2.48015872894767294178e-05;
    static final double C4 = -2.75573143513906633035e-07;
    static final double C5 = 2.08757232129817482790e-09;
    static final double C6 = -1.13596475577881948265e-11;

    private CounterNormals() {
    }

    /** SplitMix64's output function. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** [1, 2) from the top 52 bits. */
    static double oneToTwo(long bits) {
        return Double.longBitsToDouble(ONE_BITS | (bits >>> 12));
    }

    /**
     * Fills out[axis][i], i &lt; n, with standard normals of particles first + i under {@code key}.
     * Uses the vector twin when available (same numbers).
     */
    public static void gaussian(long key, long first, double[][] out, int n) {
        int from = VectorSupport.AVAILABLE ? VectorCounterNormals.gaussian(key, first, out, n) : 0;
        gaussianScalar(key, first, out, from, n);
    }

    /** The scalar generator on particles [from, n) of the chunk. */
    static void gaussianScalar(long key, long first, double[][] out, int from, int n) {
        int d = out.length;
        int pairs = (d + 1) / 2;
        for (int i = from; i < n; i++) {
            long p = first + i;
            for (int j = 0; j < pairs; j++) {
                long s = key + 2 * (p * pairs + j) * GOLD;
                double u1 = 2.0 - oneToTwo(mix(s + GOLD));
                double u2 = oneToTwo(mix(s + 2 * GOLD)) - 1.0;
                double r = Math.sqrt(-2.0 * log(u1));
                out[2 * j][i] = r * cos2pi(u2);
                if (2 * j + 1 < d) {
                    out[2 * j + 1][i] = r * sin2pi(u2);
                }
            }
        }
    }

    /** Fills out[i], i &lt; n, with uniforms in [0, 1) of particles first + i under {@code key}. */
    public static void uniform(long key, long first, double[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = oneToTwo(mix(key + (first + i + 1) * GOLD)) - 1.0;
        }
    }

    /** log x for normal x &gt; 0 (fdlibm e_log.c's kernel; the vector kernels repeat its operations). */
    public static double log(double x) {
        long bits = Double.doubleToRawLongBits(x);
        double e = (double) ((bits >>> 52) - 1023);
        double m = Double.longBitsToDouble((bits & MANTISSA) | ONE_BITS);
        if (m > SQRT2) {
            m = m * 0.5;
            e = e + 1.0;
        }
        double f = m - 1.0;
        double s = f / (2.0 + f);
        double z = s * s;
        double w = z * z;
        double t1 = w * Math.fma(w, Math.fma(w, LG6, LG4), LG2);
        double t2 = z * Math.fma(w, Math.fma(w, Math.fma(w, LG7, LG5), LG3), LG1);
        double r = t2 + t1;
        double hfsq = 0.5 * (f * f);
        double q = Math.fma(e, LN2_LO, s * (hfsq + r));
        return Math.fma(e, LN2_HI, -((hfsq - q) - f));
    }

    /** The quadrant q = round(4u) of u ∈ [0, 1), as the bits of u·4 + 1.5·2⁵² (low bits hold q). */
    static double quadrantShifted(double u) {
        return Math.fma(u, 4.0, SHIFT);
    }

    static double sinKernel(double x) {
        double z = x * x;
        double v = z * x;
        double r = Math.fma(z, Math.fma(z, Math.fma(z, Math.fma(z, S6, S5), S4), S3), S2);
        return Math.fma(v, Math.fma(z, r, S1), x);
    }

    static double cosKernel(double x) {
        double z = x * x;
        double r = z * Math.fma(z, Math.fma(z, Math.fma(z, Math.fma(z, Math.fma(z, C6, C5), C4), C3), C2), C1);
        double hz = 0.5 * z;
        double w = 1.0 - hz;
        return w + Math.fma(z, r, (1.0 - w) - hz);
    }

    /** cos 2πu for u ∈ [0, 1). */
    static double cos2pi(double u) {
        double kd = quadrantShifted(u);
        long q = Double.doubleToRawLongBits(kd);
        double x = Math.fma(kd - SHIFT, -0.25, u) * TWO_PI;
        double c = cosKernel(x);
        double s = sinKernel(x);
        double v = (q & 1) != 0 ? s : c;
        return ((q ^ (q >>> 1)) & 1) != 0 ? -v : v;
    }

    /** sin 2πu for u ∈ [0, 1). */
    static double sin2pi(double u) {
        double kd = quadrantShifted(u);
        long q = Double.doubleToRawLongBits(kd);
        double x = Math.fma(kd - SHIFT, -0.25, u) * TWO_PI;
        double c = cosKernel(x);
        double s = sinKernel(x);
        double v = (q & 1) != 0 ? c : s;
        return (q & 2) != 0 ? -v : v;
    }
}
