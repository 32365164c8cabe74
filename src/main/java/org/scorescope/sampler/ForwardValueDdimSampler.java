package org.scorescope.sampler;

/**
 * Forward-value DDIM (F-DDIM; 003 Part 3, Theorem 8; Jiao, Li, Cai, Li 2025; docs/algorithms.md §4.10).
 * With a = √((1−ᾱ_{t−1})/(1−ᾱ_t)) and c_t = √ᾱ_{t−1} − √((1−ᾱ_{t−1}) ᾱ_t/(1−ᾱ_t)):
 * <pre>
 * reverse value (DDIM):  Y_{t−1} = a Y_t + c_t D(Y_t, ᾱ_t)
 * forward value:         Y_{t−1} = a Y_t + c_t D(Y_{t−1}, ᾱ_{t−1})      (implicit)
 * </pre>
 * The implicit step is solved by fixed-point iteration started from the DDIM value, for the whole
 * chunk, until every particle moves by less than {@value #TOLERANCE}·(1 + |Y|) (at most
 * {@value #TOLERANCE_ITERATIONS} iterations; the map contracts by about c_t/√ᾱ_{t−1} = O(1/T); a particle that
 * still moves by more than {@value #GIVE_UP} then becomes NaN: the engine counts it as diverged at that step
 * and the run goes on for the others). Every
 * evaluation counts as NFE: 1 for the DDIM start plus one per iteration.
 *
 * <p>With {@code average = true} ({@code fddim-avg}) the sampler also runs the DDIM chain from the
 * same Y_T and shows the average of the two chains; at the output this is the second-order
 * combination of Theorem 8 (‖Y^fw − X + Y^ddim − X‖ = Õ(1/T²)).
 */
public final class ForwardValueDdimSampler implements Sampler {
    static final double TOLERANCE = 1e-13;
    /** Largest fixed budget (parameter {@code iterations}). */
    static final int MAX_ITERATIONS = 100;
    /** Iterations allowed in tolerance mode: on a large step the map contracts slowly (by ~0.9 per iteration). */
    static final int TOLERANCE_ITERATIONS = 2000;
    /** A tolerance-mode step still moving by more than this after {@value #TOLERANCE_ITERATIONS} iterations stops the run. */
    static final double GIVE_UP = 1e-8;
    private final boolean average;
    private final int iterations;
    private final SamplerInfo info;

    /**
     * @param average show the average of the F-DDIM and DDIM chains ({@code fddim-avg})
     */
    public ForwardValueDdimSampler(boolean average) {
        this(average, 0);
    }

    /**
     * @param average show the average of the F-DDIM and DDIM chains ({@code fddim-avg})
     * @param iterations 0: iterate to the tolerance (default); k ≥ 1: exactly k fixed-point
     *     iterations after the DDIM start (NFE = 1 + k per step), as a budgeted implementation would
     */
    public ForwardValueDdimSampler(boolean average, int iterations) {
        if (iterations < 0 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("iterations must be in 0.." + MAX_ITERATIONS + ", was " + iterations);
        }
        this.iterations = iterations;
        this.average = average;
        double nfe = iterations == 0 ? Double.NaN : (average ? 2 : 1) + iterations;
        SamplerInfo base = average
                ? new SamplerInfo("fddim-avg", "Average of F-DDIM and DDIM", "003_1b963510094279b5.txt Part 3, Theorem 8", nfe, 2, false, 0)
                : new SamplerInfo("fddim", "Forward-value DDIM (F-DDIM)", "003_1b963510094279b5.txt Part 3, Theorem 8", nfe, 1, false, 0);
        this.info = base.withKey(SamplerRegistry.key(base.id(), java.util.Map.of("iterations", (double) iterations)));
    }

    /** The two chains of {@code fddim-avg}. */
    static final class Memory {
        final double[][] forward;
        final double[][] ddim;
        boolean started;

        Memory(int d, int n) {
            forward = new double[d][n];
            ddim = new double[d][n];
        }
    }

    @Override
    public SamplerInfo info() {
        return info;
    }

    @Override
    public Object newMemory(int dim, int capacity) {
        return average ? new Memory(dim, capacity) : null;
    }

    @Override
    public void step(StepContext ctx, double[][] y, int n) {
        if (!average) {
            forwardStep(ctx, y, n, 0, "Y");
            return;
        }
        Memory m = (Memory) ctx.memory();
        if (!m.started) {
            Vp.copy(y, m.forward, n);
            Vp.copy(y, m.ddim, n);
            m.started = true;
        }
        forwardStep(ctx, m.forward, n, 0, "Y^{fw}");
        ddimStep(ctx, m.ddim, n, 5, "Y^{ddim}");
        StepRecorder rec = ctx.recorder();
        if (rec != null) {
            rec.stage(Tex.NEXT, "the average of the two chains (003 Thm 8)", ctx.grid().abar(ctx.t() - 1));
            rec.carry("1", "Y^{fw}_{t-1}", "forward-value chain", 1, m.forward);
            rec.term("\\tfrac{1}{2}", "\\left(Y^{ddim}_{t-1}-Y^{fw}_{t-1}\\right)", "half-way to the DDIM chain", 0.5,
                    rec.combine(1, m.ddim, -1, m.forward));
        }
        for (int a = 0; a < y.length; a++) {
            for (int i = 0; i < n; i++) {
                y[a][i] = 0.5 * (m.forward[a][i] + m.ddim[a][i]);
            }
        }
    }

