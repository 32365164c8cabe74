package org.scorescope.sampler;

/**
 * The accelerated SDE sampler (docs/algorithms.md §4.7), 1 NFE per step, in the three forms in
 * circulation. All add half of the step's noise before the score evaluation and half after; they
 * differ in where the halves sit. With h = √((1−α_t)/2):
 * <pre>
 * PAPER  (001 eq. 23, id accel-ddpm):        Y⁺ = Y_t + h Z,       Y_{t−1} = (Y⁺ + (1−α_t) s_t(Y⁺)) / √α_t + h Z⁺
 * SLIDES (002 eq. 3, id accel-ddpm-slides):  Y⁺ = Y_t + h Z,       Y_{t−1} = (Y⁺ + (1−α_t) s_t(Y⁺) + h Z⁺) / √α_t
 * CODE   (authors' code, accel-ddpm-code):   Y⁺ = Y_t + √α_t h Z,  Y_{t−1} = (Y⁺ + (1−α_t) s_t(Y⁺)) / √α_t + h Z⁺ (no Z⁺ on the last step)
 * </pre>
 * CODE follows {@code ddpm_steps_accelerated} in the authors' repository
 * ({@code TimofeyEfimov/AcceleratedDiffusionSamplers}, {@code ddpm_and_guided-diffusion/functions/denoising.py}
 * @ b0f6da6: {@code term1 = x + sqrt(at/atm1)·sqrt(β_t/2)·noise2}, the ε model evaluated at
 * {@code term1} and level t, then {@code (term1 − β_t ε/√(1−ᾱ_t))/√α_t + mask·sqrt(β_t/2)·noise} with
 * {@code mask = 0} at t = 0; in that stored version the line {@code output = 0} before it is a
 * debugging leftover of the unused {@code mean_eps} branch, not part of the update).
 *
 * <p>What each achieves on a Gaussian target (one step from the exact law N(m, c) with β = 1 − α,
 * variance error of Y_{t−1}; docs/algorithms.md §8): PAPER −(β²/2)(1 − β/c²)/α, CODE −β²/α + O(β³),
 * SLIDES +β³/(2c²α) — so PAPER and CODE are first order in W2 (like DDPM, whose error is
 * β²(1/c − 1)/α) and second order in KL, and SLIDES is second order in W2. The theorem (001 Thm
 * 3.2, 002 Thm 3) bounds TV by d³/T and KL by d⁶/T²: order 1 in TV, 2 in KL — the same order in T
 * as the newer DDPM bounds quoted in 003 (TV ≲ d/T, Li and Yan '24; KL ≲ d²/T², Jiao, Zhou, Li '25):
 * its "acceleration" is over the older DDPM bound 1/√T, and in the dimension, not in T.
 */
public final class AcceleratedDdpmSampler implements Sampler {

    /** Where the two half-noises sit. */
    public enum Form {
        /** 001 eq. 23 (the paper). */
        PAPER,
        /** 002 eq. 3 (the slides): the second half-noise inside the 1/√α_t bracket. */
        SLIDES,
        /** The authors' code: the first half-noise scaled by √α_t, no second half on the last step. */
        CODE
    }

    private final Form form;
    private final SamplerInfo info;

    /**
     * @param slideVariant true for the slides' form (second noise inside the 1/√α_t bracket)
     */
    public AcceleratedDdpmSampler(boolean slideVariant) {
        this(slideVariant ? Form.SLIDES : Form.PAPER);
    }

    /**
     * @param form which of the three forms
     */
    public AcceleratedDdpmSampler(Form form) {
        this.form = form;
        this.info = switch (form) {
            case PAPER -> new SamplerInfo("accel-ddpm", "Accelerated DDPM (eq. 23)",
                    "001_98742fe78869e08d.txt eq. (23), Theorem 3.2", 1, 0, true, 2)
                    .withForm("001 eq. 23: Y⁺ = Y + √(β/2) Z; Y' = (Y⁺ + β s(Y⁺))/√α + √(β/2) Z⁺ (second half-noise outside 1/√α)");
            case SLIDES -> new SamplerInfo("accel-ddpm-slides", "Accelerated DDPM (slides' variant)",
                    "002_1c8734858d76682f.txt eq. (3), Theorem 3", 1, 0, true, 2)
                    .withForm("002 eq. 3: Y⁺ = Y + √(β/2) Z; Y' = (Y⁺ + β s(Y⁺) + √(β/2) Z⁺)/√α (second half-noise inside 1/√α)");
            case CODE -> new SamplerInfo("accel-ddpm-code", "Accelerated DDPM (authors' code)",
                    "001_98742fe78869e08d.txt eq. (23) as in the authors' ddpm_steps_accelerated", 1, 0, true, 2)
                    .withForm("authors' code: Y⁺ = Y + √α √(β/2) Z; Y' = (Y⁺ + β s(Y⁺))/√α + √(β/2) Z⁺, no Z⁺ on the last step");
        };
    }

    /** Which form this is. */
    public Form form() {
        return form;
    }

    @Override
    public SamplerInfo info() {
        return info;
    }

    @Override
    public void step(StepContext ctx, double[][] y, int n) {
        int t = ctx.t();
        double alpha = ctx.grid().alpha(t);
        double half = Math.sqrt((1 - alpha) / 2);
        double first = form == Form.CODE ? Math.sqrt(alpha) * half : half;
        double[][] z = ctx.buffer(1);
        ctx.gaussian(z, n);
        StepRecorder rec = ctx.recorder();
        if (rec != null) {
            rec.stage("Y_t^+", "half of the step's noise first", Double.NaN);
            rec.carry("1", Tex.Y, "start", 1, y);
            rec.term(form == Form.CODE ? "\\sqrt{\\alpha_t}\\sqrt{\\tfrac{1-\\alpha_t}{2}}" : "\\sqrt{\\tfrac{1-\\alpha_t}{2}}", Tex.Z,
                    "first half-noise", first, z);
        }
        for (int a = 0; a < y.length; a++) {
            for (int i = 0; i < n; i++) {
                y[a][i] += first * z[a][i];
            }
        }
        if (rec != null) {
            rec.result(y);
        }
        double[][] s = ctx.buffer(0);
        ctx.score(y, n, ctx.grid().abar(t), s);
        ctx.gaussian(z, n);
        double inv = 1 / Math.sqrt(alpha);
        double drift = 1 - alpha;
        double outside = switch (form) {
            case PAPER -> half;
            case SLIDES -> half * inv;
            case CODE -> t == 1 ? 0 : half;
        };
        if (rec != null) {
            rec.stage(Tex.NEXT, form == Form.SLIDES ? "002 eq. 3" : form == Form.CODE ? "authors' code" : "eq. 23c", ctx.grid().abar(t - 1));
            rec.carry(Tex.INV_SQRT_ALPHA, "Y_t^+", "rescaling", inv, y);
            rec.term("\\frac{1-\\alpha_t}{\\sqrt{\\alpha_t}}", "s_t(Y_t^+)", "score drift at Y_t^+", drift * inv, s);
            rec.term(form == Form.SLIDES ? "\\frac{1}{\\sqrt{\\alpha_t}}\\sqrt{\\tfrac{1-\\alpha_t}{2}}" : "\\sqrt{\\tfrac{1-\\alpha_t}{2}}",
                    "Z_t^+", "second half-noise", outside, z);
        }
        for (int a = 0; a < y.length; a++) {
            double[] ya = y[a];
            double[] sa = s[a];
            double[] za = z[a];
            for (int i = 0; i < n; i++) {
                ya[i] = (ya[i] + drift * sa[i]) * inv + outside * za[i];
            }
        }
    }
}
