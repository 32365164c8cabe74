package org.scorescope.sampler;

import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;

/**
 * The K-th order sampler by Lagrange interpolation (000 slides "Faster Diffusion Models via
 * Higher-Order Approximation"; 003 Part 3, Theorem 5; docs/algorithms.md §4.8). On each interval the
 * probability-flow ODE is written exactly as y(λ_t) = y(λ_s) − ∫ e^{−λ} ε(x(λ), λ) dλ (y = x/α,
 * λ = log(α/σ), the same integral as 001 eq. 19–20 after the change of variable γ → λ); ε is
 * replaced by its Lagrange interpolant of degree K−1 through K anchors λ_s = λ_0 &lt; … &lt; λ_{K−1} ≤ λ_t,
 * and the integral of e^{−λ} times each Lagrange basis polynomial is computed by 24-point
 * Gauss–Legendre (exact to rounding for these analytic integrands).
 *
 * <p>Anchor states are refined alternately with their scores for R rounds ("Õ(1) rounds"): the first
 * round predicts every anchor by a DDIM step from x_s; each round evaluates ε at anchors 1…K−1 and
 * re-integrates their states. NFE per step = 1 + R(K−1). Choices (documented defaults): ε is
 * interpolated in λ, so that K = 1 is exactly DDIM ({@code ddim-exact}); anchors are uniform in λ
 * over the interval including both ends (parameter {@code anchors=1}: Chebyshev–Lobatto points);
 * R = K − 1 rounds, enough for the local error O(h^{K+1}). A step that ends at the data
 * (ᾱ_{t−1} = 1) is infinite in λ, where no polynomial in λ means anything: it is the denoising
 * step D(Y_t, ᾱ_t) (1 NFE), the limit of the K = 1 step.
 */
public final class LagrangeSampler implements Sampler {
    private static final GaussIntegrator GL = new GaussIntegratorFactory().legendre(24, -1, 1);
    private final int k;
    private final int rounds;
    private final boolean chebyshev;
    private final SamplerInfo info;

    /**
     * @param k the order K ∈ 1..4
     * @param rounds refinement rounds R ≥ 1 (ignored for K = 1)
     * @param chebyshev anchors at Chebyshev–Lobatto points instead of uniform
     */
    public LagrangeSampler(int k, int rounds, boolean chebyshev) {
        if (k < 1 || k > 4) {
            throw new IllegalArgumentException("K must be in 1..4, was " + k);
        }
        if (rounds < 1 || rounds > 10) {
            throw new IllegalArgumentException("R must be in 1..10, was " + rounds);
        }
        this.k = k;
        this.rounds = k == 1 ? 0 : rounds;
        this.chebyshev = chebyshev;
        this.info = new SamplerInfo("lagrange", "K-th order Lagrange (K=" + k + ", R=" + this.rounds + ")",
                "000_079539122a37be46.txt; 003_1b963510094279b5.txt Part 3, Theorem 5", 1 + this.rounds * (k - 1), k, false, 0)
                .withKey(SamplerRegistry.key("lagrange", java.util.Map.of("K", (double) k, "R", (double) rounds, "anchors", chebyshev ? 1.0 : 0.0)));
    }

    @Override
    public SamplerInfo info() {
        return info;
    }

    /** Anchor positions as fractions of the interval. */
    double[] fractions() {
        double[] f = new double[k];
        for (int i = 0; i < k; i++) {
            f[i] = k == 1 ? 0 : chebyshev ? 0.5 * (1 - Math.cos(Math.PI * i / (k - 1))) : (double) i / (k - 1);
        }
        return f;
    }

    /** w[i] = −∫_{λs}^{λe} e^{−λ} ℓ_i(λ) dλ, with ℓ_i the Lagrange basis on the anchors. */
    static double[] weights(double[] anchors, double ls, double le) {
        int m = anchors.length;
        double[] w = new double[m];
        double half = 0.5 * (le - ls);
        for (int q = 0; q < GL.getNumberOfPoints(); q++) {
            double lam = ls + half * (GL.getPoint(q) + 1);
            double common = -GL.getWeight(q) * half * Math.exp(-lam);
            for (int i = 0; i < m; i++) {
                double basis = 1;
                for (int j = 0; j < m; j++) {
                    if (j != i) {
                        basis *= (lam - anchors[j]) / (anchors[i] - anchors[j]);
                    }
                }
                w[i] += common * basis;
            }
        }
        return w;
    }

