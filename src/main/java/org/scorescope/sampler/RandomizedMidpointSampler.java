package org.scorescope.sampler;

/**
 * The randomized midpoint sampler (003 Part 3, Theorem 7; Jiao and Li 2025; docs/algorithms.md §4.9),
 * 2 NFE: a level γ ~ Unif[ᾱ_t, ᾱ_{t−1}] per particle, drawn from the run's keyed stream; Y_γ
 * predicted by a DDIM step (exact coefficients) from Y_t; then
 * Y_{t−1} = Y_t/√α_t + (√ᾱ_{t−1}/2)(ᾱ_{t−1} − ᾱ_t) γ^{−3/2} s(Y_γ, γ) — an unbiased one-point
 * estimate of the integral in 001 eq. 20. (The factor √ᾱ_{t−1}/2 that the slide drops is kept:
 * docs/algorithms.md §4.9, typo.) Its randomness is not Gaussian, so it has no exact Gaussian propagation.
 */
public final class RandomizedMidpointSampler implements Sampler {
    private static final SamplerInfo INFO = new SamplerInfo("rand-midpoint", "Randomized midpoint",
            "003_1b963510094279b5.txt Part 3, Theorem 7 (Jiao and Li 2025)", 2, 0, true, 0);

    @Override
    public SamplerInfo info() {
        return INFO;
    }

    /**
     * A step's buffers: the per-particle uniforms (then √γ, then the score's weight), levels and DDIM
     * shifts, and the d × n noise prediction, midpoint and score. Nothing in them outlives the step, so
     * there is one set per worker thread, reused by every chunk it steps and kept in the core's cache
     * (a set per chunk is ~5 × 8 MiB at 1M particles that goes to memory and back every step: issue 19).
     */
    static final class Scratch {
        final double[] u;
        final double[] gamma;
        final double[] shift;
        final double[][] e;
        final double[][] mid;
        final double[][] s;

        Scratch(int d, int n) {
            u = new double[n];
            gamma = new double[n];
            shift = new double[n];
            e = new double[d][n];
            mid = new double[d][n];
            s = new double[d][n];
        }

        boolean fits(int d, int n) {
            return e.length == d && u.length >= n;
        }
    }

    private final ThreadLocal<Scratch> scratch = new ThreadLocal<>();

    private Scratch scratch(int d, int n) {
        Scratch b = scratch.get();
        if (b == null || !b.fits(d, n)) {
            b = new Scratch(d, Math.max(n, 2048));
            scratch.set(b);
        }
        return b;
    }

    /**
     * Per step: the constants of the level pair once; per particle its level, the DDIM prediction
     * Y_γ and, in one batch at per-particle levels ({@link StepContext#scoreLevels}), its score.
     * Nothing is allocated per particle.
     */
    @Override
    public void step(StepContext ctx, double[][] y, int n) {
        int t = ctx.t();
        double gt = ctx.grid().abar(t);
        double gp = ctx.grid().abar(t - 1);
        Scratch m = scratch(y.length, n);
        double[] u = m.u;
        double[] gamma = m.gamma;
        ctx.uniform(u, n);
        double[][] e = m.e;
        Vp.eps(ctx, y, n, gt, e);
        double[][] mid = m.mid;
        double at = Vp.alpha(gt);
        double invAt = 1 / at;
        double emt = Vp.sigma(gt) / at;
        int d = y.length;
        // per particle, then per axis: loops the JIT vectorises (the same arithmetic as one loop per particle; issue 19)
        double[] ag = u; // √γ replaces the uniform it came from
        double[] shift = m.shift;
        for (int i = 0; i < n; i++) {
            double g = gt + (gp - gt) * u[i];
            gamma[i] = g;
            double r = Math.sqrt(g);
            ag[i] = r;
            shift[i] = Math.sqrt(1 - g) / r - emt;
        }
        for (int a = 0; a < d; a++) {
            double[] ma = mid[a];
            double[] ya = y[a];
            double[] ea = e[a];
            for (int i = 0; i < n; i++) {
                ma[i] = ag[i] * (ya[i] * invAt + shift[i] * ea[i]);
            }
        }
        double[][] s = m.s;
        ctx.scoreLevels(mid, n, gamma, s);
        double inv = 1 / Math.sqrt(gt / gp);
        double c = Math.sqrt(gp) / 2 * (gp - gt);
        double[] w = u; // the score's weight replaces √γ
        for (int i = 0; i < n; i++) {
            double g = gamma[i];
            w[i] = c / (g * Math.sqrt(g));
        }
        StepRecorder rec = ctx.recorder();
        if (rec != null && rec.particle() >= 0 && rec.particle() < n) {
            int i = rec.particle();
            record(rec, y, e, mid, s, gt, gp, gamma[i], inv, w[i]);
        }
        for (int a = 0; a < d; a++) {
            double[] ya = y[a];
            double[] sa = s[a];
            for (int i = 0; i < n; i++) {
                ya[i] = ya[i] * inv + w[i] * sa[i];
            }
        }
    }

    /** Declares the recorded particle's midpoint and update (its own level γ). */
    private static void record(StepRecorder rec, double[][] y, double[][] e, double[][] mid, double[][] s, double gt, double gp,
            double g, double inv, double w) {
        double ag = Math.sqrt(g);
        rec.stage("Y_\\gamma", "the DDIM prediction at the random level γ = " + (float) g, g);
        rec.carry("\\frac{\\sqrt{\\gamma}}{\\sqrt{\\bar\\alpha_t}}", Tex.Y, "rescaling", ag / Math.sqrt(gt), y);
        rec.term("\\sqrt{\\gamma}\\left(\\tfrac{\\sqrt{1-\\gamma}}{\\sqrt{\\gamma}}-\\tfrac{\\sqrt{1-\\bar\\alpha_t}}{\\sqrt{\\bar\\alpha_t}}\\right)",
                Tex.EPS, "DDIM step to γ", ag * (Math.sqrt(1 - g) / ag - Math.sqrt(1 - gt) / Math.sqrt(gt)), e);
        rec.result(mid);
        rec.stage(Tex.NEXT, "one-point estimate of the integral (003 Thm 7)", gp);
        rec.carry(Tex.INV_SQRT_ALPHA, Tex.Y, "rescaling", inv, y);
        rec.term("\\frac{\\sqrt{\\bar\\alpha_{t-1}}}{2}(\\bar\\alpha_{t-1}-\\bar\\alpha_t)\\gamma^{-3/2}", "s(Y_\\gamma,\\gamma)",
                "score at the random midpoint", w, s);
    }
}
