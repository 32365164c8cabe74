package org.scorescope.sampler;

/**
 * The accelerated ODE sampler in the ε form used in the paper's experiments, 001 eq. 30
 * (docs/algorithms.md §4.6), 1 NFE: a DDIM step (eq. 28) plus a correction that reuses the previous
 * step's ε_{t+1}(Y_{t+1}):
 * <pre>
 * Y_{t−1} = Y_t/√α_t + (√(1−ᾱ_{t−1}) − √(1−ᾱ_t)/√α_t) ε_t(Y_t)
 *         + √ᾱ_{t−1}/(ᾱ_t − ᾱ_{t+1}) · (ᾱ_t √(1−ᾱ_{t−1})/√ᾱ_{t−1} + asin √ᾱ_{t−1}
 *                                       − ᾱ_t √(1−ᾱ_t)/√ᾱ_t − asin √ᾱ_t) · (ε_{t+1}(Y_{t+1}) − ε_t(Y_t))
 * </pre>
 * The first step is a plain DDIM step. This is what {@code generalized_steps_accelerated} in the
 * authors' {@code ddpm_and_guided-diffusion/functions/denoising.py} computes (their {@code term1}…
 * {@code term6}); note the seed's §4.2 prose swaps the labels (28)/(30) (docs/algorithms.md §4.6, typos).
 */
public final class AcceleratedDdimMultistepSampler implements Sampler {
    private static final SamplerInfo INFO = new SamplerInfo("accel-ddim-ms", "Accelerated DDIM, multistep (eq. 30)",
            "001_98742fe78869e08d.txt eq. (30)", 1, 2, false, 0)
            .withForm("001 eq. 30, ε form: 1 NFE, reuses ε_{t+1}(Y_{t+1}); the authors' generalized_steps_accelerated; first step DDIM (eq. 28)");

    /** The previous step's ε at the previous positions, and whether there was a previous step. */
    static final class Memory {
        final double[][] previousEps;
        boolean hasPrevious;
        double previousAbar;

        Memory(int dim, int capacity) {
            previousEps = new double[dim][capacity];
        }
    }

    @Override
    public SamplerInfo info() {
        return INFO;
    }

    @Override
    public Object newMemory(int dim, int capacity) {
        return new Memory(dim, capacity);
    }

    @Override
    public void step(StepContext ctx, double[][] y, int n) {
        int t = ctx.t();
        var grid = ctx.grid();
        Memory m = (Memory) ctx.memory();
        double abar = grid.abar(t);
        double abarPrev = grid.abar(t - 1);
        double[][] eps = ctx.buffer(0);
        ctx.score(y, n, abar, eps);
        double sigma = Math.sqrt(1 - abar);
        for (int a = 0; a < y.length; a++) {
            for (int i = 0; i < n; i++) {
                eps[a][i] *= -sigma;
            }
        }
        double alpha = abar / abarPrev;
        double inv = 1 / Math.sqrt(alpha);
        double ce = Math.sqrt(1 - abarPrev) - sigma * inv;
        double cc = 0;
        if (m.hasPrevious) {
            cc = correction(abarPrev, abar, m.previousAbar);
        }
        StepRecorder rec = ctx.recorder();
        if (rec != null) {
            rec.stage(Tex.NEXT, m.hasPrevious ? "eq. 30" : "eq. 28 (first step)", abarPrev);
            rec.carry(Tex.INV_SQRT_ALPHA, Tex.Y, "rescaling", inv, y);
            rec.term("\\left(\\sqrt{1-\\bar\\alpha_{t-1}}-\\frac{\\sqrt{1-\\bar\\alpha_t}}{\\sqrt{\\alpha_t}}\\right)", Tex.EPS, "DDIM (eq. 28)", ce, eps);
            if (m.hasPrevious) {
                rec.term("c_t^{(30)}", "\\left(\\varepsilon_{t+1}(Y_{t+1})-\\varepsilon_t(Y_t)\\right)",
                        "acceleration: the previous step's noise prediction (eq. 30)", cc, rec.combine(1, m.previousEps, -1, eps));
            }
        }
        for (int a = 0; a < y.length; a++) {
            double[] ya = y[a];
            double[] ea = eps[a];
            double[] pa = m.previousEps[a];
            for (int i = 0; i < n; i++) {
                double e = ea[i];
                ya[i] = ya[i] * inv + ce * e + cc * (pa[i] - e);
                pa[i] = e;
            }
        }
        m.hasPrevious = true;
        m.previousAbar = abar;
    }

    /** The coefficient of (ε_{t+1} − ε_t) in eq. 30, with levels ᾱ_{t−1}, ᾱ_t, ᾱ_{t+1}. */
    static double correction(double abarPrev, double abar, double abarNext) {
        double g = abar * Math.sqrt(1 - abarPrev) / Math.sqrt(abarPrev) + Math.asin(Math.sqrt(abarPrev))
                - abar * Math.sqrt(1 - abar) / Math.sqrt(abar) - Math.asin(Math.sqrt(abar));
        return Math.sqrt(abarPrev) / (abar - abarNext) * g;
    }
}
