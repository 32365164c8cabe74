package org.scorescope.sampler;

/**
 * The variance-preserving quantities of a level γ in the notation of the DPM-Solver and UniPC
 * papers (BASELINES.md, "shared notation"): α = √γ, σ = √(1−γ), λ = log(α/σ); and the noise and
 * data predictions computed from the counted score of a step context (docs/algorithms.md §1):
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

    /**
     * λ = ½ log(γ/(1−γ)); +∞ at γ = 1. No cap: a step that ends at the data (γ = 1) is infinite in
     * λ, and the log-SNR samplers take {@link #denoise} there instead of forcing it through a
     * finite λ (a cap of 36 made the last interval of the theory schedule 30 units long in λ, capped
     * the Lagrange sampler at order 2, and rounded γ(λ) to exactly 1, where a singular target has
     * no score).
     */
    static double lambda(double gamma) {
        return 0.5 * Math.log(gamma / (1 - gamma));
    }

    /** Whether a level is the data itself (γ = 1), where λ is infinite and a singular target has no score. */
    static boolean isData(double gamma) {
        return gamma >= 1;
    }

    /**
     * The final denoising step Y ← D(Y, γ) = (Y + (1−γ) s(Y, γ))/√γ in place (1 NFE): Tweedie's
     * data prediction, the limit of every exponential-integrator step as its end level goes to 1
     * (docs/algorithms.md §1).
     *
     * @param scratch a d × n buffer other than y
     */
    static void denoise(StepContext ctx, double[][] y, int n, double gamma, double[][] scratch) {
        denoise(ctx, y, n, gamma, scratch, Tex.Y);
    }

    /**
     * The same, naming the point being denoised for the recorder.
     *
     * @param pointTex the point's name as LaTeX
     */
    static void denoise(StepContext ctx, double[][] y, int n, double gamma, double[][] scratch, String pointTex) {
        StepRecorder rec = ctx.recorder();
        if (rec != null) {
            ctx.score(y, n, gamma, scratch);
            rec.stage(Tex.NEXT, "final denoising step to the data (docs/algorithms.md §1)", 1);
            rec.carry("\\frac{1}{\\sqrt{\\gamma}}", pointTex, "rescaling", 1 / Math.sqrt(gamma), y);
            rec.term("\\frac{1-\\gamma}{\\sqrt{\\gamma}}", "s(" + pointTex + ",\\gamma)", "Tweedie's correction", (1 - gamma) / Math.sqrt(gamma), scratch);
            double inv = 1 / Math.sqrt(gamma);
            for (int a = 0; a < y.length; a++) {
                for (int i = 0; i < n; i++) {
                    y[a][i] = (y[a][i] + (1 - gamma) * scratch[a][i]) * inv;
                }
            }
            return;
        }
        data(ctx, y, n, gamma, scratch);
        copy(scratch, y, n);
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
