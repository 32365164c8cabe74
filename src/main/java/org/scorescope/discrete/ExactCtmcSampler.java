package org.scorescope.discrete;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * The reverse CTMC simulated exactly — no discretisation error, the reference (issue 17, `ctmc-exact`).
 * The grid only decides when the state is reported; within and across intervals the path is an exact
 * draw of the reverse process with rates {@code Q̂_t(x, y) = Q_{T−t}(y, x) s_{T−t}(y, x)}
 * (003_1b963510094279b5.txt, line ~3345) evaluated at the current time, not frozen.
 *
 * <p><b>Uniform process: uniformisation by thinning.</b> For the current state x and a window
 * [lo, τ] of forward time, {@link DiscreteScore#ratioBounds} gives a bound Λ̄ of the total rate
 * valid over the window. Candidate times come from a Poisson process of rate Λ̄ (exponential gaps);
 * at a candidate the exact rates are evaluated and a jump to y is accepted with probability
 * {@code Q̂(x, y)/Λ̄}. After a jump, or at the window's end, a new window starts. Windows halve ρ =
 * (e^τ − 1)/S (so the bound stays tight) and end at the interval's end. Near τ = 0 the rates out of a
 * state with p_data(x) = 0 grow like 1/τ — the chain leaves such states before the end; for a state with
 * p_data(x) &gt; 0 the bound stays finite down to τ = 0 and one last window reaches 0.
 *
 * <p><b>Masking process: event by event.</b> Every masked coordinate unmasks at the state-independent
 * hazard {@code 1/(e^τ − 1)} (003's key observation, line ~3546), so its unmasking time has the exact law
 * {@code P(still masked at τ') = (1 − e^{−τ'})/(1 − e^{−τ})}; the coordinates that unmask within the
 * interval are revealed in time order, each with the exact conditional p(b | x_U) of the state at that
 * moment.
 *
 * <p>Score evaluations: every candidate (uniform) or revealed coordinate (masking) costs one; every
 * window's bound costs one more. The exact output law is {@link ExactReverse}'s.
 */
public final class ExactCtmcSampler implements DiscreteSampler {
    /** Below this forward time a state with p_data(x) &gt; 0 takes one window down to the interval's end. */
    static final double DIRECT_WINDOW = 1e-2;
    private static final long MAX_EVENTS = 100_000_000L;

    @Override
    public String id() {
        return "ctmc-exact";
    }

    @Override
    public String description() {
        return "exact reverse CTMC (uniformisation by thinning; masking event by event): no discretisation error, the reference";
    }

    @Override
    public boolean supports(DiscreteProcess process) {
        return true;
    }

    @Override
    public int step(int[] x, double from, double to, DiscreteScore score, UniformRandomProvider rng, SamplerWorkspace ws) {
        return score.process() == DiscreteProcess.UNIFORM ? uniform(x, from, to, score, rng, ws) : masking(x, from, to, score, rng, ws);
    }

    private static int uniform(int[] x, double from, double to, DiscreteScore score, UniformRandomProvider rng, SamplerWorkspace ws) {
        int s = score.states();
        int d = x.length;
        int nfe = 0;
        double tau = from;
        long events = 0;
        while (tau > to) {
            double lo = Math.max(to, Math.log1p(Math.expm1(tau) / 2));
            double bound = windowBound(x, lo, tau, score, ws);
            nfe++;
            if (to == 0 && tau <= DIRECT_WINDOW && score.dataProbability(x) > 0) {
                double direct = windowBound(x, 0, tau, score, ws);
                nfe++;
                if (direct * tau <= 64) {
                    lo = 0;
                    bound = direct;
                }
            }
            if (!(bound < Double.POSITIVE_INFINITY)) {
                throw new IllegalStateException("no finite rate bound on [" + lo + ", " + tau + "]");
            }
            while (true) {
                if (++events > MAX_EVENTS) {
                    throw new IllegalStateException("uniformisation did not finish");
                }
                double next = bound > 0 ? tau + Math.log(1 - rng.nextDouble()) / bound : lo;
                if (next <= lo) {
                    tau = lo;
                    break;
                }
                tau = next;
                ReverseRates.compute(x, tau, score, ws);
                nfe++;
                double u = rng.nextDouble() * bound;
                int moved = -1;
                for (int i = 0; i < d && moved < 0; i++) {
                    if (u < ws.totals[i]) {
                        x[i] = Draws.pick(ws.rates[i], s, u);
                        moved = i;
                    } else {
                        u -= ws.totals[i];
                    }
                }
                if (moved >= 0) {
                    break;
                }
            }
        }
        return nfe;
    }

    /** Σ over neighbours of the rate bounds on [lo, hi], written per coordinate into {@code ws.bounds}. */
    private static double windowBound(int[] x, double lo, double hi, DiscreteScore score, SamplerWorkspace ws) {
        int s = score.states();
        double total = 0;
        for (int i = 0; i < x.length; i++) {
            double[] b = ws.bounds[i];
            score.ratioBounds(x, i, lo, hi, b);
            for (int c = 0; c < s; c++) {
                if (c != x[i]) {
                    total += b[c] / s;
                }
            }
        }
        return total;
    }

    private static int masking(int[] x, double from, double to, DiscreteScore score, UniformRandomProvider rng, SamplerWorkspace ws) {
        int s = score.states();
        double scale = -Math.expm1(-from);
        int m = 0;
        for (int i = 0; i < x.length; i++) {
            if (x[i] != s) {
                continue;
            }
            // 1 − e^{−u} = V (1 − e^{−from}): the exact unmasking time u ∈ (0, from].
            double u = -Math.log1p(-rng.nextDouble() * scale);
            if (u > to) {
                int j = m++;
                while (j > 0 && ws.times[j - 1] < u) {
                    ws.times[j] = ws.times[j - 1];
                    ws.order[j] = ws.order[j - 1];
                    j--;
                }
                ws.times[j] = u;
                ws.order[j] = i;
            }
        }
        double[] r = ws.ratios;
        for (int j = 0; j < m; j++) {
            int i = ws.order[j];
            score.ratios(x, i, ws.times[j], r);
            double total = 0;
            for (int c = 0; c < s; c++) {
                total += r[c];
            }
            x[i] = Draws.pick(r, s, rng.nextDouble() * total);
        }
        return m;
    }
}