    @Override
    public void step(StepContext ctx, double[][] y, int n) {
        int t = ctx.t();
        double gs = ctx.grid().abar(t);
        double ge = ctx.grid().abar(t - 1);
        if (Vp.isData(ge)) {
            Vp.denoise(ctx, y, n, gs, ctx.buffer(0));
            return;
        }
        double ls = Vp.lambda(gs);
        double le = Vp.lambda(ge);
        double h = le - ls;
        double[] f = fractions();
        double[] anchors = new double[k];
        for (int i = 0; i < k; i++) {
            anchors[i] = ls + f[i] * h;
        }
        int d = y.length;
        double as = Vp.alpha(gs);
        double[][] ys = ctx.buffer(0);
        for (int a = 0; a < d; a++) {
            for (int i = 0; i < n; i++) {
                ys[a][i] = y[a][i] / as;
            }
        }
        double[][][] eps = new double[k][][];
        eps[0] = ctx.buffer(1);
        Vp.eps(ctx, y, n, gs, eps[0]);
        double[][][] xs = new double[k][][];
        StepRecorder rec = ctx.recorder();
        for (int j = 1; j < k; j++) {
            eps[j] = ctx.buffer(1 + j);
            xs[j] = ctx.buffer(1 + k + j);
            double aj = Vp.alpha(Vp.gamma(anchors[j]));
            double shift = Math.exp(-anchors[j]) - Math.exp(-ls);
            if (rec != null) {
                rec.stage("x_{\\lambda_" + j + "}^{(0)}", "anchor " + j + ": DDIM prediction", Vp.gamma(anchors[j]));
                rec.carry("\\frac{\\alpha_{\\lambda_" + j + "}}{\\alpha_t}", Tex.Y, "rescaling", aj / as, y);
                rec.term("\\alpha_{\\lambda_" + j + "}(e^{-\\lambda_" + j + "}-e^{-\\lambda_t})", Tex.EPS, "DDIM step to the anchor", aj * shift, eps[0]);
            }
            for (int a = 0; a < d; a++) {
                for (int i = 0; i < n; i++) {
                    xs[j][a][i] = aj * (ys[a][i] + shift * eps[0][a][i]);
                }
            }
            if (rec != null) {
                rec.result(xs[j]);
            }
        }
        for (int r = 0; r < rounds; r++) {
            for (int j = 1; j < k; j++) {
                Vp.eps(ctx, xs[j], n, Vp.gamma(anchors[j]), eps[j]);
            }
            if (r == rounds - 1) {
                break;
            }
            for (int j = 1; j < k; j++) {
                double[] wj = weights(anchors, ls, anchors[j]);
                double aj = Vp.alpha(Vp.gamma(anchors[j]));
                record(rec, "x_{\\lambda_" + j + "}^{(" + (r + 1) + ")}", "anchor " + j + ", refinement round " + (r + 1),
                        Vp.gamma(anchors[j]), "\\alpha_{\\lambda_" + j + "}", aj, as, y, eps, wj);
                integrate(ys, eps, wj, aj, xs[j], n);
                if (rec != null) {
                    rec.result(xs[j]);
                }
            }
        }
        double[] wEnd = k == 1 ? new double[] {Math.exp(-le) - Math.exp(-ls)} : weights(anchors, ls, le);
        record(rec, Tex.NEXT, "the interpolant of ε integrated exactly (K = " + k + ")", ge, "\\alpha_{t-1}", Vp.alpha(ge), as, y, eps, wEnd);
        integrate(ys, eps, wEnd, Vp.alpha(ge), y, n);
    }

    /** Declares x = (α/α_t) Y_t + Σ_j α w_j ε(x_{λ_j}) when a recorder is present. */
    private static void record(StepRecorder rec, String symbol, String words, double level, String alphaTex, double alpha, double as,
            double[][] y, double[][][] eps, double[] w) {
        if (rec == null) {
            return;
        }
        rec.stage(symbol, words, level);
        rec.carry("\\frac{" + alphaTex + "}{\\alpha_t}", Tex.Y, "rescaling", alpha / as, y);
        for (int j = 0; j < w.length; j++) {
            rec.term(alphaTex + "\\,w_" + j, j == 0 ? Tex.EPS : "\\varepsilon(x_{\\lambda_" + j + "})",
                    "Lagrange weight " + j + ": −∫e^{−λ}ℓ_" + j + "(λ)dλ", alpha * w[j], eps[j]);
        }
    }

    private static void integrate(double[][] ys, double[][][] eps, double[] w, double alpha, double[][] out, int n) {
        for (int a = 0; a < ys.length; a++) {
            for (int i = 0; i < n; i++) {
                double v = ys[a][i];
                for (int j = 0; j < w.length; j++) {
                    v += w[j] * eps[j][a][i];
                }
                out[a][i] = alpha * v;
            }
        }
    }
}
