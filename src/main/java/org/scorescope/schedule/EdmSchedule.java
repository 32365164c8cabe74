package org.scorescope.schedule;

/**
 * Karras et al. (2022) σ grid: σ_i = (σ_max^{1/ρ} + i/T (σ_min^{1/ρ} − σ_max^{1/ρ}))^ρ for
 * i = 0..T, read from the noise end, and γ = 1/(1 + σ²) (docs/algorithms.md §3). Defaults σ_min = 0.002,
 * σ_max = 80, ρ = 7.
 */
public record EdmSchedule(double sigmaMin, double sigmaMax, double rho) implements Schedule {
    /** Checks 0 &lt; σ_min &lt; σ_max and ρ &gt; 0. */
    public EdmSchedule {
        if (!(sigmaMin > 0 && sigmaMin < sigmaMax && Double.isFinite(sigmaMax) && rho > 0)) {
            throw new IllegalArgumentException("edm needs 0 < sigmaMin < sigmaMax and rho > 0, got "
                    + sigmaMin + ", " + sigmaMax + ", " + rho);
        }
    }

    @Override
    public String id() {
        return "edm";
    }

    @Override
    public Grid grid(int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("edm needs T >= 1, got " + steps);
        }
        double[] abar = new double[steps + 1];
        double a = Math.pow(sigmaMax, 1 / rho);
        double b = Math.pow(sigmaMin, 1 / rho);
        for (int i = 0; i <= steps; i++) {
            double sigma = Math.pow(a + (double) i / steps * (b - a), rho);
            abar[steps - i] = 1 / (1 + sigma * sigma);
        }
        return new Grid(abar, "edm");
    }
}
