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
 * {@value #TOLERANCE_ITERATIONS} iterations; the map contracts by about c_t/√ᾱ_{t−1} = O(1/T); a step that still
 * moves by more than {@value #GIVE_UP} then stops the run with a message naming the step). Every
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
            forwardStep(ctx, y, n, 0);
            return;
        }
        Memory m = (Memory) ctx.memory();
        if (!m.started) {
            Vp.copy(y, m.forward, n);
            Vp.copy(y, m.ddim, n);
            m.started = true;
        }
        forwardStep(ctx, m.forward, n, 0);
        ddimStep(ctx, m.ddim, n, 5);
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

    private static void ddimStep(StepContext ctx, double[][] y, int n, int slot) {
        double[] k = coefficients(ctx);
        double[][] den = ctx.buffer(slot);
        Vp.data(ctx, y, n, k[2], den);
        Vp.combine(k[0], y, k[1], den, y, n);
    }

    private void forwardStep(StepContext ctx, double[][] y, int n, int slot) {
        if (Vp.isData(ctx.grid().abar(ctx.t() - 1))) {
            // a = 0, c = 1: Y = D(Y, 1) = Y holds for every Y; take the reverse value D(Y_t, ᾱ_t).
            ddimStep(ctx, y, n, slot);
            return;
        }
        double[] k = coefficients(ctx);
        double a = k[0];
        double c = k[1];
        double[][] den = ctx.buffer(slot);
        double[][] base = ctx.buffer(slot + 1);
        double[][] next = ctx.buffer(slot + 2);
        Vp.data(ctx, y, n, k[2], den);
        for (int d = 0; d < y.length; d++) {
            for (int i = 0; i < n; i++) {
                base[d][i] = a * y[d][i];
                next[d][i] = base[d][i] + c * den[d][i];
            }
        }
        int limit = iterations > 0 ? iterations : TOLERANCE_ITERATIONS;
        double worst = Double.NaN;
        for (int it = 0; it < limit; it++) {
            Vp.data(ctx, next, n, k[3], den);
            worst = 0;
            for (int d = 0; d < y.length; d++) {
                for (int i = 0; i < n; i++) {
                    double v = base[d][i] + c * den[d][i];
                    double change = Math.abs(v - next[d][i]) / (1 + Math.abs(v));
                    if (change > worst || Double.isNaN(change)) {
                        worst = Double.isNaN(change) ? 0 : change;
                    }
                    next[d][i] = v;
                }
            }
            if (iterations == 0 && worst < TOLERANCE) {
                break;
            }
        }
        if (iterations == 0 && worst > GIVE_UP) {
            throw new IllegalStateException("fddim: the implicit step t=" + ctx.t() + " (ᾱ from " + k[2] + " to " + k[3]
                    + ") did not converge in " + TOLERANCE_ITERATIONS + " fixed-point iterations (last relative change " + worst
                    + "): the map contracts only when c_t/√ᾱ_{t−1} is small; take more steps, or set iterations=k for a fixed budget");
        }
        Vp.copy(next, y, n);
    }
}
