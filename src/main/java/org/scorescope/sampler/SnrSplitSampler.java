package org.scorescope.sampler;

import org.scorescope.inverse.InverseProblem;

/**
 * The SNR-split posterior sampler of 003 Part 5 ("Our sampler", lines ~2800–2850; Theorem 10, Jiao,
 * Na, Cai, Chen, Li '26): a DDIM-type update (ALGORITHMS.md §4.11) run coordinate by coordinate in the
 * SVD basis of A = U Σ Vᵀ, with the stochasticity η chosen per direction class. With α_t = √ᾱ_t,
 * σ_t = √(1−ᾱ_t), λ_t = log(α_t/σ_t), δ = λ_{t−1} − λ_t, ρ_η = √(1 − η(1 − e^{−2δ})), ξ_s = Σ_ss⁻¹ u_sᵀ y
 * and the prior's data predictor μ_t (Tweedie, through the run's score):
 * <pre>
 * v_sᵀX_{t−1}/σ_{t−1} = ρ_η v_sᵀX_t/σ_t + e^{λ_{t−1}} (1 − e^{−δ} ρ_η) v_sᵀμ_t(X_t) + √(η(1 − e^{−2δ})) v_sᵀZ
 * </pre>
 * <ul>
 * <li><b>observation-dominated</b>, s ∈ S_t = {s : α_t σ &lt; Σ_ss σ_t} (before the critical time τ_s,
 * α_τ/σ_τ = Σ_ss/σ): the same update with η = 0 applied to the modified forward process
 * ξ_{t,s} = α_t ξ_s + σ'_t N(0, 1), σ'_t = √(σ_t² − α_t² σ²/Σ_ss²), whose data is the known ξ_s; in
 * closed form v_sᵀX_{t−1} = (σ'_{t−1}/σ'_t) v_sᵀX_t + (α_{t−1} − σ'_{t−1} α_t/σ'_t) ξ_s. No score is
 * needed, and at τ_s the coordinate is exactly α_τ ξ_s, which has the law of v_sᵀX_τ jointly with x₀.</li>
 * <li><b>prior-dominated</b>, s ∈ S_t^c (after τ_s): η = {@code etaPrior}, default 1 (DDPM) as the
 * algorithm slide writes (003's table of choices finds η = 0 best on images).</li>
 * <li><b>unobserved</b>, s ∈ S^c (the null space of A, d − k directions; the slide's "S^c := [k] \ S"
 * reads [d] \ S): η = η_{S^c} = {@code etaUnobserved}, "sufficiently large". Theorem 10 asks
 * η_{S^c}³δ² → 0 and η_{S^c}²δ/log(1/δ) → ∞, so η may also grow as the steps shrink:
 * η_{S^c} = etaUnobserved · (δ/δ_ref)^{−etaExponent} with δ_ref = 0.01 (etaExponent = 0: constant).
 * Default 16 · (δ/0.01)^{−0.6}: p = 0.6 lies inside the theorem's window 1/2 &lt; p &lt; 2/3, and c = 16 had
 * the smallest worst-case ratio of TV to the noise floor over a multimodal (ring8, inpainting) and a
 * product-prior test among the rules measured (docs/measurements.md, issue 15).</li>
 * </ul>
 * Choices the slide leaves open, each a parameter or stated here: the η's above; {@code crossing}
 * — on the step whose interval contains τ_s the slide's update is undefined (σ'_{t−1}² &lt; 0): 1
 * (default) treats that step as prior-dominated (a direction is observation-dominated on a step only
 * when the whole step is, i.e. by S_{t−1}); 0 keeps the classification by S_t and clamps σ'_{t−1} at
 * 0, so the coordinate lands on α_{t−1}ξ_s with more noise than X_{t−1} has (on ring8/denoise at
 * T = 200 the TV to the posterior is 0.017 with 1 and 0.077 with 0; never worse with 1); when
 * η(1 − e^{−2δ}) &gt; 1 the factor ρ is 0 (the update renoises μ_t fully: η larger than that has no
 * meaning); the modified process's data predictor is the
 * observed ξ_s itself; the start is the run's Y_T ~ N(0, I); the noise is v_sᵀ of one N(0, I_d)
 * vector per step, as written. NFE: 1 on steps where some direction is not observation-dominated, 0
 * otherwise (denoising at high noise needs no score).
 */
public final class SnrSplitSampler implements Sampler {
    /** etaUnobserved when none is given. */
    public static final double DEFAULT_ETA_UNOBSERVED = 16;
    /** etaExponent when none is given. */
    public static final double DEFAULT_ETA_EXPONENT = 0.6;
    /** crossing when none is given: the step containing τ_s is prior-dominated. */
    public static final int DEFAULT_CROSSING = 1;
    /** δ_ref of the η schedule. */
    public static final double DELTA_REF = 0.01;

    private final double etaUnobserved;
    private final double etaExponent;
    private final double etaPrior;
    private final boolean crossingPriorDominated;
    private final SpectralBasis basis;
    private final SamplerInfo info;

