package org.scorescope.score;

import org.scorescope.distribution.Target;

/** The closed-form score of a target: no model error. */
public record ExactScore(Target target) implements ScoreFunction {
    @Override
    public void eval(double[][] x, int n, double gamma, double[][] out) {
        target.scoreBatch(x, n, gamma, out);
    }

    @Override
    public void evalLevels(double[][] x, int n, double[] gammas, double[][] out) {
        target.scoreBatchLevels(x, n, gammas, out);
    }
}
