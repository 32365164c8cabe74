package org.scorescope.discrete;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * τ-leaping (Campbell et al. 2022) exactly as 003 writes it (003_1b963510094279b5.txt, lines
 * ~3336–3345): on each interval the reverse rates are frozen at the state and time of the interval's
 * start, {@code Q̂^i_t(a, b) = Q̂_{t_k}(x_{t_k}, x_{t_k} ⊕_i (b − a))}, and every coordinate runs its own
 * CTMC with those rates for the interval's length h.
 *
 * <p><b>How jumps are drawn.</b> Uniform process: coordinate i's frozen rates depend on the offset
 * {@code δ = b − a mod S} only, so its CTMC is a compound Poisson walk on Z_S: the number of jumps is
 * Poisson(h Λ_i), {@code Λ_i = Σ_δ r_i(δ)}, each jump's offset is drawn with probability r_i(δ)/Λ_i,
 * and the offsets add modulo S — the same law as Campbell's independent Poisson(h r_i(δ)) counts per
 * offset, and exactly 003's frozen-rate CTMC. Masking process: the reverse rates leave only MASK, so a
 * masked coordinate stays masked with probability {@code exp(−h Λ_i)} and otherwise takes value b with
 * probability r_i(b)/Λ_i (frozen p(b | x_U)); unmasked coordinates do not move.
 *
 * <p>The exact kernel ({@link #kernel}) evaluates the same law in closed form: the circulant
 * exponential ({@link CirculantExponential}) for the uniform process.
 * One score evaluation per step.
 */
public final class TauLeapingSampler implements DiscreteSampler, FactorisedKernel {
    @Override
    public String id() {
        return "tau-leaping";
    }

    @Override
    public String description() {
        return "τ-leaping: rates frozen at the start of each interval, each coordinate a frozen-rate CTMC (Campbell et al. '22)";
    }

    @Override
    public boolean supports(DiscreteProcess process) {
        return true;
    }

    @Override
    public int step(int[] x, double from, double to, DiscreteScore score, UniformRandomProvider rng, SamplerWorkspace ws) {
        int nfe = ReverseRates.compute(x, from, score, ws);
        double h = from - to;
        int s = score.states();
        for (int i = 0; i < x.length; i++) {
            double total = ws.totals[i];
            if (total <= 0) {
                continue;
            }
            double[] r = ws.rates[i];
            if (score.process() == DiscreteProcess.UNIFORM) {
                int jumps = Draws.poisson(rng, h * total);
                int offset = 0;
                for (int j = 0; j < jumps; j++) {
                    offset += Draws.pick(r, s, rng.nextDouble() * total) - x[i] + s;
                }
                x[i] = (x[i] + offset) % s;
            } else if (rng.nextDouble() >= Math.exp(-h * total)) {
                x[i] = Draws.pick(r, s, rng.nextDouble() * total);
            }
        }
        return nfe;
    }

    @Override
    public void kernel(int[] x, double from, double to, DiscreteScore score, SamplerWorkspace ws, double[][] out) {
        ReverseRates.compute(x, from, score, ws);
        double h = from - to;
        int s = score.states();
        for (int i = 0; i < x.length; i++) {
            double[] o = out[i];
            java.util.Arrays.fill(o, 0);
            double total = ws.totals[i];
            if (total <= 0) {
                o[x[i]] = 1;
                continue;
            }
            double[] r = ws.rates[i];
            if (score.process() == DiscreteProcess.UNIFORM) {
                double[] byOffset = ws.ratios;
                for (int delta = 0; delta < s; delta++) {
                    byOffset[delta] = r[(x[i] + delta) % s];
                }
                double[] law = ws.bounds[i];
                CirculantExponential.offsetLaw(byOffset, s, h, ws.re, ws.im, law);
                for (int delta = 0; delta < s; delta++) {
                    o[(x[i] + delta) % s] = law[delta];
                }
            } else {
                double moved = -Math.expm1(-h * total);
                o[s] = 1 - moved;
                for (int c = 0; c < s; c++) {
                    o[c] = moved * r[c] / total;
                }
            }
        }
    }
}
