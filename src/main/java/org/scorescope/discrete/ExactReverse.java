package org.scorescope.discrete;

/**
 * The exact law of the reverse process (the {@code ctmc-exact} sampler) at every grid time, from any
 * starting law at τ = T. The true reverse process moves from forward time τ to τ' &lt; τ with the
 * kernel {@code q(x' at τ' | x at τ) = q_τ'(x') P_{τ−τ'}(x', x) / q_τ(x)} (Bayes on the forward process),
 * so a law μ moves to {@code μ'(x') = q_τ'(x') Σ_x P_{τ−τ'}(x', x) μ(x)/q_τ(x)}: a ratio, d axis products
 * with the per-coordinate transition matrix ({@link AxisTransform}), a product. Started from q_T it
 * returns p_data exactly; started from the stationary law (the sampler's start) the output differs from
 * p_data by the initialisation term only.
 */
public final class ExactReverse {
    private ExactReverse() {
    }

    /** {@code q_τ = p P_τ^{⊗d}} on the sampler's alphabet (MASK slots included for the masking process). */
    public static double[] marginal(JointTarget target, DiscreteProcess process, double tau) {
        double[] p = extended(target, process);
        int k = process.alphabet(target.states());
        return AxisTransform.pushLawAllAxes(p, k, target.dims(), process.transition(target.states(), tau));
    }

    /** p_data on the alphabet S or S + 1 (zero on masked states). */
    static double[] extended(JointTarget target, DiscreteProcess process) {
        int s = target.states();
        int k = process.alphabet(s);
        if (k == s) {
            return target.table();
        }
        int d = target.dims();
        double[] p = new double[(int) StateIndex.count(k, d, Integer.MAX_VALUE)];
        int[] x = new int[d];
        double[] t = target.tableView();
        for (int j = 0; j < t.length; j++) {
            StateIndex.decode(j, s, x);
            p[StateIndex.encode(x, k)] = t[j];
        }
        return p;
    }

    /** One exact reverse move of a law from forward time {@code from} to {@code to}. */
    public static double[] step(JointTarget target, DiscreteProcess process, double[] law, double from, double to) {
        int s = target.states();
        int k = process.alphabet(s);
        int d = target.dims();
        double[] qFrom = marginal(target, process, from);
        double[] qTo = to == 0 ? extended(target, process) : marginal(target, process, to);
        double[] ratio = new double[law.length];
        for (int j = 0; j < law.length; j++) {
            ratio[j] = qFrom[j] > 0 ? law[j] / qFrom[j] : 0;
        }
        double[] pulled = AxisTransform.applyFunctionAllAxes(ratio, k, d, process.transition(s, from - to));
        double[] out = new double[law.length];
        for (int j = 0; j < law.length; j++) {
            out[j] = qTo[j] * pulled[j];
        }
        return out;
    }

    /** The law after the whole schedule, starting from {@code start} at τ = T. */
    public static double[] run(JointTarget target, DiscreteProcess process, double[] start, StepSchedule schedule) {
        double[] law = start;
        for (int step = 1; step <= schedule.steps(); step++) {
            law = step(target, process, law, schedule.from(step), schedule.to(step));
        }
        return law;
    }
}
