package org.scorescope.sampler;

/**
 * DDIM-type sampler, 001 eq. 8 (docs/algorithms.md §4.3), 1 NFE:
 * Y_{t−1} = (Y_t + ((1−α_t)/2) s_t(Y_t)) / √α_t. The Euler step of the probability-flow ODE:
 * first order.
 */
public final class DdimSampler implements Sampler {
    private static final SamplerInfo INFO = new SamplerInfo("ddim", "DDIM (eq. 8)",
            "001_98742fe78869e08d.txt eq. (8)", 1, 1, false, 0)
            .withForm("001 eq. 8: (Y + (1−α)/2 s)/√α, the Euler step of the probability-flow ODE (ddim-exact has DDIM's exact coefficients)");

    @Override
    public SamplerInfo info() {
        return INFO;
    }

    @Override
    public void step(StepContext ctx, double[][] y, int n) {
        int t = ctx.t();
        double[][] s = ctx.buffer(0);
        ctx.score(y, n, ctx.grid().abar(t), s);
        record(ctx.recorder(), ctx.grid().alpha(t), ctx.grid().abar(t - 1), y, s);
        apply(ctx.grid().alpha(t), y, s, n);
    }

    /** Declares eq. 8's terms when a recorder is present. */
    static void record(StepRecorder rec, double alpha, double abarTo, double[][] y, double[][] s) {
        if (rec != null) {
            double inv = 1 / Math.sqrt(alpha);
            rec.stage(Tex.NEXT, "eq. 8", abarTo);
            rec.carry(Tex.INV_SQRT_ALPHA, Tex.Y, "rescaling", inv, y);
            rec.term("\\frac{1-\\alpha_t}{2\\sqrt{\\alpha_t}}", Tex.SCORE, "probability-flow drift", (1 - alpha) / 2 * inv, s);
        }
    }

    /** Y ← (Y + ((1−α)/2) s) / √α. */
    static void apply(double alpha, double[][] y, double[][] s, int n) {
        double inv = 1 / Math.sqrt(alpha);
        double c = (1 - alpha) / 2;
        for (int a = 0; a < y.length; a++) {
            double[] ya = y[a];
            double[] sa = s[a];
            for (int i = 0; i < n; i++) {
                ya[i] = (ya[i] + c * sa[i]) * inv;
            }
        }
    }
}
