package org.scorescope.metrics;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.scorescope.engine.RunListener;
import org.scorescope.engine.StepView;
import org.scorescope.distribution.Target;

/**
 * The numbers behind the live metrics (docs/algorithms.md §6), computed on the engine's coordinating
 * thread after every step, on all N particles: histogram TV of each sampler against the exact bin
 * masses of X(ᾱ_t), the noise floor of N exact samples on the same bins, NFE, diverged particles,
 * and, on single-Gaussian targets, the exact W2 and KL(truth ‖ sampler) of each sampler's law at
 * every step (propagated from N(0, I), as the particles start); where each sampler diverged
 * ({@link Divergence}: NaN particles or a cloud {@value Divergence#SCALE_FACTOR}× larger than the
 * target's law at that level); and for parallel (Picard) samplers the rounds and NFE per block.
 * Published as immutable snapshots through one atomic reference.
 */
public final class RunMetrics implements RunListener {
    private final Binning binning;
    private final AtomicReference<Snapshot> latest = new AtomicReference<>();
    private Snapshot building;
    private double[][] exactW2;
    private double[][] exactKl;
    private Divergence[] divergence;
    private Divergence.ParticleCheck scale;

    /**
     * @param binning the bins (on the first one or two coordinates)
     */
    public RunMetrics(Binning binning) {
        this.binning = binning;
    }

    /**
     * Everything measured so far; arrays are indexed [sampler][step] or [step], NaN where not yet
     * computed.
     *
     * @param runId the run
     * @param steps T
     * @param binning the bins
     * @param tv histogram TV
     * @param floorMean noise floor mean at each step
     * @param floorSd noise floor standard deviation
     * @param nfe NFE per particle
     * @param diverged diverged particles
     * @param w2 exact W2 (null unless the target is a single Gaussian)
     * @param kl exact KL(truth ‖ sampler) (null unless the target is a single Gaussian)
     * @param seconds compute time when each step was done
     * @param lowest the smallest step computed so far
     * @param divergence per sampler, where it first diverged (null entries: not, or not yet)
     * @param keys per sampler, its canonical id with every parameter
     * @param roundsPerBlock per sampler, parallel rounds (Picard iterations) per block; 0 for sequential samplers
     * @param nfePerBlock per sampler, score evaluations per particle per block; 0 for sequential samplers
     */
    public record Snapshot(long runId, int steps, Binning binning, double[][] tv, double[] floorMean, double[] floorSd,
            long[][] nfe, int[][] diverged, double[][] w2, double[][] kl, double[] seconds, int lowest,
            Divergence[] divergence, String[] keys, int[] roundsPerBlock, int[] nfePerBlock) {

        /** Parallel rounds so far for one sampler (one block per step done): rounds per block × blocks. */
        public long roundsSoFar(int sampler, int step) {
            return (long) roundsPerBlock[sampler] * (steps - step);
        }

        /** One line per sampler that diverged, naming the step and, where there is one, the remedy. */
        public List<String> divergenceMessages() {
            return java.util.Arrays.stream(divergence).filter(java.util.Objects::nonNull).map(Divergence::message).toList();
        }
    }

    /** The newest snapshot, or null before the first step. */
    public Snapshot latest() {
        return latest.get();
    }

    @Override
    public void onStep(StepView v) {
        int steps = v.grid().steps();
        int s = v.samplers();
        Target marginal = v.spec().target().dim() <= 2 ? v.spec().target() : v.spec().target().marginal(0, 1);
        if (building == null || v.t() == steps) {
            double[][] tv = nanMatrix(s, steps + 1);
            String[] keys = new String[s];
            int[] rounds = new int[s];
            int[] perBlock = new int[s];
            for (int k = 0; k < s; k++) {
                var sampler = v.spec().slots().get(k).sampler();
                keys[k] = sampler.info().key();
                if (sampler instanceof org.scorescope.sampler.PiadmSampler p) {
                    rounds[k] = p.roundsPerBlock();
                    perBlock[k] = p.nfePerBlock();
                }
            }
            building = new Snapshot(v.runId(), steps, binning, tv, nan(steps + 1), nan(steps + 1), new long[s][steps + 1],
                    new int[s][steps + 1], null, null, nan(steps + 1), steps + 1, new Divergence[s], keys, rounds, perBlock);
            divergence = building.divergence();
            scale = new Divergence.ParticleCheck(v.spec().target());
            exactW2 = null;
            exactKl = null;
            // Exact propagation follows the target's own score; a guided score model, or an inverse run's prior score
            // against its posterior target, has another law.
            if (v.spec().target().isSingleGaussian() && v.spec().score() instanceof org.scorescope.score.ExactScore exact && exact.target() == v.spec().target()) {
                exactW2 = nanMatrix(s, steps + 1);
                exactKl = nanMatrix(s, steps + 1);
                for (int k = 0; k < s; k++) {
                    int slot = k;
                    try {
                        GaussianPropagation.run(v.spec().target(), v.spec().slots().get(k).sampler(), v.grid(),
                                GaussianPropagation.Start.STANDARD_NORMAL, (t, r) -> {
                                    ExactGaussianError e = ExactGaussianError.compare(v.spec().target(), r, v.grid().abar(t));
                                    exactW2[slot][t] = e.w2();
                                    exactKl[slot][t] = e.kl();
                                });
                    } catch (UnsupportedOperationException e) {
                        // randomized samplers have no exact Gaussian law: their entries stay NaN
                    }
                }
            }
        }
        int t = v.t();
        double[] masses = ExactBinMasses.compute(marginal, binning, v.abar());
        NoiseFloor floor = NoiseFloor.of(masses, v.spec().particles());
        building.floorMean()[t] = floor.mean();
        building.floorSd()[t] = floor.sd();
        building.seconds()[t] = v.seconds();
        for (int k = 0; k < s; k++) {
            building.tv()[k][t] = TotalVariation.of(Histogram.of(v, k, binning), masses);
            building.nfe()[k][t] = v.nfe(k);
            building.diverged()[k][t] = v.diverged(k);
            if (divergence[k] == null && t < steps) {
                divergence[k] = scale.check(building.keys()[k], v.grid(), v, k);
            }
        }
        latest.set(new Snapshot(building.runId(), steps, binning, copy(building.tv()), building.floorMean().clone(),
                building.floorSd().clone(), copy(building.nfe()), copy(building.diverged()), exactW2 == null ? null : copy(exactW2),
                exactKl == null ? null : copy(exactKl), building.seconds().clone(), t, divergence.clone(), building.keys(),
                building.roundsPerBlock(), building.nfePerBlock()));
    }

    private static double[] nan(int n) {
        double[] a = new double[n];
        Arrays.fill(a, Double.NaN);
        return a;
    }

    private static double[][] nanMatrix(int r, int n) {
        double[][] m = new double[r][];
        for (int i = 0; i < r; i++) {
            m[i] = nan(n);
        }
        return m;
    }

    private static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }

    private static long[][] copy(long[][] m) {
        long[][] c = new long[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }

    private static int[][] copy(int[][] m) {
        int[][] c = new int[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }
}
