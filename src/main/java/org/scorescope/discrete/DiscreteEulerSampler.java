package org.scorescope.discrete;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * The Euler step of the reverse CTMC: first-order transition probabilities from 003's definition of the
 * rate matrix (003_1b963510094279b5.txt, line ~3247: {@code Pr(x_{t+Δ} = y | x_t = x) = I{x = y} + Q_t(x, y)Δ + o(Δ)}),
 * applied to each coordinate with the reverse rates frozen at the interval's start: coordinate i moves to
 * c ≠ x_i with probability {@code h r_i(c)} and stays with {@code 1 − h Λ_i}. When {@code h Λ_i > 1}
 * the stay probability would be negative: it is set to 0 and the jump probabilities rescaled to
 * {@code r_i(c)/Λ_i}. Coordinates move independently (several may change in one step). For the masking
 * process only MASK moves. One score evaluation per step.
 */
public final class DiscreteEulerSampler implements DiscreteSampler, FactorisedKernel {
    @Override
    public String id() {
        return "euler";
    }

    @Override
    public String description() {
        return "Euler: first-order transition probabilities I + hQ̂ per coordinate, frozen at the interval's start";
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
            double u = rng.nextDouble();
            double moved = Math.min(1, h * total);
            if (u < 1 - moved) {
                continue;
            }
            double target = (u - (1 - moved)) / moved * total;
            x[i] = Draws.pick(ws.rates[i], s, target);
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
            double moved = Math.min(1, h * total);
            double[] r = ws.rates[i];
            for (int c = 0; c < s; c++) {
                o[c] = moved * r[c] / total;
            }
            o[x[i]] += 1 - moved;
        }
    }
}
