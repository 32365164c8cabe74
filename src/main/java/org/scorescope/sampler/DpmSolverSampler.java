package org.scorescope.sampler;

/**
 * Singlestep DPM-Solver-1/2/3 with noise prediction, {@code solver_type='dpmsolver'} (Lu et al.
 * 2022; {@code LuChengTHU/dpm-solver}, {@code dpm_solver_pytorch.py}: {@code dpm_solver_first_update},
 * {@code singlestep_dpm_solver_second_update}, {@code singlestep_dpm_solver_third_update}). One outer
 * step per grid interval [ᾱ_t, ᾱ_{t−1}], h = λ_{t−1} − λ_t, intermediate points at fractions of h
 * <em>in λ</em>: r₁ = ½ (order 2), r₁ = ⅓, r₂ = ⅔ (order 3).
 * <pre>
 * order 1: x_t = (α_t/α_s) x − σ_t (eʰ − 1) ε_s                                     (= DDIM)
 * order 2: x_{s1} = (α_{s1}/α_s) x − σ_{s1}(e^{r₁h} − 1) ε_s
 *          x_t = (α_t/α_s) x − σ_t (eʰ−1) ε_s − (σ_t/(2r₁)) (eʰ−1)(ε_{s1} − ε_s)
 * order 3: x_{s1} as above with r₁; x_{s2} = (α_{s2}/α_s) x − σ_{s2}(e^{r₂h}−1) ε_s − (r₂/r₁) σ_{s2} φ₂₂ (ε_{s1} − ε_s)
 *          x_t = (α_t/α_s) x − σ_t (eʰ−1) ε_s − (σ_t/r₂) φ₂ (ε_{s2} − ε_s),
 *          φ₂₂ = (e^{r₂h} − 1)/(r₂h) − 1, φ₂ = (eʰ − 1)/h − 1
 * </pre>
 * Orders per step follow the reference's {@code get_orders_and_timesteps_for_singlestep_solver}:
 * order 2 uses order 2 on every interval (their {@code steps} = NFE = 2T, even); order 3 on T
 * intervals uses [3, …, 3, 2, 1] (their case {@code steps % 3 == 0}, NFE = 3T − 3), so the last two
 * intervals are lower order exactly as there. No final denoising step
 * ({@code denoise_to_zero=False}); a step that ends at the data (ᾱ_{t−1} = 1, infinite in λ) is the
 * denoising step D(Y_t, ᾱ_t), as {@code denoise_to_zero=True} does. Intermediate points are uniform in λ, which is what the reference
 * does with {@code skip_type='logSNR'} (with {@code 'time_uniform'} it spaces them in t). This is the
 * noise-prediction DPM-Solver ({@code algorithm_type="dpmsolver"}; the reference class's default is
 * now "dpmsolver++"). Checked against the reference code on the same grid and particles to 1e-9
 * ({@code ReferenceImplementationTest}).
 */
public final class DpmSolverSampler implements Sampler {
    private static final double R1_2 = 0.5;
    private static final double R1_3 = 1.0 / 3.0;
    private static final double R2_3 = 2.0 / 3.0;
    private final int order;
    private final boolean lowerOrderFinal;
    private final SamplerInfo info;

    /**
     * @param order 1, 2 or 3, with the reference's lower-order final steps
     */
    public DpmSolverSampler(int order) {
        this(order, true);
    }

    /**
     * @param order 1, 2 or 3
     * @param lowerOrderFinal true (the reference): order 3 ends with orders 2, 1; false: every
     *     interval at the full order (not a reference setting; for separating the two effects)
     */
    public DpmSolverSampler(int order, boolean lowerOrderFinal) {
        this.lowerOrderFinal = lowerOrderFinal;
        if (order < 1 || order > 3) {
            throw new IllegalArgumentException("DPM-Solver order must be 1, 2 or 3, was " + order);
        }
        this.order = order;
        SamplerInfo base = new SamplerInfo("dpm-solver-" + order, "DPM-Solver-" + order + " (singlestep)",
                "Lu et al. 2022; LuChengTHU/dpm-solver dpm_solver_pytorch.py, singlestep, solver_type='dpmsolver'",
                order, order, false, 0);
        this.info = order == 3 ? base.withKey(SamplerRegistry.key(base.id(), java.util.Map.of("lowerOrderFinal", lowerOrderFinal ? 1.0 : 0.0)))
                : base;
    }

    @Override
    public SamplerInfo info() {
        return info;
    }

    /** The order used on step t of a T-step run. */
    int orderAt(int t, int steps) {
        if (order < 3 || !lowerOrderFinal) {
            return order;
        }
        if (steps == 1) {
            return 1;
        }
        return t == 1 ? 1 : t == 2 ? 2 : 3;
    }

