package org.scorescope.sampler;

/**
 * EDM's deterministic Heun sampler (Karras et al. 2022; {@code crowsonkb/k-diffusion}
 * {@code sample_heun} with {@code s_churn = 0}) in the σ parameterisation σ = √((1−γ)/γ),
 * x_σ = x/√γ, D(x_σ, σ) = x̂₀: d = (x_σ − D)/σ; Euler to σ_next, then the trapezoid correction with
 * d at the Euler point — except when σ_next = 0 (ᾱ_0 = 1), where the step is Euler only, as in the
 * reference. 2 NFE per step (1 on a final step to σ = 0).
 */
public final class HeunSampler implements Sampler {
    private static final SamplerInfo INFO = new SamplerInfo("heun", "EDM Heun",
            "Karras et al. 2022; crowsonkb/k-diffusion sampling.py sample_heun (s_churn=0)", 2, 2, false, 0);

    @Override
    public SamplerInfo info() {
        return INFO;
    }

    @Override
    public void step(StepContext ctx, double[][] y, int n) {
        int t = ctx.t();
        double g = ctx.grid().abar(t);
        double gn = ctx.grid().abar(t - 1);
        double sigma = Math.sqrt((1 - g) / g);
        double sigmaNext = gn >= 1 ? 0 : Math.sqrt((1 - gn) / gn);
        double dt = sigmaNext - sigma;
        double sg = Math.sqrt(g);
        double[][] den = ctx.buffer(0);
        Vp.data(ctx, y, n, g, den);
        double[][] d = ctx.buffer(1);
        StepRecorder rec = ctx.recorder();
        double[] start = rec == null ? null : rec.at(y);
        for (int a = 0; a < y.length; a++) {
            for (int i = 0; i < n; i++) {
                double xs = y[a][i] / sg;
                d[a][i] = (xs - den[a][i]) / sigma;
                y[a][i] = xs;
            }
        }
        if (sigmaNext == 0) {
            if (rec != null) {
                rec.stage(Tex.NEXT, "Euler step to σ = 0", gn);
                rec.carry("\\frac{1}{\\sqrt{\\bar\\alpha_t}}", Tex.Y, "to the σ form x_σ", 1 / sg, start);
                rec.term("\\Delta\\sigma", "d = \\frac{x_\\sigma - D}{\\sigma}", "Euler step", dt, d);
            }
            for (int a = 0; a < y.length; a++) {
                for (int i = 0; i < n; i++) {
                    y[a][i] = y[a][i] + d[a][i] * dt;
                }
            }
            return;
        }
        double sgn = Math.sqrt(gn);
        double[][] euler = ctx.buffer(2);
        if (rec != null) {
            rec.stage("x_e", "Euler point", gn);
            rec.carry("\\frac{\\sqrt{\\bar\\alpha_{t-1}}}{\\sqrt{\\bar\\alpha_t}}", Tex.Y, "rescaling", sgn / sg, start);
            rec.term("\\sqrt{\\bar\\alpha_{t-1}}\\,\\Delta\\sigma", "d = \\frac{x_\\sigma - D}{\\sigma}", "Euler step", sgn * dt, d);
        }
        for (int a = 0; a < y.length; a++) {
            for (int i = 0; i < n; i++) {
                euler[a][i] = (y[a][i] + d[a][i] * dt) * sgn;
            }
        }
        Vp.data(ctx, euler, n, gn, den);
        if (rec != null) {
            rec.result(euler);
            double[] d2 = new double[y.length];
            for (int a = 0; a < d2.length; a++) {
                int p = rec.particle();
                d2[a] = (euler[a][p] / sgn - den[a][p]) / sigmaNext;
            }
            rec.stage(Tex.NEXT, "Heun: trapezoid of the two slopes", gn);
            rec.carry("\\frac{\\sqrt{\\bar\\alpha_{t-1}}}{\\sqrt{\\bar\\alpha_t}}", Tex.Y, "rescaling", sgn / sg, start);
            rec.term("\\tfrac{1}{2}\\sqrt{\\bar\\alpha_{t-1}}\\,\\Delta\\sigma", "d", "slope at the start", 0.5 * sgn * dt, d);
            rec.term("\\tfrac{1}{2}\\sqrt{\\bar\\alpha_{t-1}}\\,\\Delta\\sigma", "d_e", "slope at the Euler point", 0.5 * sgn * dt, d2);
        }
        for (int a = 0; a < y.length; a++) {
            for (int i = 0; i < n; i++) {
                double xe = euler[a][i] / sgn;
                double d2 = (xe - den[a][i]) / sigmaNext;
                y[a][i] = (y[a][i] + 0.5 * (d[a][i] + d2) * dt) * sgn;
            }
        }
    }
}