    /**
     * @param etaUnobserved η_{S^c} ≥ 0 (at δ = δ_ref when etaExponent &gt; 0)
     * @param etaExponent p ≥ 0 in η_{S^c} ∝ δ^{−p}
     * @param etaPrior η on prior-dominated directions, ≥ 0
     * @param crossing 0: the crossing step is observation-dominated (clamped), 1: prior-dominated
     * @param problem the observation
     */
    public SnrSplitSampler(double etaUnobserved, double etaExponent, double etaPrior, int crossing, InverseProblem problem) {
        check("etaUnobserved", etaUnobserved);
        check("etaExponent", etaExponent);
        check("etaPrior", etaPrior);
        if (crossing != 0 && crossing != 1) {
            throw new IllegalArgumentException("crossing must be 0 or 1, was " + crossing);
        }
        this.etaUnobserved = etaUnobserved;
        this.etaExponent = etaExponent;
        this.etaPrior = etaPrior;
        this.crossingPriorDominated = crossing == 1;
        this.basis = new SpectralBasis(problem.observation());
        this.info = new SamplerInfo("snr-split", "SNR-split (eta_Sc=" + etaUnobserved + (etaExponent > 0 ? " delta^-" + etaExponent : "")
                + ", eta_prior=" + etaPrior + ")", "003_1b963510094279b5.txt Part 5, Our sampler and Theorem 10", 1, 0, true, 1)
                .withKey(InverseSamplers.key("snr-split", java.util.Map.of("etaUnobserved", etaUnobserved, "etaExponent", etaExponent,
                        "etaPrior", etaPrior, "crossing", (double) crossing)));
    }

    private static void check(String name, double v) {
        if (!(v >= 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " must be a finite number >= 0, was " + v);
        }
    }

    @Override
    public SamplerInfo info() {
        return info;
    }

    /** The η used on unobserved directions for a step of size δ. */
    double etaUnobserved(double delta) {
        return etaExponent == 0 ? etaUnobserved : etaUnobserved * Math.pow(delta / DELTA_REF, -etaExponent);
    }

    /** σ'² = σ² − α² σ_obs²/Σ² of the modified forward process (negative past the critical time). */
    private double modifiedVariance(double abar, int s) {
        double r = basis.sigma / basis.singular[s];
        return (1 - abar) - abar * r * r;
    }

    @Override
    public void step(StepContext ctx, double[][] y, int n) {
        int t = ctx.t();
        int d = basis.d;
        int k = basis.k;
        double abar = ctx.grid().abar(t);
        double abarPrev = ctx.grid().abar(t - 1);
        double at = Math.sqrt(abar);
        double st = Math.sqrt(1 - abar);
        double ap = Math.sqrt(abarPrev);
        double sp = Math.sqrt(1 - abarPrev);
        double expMinusDelta = at * sp / (st * ap);
        double e2 = expMinusDelta * expMinusDelta;
        double delta = -Math.log(expMinusDelta);
        boolean[] observationDominated = new boolean[d];
        boolean needScore = false;
        for (int s = 0; s < d; s++) {
            if (s < k) {
                observationDominated[s] = modifiedVariance(abar, s) > 0
                        && (!crossingPriorDominated || modifiedVariance(abarPrev, s) > 0);
            }
            needScore |= !observationDominated[s];
        }
        double[][] u = ctx.buffer(0);
        double[][] m = ctx.buffer(1);
        double[][] z = ctx.buffer(2);
        double[][] work = ctx.buffer(3);
        basis.toSpectral(y, n, u);
        if (needScore) {
            ctx.score(y, n, abar, work);
            for (int a = 0; a < d; a++) {
                for (int i = 0; i < n; i++) {
                    work[a][i] = (y[a][i] + (1 - abar) * work[a][i]) / at;
                }
            }
            basis.toSpectral(work, n, m);
        }
        ctx.gaussian(work, n);
        basis.toSpectral(work, n, z);
        for (int s = 0; s < d; s++) {
            double[] us = u[s];
            double[] zs = z[s];
            if (observationDominated[s]) {
                double sNow = Math.sqrt(modifiedVariance(abar, s));
                double sNext = Math.sqrt(Math.max(0, modifiedVariance(abarPrev, s)));
                double keep = sNext / sNow;
                double pull = (ap - sNext * at / sNow) * basis.xi[s];
                for (int i = 0; i < n; i++) {
                    us[i] = keep * us[i] + pull;
                }
            } else {
                double eta = s < k ? etaPrior : etaUnobserved(delta);
                double fresh = Math.min(1, eta * (1 - e2));
                double rho = Math.sqrt(1 - fresh);
                double cu = sp * rho / st;
                double cm = ap * (1 - expMinusDelta * rho);
                double cz = sp * Math.sqrt(fresh);
                double[] ms = m[s];
                for (int i = 0; i < n; i++) {
                    us[i] = cu * us[i] + cm * ms[i] + cz * zs[i];
                }
            }
        }
        basis.fromSpectral(u, n, y);
    }
}
