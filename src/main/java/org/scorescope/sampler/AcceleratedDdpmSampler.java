package org.scorescope.sampler;

/**
 * The accelerated SDE sampler, 001 eq. 23 (ALGORITHMS.md §4.7), 1 NFE: half of the step's noise is
 * added before the score evaluation, the other half after.
 * <pre>
 * Y_t⁺    = Y_t + √((1−α_t)/2) Z_t
 * Y_{t−1} = (Y_t⁺ + (1−α_t) s_t(Y_t⁺)) / √α_t + √((1−α_t)/2) Z_t⁺          (paper, id accel-ddpm)
 * Y_{t−1} = (Y_t⁺ + (1−α_t) s_t(Y_t⁺) + √((1−α_t)/2) Z_t⁺) / √α_t          (slides 002, id accel-ddpm-slides)
 * </pre>
 * The authors' code ({@code ddpm_steps_accelerated} in
 * {@code ddpm_and_guided-diffusion/functions/denoising.py}) differs from both: it scales the first
 * half-noise by an extra √α_t and drops the second half-noise on the final step. ScoreScope follows
 * the paper's equation by default.
 */
public final class AcceleratedDdpmSampler implements Sampler {
    private final boolean slideVariant;
    private final SamplerInfo info;

    /**
     * @param slideVariant true for the slides' form (second noise inside the 1/√α_t bracket)
     */
    public AcceleratedDdpmSampler(boolean slideVariant) {
        this.slideVariant = slideVariant;
        this.info = slideVariant
                ? new SamplerInfo("accel-ddpm-slides", "Accelerated DDPM (slides' variant)",
                        "002_1c8734858d76682f.txt, accelerated SDE sampler", 1, 0, true, 2)
                : new SamplerInfo("accel-ddpm", "Accelerated DDPM (eq. 23)",
                        "001_98742fe78869e08d.txt eq. (23), Theorem 3.2", 1, 0, true, 2);
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
        double[][] z = ctx.buffer(1);
        ctx.gaussian(z, n);
        for (int a = 0; a < y.length; a++) {
            for (int i = 0; i < n; i++) {
                y[a][i] += half * z[a][i];
            }
        }
        double[][] s = ctx.buffer(0);
        ctx.score(y, n, ctx.grid().abar(t), s);
        ctx.gaussian(z, n);
        double inv = 1 / Math.sqrt(alpha);
        double drift = 1 - alpha;
        double outside = slideVariant ? half * inv : half;
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
