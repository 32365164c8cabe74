package org.scorescope.sampler;

import org.scorescope.inverse.InverseProblem;

/**
 * DDNM+ (Denoising Diffusion Null-space Model for noisy observations; Wang, Yu, Zhang '22; named in
 * 003 Part 5, "Prior algorithms", line ~2760), following the authors' SVD-based code wyhuai/DDNM @
 * 00b58ea ({@code functions/svd_ddnm.py} {@code ddnm_plus_diffusion}, eq. 17 and 51, with the
 * per-direction {@code Lambda} and {@code Lambda_noise} of {@code functions/svd_operators.py},
 * class {@code Inpainting}) and its default η = 0.85 ({@code main.py}); time travel is off, as with
 * the default {@code travel_length = travel_repeat = 1}.
 *
 * <p>With a = √ᾱ_{t−1}, σ' = √(1−ᾱ_{t−1}), σ_y the observation noise, c_s = v_sᵀ x̂₀(x_t),
 * e_s = v_sᵀ ε(x_t), ξ_s = Σ_ss⁻¹ u_sᵀ y and z_s ~ N(0, 1), coordinate s of the next point is
 * a·ĉ_s + d1_s z_s + d2_s e_s with
 * <pre>
 * s &lt; k, σ' &lt; a σ_y/Σ_ss:  ĉ = c − Λ (c − ξ), Λ = Σ_ss σ' √(1−η²)/(a σ_y);  d1 = σ' η,  d2 = 0
 * s &lt; k, σ' &gt; a σ_y/Σ_ss:  ĉ = ξ;                                       d1 = √(σ'² − a² σ_y²/Σ_ss²),  d2 = 0
 * s &lt; k, equal:             ĉ = ξ;                                       d1 = σ' η,  d2 = σ' √(1−η²)
 * s ≥ k (null space):        ĉ = c;                                       d1 = σ' η,  d2 = σ' √(1−η²)
 * </pre>
 * (x̂₀ − Λ A⁺(A x̂₀ − y) of eq. 17 in these coordinates.) The reference's {@code --simplified} path
 * (guided_diffusion/diffusion.py) uses a scalar λ_t with σ_t = √(1 − ᾱ²) and scales the DDIM noise
 * by γ_t twice; it is not the paper's eq. 17/51 and is not followed. The noise is drawn in the SVD
 * coordinates (the reference permutes its noise tensor into them: the same law). NFE: 1 per step.
 */
public final class DdnmPlusSampler implements Sampler {
    /** η of the reference's {@code main.py}. */
    public static final double DEFAULT_ETA = 0.85;

    private final double eta;
    private final SpectralBasis basis;
    private final SamplerInfo info;

    /**
     * @param eta η ∈ [0, 1]
     * @param problem the observation
     */
    public DdnmPlusSampler(double eta, InverseProblem problem) {
        if (!(eta >= 0 && eta <= 1)) {
            throw new IllegalArgumentException("eta must lie in [0, 1], was " + eta);
        }
        this.eta = eta;
        this.basis = new SpectralBasis(problem.observation());
        this.info = new SamplerInfo("ddnm", "DDNM+ (eta=" + eta + ")",
                "Wang et al. '22, wyhuai/DDNM@00b58ea functions/svd_ddnm.py ddnm_plus_diffusion; 003 Part 5", 1, 0, true, 1)
                .withKey(InverseSamplers.key("ddnm", java.util.Map.of("eta", eta)));
    }

    @Override
    public SamplerInfo info() {
        return info;
    }

    @Override
    public void step(StepContext ctx, double[][] y, int n) {
        int t = ctx.t();
        int d = basis.d;
        int k = basis.k;
        double abar = ctx.grid().abar(t);
        double abarNext = ctx.grid().abar(t - 1);
        double a = Math.sqrt(abarNext);
        double sn = Math.sqrt(1 - abarNext);
        double sy = basis.sigma;
        double[][] s = ctx.buffer(0);
        double[][] c = ctx.buffer(1);
        double[][] e = ctx.buffer(2);
        double[][] z = ctx.buffer(3);
        ctx.score(y, n, abar, s);
        double st = Math.sqrt(1 - abar);
        double sa = Math.sqrt(abar);
        for (int q = 0; q < d; q++) {
            for (int i = 0; i < n; i++) {
                double eps = -st * s[q][i];
                s[q][i] = eps;
                y[q][i] = (y[q][i] - st * eps) / sa;
            }
        }
        basis.toSpectral(y, n, c);
        basis.toSpectral(s, n, e);
        ctx.gaussian(z, n);
        double root = Math.sqrt(1 - eta * eta);
        for (int q = 0; q < d; q++) {
            double lambda = 1;
            double d1 = sn * eta;
            double d2 = sn * root;
            double xi = 0;
            if (q < k) {
                xi = basis.xi[q];
                double threshold = a * sy / basis.singular[q];
                if (sn < threshold) {
                    lambda = basis.singular[q] * sn * root / (a * sy);
                    d2 = 0;
                } else if (sn > threshold) {
                    d1 = Math.sqrt(sn * sn - threshold * threshold);
                    d2 = 0;
                }
            } else {
                lambda = 0;
            }
            double[] cq = c[q];
            double[] eq = e[q];
            double[] zq = z[q];
            for (int i = 0; i < n; i++) {
                double corrected = cq[i] - lambda * (cq[i] - xi);
                cq[i] = a * corrected + d1 * zq[i] + d2 * eq[i];
            }
        }
        basis.fromSpectral(c, n, y);
    }
}