    private static double[] coefficients(StepContext ctx) {
        int t = ctx.t();
        double gt = ctx.grid().abar(t);
        double gp = ctx.grid().abar(t - 1);
        double a = Math.sqrt((1 - gp) / (1 - gt));
        double c = Math.sqrt(gp) - Math.sqrt((1 - gp) * gt / (1 - gt));
        return new double[] {a, c, gt, gp};
    }

    /** a = √((1−ᾱ_{t−1})/(1−ᾱ_t)) and c_t as LaTeX, for the recorder. */
    private static final String A_TEX = "\\sqrt{\\tfrac{1-\\bar\\alpha_{t-1}}{1-\\bar\\alpha_t}}";
    private static final String C_TEX = "c_t";

    /**
     * @param chain the chain's name as LaTeX ("Y", "Y^{fw}", "Y^{ddim}"), for the recorder
     */
    private static void ddimStep(StepContext ctx, double[][] y, int n, int slot, String chain) {
        double[] k = coefficients(ctx);
        double[][] den = ctx.buffer(slot);
        Vp.data(ctx, y, n, k[2], den);
        StepRecorder rec = ctx.recorder();
        if (rec != null) {
            String sub = chain.equals("Y") ? "" : chain.substring(1);
            rec.stage(chain.equals("Y") ? Tex.NEXT : chain + "_{t-1}", "reverse value (DDIM)", k[3]);
            rec.carry(A_TEX, chain + "_t", "rescaling", k[0], y);
            rec.term(C_TEX, "D(Y" + sub + "_t,\\bar\\alpha_t)", "towards the data prediction at the start", k[1], den);
        }
        Vp.combine(k[0], y, k[1], den, y, n);
        if (rec != null) {
            rec.result(y);
        }
    }

    private void forwardStep(StepContext ctx, double[][] y, int n, int slot, String chain) {
        if (Vp.isData(ctx.grid().abar(ctx.t() - 1))) {
            // a = 0, c = 1: Y = D(Y, 1) = Y holds for every Y; take the reverse value D(Y_t, ᾱ_t).
            ddimStep(ctx, y, n, slot, chain);
            return;
        }
        double[] k = coefficients(ctx);
        double a = k[0];
        double c = k[1];
        double[][] den = ctx.buffer(slot);
        double[][] base = ctx.buffer(slot + 1);
        double[][] next = ctx.buffer(slot + 2);
        Vp.data(ctx, y, n, k[2], den);
        StepRecorder rec = ctx.recorder();
        String point = chain.equals("Y") ? Tex.NEXT : chain + "_{t-1}";
        String sub = chain.equals("Y") ? "" : chain.substring(1);
        if (rec != null) {
            rec.stage(point + "^{(0)}", "start of the fixed-point iteration: the DDIM value", k[3]);
            rec.carry(A_TEX, chain + "_t", "rescaling", a, y);
            rec.term(C_TEX, "D(Y" + sub + "_t,\\bar\\alpha_t)", "towards the data prediction at the start", c, den);
        }
        for (int d = 0; d < y.length; d++) {
            for (int i = 0; i < n; i++) {
                base[d][i] = a * y[d][i];
                next[d][i] = base[d][i] + c * den[d][i];
            }
        }
        int limit = iterations > 0 ? iterations : TOLERANCE_ITERATIONS;
        double worst = Double.NaN;
        for (int it = 0; it < limit; it++) {
            if (rec != null) {
                rec.result(next);
            }
            Vp.data(ctx, next, n, k[3], den);
            if (rec != null) {
                rec.stage(point + "^{(" + (it + 1) + ")}", "forward value, fixed-point iteration " + (it + 1), k[3]);
                rec.carry(A_TEX, chain + "_t", "rescaling", a, y);
                rec.term(C_TEX, "D(" + point + "^{(" + it + ")},\\bar\\alpha_{t-1})", "towards the data prediction at the end", c, den);
            }
            boolean last = iterations == 0 && it == limit - 1;
            double[] moved = last ? ctx.buffer(slot + 3)[0] : null;
            if (last) {
                java.util.Arrays.fill(moved, 0, n, 0);
            }
            worst = 0;
            for (int d = 0; d < y.length; d++) {
                for (int i = 0; i < n; i++) {
                    double v = base[d][i] + c * den[d][i];
                    double change = Math.abs(v - next[d][i]) / (1 + Math.abs(v));
                    if (change > worst || Double.isNaN(change)) {
                        worst = Double.isNaN(change) ? 0 : change;
                    }
                    if (last && change > moved[i]) {
                        moved[i] = change;
                    }
                    next[d][i] = v;
                }
            }
            if (iterations == 0 && worst < TOLERANCE) {
                break;
            }
            if (last && worst > GIVE_UP) {
                markUnsolved(next, moved, n);
            }
        }
        if (rec != null) {
            rec.result(next);
        }
        Vp.copy(next, y, n);
    }

    /**
     * The particles whose fixed-point iteration still moves by more than {@value #GIVE_UP} after the
     * tolerance mode's budget have no solved implicit step: they become NaN, so the engine counts them as
     * diverged at this step and every metric leaves them out, and the run goes on for the others (one
     * particle in a million on ring8 at T = 20, where the map does not contract, used to stop the whole run).
     */
    private static void markUnsolved(double[][] next, double[] moved, int n) {
        for (int i = 0; i < n; i++) {
            if (moved[i] > GIVE_UP) {
                for (double[] axis : next) {
                    axis[i] = Double.NaN;
                }
            }
        }
    }
}
