package org.scorescope.sampler;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;

/**
 * UniPC, multistep predictor–corrector of order 3 with data prediction (Zhao et al. 2023;
 * {@code wl-zhao/UniPC}, {@code uni_pc.py}: {@code multistep_uni_pc_bh_update} and {@code sample}
 * with {@code method='multistep'}). Defaults as in the reference class: {@code predict_x0=True}
 * ({@code algorithm_type="data_prediction"}), variant {@code bh1} (B(h) = h; {@code bh2}: B(h) = eʰ−1,
 * chosen with parameter {@code variant=2}), {@code lower_order_final=True}.
 *
 * <p>Schedule of a T-step run, exactly as {@code sample}: the model is evaluated at x_T first; the
 * first steps warm up with orders 1 and 2 (corrector on); then order min(3, T + 1 − step) — so the
 * last two steps are of order 2 and 1 (lower_order_final always applies here, unlike DPM-Solver++);
 * the corrector runs on every step but the last, and its model evaluation (taken at the predictor's
 * output) is reused by the next step. NFE = T. The predictor of order 2 uses ρ = ½; order 3 solves
 * the linear system R ρ = b; the order-1 corrector uses ρ = ½. A step that ends at the data
 * (ᾱ_{t−1} = 1, infinite in λ) is the denoising step D(Y_t, ᾱ_t).
 */
public final class UniPcSampler implements Sampler {
    private final boolean bh2;
    private final boolean lowerOrderFinal;
    private final SamplerInfo info;

    /**
     * @param bh2 true for B(h) = eʰ − 1 (variant bh2), false for B(h) = h (bh1, the default)
     */
    public UniPcSampler(boolean bh2) {
        this(bh2, true);
    }

    /**
     * @param bh2 true for variant bh2
     * @param lowerOrderFinal the reference's {@code lower_order_final} (default true)
     */
    public UniPcSampler(boolean bh2, boolean lowerOrderFinal) {
        this.bh2 = bh2;
        this.lowerOrderFinal = lowerOrderFinal;
        this.info = new SamplerInfo("unipc-3", "UniPC-3 (" + (bh2 ? "bh2" : "bh1") + ")",
                "Zhao et al. 2023; wl-zhao/UniPC uni_pc.py, multistep_uni_pc_bh_update", 1, 3, false, 0)
                .withKey(SamplerRegistry.key("unipc-3", java.util.Map.of("variant", bh2 ? 2.0 : 1.0, "lowerOrderFinal", lowerOrderFinal ? 1.0 : 0.0)));
    }

    static final class Memory {
        /** Model values (data predictions) at the previous points, oldest first, and their λ. */
        final double[][][] models = new double[3][][];
        final double[] lambdas = new double[3];
        int count;
        final int d;
        final int n;

        Memory(int d, int n) {
            this.d = d;
            this.n = n;
        }

        /** The array the next model value is written into: a fresh one, or the oldest once three are kept. */
        double[][] free() {
            if (spare == null) {
                spare = new double[d][n];
            }
            return spare;
        }

        private double[][] spare;

        /** Keeps {@code model} (which must be {@link #free()}'s array) without copying it. */
        void push(double[][] model, double lambda) {
            double[][] dropped = null;
            if (count == 3) {
                dropped = models[0];
                System.arraycopy(models, 1, models, 0, 2);
                System.arraycopy(lambdas, 1, lambdas, 0, 2);
                count = 2;
            }
            models[count] = model;
            lambdas[count] = lambda;
            count++;
            spare = dropped;
        }
    }

    /**
     * The coefficients of one step, the same for every chunk (they depend on the λ's and the order
     * only): computed by the first chunk of a step, reused by the others.
     */
    private record Coefficients(double[] lambdas, int order, double[] rks, double[] rhoP, double[] rhoC) {
    }

    private volatile Coefficients last;

    /**
     * The predictor's base (σ_{t−1}/σ_t) Y − α_{t−1}(e^{−h}−1) m_0, kept for the corrector: one array
     * per worker thread, reused by every chunk it steps, so it stays in the core's cache (a buffer
     * per chunk is 16 MiB at 1M particles that goes to memory and back every step: issue 19).
     */
    private final ThreadLocal<double[][]> baseScratch = new ThreadLocal<>();

