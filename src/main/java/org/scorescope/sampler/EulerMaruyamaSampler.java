package org.scorescope.sampler;

/**
 * Euler–Maruyama on the reverse SDE (docs/algorithms.md §5, the stochastic reference). In OU time
 * u = −log γ the forward process is dx = −½ x du + dw; its reverse, stepped from u_t back to
 * u_{t−1} (Δ = u_t − u_{t−1} = −log α_t), is x ← x + (½ x + s(x, ᾱ_t)) Δ + √Δ Z. 1 NFE per step;
 * weak order 1.
 */
public final class EulerMaruyamaSampler implements Sampler {
    private static final SamplerInfo INFO = new SamplerInfo("em-sde", "Euler-Maruyama (reverse SDE)",
            "docs/algorithms.md §5 (reverse VP SDE in OU time)", 1, 0, true, 1);

    @Override
    public SamplerInfo info() {
        return INFO;
    }

    @Override
    public void step(StepContext ctx, double[][] y, int n) {
        int t = ctx.t();
        double g = ctx.grid().abar(t);
        double delta = -Math.log(ctx.grid().alpha(t));
        double[][] s = ctx.buffer(0);
        ctx.score(y, n, g, s);
        double[][] z = ctx.buffer(1);
        ctx.gaussian(z, n);
        double root = Math.sqrt(delta);
        StepRecorder rec = ctx.recorder();
        if (rec != null) {
            rec.stage(Tex.NEXT, "Euler–Maruyama on the reverse SDE", ctx.grid().abar(t - 1));
            rec.carry("1", Tex.Y, "start", 1, y);
            rec.term("\\Delta", "\\left(\\tfrac{1}{2}Y_t+s_t(Y_t)\\right)", "reverse drift", delta, rec.combine(0.5, y, 1, s));
            rec.term("\\sqrt{\\Delta}", Tex.Z, "noise", root, z);
        }
        for (int a = 0; a < y.length; a++) {
            for (int i = 0; i < n; i++) {
                y[a][i] = y[a][i] + (0.5 * y[a][i] + s[a][i]) * delta + root * z[a][i];
            }
        }
    }
}
