package org.scorescope.engine;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.scorescope.sampler.StepContext;
import org.scorescope.schedule.Grid;
import org.scorescope.score.ScoreFunction;

/** The step context of one chunk at one step: counted scores and the chunk's keyed stream. */
final class ChunkContext implements StepContext {
    private final Chunk chunk;
    private final Grid grid;
    private final int t;
    private final ScoreFunction score;
    private final ZigguratSampler.NormalizedGaussian gauss;
    private final UniformRandomProvider rng;

    private final java.util.concurrent.ForkJoinPool inner;

    ChunkContext(Chunk chunk, Grid grid, int t, ScoreFunction score, UniformRandomProvider rng) {
        this(chunk, grid, t, score, rng, null);
    }

    /**
     * @param inner a pool for independent score batches of one step, or null to run them in turn
     */
    ChunkContext(Chunk chunk, Grid grid, int t, ScoreFunction score, UniformRandomProvider rng, java.util.concurrent.ForkJoinPool inner) {
        this.inner = inner;
        this.chunk = chunk;
        this.grid = grid;
        this.t = t;
        this.score = score;
        this.gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        this.rng = rng;
    }

    @Override
    public void uniform(double[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = rng.nextDouble();
        }
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
    public void gaussian(double[][] out, int n) {
        for (double[] axis : out) {
            for (int i = 0; i < n; i++) {
                axis[i] = gauss.sample();
            }
        }
    }

    @Override
    public double[][] buffer(int slot) {
        return chunk.buffer(slot);
    }

    @Override
    public long firstParticle() {
        return (long) chunk.index * Engine.CHUNK;
    }

    @Override
    public Object memory() {
        return chunk.memory;
    }
}
