package org.scorescope.sampler;

/**
 * Parallel sampling by Picard iteration, PIADM-SDE (v = 1) and PIADM-ODE (v = 0) (004 slides
 * "Accelerating Diffusion Models with Parallel Sampling"; docs/algorithms.md §4.12). OU time s = −log γ;
 * backward dy = [½ y + ((1+v²)/2) s(y, γ)] dτ + v dw. Each grid interval is one block, split in M
 * sub-steps uniform in s; inside a block, K Picard iterates y^{(k)} at the M+1 sub-points start
 * from y^{(0)} ≡ y(block start) and
 * <pre>
 * y^{(k+1)}_{m+1} = e^{Δ/2} y^{(k+1)}_m + (1+v²)(e^{Δ/2} − 1) s(y^{(k)}_m, γ_m) + v √(e^Δ − 1) z_m
 * </pre>
 * — the linear part integrated exactly, the score frozen at the previous iterate (the M scores of
 * one iterate are independent: one parallel round), the Brownian increments z_m shared by all
 * iterates. Iterate k is exact on the first k sub-points, so K ≥ M gives the sequential
 * exponential-integrator solution on the same grid and path. Parallel rounds = K per block (K·N
 * for N blocks); NFE = K·M per block. In the chunk of the run's first particles, the iterates of the
 * first {@value #TRACKED} particles are recorded ({@link PicardIterates}) for the view that shows
 * them converging. The M evaluations of an iterate go through {@link StepContext#scoreAll}, which the
 * engine runs concurrently when a run has fewer chunks than threads. Rounds and NFE per block are
 * in {@link #roundsPerBlock()}, {@link #nfePerBlock()} and the info's form line; the run's summary
 * ({@code metrics.RunMetrics}) carries them per sampler.
 *
 * <p><b>No corrector in PIADM-ODE.</b> 004's PF-ODE theorem is stated for the ODE predictor
 * <em>with a corrector</em> ("PF-ODE with predictor-corrector [CCL+24]", cost (K + K†N†)N rounds);
 * the slides give the predictor's update but not the corrector's: they cite Chen, Chewi, Lee, Li,
 * Lu and Salim (2023), whose corrector runs underdamped Langevin dynamics at a fixed level with a
 * velocity variable, a friction, a step and a duration that 004 does not fix (K†, N†, M† appear
 * only in the cost). Implementing it would mean choosing all of these ourselves, which is not
 * "as written". PIADM-ODE here is therefore the Picard predictor alone: its TV theorem does not
 * cover it, and the rate study says so ({@code metrics.TheoryOrder}); its error against T is that
 * of the exponential integrator it converges to (first order).
 */
public final class PiadmSampler implements Sampler {
    /** Particles whose Picard iterates are recorded. */
    public static final int TRACKED = 16;
    private final boolean sde;
    private final int m;
    private final int k;
    private final SamplerInfo info;

    /**
     * @param sde true for PIADM-SDE, false for PIADM-ODE
     * @param subSteps M ≥ 1, grid points per block
     * @param iterations K ≥ 1, Picard iterations per block
     */
    public PiadmSampler(boolean sde, int subSteps, int iterations) {
        if (subSteps < 1 || subSteps > 64) {
            throw new IllegalArgumentException("M must be in 1..64, was " + subSteps);
        }
        if (iterations < 1 || iterations > 64) {
            throw new IllegalArgumentException("K must be in 1..64, was " + iterations);
        }
        this.sde = sde;
        this.m = subSteps;
        this.k = iterations;
        this.info = new SamplerInfo(sde ? "piadm-sde" : "piadm-ode",
                (sde ? "PIADM-SDE" : "PIADM-ODE") + " (M=" + m + ", K=" + k + ")",
                "004_e16d9391fa47f0d5.txt, Picard iteration over blocks", k * m, 0, sde, sde ? m : 0)
                .withKey(SamplerRegistry.key(sde ? "piadm-sde" : "piadm-ode", java.util.Map.of("M", (double) m, "K", (double) k)))
                .withForm("004 Picard iteration: one block per grid step, K = " + k + " parallel rounds and K·M = " + (k * m)
                        + " NFE per block" + (sde ? "" : "; predictor only (no corrector, see the Javadoc)"));
    }

    /** Parallel rounds per block (K). */
    public int roundsPerBlock() {
        return k;
    }

    /** Score evaluations per particle per block (K·M). */
    public int nfePerBlock() {
        return k * m;
    }

