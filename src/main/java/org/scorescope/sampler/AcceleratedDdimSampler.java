package org.scorescope.sampler;

/**
 * The accelerated ODE sampler in its midpoint form, 001 eq. 15 (docs/algorithms.md §4.5), 2 NFE:
 * <pre>
 * Y_t⁻    = √α_{t+1} (Y_t − ((1−α_{t+1})/2) s_t(Y_t))
 * Y_{t−1} = (Y_t + ((1−α_t)/2) s_t(Y_t) + ((1−α_t)² / (4(1−α_{t+1}))) (s_t(Y_t) − √α_{t+1} s_{t+1}(Y_t⁻))) / √α_t
 * </pre>
 * Second order (001 Theorem 3.1). The first step needs α_{T+1}: the theory schedule extends
 * itself by its own rule; on any other schedule the first step (t = T) is a plain DDIM step
 * (eq. 8, 1 NFE), which keeps the global error O(1/T²).
 */
public final class AcceleratedDdimSampler implements Sampler {
    private static final SamplerInfo INFO = new SamplerInfo("accel-ddim", "Accelerated DDIM (eq. 15)",
            "001_98742fe78869e08d.txt eq. (15), Theorem 3.1", 2, 2, false, 0)
            .withForm("001 eq. 15, midpoint form: 2 NFE (score at Y_t and at the predicted Y_t⁻ one level up); the first step is "
                    + "DDIM (eq. 8) unless the schedule defines ᾱ_{T+1} (theory)");

    @Override
    public SamplerInfo info() {
        return INFO;
    }

    @Override
    public void step(StepContext ctx, double[][] y, int n) {
        int t = ctx.t();
        var grid = ctx.grid();
        double[][] s = ctx.buffer(0);
        double abar = grid.abar(t);
        ctx.score(y, n, abar, s);
        double alpha = grid.alpha(t);
        StepRecorder rec = ctx.recorder();
        if (t == grid.steps() && !grid.hasBeyond()) {
            DdimSampler.record(rec, alpha, grid.abar(t - 1), y, s);
            DdimSampler.apply(alpha, y, s, n);
            return;
        }
        double alphaNext = grid.alpha(t + 1);
        double[][] back = ctx.buffer(1);
        double[][] sNext = ctx.buffer(2);
        double sqNext = Math.sqrt(alphaNext);
        double half = (1 - alphaNext) / 2;
        for (int a = 0; a < y.length; a++) {
            for (int i = 0; i < n; i++) {
                back[a][i] = sqNext * (y[a][i] - half * s[a][i]);
            }
        }
        ctx.score(back, n, grid.abar(t + 1), sNext);
        double inv = 1 / Math.sqrt(alpha);
        double c1 = (1 - alpha) / 2;
        double c2 = (1 - alpha) * (1 - alpha) / (4 * (1 - alphaNext));
        if (rec != null) {
            rec.stage("Y_t^-", "midpoint: the probability-flow ODE predicted one level up (eq. 15b)", grid.abar(t + 1));
            rec.carry("\\sqrt{\\alpha_{t+1}}", Tex.Y, "rescaling up", sqNext, y);
            rec.term("-\\frac{\\sqrt{\\alpha_{t+1}}(1-\\alpha_{t+1})}{2}", Tex.SCORE, "drift backwards", -sqNext * half, s);
            rec.result(back);
            rec.stage(Tex.NEXT, "eq. 15c", grid.abar(t - 1));
            rec.carry(Tex.INV_SQRT_ALPHA, Tex.Y, "rescaling", inv, y);
            rec.term("\\frac{1-\\alpha_t}{2\\sqrt{\\alpha_t}}", Tex.SCORE, "probability-flow drift (eq. 8)", c1 * inv, s);
            rec.term("\\frac{(1-\\alpha_t)^2}{4(1-\\alpha_{t+1})\\sqrt{\\alpha_t}}", "\\left(s_t(Y_t)-\\sqrt{\\alpha_{t+1}}\\,s_{t+1}(Y_t^-)\\right)",
                    "acceleration: the change of the score across the step", c2 * inv, rec.combine(1, s, -sqNext, sNext));
        }
        for (int a = 0; a < y.length; a++) {
            double[] ya = y[a];
            double[] sa = s[a];
            double[] na = sNext[a];
            for (int i = 0; i < n; i++) {
                ya[i] = (ya[i] + c1 * sa[i] + c2 * (sa[i] - sqNext * na[i])) * inv;
            }
        }
    }
}