    private double[][] base(int d, int n) {
        double[][] b = baseScratch.get();
        if (b == null || b.length != d || b[0].length < n) {
            b = new double[d][Math.max(n, 2048)];
            baseScratch.set(b);
        }
        return b;
    }

    @Override
    public SamplerInfo info() {
        return info;
    }

    @Override
    public Object newMemory(int dim, int capacity) {
        return new Memory(dim, capacity);
    }

    @Override
    public void step(StepContext ctx, double[][] y, int n) {
        int t = ctx.t();
        int steps = ctx.grid().steps();
        int stepIndex = steps - t + 1;
        Memory m = (Memory) ctx.memory();
        double gp = ctx.grid().abar(t);
        double gt = ctx.grid().abar(t - 1);
        if (Vp.isData(gt)) {
            Vp.denoise(ctx, y, n, gp, ctx.buffer(0));
            return;
        }
        if (m.count == 0) {
            double[][] model = m.free();
            Vp.data(ctx, y, n, gp, model);
            m.push(model, Vp.lambda(gp));
        }
        int order = stepIndex < 3 ? stepIndex : lowerOrderFinal ? Math.min(3, steps + 1 - stepIndex) : 3;
        boolean corrector = stepIndex < steps;
        double lp0 = m.lambdas[m.count - 1];
        double lt = Vp.lambda(gt);
        double h = lt - lp0;
        double hh = -h;
        double hPhi1 = Math.expm1(hh);
        double bh = bh2 ? Math.expm1(hh) : hh;
        Coefficients k = coefficients(m, order, lt, h, hh, hPhi1, bh);
        double sigmaRatio = Vp.sigma(gt) / Vp.sigma(gp);
        double at = Vp.alpha(gt);
        StepRecorder rec = ctx.recorder();
        if (rec == null) {
            stepFast(ctx, m, y, n, k, order, corrector, gt, lt, sigmaRatio, at * hPhi1, at * bh);
        } else {
            stepTraced(ctx, rec, m, y, n, k, order, corrector, gt, lt, sigmaRatio, at, hPhi1, bh);
        }
    }

    /**
     * The step of every normal run: the same arithmetic as {@link #stepTraced}, operation for
     * operation (so bit for bit the same particles; StepAnatomyTest, UniPcFastPathTest), with the
     * differences D_i = (m_i − m_0)/r_i formed where they are used instead of stored, the corrector's
     * model value x̂₀ formed in the corrector's own pass, and one loop per number of earlier model
     * values (0, 1, 2) so that the JIT vectorises it (the general loop over d1s[q][a][j] cost more
     * than the score: issue 19).
     */
    private void stepFast(StepContext ctx, Memory m, double[][] y, int n, Coefficients k, int order, boolean corrector,
            double gt, double lt, double sigmaRatio, double atHPhi1, double atBh) {
        int prior = order - 1;
        double[][] m0 = m.models[m.count - 1];
        double[][] m1 = prior >= 1 ? m.models[m.count - 2] : null;
        double[][] m2 = prior >= 2 ? m.models[m.count - 3] : null;
        double[] rks = k.rks();
        double inv1 = prior >= 1 ? 1 / rks[0] : 0;
        double inv2 = prior >= 2 ? 1 / rks[1] : 0;
        double[] rhoP = k.rhoP();
        double p1 = prior >= 1 ? rhoP[0] : 0;
        double p2 = prior >= 2 ? rhoP[1] : 0;
        double[][] base = base(y.length, n);
        double zero = atBh * 0.0; // the general loop's α B(h)·0 when there is no earlier model value
        for (int a = 0; a < y.length; a++) {
            double[] ba = base[a];
            double[] ya = y[a];
            double[] m0a = m0[a];
            if (prior == 0) {
                for (int j = 0; j < n; j++) {
                    double b = sigmaRatio * ya[j] - atHPhi1 * m0a[j];
                    ba[j] = b;
                    ya[j] = b - zero;
                }
            } else if (prior == 1) {
                double[] m1a = m1[a];
                for (int j = 0; j < n; j++) {
                    double m0j = m0a[j];
                    double b = sigmaRatio * ya[j] - atHPhi1 * m0j;
                    ba[j] = b;
                    double res = 0.0 + p1 * ((m1a[j] - m0j) * inv1);
                    ya[j] = b - atBh * res;
                }
            } else {
                double[] m1a = m1[a];
                double[] m2a = m2[a];
                for (int j = 0; j < n; j++) {
                    double m0j = m0a[j];
                    double b = sigmaRatio * ya[j] - atHPhi1 * m0j;
                    ba[j] = b;
                    double res = 0.0 + p1 * ((m1a[j] - m0j) * inv1) + p2 * ((m2a[j] - m0j) * inv2);
                    ya[j] = b - atBh * res;
                }
            }
        }
        if (!corrector) {
            return;
        }
        double[][] model = m.free();
        ctx.score(y, n, gt, model);
        // model ← x̂₀(x^p) = (x^p + (1−γ) s)/√γ (Vp.data's arithmetic), formed in the corrector's pass
        double inv = 1 / Math.sqrt(gt);
        double cg = 1 - gt;
        double[] rhoC = k.rhoC();
        double c1 = prior >= 1 ? rhoC[0] : 0;
        double c2 = prior >= 2 ? rhoC[1] : 0;
        double rhoLast = rhoC[order - 1];
        for (int a = 0; a < y.length; a++) {
            double[] ba = base[a];
            double[] ya = y[a];
            double[] ma = model[a];
            double[] m0a = m0[a];
            if (prior == 0) {
                for (int j = 0; j < n; j++) {
                    double x0 = (ya[j] + cg * ma[j]) * inv;
                    ma[j] = x0;
                    ya[j] = ba[j] - atBh * (0.0 + rhoLast * (x0 - m0a[j]));
                }
            } else if (prior == 1) {
                double[] m1a = m1[a];
                for (int j = 0; j < n; j++) {
                    double x0 = (ya[j] + cg * ma[j]) * inv;
                    ma[j] = x0;
                    double m0j = m0a[j];
                    double res = 0.0 + c1 * ((m1a[j] - m0j) * inv1);
                    ya[j] = ba[j] - atBh * (res + rhoLast * (x0 - m0j));
                }
            } else {
                double[] m1a = m1[a];
                double[] m2a = m2[a];
                for (int j = 0; j < n; j++) {
                    double x0 = (ya[j] + cg * ma[j]) * inv;
                    ma[j] = x0;
                    double m0j = m0a[j];
                    double res = 0.0 + c1 * ((m1a[j] - m0j) * inv1) + c2 * ((m2a[j] - m0j) * inv2);
                    ya[j] = ba[j] - atBh * (res + rhoLast * (x0 - m0j));
                }
            }
        }
        m.push(model, lt);
    }

