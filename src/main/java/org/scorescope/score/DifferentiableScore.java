package org.scorescope.score;

/**
 * A score model that also gives products with its Jacobian J_s(x, γ) = ∇²log p_γ(x), as automatic
 * differentiation gives a network's vector–Jacobian products (DPS, Chung et al. '22, differentiates
 * ‖y − A x̂₀(x)‖ through the denoiser). J_s is a Hessian, hence symmetric, so Jᵀv = Jv.
 */
public interface DifferentiableScore extends ScoreFunction {
    /**
     * @param x positions, x[axis][i], i &lt; n
     * @param n number of particles
     * @param gamma the level γ ∈ (0, 1)
     * @param v one vector per particle, v[axis][i]
     * @param out J_s(x_i, γ) v_i, out[axis][i]; may not alias {@code x} or {@code v}
     */
    void jacobianProduct(double[][] x, int n, double gamma, double[][] v, double[][] out);
}
