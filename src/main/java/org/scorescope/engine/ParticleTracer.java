package org.scorescope.engine;

import java.util.ArrayList;
import java.util.List;
import org.scorescope.sampler.Sampler;
import org.scorescope.sampler.StepAnatomy;
import org.scorescope.sampler.StepContext;
import org.scorescope.sampler.StepRecorder;
import org.scorescope.schedule.Grid;

/**
 * The anatomy of one particle's steps (issue 18). A run's chunks are independent (each draws from
 * the streams keyed by its own index), so the chunk holding the particle is replayed alone, from
 * its Y_T, with the same streams, memory and buffers as in the run — bit for bit the run's own
 * numbers (tested against an engine run) — and at every step the sampler declares the particle's
 * terms to a {@link StepRecorder}. The cost is one chunk (at most {@value Engine#CHUNK} particles) of one
 * sampler, whatever the run's size; the run itself never carries a recorder.
 */
public final class ParticleTracer {
    private ParticleTracer() {
    }

    /**
     * Replays the particle's chunk through every step.
     *
     * @param spec the run
     * @param slot the sampler's slot in the run
     * @param particle the particle's run-wide index
     * @return the anatomy of every step t = T, …, 1 in that order, up to the first step that starts
     *     from a non-finite point
     */
    public static List<StepAnatomy> trace(RunSpec spec, int slot, long particle) {
        if (particle < 0 || particle >= spec.particles()) {
            throw new IllegalArgumentException("particle " + particle + " is not in 0.." + (spec.particles() - 1));
        }
        SamplerSlot s = spec.slots().get(slot);
        Sampler sampler = s.sampler();
        int d = spec.target().dim();
        int chunkSize = Engine.chunkSize(spec.particles());
        int index = (int) (particle / chunkSize);
        int size = Math.min(chunkSize, spec.particles() - index * chunkSize);
        int local = (int) (particle - (long) index * chunkSize);
        Chunk chunk = new Chunk(index, (long) index * chunkSize, d, size, sampler.newMemory(d, size));
        Engine.fillInitial(spec, chunk);
        Grid grid = spec.grid();
        StepBuffers buffers = new StepBuffers();
        List<StepAnatomy> out = new ArrayList<>();
        boolean recording = true;
        for (int t = grid.steps(); t >= 1; t--) {
            double[] start = new double[d];
            for (int a = 0; a < d; a++) {
                start[a] = chunk.y[a][local];
                recording &= Double.isFinite(start[a]);
            }
            ChunkContext base = new ChunkContext(chunk, grid, t, spec.score(), spec.seed(), s.noiseKey(), null, buffers);
            StepRecorder recorder = recording ? new StepRecorder(local) : null;
            sampler.step(recorder == null ? base : new Recording(base, recorder), chunk.y, chunk.n);
            if (recorder != null) {
                out.add(recorder.finish(sampler.info().key(), t, grid.abar(t), grid.abar(t - 1), start, chunk.y));
            }
        }
        return out;
    }

    /** A chunk's context with a recorder. */
    private record Recording(ChunkContext base, StepRecorder recorder) implements StepContext {
        @Override
        public Grid grid() {
            return base.grid();
        }

        @Override
        public int t() {
            return base.t();
        }

        @Override
        public int dim() {
            return base.dim();
        }

        @Override
        public void score(double[][] x, int n, double gamma, double[][] out) {
            base.score(x, n, gamma, out);
        }

        @Override
        public void scoreLevels(double[][] x, int n, double[] gammas, double[][] out) {
            base.scoreLevels(x, n, gammas, out);
        }

        @Override
        public void scoreAll(double[][][] x, int n, double[] gammas, double[][][] out) {
            base.scoreAll(x, n, gammas, out);
        }

        @Override
        public void gaussian(double[][] out, int n) {
            base.gaussian(out, n);
        }

        @Override
        public void uniform(double[] out, int n) {
            base.uniform(out, n);
        }

        @Override
        public double[][] buffer(int slot) {
            return base.buffer(slot);
        }

        @Override
        public long firstParticle() {
            return base.firstParticle();
        }

        @Override
        public Object memory() {
            return base.memory();
        }
    }
}
