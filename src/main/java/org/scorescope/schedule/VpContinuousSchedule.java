package org.scorescope.schedule;

/**
 * The continuous VP schedule of DPM-Solver (BASELINES.md): log α(t) = −(β₁−β₀) t²/4 − β₀ t/2,
 * ᾱ = α², t ∈ [t_end, 1], with β₀ = 0.1, β₁ = 20, t_end = 1e-3 by default. The grid is uniform in
 * t or uniform in λ = log(α/σ) (DPM-Solver's {@code skip_type='logSNR'}); the inverse t(λ) is the
 * root of (β₁−β₀) t² + 2β₀ t − 2L = 0 with L = log(1 + e^{−2λ}): t = 2L / (β₀ + √(β₀² + 2(β₁−β₀)L)).
 */
public record VpContinuousSchedule(double beta0, double beta1, double tEnd, Spacing spacing) implements Schedule {

    /** How grid points are spread between t_end and 1. */
    public enum Spacing {
        /** uniform in t ({@code time_uniform}) */
        TIME,
        /** uniform in λ ({@code logSNR}) */
        LOGSNR
    }

    /** Checks the parameters. */
    public VpContinuousSchedule {
        if (!(beta0 > 0) || !(beta1 > beta0) || !Double.isFinite(beta1)) {
            throw new IllegalArgumentException("vp-continuous needs 0 < beta0 < beta1, got beta0=" + beta0 + ", beta1=" + beta1);
        }
        if (!(tEnd > 0 && tEnd < 1)) {
            throw new IllegalArgumentException("vp-continuous needs 0 < tEnd < 1, got " + tEnd);
        }
    }

    /** The defaults of DPM-Solver: β₀ = 0.1, β₁ = 20, t_end = 1e-3. */
    public static VpContinuousSchedule dpmSolver(Spacing spacing) {
        return new VpContinuousSchedule(0.1, 20, 1e-3, spacing);
    }

    @Override
    public String id() {
        return "vp-continuous";
    }

    /** log α(t). */
    public double logAlpha(double t) {
        return -(beta1 - beta0) * t * t / 4 - beta0 * t / 2;
    }

    /** ᾱ(t) = α(t)². */
    public double abarAt(double t) {
        return Math.exp(2 * logAlpha(t));
    }

    /** λ(t) = log α − log σ. */
    public double lambda(double t) {
        double la = logAlpha(t);
        return la - 0.5 * Math.log(-Math.expm1(2 * la));
    }

    /** t(λ), the inverse of {@link #lambda}. */
    public double timeOf(double lambda) {
        double l = Math.max(-2 * lambda, 0) + Math.log1p(Math.exp(-Math.abs(2 * lambda)));
        return 2 * l / (beta0 + Math.sqrt(beta0 * beta0 + 2 * (beta1 - beta0) * l));
    }

    @Override
    public Grid grid(int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("vp-continuous needs T >= 1, got " + steps);
        }
        double[] abar = new double[steps + 1];
        double lamEnd = lambda(tEnd);
        double lamStart = lambda(1);
        for (int i = 0; i <= steps; i++) {
            double f = (double) i / steps;
            double t = spacing == Spacing.TIME ? tEnd + (1 - tEnd) * f : timeOf(lamEnd + (lamStart - lamEnd) * f);
            abar[i] = abarAt(t);
        }
        return new Grid(abar, "vp-continuous(" + spacing.name().toLowerCase() + ")");
    }
}
