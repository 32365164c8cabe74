package org.scorescope.score;

import org.scorescope.distribution.Target;

/** ŝ = s + b, a constant bias at every level (docs/imperfect-scores.md): ε_score = ‖b‖, ε_Jacobi = 0. */
final class BiasError implements ErrorTerm {
    private final double[] b;
    private final boolean zero;

    /** @param b the bias vector */
    BiasError(double[] b) {
        this.b = b.clone();
        boolean z = true;
        for (double v : b) {
            z &= v == 0;
        }
        this.zero = z;
    }

    double[] vector() {
        return b.clone();
    }

    @Override
    public void eval(ScoreFunction exact, double[][] x, int n, double gamma, double[][] out) {
        exact.eval(x, n, gamma, out);
        if (zero) {
            return;
        }
        for (int a = 0; a < out.length; a++) {
            double ba = b[a];
            double[] o = out[a];
            for (int i = 0; i < n; i++) {
                o[i] += ba;
            }
        }
    }

    @Override
    public void evalLevels(ScoreFunction exact, double[][] x, int n, double[] gammas, double[][] out) {
        exact.evalLevels(x, n, gammas, out);
        if (zero) {
            return;
        }
        for (int a = 0; a < out.length; a++) {
            double ba = b[a];
            double[] o = out[a];
            for (int i = 0; i < n; i++) {
                o[i] += ba;
            }
        }
    }

    @Override
    public double jacobianError(Target target, double[] x, double gamma) {
        return 0;
    }

    @Override
    public double[] along(double variance, double mean, double bias, double gamma) {
        double[] e = ErrorTerm.exactAlong(variance, mean, gamma);
        e[1] += bias;
        return e;
    }
}
