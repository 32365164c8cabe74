package org.scorescope.sampler;

/**
 * DDPM-type sampler, 001 eq. 10 (docs/algorithms.md §4.1), 1 NFE per step:
 * Y_{t−1} = (Y_t + (1−α_t) s_t(Y_t)) / √α_t + √(1−α_t) Z_t.
 */
public final class DdpmSampler implements Sampler {
    private static final SamplerInfo INFO = new SamplerInfo("ddpm", "DDPM",
            "001_98742fe78869e08d.txt eq. (10)", 1, 0, true, 1);

    @Override
    public SamplerInfo info() {
        return INFO;
    }

    @Override
    public void step(StepContext ctx, double[][] y, int n) {
        int t = ctx.t();
        double alpha = ctx.grid().alpha(t);
        double[][] s = ctx.buffer(0);
        double[][] z = ctx.buffer(1);
        ctx.score(y, n, ctx.grid().abar(t), s);
        ctx.gaussian(z, n);
        double inv = 1 / Math.sqrt(alpha);
        double drift = 1 - alpha;
        double noise = Math.sqrt(1 - alpha);
        StepRecorder rec = ctx.recorder();
        if (rec != null) {
            rec.stage(Tex.NEXT, "eq. 10", ctx.grid().abar(t - 1));
            rec.carry(Tex.INV_SQRT_ALPHA, Tex.Y, "rescaling", inv, y);
            rec.term("\\frac{1-\\alpha_t}{\\sqrt{\\alpha_t}}", Tex.SCORE, "score drift", drift * inv, s);
            rec.term("\\sqrt{1-\\alpha_t}", Tex.Z, "noise", noise, z);
        }
        for (int a = 0; a < y.length; a++) {
            double[] ya = y[a];
            double[] sa = s[a];
            double[] za = z[a];
            for (int i = 0; i < n; i++) {
                ya[i] = (ya[i] + drift * sa[i]) * inv + noise * za[i];
            }
        }
    }
}
