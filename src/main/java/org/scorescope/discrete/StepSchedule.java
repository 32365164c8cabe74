package org.scorescope.discrete;

/**
 * The discretisation points of the reverse run, as forward times {@code τ_0 = T > τ_1 > … > τ_N = 0}
 * (003's {@code 0 = t_0 < … < t_N = T} in reverse time, {@code τ_k = T − t_k}). Step k goes from
 * τ_{k−1} to τ_k; samplers freeze their rates at τ_{k−1}, the start of the interval.
 *
 * @param id {@code constant} or {@code geometric}
 * @param taus the N + 1 forward times, strictly decreasing, first T, last 0
 */
public record StepSchedule(String id, double[] taus) {
    /** Default last-interval length δ of the geometric schedule. */
    public static final double DEFAULT_DELTA = 1e-3;

    /** Constant steps Δ = T/N (003's default for Theorem 11). */
    public static StepSchedule constant(double horizon, int steps) {
        double[] t = new double[steps + 1];
        for (int k = 0; k <= steps; k++) {
            t[k] = horizon * (steps - k) / steps;
        }
        return new StepSchedule("constant", t);
    }

    /**
     * Log-spaced (geometric) forward times from T down to δ in N − 1 steps, then one last step from δ
     * to 0: small steps where the scores change fast (near the data), long ones near the noise — the
     * spirit of 003's exponential-then-constant schedule for Theorem 12. With N = 1 it is one step T → 0.
     *
     * @param delta the last interval's length δ, 0 &lt; δ &lt; T
     */
    public static StepSchedule geometric(double horizon, int steps, double delta) {
        if (!(delta > 0 && delta < horizon)) {
            throw new IllegalArgumentException("delta must be in (0, T), was " + delta);
        }
        double[] t = new double[steps + 1];
        t[0] = horizon;
        for (int k = 1; k < steps; k++) {
            t[k] = horizon * Math.pow(delta / horizon, (double) k / (steps - 1));
        }
        t[steps] = 0;
        return new StepSchedule("geometric", t);
    }

    /** The schedule with this id. */
    public static StepSchedule of(String id, double horizon, int steps, double delta) {
        switch (id) {
            case "constant":
                return constant(horizon, steps);
            case "geometric":
                return geometric(horizon, steps, delta);
            default:
                throw new IllegalArgumentException("must be 'constant' or 'geometric', was '" + id + "'");
        }
    }

    /** Number of steps N. */
    public int steps() {
        return taus.length - 1;
    }

    /** The horizon T. */
    public double horizon() {
        return taus[0];
    }

    /** Forward time at the start of step k (1-based): τ_{k−1}. */
    public double from(int step) {
        return taus[step - 1];
    }

    /** Forward time at the end of step k (1-based): τ_k. */
    public double to(int step) {
        return taus[step];
    }

    /** The longest interval Δ = max (τ_{k−1} − τ_k). */
    public double maxStep() {
        double m = 0;
        for (int k = 1; k < taus.length; k++) {
            m = Math.max(m, taus[k - 1] - taus[k]);
        }
        return m;
    }
}
