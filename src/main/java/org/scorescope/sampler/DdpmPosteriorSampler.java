package org.scorescope.sampler;

/**
 * DDPM with the original (posterior) variance, 003 Part 2 Theorem 3 / Ho et al. 2020
 * (docs/algorithms.md §4.2), 1 NFE:
 * Y_{t−1} = (Y_t + (1−α_t) s_t(Y_t) + √((1−α_t)(α_t−ᾱ_t)/(1−ᾱ_t)) Z) / √α_t,
 * whose noise variance equals β_t (1−ᾱ_{t−1})/(1−ᾱ_t).
 */
public final class DdpmPosteriorSampler implements Sampler {
    private static final SamplerInfo INFO = new SamplerInfo("ddpm-posterior", "DDPM (posterior variance)",
            "003_1b963510094279b5.txt Part 2, Theorem 3; Ho et al. 2020", 1, 0, true, 1);

    @Override
    public SamplerInfo info() {
        return INFO;
    }

    @Override
    public void step(StepContext ctx, double[][] y, int n) {
        int t = ctx.t();
        double alpha = ctx.grid().alpha(t);
        double abar = ctx.grid().abar(t);
        double[][] s = ctx.buffer(0);
        double[][] z = ctx.buffer(1);
        ctx.score(y, n, abar, s);
        ctx.gaussian(z, n);
        double inv = 1 / Math.sqrt(alpha);
        double drift = 1 - alpha;
        double noise = Math.sqrt(Math.max(0, (1 - alpha) * (alpha - abar) / (1 - abar)));
        StepRecorder rec = ctx.recorder();
        if (rec != null) {
            rec.stage(Tex.NEXT, "003 Thm 3, posterior variance", ctx.grid().abar(t - 1));
            rec.carry(Tex.INV_SQRT_ALPHA, Tex.Y, "rescaling", inv, y);
            rec.term("\\frac{1-\\alpha_t}{\\sqrt{\\alpha_t}}", Tex.SCORE, "score drift", drift * inv, s);
            rec.term("\\frac{1}{\\sqrt{\\alpha_t}}\\sqrt{\\frac{(1-\\alpha_t)(\\alpha_t-\\bar\\alpha_t)}{1-\\bar\\alpha_t}}", Tex.Z,
                    "noise (posterior variance)", noise * inv, z);
        }
        for (int a = 0; a < y.length; a++) {
            double[] ya = y[a];
            double[] sa = s[a];
            double[] za = z[a];
            for (int i = 0; i < n; i++) {
                ya[i] = (ya[i] + drift * sa[i] + noise * za[i]) * inv;
            }
        }
    }
}
