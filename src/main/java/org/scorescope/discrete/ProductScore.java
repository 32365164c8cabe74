package org.scorescope.discrete;

/**
 * Exact scores of a {@link ProductTarget}: q_τ is a product over coordinates, so the score of changing
 * coordinate i to c is a ratio of two one-coordinate marginals.
 * Uniform: {@code q^i_τ(c) = e^{−τ}(p_i(c) + ρ)}, {@code ρ = (e^τ − 1)/S}, score
 * {@code (p_i(c) + ρ)/(p_i(x_i) + ρ)}. Masking: score {@code p_i(c)/(e^τ − 1)} from MASK
 * (003_1b963510094279b5.txt, line ~3546, with p(x_i | x_U) = p_i).
 */
final class ProductScore implements DiscreteScore {
    private final ProductTarget target;
    private final DiscreteProcess process;

    ProductScore(ProductTarget target, DiscreteProcess process) {
        this.target = target;
        this.process = process;
    }

    @Override
    public int states() {
        return target.states();
    }

    @Override
    public int dims() {
        return target.dims();
    }

    @Override
    public DiscreteProcess process() {
        return process;
    }

    @Override
    public double dataProbability(int[] x) {
        return target.probability(x);
    }

    @Override
    public void ratios(int[] x, int i, double tau, double[] out) {
        int s = target.states();
        if (process == DiscreteProcess.MASKING) {
            if (x[i] != s) {
                throw new IllegalArgumentException("coordinate " + i + " is not masked");
            }
            double scale = 1 / Math.expm1(tau);
            for (int c = 0; c < s; c++) {
                out[c] = target.marginalAt(i, c) * scale;
            }
            return;
        }
        double rho = Math.expm1(tau) / s;
        double px = target.marginalAt(i, x[i]);
        for (int c = 0; c < s; c++) {
            double pc = target.marginalAt(i, c);
            out[c] = c == x[i] ? 1 : rho <= 1 ? (pc + rho) / (px + rho) : (pc / rho + 1) / (px / rho + 1);
        }
    }

    @Override
    public void ratioBounds(int[] x, int i, double lo, double hi, double[] out) {
        if (process != DiscreteProcess.UNIFORM) {
            throw new UnsupportedOperationException("rate bounds are only used for the uniform process");
        }
        int s = target.states();
        double rhoLo = Math.expm1(lo) / s;
        double rhoHi = Math.expm1(hi) / s;
        double px = target.marginalAt(i, x[i]);
        for (int c = 0; c < s; c++) {
            if (c == x[i]) {
                out[c] = 1;
                continue;
            }
            double pc = target.marginalAt(i, c);
            double b = px + rhoLo > 0 ? (pc + rhoHi) / (px + rhoLo) : Double.POSITIVE_INFINITY;
            if (rhoLo > 0) {
                b = Math.min(b, (pc / rhoLo + 1) / (px / rhoHi + 1));
            }
            out[c] = b;
        }
    }
}
