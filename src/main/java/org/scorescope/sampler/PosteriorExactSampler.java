package org.scorescope.sampler;

import java.util.List;
import org.scorescope.inverse.InverseProblem;
import org.scorescope.schedule.Grid;
import org.scorescope.score.ExactScore;
import org.scorescope.score.ScoreFunction;

/**
 * The ideal posterior sampler: any registry sampler run on the exact score of the posterior's noised
 * marginals, s(x, γ) = ∇ log p_γ(x | y) (ALGORITHMS.md §7; 003 Part 5, "Goal: sample from posterior
 * p_{X₀|Y=y}"). It needs no approximation of the conditioning, so its error is the base sampler's
 * own discretization error on the posterior: the reference every posterior sampler is measured
 * against. Each posterior score costs one counted evaluation, as a score of the prior would.
 *
 * <p>The base is chosen by the parameter {@code base}, an index into {@link #BASES} (sampler
 * parameters are numbers), default 0 = {@code ddpm}.
 */
public final class PosteriorExactSampler implements Sampler {
    /** The samplers {@code base} may name, by index. Append only: scenarios store the index. */
    public static final List<String> BASES = List.of("ddpm", "ddim", "ddpm-posterior", "ddim-exact", "accel-ddpm",
            "accel-ddim-ms", "dpm-solver-2", "dpm-solver-3", "dpmpp-2m", "unipc-3", "heun", "em-sde", "lagrange", "piadm-sde");

    private final Sampler base;
    private final ScoreFunction posteriorScore;
    private final SamplerInfo info;

    /**
     * @param base the sampler to run on the posterior score
     * @param problem the prior and observation whose exact posterior is used
     */
    public PosteriorExactSampler(Sampler base, InverseProblem problem) {
        this.base = base;
        this.posteriorScore = new ExactScore(problem.posterior());
        SamplerInfo b = base.info();
        int index = BASES.indexOf(b.id());
        SamplerInfo own = new SamplerInfo("posterior-exact", "posterior-exact (" + b.key() + ")",
                "ALGORITHMS.md §7 exact posterior score; base: " + b.citation(), b.nfePerStep(), b.order(), b.stochastic(),
                b.gaussianDrawsPerStep());
        this.info = index >= 0 ? own.withKey(InverseSamplers.key("posterior-exact", java.util.Map.of("base", (double) index))) : own;
    }

    /** The base sampler. */
    public Sampler base() {
        return base;
    }

    @Override
    public SamplerInfo info() {
        return info;
    }

    @Override
    public Object newMemory(int dim, int capacity) {
        return base.newMemory(dim, capacity);
    }

    @Override
    public void step(StepContext ctx, double[][] y, int n) {
        base.step(new Oracle(ctx, posteriorScore), y, n);
    }

    /** The chunk's context with its score replaced by the posterior's, still counted by the chunk. */
    private record Oracle(StepContext inner, ScoreFunction model) implements StepContext {
        @Override
        public Grid grid() {
            return inner.grid();
        }

        @Override
        public int t() {
            return inner.t();
        }

        @Override
        public int dim() {
            return inner.dim();
        }

        @Override
        public void score(double[][] x, int n, double gamma, double[][] out) {
            inner.scoreOf(model, x, n, gamma, out);
        }

        @Override
        public void scoreAll(double[][][] x, int n, double[] gammas, double[][][] out) {
            for (int j = 0; j < gammas.length; j++) {
                inner.scoreOf(model, x[j], n, gammas[j], out[j]);
            }
        }

        @Override
        public void gaussian(double[][] out, int n) {
            inner.gaussian(out, n);
        }

        @Override
        public void uniform(double[] out, int n) {
            inner.uniform(out, n);
        }

        @Override
        public double[][] buffer(int slot) {
            return inner.buffer(slot);
        }

        @Override
        public long firstParticle() {
            return inner.firstParticle();
        }

        @Override
        public Object memory() {
            return inner.memory();
        }
    }
}
