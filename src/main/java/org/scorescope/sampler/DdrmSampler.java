package org.scorescope.sampler;

import org.scorescope.inverse.InverseProblem;

/**
 * Denoising Diffusion Restoration Models (DDRM; Kawar, Elad, Ermon, Song '22; named in 003 Part 5,
 * "Prior algorithms", line ~2760), following the authors' code bahjat-kawar/ddrm @ 32b6b3c
 * ({@code functions/denoising.py}, {@code efficient_generalized_steps}) with its defaults η = η_A = η_C
 * = 0.85 and η_B = 1 ({@code main.py}, {@code runners/diffusion.py}).
 *
 * <p>Everything happens in the SVD coordinates of A = U Σ Vᵀ and in the variance-exploding scale
 * σ_t = √(1−ᾱ_t)/√ᾱ_t. With c_s = v_sᵀ x̂₀(x_t), e_s = v_sᵀ ε(x_t), ξ_s = Σ_ss⁻¹ u_sᵀ y, σ₀ the observation
 * noise, σ' = σ_{t−1}, and independent z_s ~ N(0, 1), the next point in coordinate s is
 * <pre>
 * unobserved (s ≥ k), or Σ_ss σ' = σ₀:  c_s + σ'√(1−η²) e_s + σ' η z_s
 * "after"  (Σ_ss σ' &lt; σ₀):            c_s + σ'√(1−η²) Σ_ss (ξ_s − c_s)/σ₀ + σ' η z_s
 * "before" (Σ_ss σ' &gt; σ₀):            η_B ξ_s + (1−η_B) c_s + √(σ'² − σ₀² η_B²/Σ_ss²) z_s
 * x_{t−1} = √ᾱ_{t−1} Σ_s (next_s) v_s
 * </pre>
 * Before its first step the reference replaces the initial noise x (as p(x_T | x₀, y) of the paper):
 * coordinate s &lt; k with Σ_ss σ_T &gt; σ₀ becomes (ξ_s + √(σ_T² − σ₀²/Σ_ss²) x_s)/σ_T, every other
 * coordinate stays x_s, and x_T = Σ_s (coordinate s) v_s. The reference takes x_s from the s-th entry
 * of its noise tensor; here x_s = v_sᵀY_T, the same law, equal to the reference's numbers whenever
 * its V is a permutation (its {@code Inpainting} and {@code Denoising} operators), and independent of
 * the signs an SVD gives the v_s. Its three noise tensors are
 * drawn here as one N(0, I) vector in the SVD coordinates (the same law). NFE: 1 per step.
 */
public final class DdrmSampler implements Sampler {
    /** η (the reference's η_A = η_C default). */
    public static final double DEFAULT_ETA = 0.85;
    /** η_B. */
    public static final double DEFAULT_ETA_B = 1;

    private final double eta;
    private final double etaB;
    private final SpectralBasis basis;
    private final SamplerInfo info;

    /**
     * @param eta η ∈ [0, 1]
     * @param etaB η_B ∈ [0, 1]
     * @param problem the observation
     */
    public DdrmSampler(double eta, double etaB, InverseProblem problem) {
        if (!(eta >= 0 && eta <= 1)) {
            throw new IllegalArgumentException("eta must lie in [0, 1], was " + eta);
        }
        if (!(etaB >= 0 && etaB <= 1)) {
            throw new IllegalArgumentException("etaB must lie in [0, 1], was " + etaB);
        }
        this.eta = eta;
        this.etaB = etaB;
        this.basis = new SpectralBasis(problem.observation());
        this.info = new SamplerInfo("ddrm", "DDRM (eta=" + eta + ", etaB=" + etaB + ")",
                "Kawar et al. '22, bahjat-kawar/ddrm@32b6b3c functions/denoising.py efficient_generalized_steps; 003 Part 5",
                1, 0, true, 1).withKey(InverseSamplers.key("ddrm", java.util.Map.of("eta", eta, "etaB", etaB)));
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
        double sigma0 = basis.sigma;
        if (t == ctx.grid().steps()) {
            initialise(ctx.grid().abar(t), y, n);
        }
        double abar = ctx.grid().abar(t);
        double abarNext = ctx.grid().abar(t - 1);
        double sigmaNext = Math.sqrt(1 - abarNext) / Math.sqrt(abarNext);
        double[][] s = ctx.buffer(0);
        double[][] c = ctx.buffer(1);
        double[][] e = ctx.buffer(2);
        double[][] z = ctx.buffer(3);
        ctx.score(y, n, abar, s);
        // s becomes ε = −√(1−ᾱ) s; y is overwritten by x̂₀ = (x − √(1−ᾱ) ε)/√ᾱ
        double st = Math.sqrt(1 - abar);
        double sa = Math.sqrt(abar);
        for (int a = 0; a < d; a++) {
            for (int i = 0; i < n; i++) {
                double eps = -st * s[a][i];
                s[a][i] = eps;
                y[a][i] = (y[a][i] - st * eps) / sa;
            }
        }
        basis.toSpectral(y, n, c);
        basis.toSpectral(s, n, e);
        ctx.gaussian(z, n);
        double tilde = sigmaNext * Math.sqrt(1 - eta * eta);
        for (int q = 0; q < d; q++) {
            double sv = q < k ? basis.singular[q] : 0;
            boolean before = q < k && sv * sigmaNext > sigma0;
            boolean after = q < k && sv * sigmaNext < sigma0;
            double[] cq = c[q];
            double[] eq = e[q];
            double[] zq = z[q];
            if (before) {
                double xi = basis.xi[q];
                double sd = Math.sqrt(sigmaNext * sigmaNext - sigma0 * sigma0 / (sv * sv) * (etaB * etaB));
                for (int i = 0; i < n; i++) {
                    cq[i] = etaB * xi + (1 - etaB) * cq[i] + sd * zq[i];
                }
            } else if (after) {
                double xi = basis.xi[q];
                double g = tilde * sv / sigma0;
                for (int i = 0; i < n; i++) {
                    cq[i] = cq[i] + g * (xi - cq[i]) + sigmaNext * eta * zq[i];
                }
            } else {
                for (int i = 0; i < n; i++) {
                    cq[i] = cq[i] + tilde * eq[i] + sigmaNext * eta * zq[i];
                }
            }
        }
        basis.fromSpectral(c, n, y);
        double an = Math.sqrt(abarNext);
        for (int a = 0; a < d; a++) {
            for (int i = 0; i < n; i++) {
                y[a][i] *= an;
            }
        }
    }

    /**
     * The reference's initialisation of x_T from the observation (see the class comment), in its
     * arithmetic: (ξ_s or 0 + √(σ_T² − (σ₀/Σ_ss or 0)²) x_s) / σ_T.
     */
    private void initialise(double abarT, double[][] y, int n) {
        int d = basis.d;
        double sigmaT = Math.sqrt(1 - abarT) / Math.sqrt(abarT);
        double[][] u = new double[d][n];
        double[][] z = new double[d][n];
        basis.toSpectral(y, n, z);
        for (int q = 0; q < d; q++) {
            boolean large = q < basis.k && basis.singular[q] * sigmaT > basis.sigma;
            double xi = large ? basis.xi[q] : 0;
            double inv = large ? basis.sigma / basis.singular[q] : 0;
            double rest = Math.sqrt(Math.max(0, sigmaT * sigmaT - inv * inv));
            for (int i = 0; i < n; i++) {
                u[q][i] = (xi + rest * z[q][i]) / sigmaT;
            }
        }
        basis.fromSpectral(u, n, y);
    }
}
