package org.scorescope.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scorescope.distribution.Presets;
import org.scorescope.distribution.Target;
import org.scorescope.inverse.InverseProblem;
import org.scorescope.inverse.LinearObservation;
import org.scorescope.schedule.Grid;
import org.scorescope.score.ExactScore;

/**
 * Issue 15: DDRM and DDNM+ give the numbers of their authors' code. Each fixture in
 * {@code src/test/resources/reference/inverse/} holds a grid, an observation, initial particles and
 * the final particles that the reference function computed from them on ring8 with the exact noise
 * prediction and zero noise draws ({@code make_fixtures.py} there runs the functions unmodified on a
 * NumPy stand-in for torch and names the file and commit). ScoreScope, run on the same grid with the
 * same zero draws, must agree to 1e-9.
 */
class InverseReferenceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ddrm-inpaint-x", "ddrm-blur", "ddrm-blur-etaB", "ddrm-denoise", "ddnm-inpaint-x", "ddnm-denoise", "ddrm-inpaint-x-eta0", "ddrm-blur-eta0-etaB", "ddnm-inpaint-x-eta0"})
    void matchesTheAuthorsCodeOnTheSameGridAndParticles(String name) throws Exception {
        JsonNode f;
        try (InputStream in = getClass().getResourceAsStream("/reference/inverse/" + name + ".json")) {
            f = JSON.readTree(in);
        }
        double[] grid = JSON.convertValue(f.get("grid"), double[].class);
        double[][] rows = JSON.convertValue(f.get("init"), double[][].class);
        double[][] expected = JSON.convertValue(f.get("expected"), double[][].class);
        Map<String, Double> params = new HashMap<>();
        f.get("params").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asDouble()));
        JsonNode o = f.get("observation");
        Target ring = Presets.get(f.get("target").asText());
        InverseProblem ip = InverseProblem.of(ring, LinearObservation.of(JSON.convertValue(o.get("A"), double[][].class),
                JSON.convertValue(o.get("y"), double[].class), o.get("sigma").asDouble()));
        Sampler s = SamplerRegistry.create(f.get("sampler").asText(), params, ip);
        int n = rows.length;
        double[][] x = new double[2][n];
        for (int i = 0; i < n; i++) {
            x[0][i] = rows[i][0];
            x[1][i] = rows[i][1];
        }
        Grid g = new Grid(grid, "reference");
        ZeroNoise ctx = new ZeroNoise(g, new ExactScore(ring), s.newMemory(2, n), n);
        for (int t = g.steps(); t >= 1; t--) {
            ctx.t = t;
            s.step(ctx, x, n);
        }
        double worst = 0;
        for (int i = 0; i < n; i++) {
            worst = Math.max(worst, Math.max(Math.abs(x[0][i] - expected[i][0]), Math.abs(x[1][i] - expected[i][1])));
        }
        System.out.printf("reference %-16s max |ours - theirs| = %.2e  (%s)%n", name, worst, f.get("source").asText());
        assertEquals(0, worst, 1e-9, name);
    }

    /** The run's exact score, zero Gaussian draws. */
    private static final class ZeroNoise implements StepContext {
        private final Grid grid;
        private final ExactScore score;
        private final Object memory;
        private final int capacity;
        private final double[][][] buffers = new double[8][][];
        int t;

        ZeroNoise(Grid grid, ExactScore score, Object memory, int capacity) {
            this.grid = grid;
            this.score = score;
            this.memory = memory;
            this.capacity = capacity;
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
            return 2;
        }

        @Override
        public void score(double[][] x, int n, double gamma, double[][] out) {
            score.eval(x, n, gamma, out);
        }

        @Override
        public void gaussian(double[][] out, int n) {
            for (double[] a : out) {
                java.util.Arrays.fill(a, 0, n, 0);
            }
        }

        @Override
        public void uniform(double[] out, int n) {
            throw new UnsupportedOperationException();
        }

        @Override
        public double[][] buffer(int slot) {
            if (buffers[slot] == null) {
                buffers[slot] = new double[2][capacity];
            }
            return buffers[slot];
        }

        @Override
        public Object memory() {
            return memory;
        }
    }
}
