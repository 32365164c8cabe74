package org.scorescope.score;

import org.scorescope.distribution.Target;

/** The closed-form score of a target, with its exact Jacobian: no model error. */
public record ExactScore(Target target) implements DifferentiableScore {
    @Override
    public void eval(double[][] x, int n, double gamma, double[][] out) {
        target.scoreBatch(x, n, gamma, out);
    }

    /** The target's closed-form score Jacobian times v, particle by particle. */
    @Override
    public void jacobianProduct(double[][] x, int n, double gamma, double[][] v, double[][] out) {
        int d = target.dim();
        double[] p = new double[d];
        double[][] j = new double[d][d];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < d; a++) {
                p[a] = x[a][i];
            }
            target.scoreJacobian(p, gamma, j);
            for (int a = 0; a < d; a++) {
                double s = 0;
                for (int b = 0; b < d; b++) {
                    s += j[a][b] * v[b][i];
                }
                out[a][i] = s;
            }
        }
    }
}
