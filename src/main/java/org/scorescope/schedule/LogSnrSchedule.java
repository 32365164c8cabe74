package org.scorescope.schedule;

/**
 * A grid uniform in log-SNR λ(γ) = ½ log(γ/(1−γ)) (docs/algorithms.md §3), between the output level
 * {@code abarMax} and the noise level {@code abarMin}.
 */
public record LogSnrSchedule(double abarMax, double abarMin) implements Schedule {
    /** Checks 0 &lt; abarMin &lt; abarMax &lt; 1. */
    public LogSnrSchedule {
        if (!(abarMin > 0 && abarMin < abarMax && abarMax < 1)) {
            throw new IllegalArgumentException("logsnr needs 0 < abarMin < abarMax < 1, got abarMin=" + abarMin + ", abarMax=" + abarMax);
        }
    }

    @Override
    public String id() {
        return "logsnr";
    }

    @Override
    public Grid grid(int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("logsnr needs T >= 1, got " + steps);
        }
        double l0 = 0.5 * Math.log(abarMax / (1 - abarMax));
        double l1 = 0.5 * Math.log(abarMin / (1 - abarMin));
        double[] abar = new double[steps + 1];
        for (int i = 0; i <= steps; i++) {
            double lam = l0 + (l1 - l0) * i / steps;
            abar[i] = 1 / (1 + Math.exp(-2 * lam));
        }
        return new Grid(abar, "logsnr");
    }
}
