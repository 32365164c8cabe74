package org.scorescope.score;

import org.scorescope.distribution.Target;

/**
 * The exact score of the wrong level (docs/imperfect-scores.md): ŝ_γ = s_{γ'} with
 * γ'/(1−γ') = (1+δ) γ/(1−γ), i.e. γ' = γ(1+δ)/(1+γδ): a model whose noise-level conditioning is off
 * by a factor 1+δ in signal-to-noise ratio (≈ γ(1+δ) when γ is small; always inside (0, 1)).
 */
final class NoiseLevelError implements ErrorTerm {
    private final double delta;

    /** @param delta δ ≥ 0 */
    NoiseLevelError(double delta) {
        this.delta = delta;
    }

    /** γ' = γ(1+δ)/(1+γδ); exactly γ when δ = 0. */
    double wrongLevel(double gamma) {
        return gamma * (1 + delta) / (1 + gamma * delta);
    }

    @Override
    public void eval(ScoreFunction exact, double[][] x, int n, double gamma, double[][] out) {
        exact.eval(x, n, wrongLevel(gamma), out);
    }

    @Override
    public void evalLevels(ScoreFunction exact, double[][] x, int n, double[] gammas, double[][] out) {
        double[] wrong = new double[n];
        for (int i = 0; i < n; i++) {
            wrong[i] = wrongLevel(gammas[i]);
        }
        exact.evalLevels(x, n, wrong, out);
    }

    @Override
    public double jacobianError(Target target, double[] x, double gamma) {
        int d = x.length;
        double[][] j = new double[d][d];
        double[][] w = new double[d][d];
        target.scoreJacobian(x, gamma, j);
        target.scoreJacobian(x, wrongLevel(gamma), w);
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                w[a][b] -= j[a][b];
            }
        }
        return ErrorTerm.frobenius(w);
    }

    @Override
    public double[] along(double variance, double mean, double bias, double gamma) {
        return ErrorTerm.exactAlong(variance, mean, wrongLevel(gamma));
    }
}
