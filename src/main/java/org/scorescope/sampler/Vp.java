package org.scorescope.sampler;

/**
 * The variance-preserving quantities of a level γ in the notation of the DPM-Solver and UniPC
 * papers (BASELINES.md, "shared notation"): α = √γ, σ = √(1−γ), λ = log(α/σ); and the noise and
 * data predictions computed from the counted score of a step context (ALGORITHMS.md §1):
 * ε = −σ s, x̂₀ = (x + (1−γ) s)/α.
 */
final class Vp {
    private Vp() {
    }

    static double alpha(double gamma) {
        return Math.sqrt(gamma);
    }

    static double sigma(double gamma) {
        return Math.sqrt(1 - gamma);
    }

    /** Largest λ used: a level of 1 (data) is treated as λ = 36, where e^{−λ} ≈ 2e-16. */
    static final double LAMBDA_MAX = 36;

    /** λ = ½ log(γ/(1−γ)), capped at {@link #LAMBDA_MAX} so that a grid ending at γ = 1 works. */
    static double lambda(double gamma) {
        return Math.min(LAMBDA_MAX, 0.5 * Math.log(gamma / (1 - gamma)));
    }

    /** γ(λ) = 1/(1 + e^{−2λ}): the level of a half-log-SNR, for any VP schedule. */
    static double gamma(double lambda) {
        return 1 / (1 + Math.exp(-2 * lambda));
    }

    /** ε(x, γ) for n particles into out (one counted evaluation per particle). */
    static void eps(StepContext ctx, double[][] x, int n, double gamma, double[][] out) {
        ctx.score(x, n, gamma, out);
        double sig = sigma(gamma);
        for (double[] a : out) {
            for (int i = 0; i < n; i++) {
                a[i] *= -sig;
            }
        }
    }

    /** The data prediction x̂₀(x, γ) for n particles into out. */
    static void data(StepContext ctx, double[][] x, int n, double gamma, double[][] out) {
        ctx.score(x, n, gamma, out);
        double inv = 1 / Math.sqrt(gamma);
        double c = 1 - gamma;
        for (int a = 0; a < out.length; a++) {
            for (int i = 0; i < n; i++) {
                out[a][i] = (x[a][i] + c * out[a][i]) * inv;
            }
        }
    }

    /** out = p·x + q·e, elementwise. */
    static void combine(double p, double[][] x, double q, double[][] e, double[][] out, int n) {
        for (int a = 0; a < out.length; a++) {
            for (int i = 0; i < n; i++) {
                out[a][i] = p * x[a][i] + q * e[a][i];
            }
        }
    }

    /** out += q·e. */
    static void add(double[][] out, double q, double[][] e, int n) {
        for (int a = 0; a < out.length; a++) {
            for (int i = 0; i < n; i++) {
                out[a][i] += q * e[a][i];
            }
        }
    }

    static void copy(double[][] from, double[][] to, int n) {
        for (int a = 0; a < from.length; a++) {
            System.arraycopy(from[a], 0, to[a], 0, n);
        }
    }
}