    @Override
    public void step(StepContext ctx, double[][] y, int n) {
        int t = ctx.t();
        double gs = ctx.grid().abar(t);
        double gt = ctx.grid().abar(t - 1);
        if (Vp.isData(gt)) {
            Vp.denoise(ctx, y, n, gs, ctx.buffer(0));
            return;
        }
        int k = orderAt(t, ctx.grid().steps());
        double ls = Vp.lambda(gs);
        double h = Vp.lambda(gt) - ls;
        double[][] es = ctx.buffer(0);
        Vp.eps(ctx, y, n, gs, es);
        double as = Vp.alpha(gs);
        double at = Vp.alpha(gt);
        double st = Vp.sigma(gt);
        double phi1 = Math.expm1(h);
        StepRecorder rec = ctx.recorder();
        if (k == 1) {
            if (rec != null) {
                rec.stage(Tex.NEXT, "DPM-Solver-1 (= DDIM)", gt);
                rec.carry("\\frac{\\alpha_{t-1}}{\\alpha_t}", Tex.Y, "rescaling", at / as, y);
                rec.term("-\\sigma_{t-1}(e^{h}-1)", Tex.EPS, "noise-prediction step", -st * phi1, es);
            }
            Vp.combine(at / as, y, -st * phi1, es, y, n);
            return;
        }
        double r1 = k == 2 ? R1_2 : R1_3;
        double g1 = Vp.gamma(ls + r1 * h);
        double[][] x1 = ctx.buffer(1);
        if (rec != null) {
            rec.stage("x_{s_1}", "intermediate point at λ_t + " + (k == 2 ? "h/2" : "h/3"), g1);
            rec.carry("\\frac{\\alpha_{s_1}}{\\alpha_t}", Tex.Y, "rescaling", Vp.alpha(g1) / as, y);
            rec.term("-\\sigma_{s_1}(e^{r_1h}-1)", Tex.EPS, "DDIM step to s_1", -Vp.sigma(g1) * Math.expm1(r1 * h), es);
        }
        Vp.combine(Vp.alpha(g1) / as, y, -Vp.sigma(g1) * Math.expm1(r1 * h), es, x1, n);
        if (rec != null) {
            rec.result(x1);
        }
        double[][] e1 = ctx.buffer(2);
        Vp.eps(ctx, x1, n, g1, e1);
        if (k == 2) {
            double c = -(0.5 / r1) * st * phi1;
            if (rec != null) {
                rec.stage(Tex.NEXT, "DPM-Solver-2", gt);
                rec.carry("\\frac{\\alpha_{t-1}}{\\alpha_t}", Tex.Y, "rescaling", at / as, y);
                rec.term("-\\sigma_{t-1}(e^{h}-1)", Tex.EPS, "noise-prediction step", -st * phi1, es);
                rec.term("-\\frac{\\sigma_{t-1}}{2r_1}(e^{h}-1)", "\\left(\\varepsilon(x_{s_1})-\\varepsilon_t(Y_t)\\right)",
                        "second-order correction", c, rec.combine(1, e1, -1, es));
            }
            for (int a = 0; a < y.length; a++) {
                for (int i = 0; i < n; i++) {
                    y[a][i] = (at / as) * y[a][i] - st * phi1 * es[a][i] + c * (e1[a][i] - es[a][i]);
                }
            }
            return;
        }
        double r2 = R2_3;
        double g2 = Vp.gamma(ls + r2 * h);
        double phi12 = Math.expm1(r2 * h);
        double phi22 = phi12 / (r2 * h) - 1;
        double phi2 = phi1 / h - 1;
        double[][] x2 = ctx.buffer(3);
        double a2 = Vp.alpha(g2) / as;
        double s2 = Vp.sigma(g2);
        if (rec != null) {
            rec.stage("x_{s_2}", "intermediate point at λ_t + 2h/3", g2);
            rec.carry("\\frac{\\alpha_{s_2}}{\\alpha_t}", Tex.Y, "rescaling", a2, y);
            rec.term("-\\sigma_{s_2}(e^{r_2h}-1)", Tex.EPS, "DDIM step to s_2", -s2 * phi12, es);
            rec.term("-\\frac{r_2}{r_1}\\sigma_{s_2}\\varphi_{22}", "\\left(\\varepsilon(x_{s_1})-\\varepsilon_t(Y_t)\\right)",
                    "second-order correction", -(r2 / r1) * s2 * phi22, rec.combine(1, e1, -1, es));
        }
        for (int a = 0; a < y.length; a++) {
            for (int i = 0; i < n; i++) {
                x2[a][i] = a2 * y[a][i] - s2 * phi12 * es[a][i] - (r2 / r1) * s2 * phi22 * (e1[a][i] - es[a][i]);
            }
        }
        if (rec != null) {
            rec.result(x2);
        }
        double[][] e2 = ctx.buffer(4);
        Vp.eps(ctx, x2, n, g2, e2);
        if (rec != null) {
            rec.stage(Tex.NEXT, "DPM-Solver-3", gt);
            rec.carry("\\frac{\\alpha_{t-1}}{\\alpha_t}", Tex.Y, "rescaling", at / as, y);
            rec.term("-\\sigma_{t-1}(e^{h}-1)", Tex.EPS, "noise-prediction step", -st * phi1, es);
            rec.term("-\\frac{\\sigma_{t-1}}{r_2}\\varphi_2", "\\left(\\varepsilon(x_{s_2})-\\varepsilon_t(Y_t)\\right)",
                    "third-order correction", -(1 / r2) * st * phi2, rec.combine(1, e2, -1, es));
        }
        for (int a = 0; a < y.length; a++) {
            for (int i = 0; i < n; i++) {
                y[a][i] = (at / as) * y[a][i] - st * phi1 * es[a][i] - (1 / r2) * st * phi2 * (e2[a][i] - es[a][i]);
            }
        }
    }
}
