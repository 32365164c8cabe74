package org.scorescope.sampler;

import org.scorescope.inverse.InverseProblem;
import org.scorescope.inverse.LinearObservation;

/**
 * Diffusion Posterior Sampling (DPS; Chung, Kim, Mccann, Klasky, Ye '22; named in 003 Part 5, "Prior
 * algorithms", line ~2760), following the authors' code DPS2022/diffusion-posterior-sampling @
 * effbde7 ({@code guided_diffusion/gaussian_diffusion.py} {@code p_sample_loop} and the {@code ddpm}
 * sampler, {@code guided_diffusion/condition_methods.py} {@code PosteriorSampling}, method
 * {@code ps}). With x̂₀ = (x_t + (1−ᾱ_t) s_t(x_t))/√ᾱ_t and β_t = 1 − ᾱ_t/ᾱ_{t−1}:
 * <pre>
 * x'_{t−1} = β_t √ᾱ_{t−1}/(1−ᾱ_t) · x̂₀ + (1−ᾱ_{t−1}) √(1−β_t)/(1−ᾱ_t) · x_t + √(β_t (1−ᾱ_{t−1})/(1−ᾱ_t)) z   (no z at t = 1)
 * x_{t−1}  = x'_{t−1} − ζ ∇_{x_t} ‖y − A x̂₀(x_t)‖
 * ∇_{x_t} ‖y − A x̂₀‖ = −(I + (1−ᾱ_t) J_s(x_t)) Aᵀ(y − A x̂₀) / (√ᾱ_t ‖y − A x̂₀‖)
 * </pre>
 * As in the reference: the gradient is of the norm, not its square (the paper's ζ_i = ζ'/‖y − A x̂₀‖
 * applied to the squared norm, up to the factor 2); it is taken through the denoiser at the input
 * x_t; the last step adds no noise ({@code if t != 0}); the default ζ = 0.5 is the inpainting
 * config's {@code scale} ({@code configs/inpainting_config.yaml}; deblur and super-resolution use 0.3).
 * Differences, stated: the reference's learned variance ({@code learned_range}) has no counterpart
 * with an exact score, so the posterior variance β̃_t of {@code ddpm-posterior} is used; its
 * {@code clip_denoised} clamps x̂₀ to the image range [−1, 1] and does not apply here; its norm runs
 * over the whole batch tensor, here over each particle (batch size 1). When y = A x̂₀ exactly the
 * gradient is taken as 0.
 *
 * <p>NFE: 2 per step, the score and the backward pass through it (J_s v), each counted.
 */
public final class DpsSampler implements Sampler {
    /** ζ of the reference's inpainting config. */
    public static final double DEFAULT_ZETA = 0.5;

    private final double zeta;
    private final LinearObservation obs;
    private final SamplerInfo info;

    /**
     * @param zeta the step size ζ ≥ 0
     * @param problem the observation (the prior is reached only through the run's score)
     */
    public DpsSampler(double zeta, InverseProblem problem) {
        if (!(zeta >= 0) || !Double.isFinite(zeta)) {
            throw new IllegalArgumentException("zeta must be a finite number >= 0, was " + zeta);
        }
        this.zeta = zeta;
        this.obs = problem.observation();
        this.info = new SamplerInfo("dps", "DPS (zeta=" + zeta + ")",
                "Chung et al. '22, DPS2022/diffusion-posterior-sampling@effbde7 condition_methods.py ps; 003 Part 5",
                2, 0, true, 1).withKey(InverseSamplers.key("dps", java.util.Map.of("zeta", zeta)));
    }

    /** ζ. */
    public double zeta() {
        return zeta;
    }

    @Override
    public SamplerInfo info() {
        return info;
    }

    @Override
    public void step(StepContext ctx, double[][] y, int n) {
        int t = ctx.t();
        int d = ctx.dim();
        int k = obs.rows();
        double abar = ctx.grid().abar(t);
        double abarPrev = ctx.grid().abar(t - 1);
        double beta = 1 - abar / abarPrev;
        double cx0 = beta * Math.sqrt(abarPrev) / (1 - abar);
        double cxt = (1 - abarPrev) * Math.sqrt(1 - beta) / (1 - abar);
        double sd = t > 1 ? Math.sqrt(beta * (1 - abarPrev) / (1 - abar)) : 0;
        double sa = Math.sqrt(abar);
        double[][] s = ctx.buffer(0);
        double[][] w = ctx.buffer(1);
        double[][] jw = ctx.buffer(2);
        double[][] z = ctx.buffer(3);
        ctx.score(y, n, abar, s);
        double[] norm = new double[n];
        double[] r = new double[k];
        for (int i = 0; i < n; i++) {
            // s becomes x̂₀; w = Aᵀ r with r = y − A x̂₀
            for (int a = 0; a < d; a++) {
                s[a][i] = (y[a][i] + (1 - abar) * s[a][i]) / sa;
            }
            double q = 0;
            for (int j = 0; j < k; j++) {
                double v = obs.y(j);
                for (int a = 0; a < d; a++) {
                    v -= obs.a(j, a) * s[a][i];
                }
                r[j] = v;
                q += v * v;
            }
            norm[i] = Math.sqrt(q);
            for (int a = 0; a < d; a++) {
                double v = 0;
                for (int j = 0; j < k; j++) {
                    v += obs.a(j, a) * r[j];
                }
                w[a][i] = v;
            }
        }
        ctx.scoreJacobianProduct(y, n, abar, w, jw);
        ctx.gaussian(z, n);
        for (int i = 0; i < n; i++) {
            double g = norm[i] > 0 ? zeta / (sa * norm[i]) : 0;
            for (int a = 0; a < d; a++) {
                double mean = cx0 * s[a][i] + cxt * y[a][i] + sd * z[a][i];
                y[a][i] = mean + g * (w[a][i] + (1 - abar) * jw[a][i]);
            }
        }
    }
}
