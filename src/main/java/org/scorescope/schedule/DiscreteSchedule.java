package org.scorescope.schedule;

/**
 * A schedule defined on 1000 fine steps and subsampled uniformly in the fine index, as DDIM does
 * and as workload W1 ({@code bench/peers/w1_numpy.py}) does: ᾱ_fine[i] = Π_{j≤i}(1 − β_j),
 * i = 0..999, and grid point t takes fine index round(999 t / T).
 *
 * <p>{@code linear}: β from 1e-4 to 0.02 (Ho et al. 2020). {@code cosine}: ᾱ(u) = f(u)/f(0),
 * f(u) = cos²((u + s)/(1 + s) · π/2), s = 0.008, β capped at 0.999 (Nichol and Dhariwal 2021).
 *
 * <p>A coarse step merges fine ones, so its β_t = 1 − ᾱ_t/ᾱ_{t−1} can come close to 1 even where
 * every fine β is capped: cosine's first coarse step at T = 640 has β = 0.99975, and first-order
 * updates such as 001 eq. 8 blow up there. {@code betaMax} (parameter of the scenario's schedule,
 * default 1 = off) truncates the coarse grid at a maximum β: going from the data end, each
 * ᾱ_t is raised to at least ᾱ_{t−1}(1 − betaMax), so only the noise end moves (ᾱ_T grows).
 *
 * @param id "linear" or "cosine"
 * @param fineAbar the 1000 fine levels
 * @param betaMax largest β of a coarse step, in (0, 1]; 1 leaves the grid as subsampled
 */
public record DiscreteSchedule(String id, double[] fineAbar, double betaMax) implements Schedule {
    /** Number of fine steps. */
    public static final int FINE_STEPS = 1000;

    /** Checks betaMax. */
    public DiscreteSchedule {
        if (!(betaMax > 0 && betaMax <= 1)) {
            throw new IllegalArgumentException("betaMax must lie in (0, 1], was " + betaMax);
        }
    }

    /** The schedule without truncation. */
    public DiscreteSchedule(String id, double[] fineAbar) {
        this(id, fineAbar, 1);
    }

    /** The same schedule truncated at a maximum coarse β. */
    public DiscreteSchedule withBetaMax(double max) {
        return new DiscreteSchedule(id, fineAbar, max);
    }

    /** Ho et al.'s linear β schedule. */
    public static DiscreteSchedule linear() {
        double[] a = new double[FINE_STEPS];
        double p = 1;
        for (int i = 0; i < FINE_STEPS; i++) {
            double beta = 1e-4 + (0.02 - 1e-4) * i / (FINE_STEPS - 1.0);
            p *= 1 - beta;
            a[i] = p;
        }
        return new DiscreteSchedule("linear", a);
    }

    /** Nichol and Dhariwal's cosine schedule. */
    public static DiscreteSchedule cosine() {
        double s = 0.008;
        double[] a = new double[FINE_STEPS];
        double f0 = Math.pow(Math.cos(s / (1 + s) * Math.PI / 2), 2);
        double prev = 1;
        double p = 1;
        for (int i = 0; i < FINE_STEPS; i++) {
            double u = (i + 1.0) / FINE_STEPS;
            double cur = Math.pow(Math.cos((u + s) / (1 + s) * Math.PI / 2), 2) / f0;
            double beta = Math.min(0.999, 1 - cur / prev);
            p *= 1 - beta;
            a[i] = p;
            prev = cur;
        }
        return new DiscreteSchedule("cosine", a);
    }

    @Override
    public Grid grid(int steps) {
        if (steps < 1 || steps > FINE_STEPS - 1) {
            throw new IllegalArgumentException(id + " schedule needs 1 <= T <= " + (FINE_STEPS - 1) + ", got " + steps);
        }
        double[] abar = new double[steps + 1];
        for (int t = 0; t <= steps; t++) {
            abar[t] = fineAbar[(int) Math.round((FINE_STEPS - 1.0) * t / steps)];
            if (betaMax < 1 && t > 0) {
                abar[t] = Math.max(abar[t], abar[t - 1] * (1 - betaMax));
            }
        }
        return new Grid(abar, betaMax < 1 ? id + "(betaMax=" + betaMax + ")" : id);
    }
}