    /** The step written as the reference writes it, with its terms declared to the recorder (a traced particle's chunk). */
    private static void stepTraced(StepContext ctx, StepRecorder rec, Memory m, double[][] y, int n, Coefficients k, int order,
            boolean corrector, double gt, double lt, double sigmaRatio, double at, double hPhi1, double bh) {
        int prior = order - 1;
        double[][] m0 = m.models[m.count - 1];
        double[] rks = k.rks();
        double[][][] d1s = new double[prior][][];
        for (int i = 1; i < order; i++) {
            double[][] mi = m.models[m.count - 1 - i];
            double[][] d1 = ctx.buffer(4 + i);
            double inv = 1 / rks[i - 1];
            for (int a = 0; a < y.length; a++) {
                double[] d1a = d1[a];
                double[] mia = mi[a];
                double[] m0a = m0[a];
                for (int j = 0; j < n; j++) {
                    d1a[j] = (mia[j] - m0a[j]) * inv;
                }
            }
            d1s[i - 1] = d1;
        }
        double[] rhoP = k.rhoP();
        double[] rhoC = k.rhoC();
        double[][] base = ctx.buffer(1);
        double atHPhi1 = at * hPhi1;
        double atBh = at * bh;
        double[] start = rec.at(y);
        record(rec, corrector ? "x^p_{t-1}" : Tex.NEXT, "predictor of order " + order, gt, sigmaRatio, at, hPhi1, bh, start, m0, rhoP, d1s, null);
        for (int a = 0; a < y.length; a++) {
            double[] ba = base[a];
            double[] ya = y[a];
            double[] m0a = m0[a];
            for (int j = 0; j < n; j++) {
                double b = sigmaRatio * ya[j] - atHPhi1 * m0a[j];
                ba[j] = b;
                double res = 0;
                for (int q = 0; q < prior; q++) {
                    res += rhoP[q] * d1s[q][a][j];
                }
                ya[j] = b - atBh * res;
            }
        }
        if (!corrector) {
            return;
        }
        double[][] model = m.free();
        Vp.data(ctx, y, n, gt, model);
        rec.result(y);
        record(rec, Tex.NEXT, "corrector of order " + order + " (its model value is reused by the next step)", gt, sigmaRatio, at, hPhi1, bh,
                start, m0, rhoC, d1s, model);
        double rhoLast = rhoC[order - 1];
        for (int a = 0; a < y.length; a++) {
            double[] ba = base[a];
            double[] ya = y[a];
            double[] ma = model[a];
            double[] m0a = m0[a];
            for (int j = 0; j < n; j++) {
                double res = 0;
                for (int q = 0; q < prior; q++) {
                    res += rhoC[q] * d1s[q][a][j];
                }
                ya[j] = ba[j] - atBh * (res + rhoLast * (ma[j] - m0a[j]));
            }
        }
        m.push(model, lt);
    }

