package org.scorescope.score;

import org.scorescope.distribution.Target;

/** One kind of score error: how it changes the exact score, its Jacobian, and a Gaussian's affine score. */
interface ErrorTerm {
    /** ŝ(x, γ) for n particles, from the exact score. */
    void eval(ScoreFunction exact, double[][] x, int n, double gamma, double[][] out);

    /**
     * ŝ for n particles, particle i at its own level {@code gammas[i]} (the randomized midpoint).
     *
     * @throws UnsupportedOperationException for errors whose size is normalised per level (field)
     */
    void evalLevels(ScoreFunction exact, double[][] x, int n, double[] gammas, double[][] out);

    /** ‖∂ŝ/∂x(x) − ∂s/∂x(x)‖_F at one point. */
    double jacobianError(Target target, double[] x, double gamma);

    /**
     * The perturbed score along one eigen-direction of a Gaussian target, {a, c} with ŝ(z) = a z + c,
     * or null when the error does not keep a Gaussian's score affine direction by direction.
     *
     * @param variance the data variance λ along the direction
     * @param mean the data mean μ along it
     * @param bias the component of the constant bias along it (0 for errors without one)
     * @param gamma the level
     */
    double[] along(double variance, double mean, double bias, double gamma);

    /** The exact score of a one-dimensional Gaussian direction, {a, c}: a = −1/v, c = √γ μ / v, v = γλ + 1 − γ. */
    static double[] exactAlong(double variance, double mean, double gamma) {
        double v = gamma * variance + (1 - gamma);
        return new double[] {-1 / v, Math.sqrt(gamma) * mean / v};
    }

    /** The Frobenius norm of a square matrix. */
    static double frobenius(double[][] m) {
        double s = 0;
        for (double[] row : m) {
            for (double v : row) {
                s += v * v;
            }
        }
        return Math.sqrt(s);
    }
}
