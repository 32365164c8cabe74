package org.scorescope.sampler;

import java.util.ArrayDeque;
import java.util.Deque;
import org.scorescope.schedule.Grid;
import org.scorescope.score.ScoreFunction;

/**
 * A step context for one particle in 2D with the closed-form score of N(μ, Σ) data written out by
 * hand, s(x, γ) = −C⁻¹(x − √γ μ), C = γΣ + (1−γ) I, its Jacobian −C⁻¹, and Gaussian draws taken from a
 * fixed list, so that a test can recompute an inverse-problem step by hand. Oracle scores are
 * evaluated and counted like the prior's.
 */
final class PlaneContext implements StepContext {
    final double[] mu;
    final double[][] cov;
    final Grid grid;
    final Deque<double[]> noise = new ArrayDeque<>();
    final Object memory;
    int t;
    int evaluations;
    private final double[][][] buffers = new double[16][][];

    PlaneContext(double[] mu, double[][] cov, Grid grid, Sampler sampler) {
        this.mu = mu;
        this.cov = cov;
        this.grid = grid;
        this.memory = sampler.newMemory(2, 1);
    }

    /** C⁻¹ at level γ. */
    double[][] precision(double gamma) {
        double c00 = gamma * cov[0][0] + 1 - gamma;
        double c01 = gamma * cov[0][1];
        double c11 = gamma * cov[1][1] + 1 - gamma;
        double det = c00 * c11 - c01 * c01;
        return new double[][] {{c11 / det, -c01 / det}, {-c01 / det, c00 / det}};
    }

    double[] score(double[] x, double gamma) {
        double[][] p = precision(gamma);
        double sg = Math.sqrt(gamma);
        double d0 = x[0] - sg * mu[0];
        double d1 = x[1] - sg * mu[1];
        return new double[] {-(p[0][0] * d0 + p[0][1] * d1), -(p[1][0] * d0 + p[1][1] * d1)};
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
        evaluations += n;
        for (int i = 0; i < n; i++) {
            double[] s = score(new double[] {x[0][i], x[1][i]}, gamma);
            out[0][i] = s[0];
            out[1][i] = s[1];
        }
    }

    @Override
    public void scoreJacobianProduct(double[][] x, int n, double gamma, double[][] v, double[][] out) {
        evaluations += n;
        double[][] p = precision(gamma);
        for (int i = 0; i < n; i++) {
            out[0][i] = -(p[0][0] * v[0][i] + p[0][1] * v[1][i]);
            out[1][i] = -(p[1][0] * v[0][i] + p[1][1] * v[1][i]);
        }
    }

    @Override
    public void scoreOf(ScoreFunction model, double[][] x, int n, double gamma, double[][] out) {
        evaluations += n;
        model.eval(x, n, gamma, out);
    }

    @Override
    public void gaussian(double[][] out, int n) {
        double[] z = noise.removeFirst();
        out[0][0] = z[0];
        out[1][0] = z[1];
    }

    @Override
    public void uniform(double[] out, int n) {
        throw new UnsupportedOperationException();
    }

    @Override
    public double[][] buffer(int slot) {
        if (buffers[slot] == null) {
            buffers[slot] = new double[2][1];
        }
        return buffers[slot];
    }

    @Override
    public Object memory() {
        return memory;
    }

    /** One step of the sampler at t from x; returns Y_{t−1}. */
    double[] step(Sampler s, int step, double[] x) {
        this.t = step;
        double[][] p = {{x[0]}, {x[1]}};
        s.step(this, p, 1);
        return new double[] {p[0][0], p[1][0]};
    }
}