    @Override
    public SamplerInfo info() {
        return info;
    }

    /** Holds the last block's iterates of the tracked particles. */
    static final class Trace implements SamplerDiagnostics {
        volatile PicardIterates last;

        @Override
        public Object lastStep() {
            return last;
        }
    }

    @Override
    public Object newMemory(int dim, int capacity) {
        return new Trace();
    }

    @Override
    public void step(StepContext ctx, double[][] y, int n) {
        int t = ctx.t();
        double s0 = -Math.log(ctx.grid().abar(t));
        double s1 = -Math.log(ctx.grid().abar(t - 1));
        double delta = (s0 - s1) / m;
        double decay = Math.exp(delta / 2);
        double v2 = sde ? 1 : 0;
        double drift = (1 + v2) * Math.expm1(delta / 2);
        double noise = sde ? Math.sqrt(Math.expm1(delta)) : 0;
        int d = y.length;
        double[][][] z = new double[m][][];
        if (sde) {
            for (int j = 0; j < m; j++) {
                z[j] = new double[d][n];
                ctx.gaussian(z[j], n);
            }
        }
        double[][][] iterate = new double[m + 1][d][n];
        for (int j = 0; j <= m; j++) {
            Vp.copy(y, iterate[j], n);
        }
        double[][][] scores = new double[m][d][n];
        boolean record = ctx.firstParticle() == 0 && ctx.memory() instanceof Trace;
        int tracked = Math.min(TRACKED, n);
        float[][][][] trace = record ? new float[k + 1][][][] : null;
        if (record) {
            trace[0] = snapshot(iterate, tracked);
        }
        double[] gammas = new double[m];
        double[][][] points = new double[m][][];
        for (int j = 0; j < m; j++) {
            gammas[j] = Math.exp(-(s0 - j * delta));
            points[j] = iterate[j];
        }
        StepRecorder rec = ctx.recorder();
        for (int it = 0; it < k; it++) {
            // The M scores of one iterate are independent: one parallel round on the engine's pool.
            ctx.scoreAll(points, n, gammas, scores);
            for (int j = 0; j < m; j++) {
                if (rec != null) {
                    record(rec, it, j, decay, drift, noise, iterate[j], scores[j], sde ? z[j] : null, Math.exp(-(s0 - (j + 1) * delta)));
                }
                for (int a = 0; a < d; a++) {
                    double[] next = iterate[j + 1][a];
                    double[] cur = iterate[j][a];
                    double[] sc = scores[j][a];
                    for (int i = 0; i < n; i++) {
                        double v = decay * cur[i] + drift * sc[i];
                        if (sde) {
                            v += noise * z[j][a][i];
                        }
                        next[i] = v;
                    }
                }
            }
            if (record) {
                trace[it + 1] = snapshot(iterate, tracked);
            }
            if (rec != null) {
                rec.result(iterate[m]);
            }
        }
        Vp.copy(iterate[m], y, n);
        if (record) {
            ((Trace) ctx.memory()).last = new PicardIterates(trace);
        }
    }

    /** Declares sub-step j of Picard iterate it + 1 (its last sub-step stays open for the next one's result). */
    private static void record(StepRecorder rec, int it, int j, double decay, double drift, double noise, double[][] current,
            double[][] score, double[][] z, double level) {
        if (j > 0) {
            rec.result(current);
        }
        String k = Integer.toString(it + 1);
        rec.stage("y^{(" + k + ")}_{" + (j + 1) + "}", "Picard iterate " + k + ", sub-step " + (j + 1), level);
        rec.carry("e^{\\Delta/2}", "y^{(" + k + ")}_{" + j + "}", "exact linear part", decay, current);
        rec.term("(1+v^2)(e^{\\Delta/2}-1)", "s(y^{(" + it + ")}_{" + j + "},\\gamma_" + j + ")", "score frozen at the previous iterate",
                drift, score);
        if (z != null) {
            rec.term("\\sqrt{e^{\\Delta}-1}", "z_" + j, "Brownian increment (shared by all iterates)", noise, z);
        }
    }

    private static float[][][] snapshot(double[][][] iterate, int tracked) {
        float[][][] out = new float[iterate.length][iterate[0].length][tracked];
        for (int j = 0; j < iterate.length; j++) {
            for (int a = 0; a < iterate[j].length; a++) {
                for (int p = 0; p < tracked; p++) {
                    out[j][a][p] = (float) iterate[j][a][p];
                }
            }
        }
        return out;
    }
}