    /** This step's rks, ρ of the predictor and of the corrector: from the cache when another chunk solved them. */
    private Coefficients coefficients(Memory m, int order, double lt, double h, double hh, double hPhi1, double bh) {
        double[] lambdas = new double[m.count + 1];
        System.arraycopy(m.lambdas, 0, lambdas, 0, m.count);
        lambdas[m.count] = lt;
        Coefficients c = last;
        if (c != null && c.order() == order && java.util.Arrays.equals(c.lambdas(), lambdas)) {
            return c;
        }
        double lp0 = m.lambdas[m.count - 1];
        int prior = order - 1;
        double[] rks = new double[order];
        for (int i = 1; i < order; i++) {
            rks[i - 1] = (m.lambdas[m.count - 1 - i] - lp0) / h;
        }
        rks[order - 1] = 1;
        double[][] r = new double[order][order];
        double[] b = new double[order];
        double hPhiK = hPhi1 / hh - 1;
        double factorial = 1;
        for (int i = 1; i <= order; i++) {
            for (int j = 0; j < order; j++) {
                r[i - 1][j] = Math.pow(rks[j], i - 1);
            }
            b[i - 1] = hPhiK * factorial / bh;
            factorial *= i + 1;
            hPhiK = hPhiK / hh - 1 / factorial;
        }
        double[] rhoP = new double[0];
        if (prior > 0) {
            rhoP = order == 2 ? new double[] {0.5} : solve(r, b, order - 1);
        }
        double[] rhoC = order == 1 ? new double[] {0.5} : solve(r, b, order);
        c = new Coefficients(lambdas, order, rks, rhoP, rhoC);
        last = c;
        return c;
    }

    /** Declares x = (σ_{t−1}/σ_t) Y_t − α_{t−1}(e^{−h}−1) m_0 − α_{t−1} B(h) (Σ_k ρ_k D_k [+ ρ_c (m_c − m_0)]). */
    private static void record(StepRecorder rec, String symbol, String words, double level, double sigmaRatio, double at, double hPhi1,
            double bh, double[] start, double[][] m0, double[] rho, double[][][] d1s, double[][] model) {
        rec.stage(symbol, words, level);
        rec.carry("\\frac{\\sigma_{t-1}}{\\sigma_t}", Tex.Y, "rescaling", sigmaRatio, start);
        rec.term("-\\alpha_{t-1}(e^{-h}-1)", "m_0", "towards the latest data prediction m_0", -at * hPhi1, m0);
        for (int k = 0; k < d1s.length; k++) {
            rec.term("-\\alpha_{t-1}B(h)\\rho_" + (k + 1), "D_" + (k + 1), "difference with an earlier data prediction", -at * bh * rho[k], d1s[k]);
        }
        if (model != null) {
            rec.term("-\\alpha_{t-1}B(h)\\rho_c", "\\left(\\hat x_0(x^p_{t-1})-m_0\\right)", "correction with the new data prediction",
                    -at * bh * rho[rho.length - 1], rec.combine(1, model, -1, m0));
        }
    }

    private static double[] solve(double[][] r, double[] b, int size) {
        double[][] sub = new double[size][size];
        double[] rhs = new double[size];
        for (int i = 0; i < size; i++) {
            System.arraycopy(r[i], 0, sub[i], 0, size);
            rhs[i] = b[i];
        }
        return new LUDecomposition(new Array2DRowRealMatrix(sub)).getSolver().solve(new ArrayRealVector(rhs)).toArray();
    }
}
