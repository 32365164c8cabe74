package org.scorescope.discrete;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * 003's modified τ-leaping for the masking process (003_1b963510094279b5.txt, lines ~3540–3550,
 * Theorem 12): on {@code [t_k, t_{k+1})} a coordinate masked at t_k unmasks at rate
 * {@code (e^{T−t_k} − 1)/(e^{T−t} − 1) · ŝ_{T−t_k}(x_{t_k} ⊙_i b, x_{t_k})}, at most once. With 003's key
 * observation {@code s_τ(x ⊙_i b, x) = p(b | x_U)/(e^τ − 1)} this is the exact unmasking hazard
 * {@code 1/(e^τ − 1)} (τ = T − t) times the value law p(b | x_U) frozen at t_k.
 *
 * <p>So each masked coordinate's unmasking time is drawn exactly: it stays masked over the interval
 * with probability {@code (1 − e^{−τ_{k+1}})/(1 − e^{−τ_k})} (1 at the start, 0 when the interval ends
 * at τ = 0, so nothing is left masked), and otherwise takes value b with probability
 * {@code ŝ(x ⊙_i b, x)/Σ_c ŝ(x ⊙_i c, x)} at the interval's start. One score evaluation per step.
 */
public final class UnmaskingSampler implements DiscreteSampler, FactorisedKernel {
    @Override
    public String id() {
        return "unmasking";
    }

    @Override
    public String description() {
        return "modified τ-leaping (003 Theorem 12): exact unmasking times, values frozen at the interval's start (masking only)";
    }

    @Override
    public boolean supports(DiscreteProcess process) {
        return process == DiscreteProcess.MASKING;
    }

    /** Probability that a coordinate masked at forward time {@code from} is still masked at {@code to}. */
    static double stayMasked(double from, double to) {
        return to <= 0 ? 0 : Math.expm1(-to) / Math.expm1(-from);
    }

    @Override
    public int step(int[] x, double from, double to, DiscreteScore score, UniformRandomProvider rng, SamplerWorkspace ws) {
        int nfe = ReverseRates.compute(x, from, score, ws);
        double stay = stayMasked(from, to);
        int s = score.states();
        for (int i = 0; i < x.length; i++) {
            double total = ws.totals[i];
            if (x[i] != s || total <= 0) {
                continue;
            }
            if (rng.nextDouble() >= stay) {
                x[i] = Draws.pick(ws.rates[i], s, rng.nextDouble() * total);
            }
        }
        return nfe;
    }

    @Override
    public void kernel(int[] x, double from, double to, DiscreteScore score, SamplerWorkspace ws, double[][] out) {
        ReverseRates.compute(x, from, score, ws);
        double stay = stayMasked(from, to);
        int s = score.states();
        for (int i = 0; i < x.length; i++) {
            double[] o = out[i];
            java.util.Arrays.fill(o, 0);
            double total = ws.totals[i];
            if (x[i] != s || total <= 0) {
                o[x[i]] = 1;
                continue;
            }
            o[s] = stay;
            double[] r = ws.rates[i];
            for (int c = 0; c < s; c++) {
                o[c] = (1 - stay) * r[c] / total;
            }
        }
    }
}
