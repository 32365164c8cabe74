package org.scorescope.sampler;

/**
 * DPM-Solver++(2M): multistep, data prediction, {@code solver_type='dpmsolver'} (Lu et al. 2022b;
 * {@code dpm_solver_pytorch.py}, {@code multistep_dpm_solver_second_update} with
 * {@code algorithm_type="dpmsolver++"}), 1 NFE per step:
 * <pre>
 * x_t = (σ_t/σ_{p0}) x − α_t (e^{−h} − 1) x̂₀(p0) − ½ α_t (e^{−h} − 1) D₁,   D₁ = (x̂₀(p0) − x̂₀(p1))/r₀,  r₀ = h₀/h
 * </pre>
 * The first step is first order (warm-up). As in the reference, {@code lower_order_final} lowers
 * the last step to first order only when T &lt; 10 (the code's rule; its docstring says 15). A step
 * that ends at the data (ᾱ_{t−1} = 1) is the denoising step D(Y_t, ᾱ_t). The grid is the run's (the reference's own default
 * for multistep is {@code time_uniform}; pass that grid with the {@code custom} schedule to match).
 */
public final class DpmSolverPlusPlus2MSampler implements Sampler {
    private static final SamplerInfo INFO = new SamplerInfo("dpmpp-2m", "DPM-Solver++ 2M",
            "Lu et al. 2022b; LuChengTHU/dpm-solver dpm_solver_pytorch.py, multistep order 2, dpmsolver++", 1, 2, false, 0);

    static final class Memory {
        final double[][] previous;
        double previousLambda = Double.NaN;

        Memory(int d, int n) {
            previous = new double[d][n];
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
        int steps = ctx.grid().steps();
        Memory m = (Memory) ctx.memory();
        double gp = ctx.grid().abar(t);
        double gt = ctx.grid().abar(t - 1);
        if (Vp.isData(gt)) {
            Vp.denoise(ctx, y, n, gp, ctx.buffer(0));
            return;
        }
        double lp = Vp.lambda(gp);
        double h = Vp.lambda(gt) - lp;
        double[][] d0 = ctx.buffer(0);
        Vp.data(ctx, y, n, gp, d0);
        double phi1 = Math.expm1(-h);
        double at = Vp.alpha(gt);
        double ratio = Vp.sigma(gt) / Vp.sigma(gp);
        boolean first = Double.isNaN(m.previousLambda);
        boolean lowerFinal = steps < 10 && t == 1;
        StepRecorder rec = ctx.recorder();
        if (rec != null) {
            rec.stage(Tex.NEXT, first || lowerFinal ? "DPM-Solver++ first-order step" : "DPM-Solver++(2M)", gt);
            rec.carry("\\frac{\\sigma_{t-1}}{\\sigma_t}", Tex.Y, "rescaling", ratio, y);
            rec.term("-\\alpha_{t-1}(e^{-h}-1)", "\\hat x_0(Y_t)", "towards the data prediction", -at * phi1, d0);
            if (!(first || lowerFinal)) {
                double r0 = (lp - m.previousLambda) / h;
                rec.term("-\\tfrac{1}{2}\\alpha_{t-1}(e^{-h}-1)", "\\frac{\\hat x_0(Y_t)-\\hat x_0(Y_{t+1})}{r_0}",
                        "second-order correction from the previous step", -0.5 * at * phi1, rec.combine(1 / r0, d0, -1 / r0, m.previous));
            }
        }
        if (first || lowerFinal) {
            for (int a = 0; a < y.length; a++) {
                for (int i = 0; i < n; i++) {
                    y[a][i] = ratio * y[a][i] - at * phi1 * d0[a][i];
                }
            }
        } else {
            double r0 = (lp - m.previousLambda) / h;
            for (int a = 0; a < y.length; a++) {
                for (int i = 0; i < n; i++) {
                    double d1 = (d0[a][i] - m.previous[a][i]) / r0;
                    y[a][i] = ratio * y[a][i] - at * phi1 * d0[a][i] - 0.5 * at * phi1 * d1;
                }
            }
        }
        Vp.copy(d0, m.previous, n);
        m.previousLambda = lp;
    }
}
