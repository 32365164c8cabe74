package org.scorescope.math;

/**
 * The Mills ratio of the standard normal, M(t) = Φ(−t)/φ(t) = √(π/2)·erfcx(t/√2), for t ≥ 0,
 * as one rational function with positive coefficients, M(t) ≈ P(t)/Q(t), deg P = 10,
 * deg Q = 11, evaluated by Horner with fused multiply–adds. M runs from √(π/2) at 0 to ~1/t; with
 * it a normal tail is Φ(−t) = φ(t)·M(t) without an erfc, and the box-mixture kernels
 * ({@code BoxScoreKernel}) need only an exponential (or less) per box endpoint.
 *
 * <p>The coefficients are a linearised least-squares fit (iterated with the previous
 * denominator as weight, Loeb's method) of (1 + 1.25 t)·M(t) as a rational of degree (10, 10) in
 * u = (t − 4)/(t + 4) on 400 Chebyshev nodes, with M from 50-digit erfc, then multiplied out into
 * polynomials in t and normalised to Q(0) = 1: {@code docs/fits/mills_ratio_fit.py} reproduces
 * them. All coefficients are positive, so Horner's rule has no cancellation for t ≥ 0. Relative
 * error: 2.2e-16 for the exact rational, about 1e-15 in double (tested against 50-digit values
 * and the asymptotic series). For t above about 1e28, Q(t) overflows and the result is NaN.
 */
public final class MillsRatio {
    /** P's coefficients, constant term first. */
    public static final double[] P = {1.2533141373155006, 3.598545406524204, 4.162523632589384, 2.8515203081240963,
        1.3190823503473519, 0.4359990509153695, 0.10513862659132801, 0.01840523259856478, 0.0022591958103696445,
        0.00017787540895350908, 6.973013716606534e-06};
    /** Q's coefficients, constant term first. */
    public static final double[] Q = {1.0, 3.669108382016638, 5.748738270342116, 5.293420867950912,
        3.2524867341205645, 1.419772353645873, 0.45404853156672303, 0.10738387639642889, 0.018583108007255583,
        0.0022661688240878646, 0.00017787540895350526, 6.973013716606535e-06};

    private MillsRatio() {
    }

    /** M(t) for t ≥ 0 (the vector kernels do these operations lane by lane). */
    public static double of(double t) {
        double p = P[10];
        for (int i = 9; i >= 0; i--) {
            p = Math.fma(p, t, P[i]);
        }
        double q = Q[11];
        for (int i = 10; i >= 0; i--) {
            q = Math.fma(q, t, Q[i]);
        }
        return p / q;
    }
}
