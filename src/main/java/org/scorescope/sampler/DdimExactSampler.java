package org.scorescope.sampler;

/**
 * DDIM with its exact coefficients, 003 Theorem 3, identical to the ε form 001 eq. 28
 * (docs/algorithms.md §4.4), 1 NFE:
 * Y_{t−1} = (Y_t + (1−α_t)/(1 + √((α_t−ᾱ_t)/(1−ᾱ_t))) · s_t(Y_t)) / √α_t
 *         = Y_t/√α_t + (√(1−ᾱ_{t−1}) − √(1−ᾱ_t)/√α_t) ε_t(Y_t).
 * This is DPM-Solver-1 and the η = 0 member of the DDIM-η family.
 */
public final class DdimExactSampler implements Sampler {
    private static final SamplerInfo INFO = new SamplerInfo("ddim-exact", "DDIM (exact coefficients)",
            "003_1b963510094279b5.txt Theorem 3; 001_98742fe78869e08d.txt eq. (28)", 1, 1, false, 0);

    @Override
    public SamplerInfo info() {
        return INFO;
    }

    @Override
    public void step(StepContext ctx, double[][] y, int n) {
        int t = ctx.t();
        double[][] s = ctx.buffer(0);
        double abar = ctx.grid().abar(t);
        ctx.score(y, n, abar, s);
        double alpha = ctx.grid().alpha(t);
        StepRecorder rec = ctx.recorder();
        if (rec != null) {
            double inv = 1 / Math.sqrt(alpha);
            rec.stage(Tex.NEXT, "003 Thm 3 (exact DDIM coefficients)", ctx.grid().abar(t - 1));
            rec.carry(Tex.INV_SQRT_ALPHA, Tex.Y, "rescaling", inv, y);
            rec.term("\\frac{1-\\alpha_t}{\\sqrt{\\alpha_t}\\,(1+\\sqrt{\\frac{\\alpha_t-\\bar\\alpha_t}{1-\\bar\\alpha_t}})}", Tex.SCORE,
                    "probability-flow drift", scoreCoefficient(alpha, abar) * inv, s);
        }
        apply(alpha, abar, y, s, n);
    }

    /** The coefficient of s_t: (1−α)/(1 + √((α−ᾱ_t)/(1−ᾱ_t))). */
    static double scoreCoefficient(double alpha, double abar) {
        return (1 - alpha) / (1 + Math.sqrt(Math.max(0, (alpha - abar) / (1 - abar))));
    }

    static void apply(double alpha, double abar, double[][] y, double[][] s, int n) {
        double inv = 1 / Math.sqrt(alpha);
        double c = scoreCoefficient(alpha, abar);
        for (int a = 0; a < y.length; a++) {
            double[] ya = y[a];
            double[] sa = s[a];
            for (int i = 0; i < n; i++) {
                ya[i] = (ya[i] + c * sa[i]) * inv;
            }
        }
    }
}
