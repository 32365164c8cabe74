package org.scorescope.engine;

import org.scorescope.math.CounterNormals;
import org.scorescope.sampler.StepContext;
import org.scorescope.schedule.Grid;
import org.scorescope.score.ScoreFunction;

/**
 * The step context of one chunk at one step: counted scores, and draws keyed by (seed, sampler,
 * step, call) and the particles' run-wide indices ({@link RandomStreams}).
 */
final class ChunkContext implements StepContext {
    private final Chunk chunk;
    private final Grid grid;
    private final int t;
    private final ScoreFunction score;
    private final long seed;
    private final long noiseKey;
    private int gaussianCalls;
    private int uniformCalls;

    private final java.util.concurrent.ForkJoinPool inner;
    private final StepBuffers buffers;

    /**
     * @param seed the run's seed
     * @param noiseKey the sampler slot's noise key
     * @param inner a pool for independent score batches of one step, or null to run them in turn
     * @param buffers the step buffers of the lane (thread) stepping this chunk
     */
    ChunkContext(Chunk chunk, Grid grid, int t, ScoreFunction score, long seed, long noiseKey, java.util.concurrent.ForkJoinPool inner,
            StepBuffers buffers) {
        this.inner = inner;
        this.buffers = buffers;
        this.chunk = chunk;
        this.grid = grid;
        this.t = t;
        this.score = score;
        this.seed = seed;
        this.noiseKey = noiseKey;
    }

    @Override
    public void uniform(double[] out, int n) {
        CounterNormals.uniform(RandomStreams.key(seed, noiseKey, t, RandomStreams.UNIFORM, uniformCalls++), chunk.first, out, n);
    }

    @Override
    public Grid grid() {
        return grid;
    }

    @Override
    public int t() {
        return t;
    }

    @Override
    public int dim() {
        return chunk.y.length;
    }

    @Override
    public void score(double[][] x, int n, double gamma, double[][] out) {
        chunk.evaluations += (long) n * score.evaluationCost(gamma);
        score.eval(x, n, gamma, out);
    }

    @Override
    public void scoreLevels(double[][] x, int n, double[] gammas, double[][] out) {
        long cost = 0;
        for (int i = 0; i < n; i++) {
            cost += score.evaluationCost(gammas[i]);
        }
        chunk.evaluations += cost;
        score.evalLevels(x, n, gammas, out);
    }

    @Override
    public void scoreAll(double[][][] x, int n, double[] gammas, double[][][] out) {
        for (double gamma : gammas) {
            chunk.evaluations += (long) n * score.evaluationCost(gamma);
        }
        if (inner == null || gammas.length < 2) {
            for (int j = 0; j < gammas.length; j++) {
                score.eval(x[j], n, gammas[j], out[j]);
            }
            return;
        }
        inner.submit(() -> java.util.stream.IntStream.range(0, gammas.length).parallel()
                .forEach(j -> score.eval(x[j], n, gammas[j], out[j]))).join();
    }

    @Override
    public void scoreJacobianProduct(double[][] x, int n, double gamma, double[][] v, double[][] out) {
        if (!(score instanceof org.scorescope.score.DifferentiableScore ds)) {
            throw new UnsupportedOperationException("this run's score model gives no Jacobian products");
        }
        chunk.evaluations += (long) n * score.evaluationCost(gamma);
        ds.jacobianProduct(x, n, gamma, v, out);
    }

    @Override
    public void scoreOf(ScoreFunction model, double[][] x, int n, double gamma, double[][] out) {
        chunk.evaluations += (long) n * model.evaluationCost(gamma);
        model.eval(x, n, gamma, out);
    }

    @Override
    public void gaussian(double[][] out, int n) {
        CounterNormals.gaussian(RandomStreams.key(seed, noiseKey, t, RandomStreams.GAUSSIAN, gaussianCalls++), chunk.first, out, n);
    }

    @Override
    public double[][] buffer(int slot) {
        return buffers.get(chunk.y.length, chunk.n, slot);
    }

    @Override
    public long firstParticle() {
        return chunk.first;
    }

    @Override
    public Object memory() {
        return chunk.memory;
    }
}
