package org.scorescope.sampler;

import java.util.ArrayDeque;
import java.util.Deque;
import org.scorescope.schedule.Grid;

/**
 * A step context for one particle in 1D with the closed-form score of N(μ, v) data,
 * s(x, γ) = −(x − √γ μ)/(γ v + 1 − γ), and Gaussian draws taken from a fixed list, so that a test can
 * recompute a step by hand.
 */
final class FormulaContext implements StepContext {
    static final double MU = 0.7;
    static final double V = 0.3;

    final Grid grid;
    final Deque<Double> noise = new ArrayDeque<>();
    final Object memory;
    int t;
    int evaluations;
    private final double[][][] buffers = new double[16][][];

    FormulaContext(Grid grid, Sampler sampler) {
        this.grid = grid;
        this.memory = sampler.newMemory(1, 1);
    }

    static double score(double x, double gamma) {
        return -(x - Math.sqrt(gamma) * MU) / (gamma * V + 1 - gamma);
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
        return 1;
    }

    @Override
    public void score(double[][] x, int n, double gamma, double[][] out) {
        evaluations += n;
        for (int i = 0; i < n; i++) {
            out[0][i] = score(x[0][i], gamma);
        }
    }

    @Override
    public void gaussian(double[][] out, int n) {
        for (int i = 0; i < n; i++) {
            out[0][i] = noise.removeFirst();
        }
    }

    final Deque<Double> uniforms = new ArrayDeque<>();

    @Override
    public void uniform(double[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = uniforms.removeFirst();
        }
    }

    @Override
    public double[][] buffer(int slot) {
        if (buffers[slot] == null) {
            buffers[slot] = new double[1][1];
        }
        return buffers[slot];
    }

    @Override
    public Object memory() {
        return memory;
    }

    /** Runs one step of the sampler on y at step t, returns Y_{t−1}. */
    double step(Sampler s, int step, double y) {
        this.t = step;
        double[][] p = {{y}};
        s.step(this, p, 1);
        return p[0][0];
    }
}
