package org.scorescope.discrete;

/**
 * Exact scores of an explicit table under the uniform process, by summing over x0 in closed form.
 *
 * <p>Per coordinate {@code P_τ(a, b) = e^{−τ}(δ_ab + ρ)} with {@code ρ = (e^τ − 1)/S}, so
 * {@code q_τ(x) = e^{−τd} F_x(ρ)} with {@code F_x(ρ) = Σ_{x0} p(x0) Π_j (δ_{x0_j x_j} + ρ) = Σ_k c_k(x) ρ^k},
 * where {@code c_k(x) = Σ_{|A| = d−k} p_A(x_A)} sums the marginals of p on the coordinate sets A of size
 * d − k. The d + 1 tables c_k are built once (d axis passes, each adding ρ times the axis sum); a score
 * is then a ratio of two degree-d polynomials with non-negative coefficients, evaluated by Horner in ρ
 * (ρ ≤ 1) or in 1/ρ (ρ &gt; 1), so nothing overflows and small values keep their relative accuracy.
 *
 * <p>Because F_x is increasing in ρ and {@code F_x(ρ)/ρ^d} decreasing, the score over τ' ∈ [lo, hi] is at
 * most {@code min(F_y(ρ_hi)/F_x(ρ_lo), F_y(ρ_lo)/F_x(ρ_hi) · (ρ_hi/ρ_lo)^d)} — the bound uniformisation needs.
 */
final class UniformJointScore implements DiscreteScore {
    private final JointTarget target;
    private final int s;
    private final int d;
    /** c_k(x) at {@code coef[x (d+1) + k]}. */
    private final double[] coef;

    UniformJointScore(JointTarget target) {
        this.target = target;
        this.s = target.states();
        this.d = target.dims();
        double[] p = target.tableView();
        int n = p.length;
        int w = d + 1;
        coef = new double[n * w];
        for (int x = 0; x < n; x++) {
            coef[x * w] = p[x];
        }
        double[] sums = new double[w];
        for (int axis = 0; axis < d; axis++) {
            int stride = StateIndex.stride(s, d, axis);
            int block = stride * s;
            for (int start = 0; start < n; start += block) {
                for (int inner = 0; inner < stride; inner++) {
                    int base = start + inner;
                    java.util.Arrays.fill(sums, 0);
                    for (int a = 0; a < s; a++) {
                        int off = (base + a * stride) * w;
                        for (int k = 0; k < w; k++) {
                            sums[k] += coef[off + k];
                        }
                    }
                    for (int a = 0; a < s; a++) {
                        int off = (base + a * stride) * w;
                        for (int k = 1; k < w; k++) {
                            coef[off + k] += sums[k - 1];
                        }
                    }
                }
            }
        }
    }

    @Override
    public int states() {
        return s;
    }

    @Override
    public int dims() {
        return d;
    }

    @Override
    public DiscreteProcess process() {
        return DiscreteProcess.UNIFORM;
    }

    @Override
    public double dataProbability(int[] x) {
        return target.probability(x);
    }

    /** F_x(ρ) for ρ ≤ 1, or F_x(ρ)/ρ^d for ρ &gt; 1 (the same scaling for every x at one ρ). */
    private double scaled(int index, double rho) {
        int off = index * (d + 1);
        double r;
        if (rho <= 1) {
            r = coef[off + d];
            for (int k = d - 1; k >= 0; k--) {
                r = r * rho + coef[off + k];
            }
        } else {
            double v = 1 / rho;
            r = coef[off];
            for (int k = 1; k <= d; k++) {
                r = r * v + coef[off + k];
            }
        }
        return r;
    }

    /** log F_x(ρ). */
    private double logF(int index, double rho) {
        double r = scaled(index, rho);
        return rho <= 1 ? Math.log(r) : d * Math.log(rho) + Math.log(r);
    }

    @Override
    public void ratios(int[] x, int i, double tau, double[] out) {
        double rho = Math.expm1(tau) / s;
        int idx = StateIndex.encode(x, s);
        int stride = StateIndex.stride(s, d, i);
        int base = idx - x[i] * stride;
        double fx = scaled(idx, rho);
        for (int c = 0; c < s; c++) {
            out[c] = c == x[i] ? 1 : scaled(base + c * stride, rho) / fx;
        }
    }

    @Override
    public void ratioBounds(int[] x, int i, double lo, double hi, double[] out) {
        double rhoLo = Math.expm1(lo) / s;
        double rhoHi = Math.expm1(hi) / s;
        int idx = StateIndex.encode(x, s);
        int stride = StateIndex.stride(s, d, i);
        int base = idx - x[i] * stride;
        double logXLo = logF(idx, rhoLo);
        double logXHi = logF(idx, rhoHi);
        double spread = rhoLo > 0 ? d * Math.log(rhoHi / rhoLo) : 0;
        for (int c = 0; c < s; c++) {
            if (c == x[i]) {
                out[c] = 1;
                continue;
            }
            int y = base + c * stride;
            double b = Math.exp(logF(y, rhoHi) - logXLo);
            if (rhoLo > 0) {
                b = Math.min(b, Math.exp(logF(y, rhoLo) - logXHi + spread));
            }
            out[c] = Double.isNaN(b) ? Double.POSITIVE_INFINITY : b;
        }
    }
}
