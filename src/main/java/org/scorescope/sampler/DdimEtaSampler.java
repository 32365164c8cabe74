package org.scorescope.sampler;

/**
 * The DDIM-η family, 003 Part 5 "Recall: DDIM-type sampler" (docs/algorithms.md §4.11), 1 NFE. With
 * a_t = √ᾱ_t, σ_t = √(1−ᾱ_t), e^{−δ} = (a_t/σ_t)/(a_{t−1}/σ_{t−1}) and ρ = √(1 − η(1 − e^{−2δ})):
 * <pre>
 * Y_{t−1} = σ_{t−1} ρ Y_t/σ_t + a_{t−1} (1 − e^{−δ} ρ) D(Y_t, ᾱ_t) + σ_{t−1} √(η(1 − e^{−2δ})) Z
 * </pre>
 * (the seed's form multiplied through by σ_{t−1}, so that ᾱ_0 = 1 is allowed). η = 0 is DDIM,
 * η = 1 is DDPM with the posterior variance.
 */
public final class DdimEtaSampler implements Sampler {
    private final double eta;
    private final SamplerInfo info;

    /**
     * @param eta the stochasticity η ∈ [0, 1]
     */
    public DdimEtaSampler(double eta) {
        if (!(eta >= 0 && eta <= 1)) {
            throw new IllegalArgumentException("eta must lie in [0, 1], was " + eta);
        }
        this.eta = eta;
        this.info = new SamplerInfo("ddim-eta", "DDIM-eta (eta=" + eta + ")",
                "003_1b963510094279b5.txt Part 5, DDIM-type sampler", 1, eta == 0 ? 1 : 0, eta > 0, eta > 0 ? 1 : 0)
                .withKey(SamplerRegistry.key("ddim-eta", java.util.Map.of("eta", eta)));
    }

    /** η. */
    public double eta() {
        return eta;
    }

    @Override
    public SamplerInfo info() {
        return info;
    }

    @Override
    public void step(StepContext ctx, double[][] y, int n) {
        int t = ctx.t();
        double abar = ctx.grid().abar(t);
        double abarPrev = ctx.grid().abar(t - 1);
        double at = Math.sqrt(abar);
        double st = Math.sqrt(1 - abar);
        double ap = Math.sqrt(abarPrev);
        double sp = Math.sqrt(1 - abarPrev);
        double expMinusDelta = at * sp / (st * ap);
        double e2 = expMinusDelta * expMinusDelta;
        double rho = Math.sqrt(1 - eta * (1 - e2));
        double cy = sp * rho / st;
        double cd = ap * (1 - expMinusDelta * rho);
        double cz = sp * Math.sqrt(eta * (1 - e2));
        double[][] s = ctx.buffer(0);
        ctx.score(y, n, abar, s);
        double[][] z = null;
        if (eta > 0) {
            z = ctx.buffer(1);
            ctx.gaussian(z, n);
        }
        double dy = 1 / at;
        double ds = (1 - abar) / at;
        StepRecorder rec = ctx.recorder();
        if (rec != null) {
            rec.stage(Tex.NEXT, "DDIM-η (003 Part 5), η = " + eta, abarPrev);
            rec.carry("\\frac{\\sigma_{t-1}\\rho}{\\sigma_t}", Tex.Y, "rescaling", cy, y);
            rec.term("a_{t-1}(1-e^{-\\delta}\\rho)", Tex.DATA, "towards the data prediction", cd, rec.combine(dy, y, ds, s));
            if (z != null) {
                rec.term("\\sigma_{t-1}\\sqrt{\\eta(1-e^{-2\\delta})}", Tex.Z, "noise", cz, z);
            }
        }
        for (int a = 0; a < y.length; a++) {
            double[] ya = y[a];
            double[] sa = s[a];
            for (int i = 0; i < n; i++) {
                double denoised = dy * ya[i] + ds * sa[i];
                double v = cy * ya[i] + cd * denoised;
                if (z != null) {
                    v += cz * z[a][i];
                }
                ya[i] = v;
            }
        }
    }
}
