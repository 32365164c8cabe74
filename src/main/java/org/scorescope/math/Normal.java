package org.scorescope.math;

import org.apache.commons.math3.special.Erf;

/**
 * The standard normal distribution in log space, accurate far into both tails.
 *
 * <p>Box-mixture targets (docs/algorithms.md §2) need {@code log(Φ(a) − Φ(b))} at arguments of
 * several hundred standard deviations; computing it as a plain difference underflows to
 * {@code log 0}. Every function here stays finite for finite arguments.
 */
public final class Normal {
    /** ½ log(2π). */
    public static final double HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);
    private static final double SQRT2 = Math.sqrt(2.0);
    /** Below this the asymptotic series for log Φ is used (its truncation error is below 1e-15 here). */
    private static final double ASYMPTOTIC_BELOW = -37.0;

    private Normal() {
    }

    /** log φ(z). */
    public static double logPdf(double z) {
        return -0.5 * z * z - HALF_LOG_2PI;
    }

    /** φ(z). */
    public static double pdf(double z) {
        return Math.exp(logPdf(z));
    }

    /** Φ(z), with full relative accuracy in the lower tail. */
    public static double cdf(double z) {
        return 0.5 * Erf.erfc(-z / SQRT2);
    }

    /**
     * log Φ(z) for every finite z: the fast table on [−38, 0), log1p(−Φ(−z)) through the same table
     * for z in [0, 38], the exact form beyond.
     */
    public static double logCdf(double z) {
        if (LogCdfTable.covers(z)) {
            return LogCdfTable.logCdf(z);
        }
        if (z >= 0 && LogCdfTable.covers(-z - 1e-300) && z <= 38) {
            return z == 0 ? -0.6931471805599453 : Math.log1p(-Math.exp(LogCdfTable.logCdf(-z)));
        }
        return logCdfExact(z);
    }

    /** log Φ(z) from erfc and, far in the lower tail, the asymptotic series: the reference. */
    public static double logCdfExact(double z) {
        if (z < ASYMPTOTIC_BELOW) {
            double r = 1.0 / (z * z);
            // Mills-ratio series: Φ(z) = φ(z)/|z| · (1 − 1/z² + 3/z⁴ − 15/z⁶ + 105/z⁸ − 945/z¹⁰ …)
            double series = 1 - r * (1 - 3 * r * (1 - 5 * r * (1 - 7 * r * (1 - 9 * r))));
            return logPdf(z) - Math.log(-z) + Math.log(series);
        }
        if (z < 0) {
            return Math.log(0.5 * Erf.erfc(-z / SQRT2));
        }
        return Math.log1p(-0.5 * Erf.erfc(z / SQRT2));
    }

    /**
     * log(Φ(a) − Φ(b)) for a &gt; b, stable in both tails and for a − b small.
     *
     * @param a upper argument
     * @param b lower argument, strictly below {@code a}
     * @return the log of the standard normal mass of (b, a)
     */
    public static double logDiffCdf(double a, double b) {
        if (b >= 0) {
            return logDiffCdf(-b, -a);
        }
        if (a <= 0) {
            double la = logCdf(a);
            return la + log1mExp(logCdf(b) - la);
        }
        // b < 0 < a: the mass is 1 minus two tails.
        return Math.log1p(-(Math.exp(logCdf(b)) + Math.exp(logCdf(-a))));
    }

    /** log(1 − eˣ) for x &lt; 0 (Mächler's recipe). */
    public static double log1mExp(double x) {
        return x > -0.6931471805599453 ? Math.log(-Math.expm1(x)) : Math.log1p(-Math.exp(x));
    }

    /** log(eᵃ + eᵇ) without overflow. */
    public static double logAddExp(double a, double b) {
        if (a == Double.NEGATIVE_INFINITY) {
            return b;
        }
        if (b == Double.NEGATIVE_INFINITY) {
            return a;
        }
        double m = Math.max(a, b);
        return m + Math.log1p(Math.exp(-Math.abs(a - b)));
    }
}
