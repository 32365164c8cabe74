package org.scorescope.score;

import org.scorescope.distribution.Target;

/** ŝ = (1 + κ) s (docs/imperfect-scores.md): ε_score = κ · rms‖s‖, ε_Jacobi = κ · E‖J‖_F. */
final class ScaleError implements ErrorTerm {
    private final double factor;
    private final double kappa;

    /** @param kappa κ ≥ 0 */
    ScaleError(double kappa) {
        this.kappa = kappa;
        this.factor = 1 + kappa;
    }

    @Override
    public void eval(ScoreFunction exact, double[][] x, int n, double gamma, double[][] out) {
        exact.eval(x, n, gamma, out);
        for (double[] o : out) {
            for (int i = 0; i < n; i++) {
                o[i] *= factor;
            }
        }
    }

    @Override
    public void evalLevels(ScoreFunction exact, double[][] x, int n, double[] gammas, double[][] out) {
        exact.evalLevels(x, n, gammas, out);
        for (double[] o : out) {
            for (int i = 0; i < n; i++) {
                o[i] *= factor;
            }
        }
    }

    @Override
    public double jacobianError(Target target, double[] x, double gamma) {
        int d = x.length;
        double[][] j = new double[d][d];
        target.scoreJacobian(x, gamma, j);
        return kappa * ErrorTerm.frobenius(j);
    }

    @Override
    public double[] along(double variance, double mean, double bias, double gamma) {
        double[] e = ErrorTerm.exactAlong(variance, mean, gamma);
        e[0] *= factor;
        e[1] *= factor;
        return e;
    }
}
