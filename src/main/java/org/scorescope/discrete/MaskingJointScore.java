package org.scorescope.discrete;

/**
 * Exact scores of an explicit table under the masking process. With U the unmasked and M the masked
 * coordinates of x, {@code q_τ(x) = e^{−τ|U|} (1 − e^{−τ})^{|M|} p_U(x_U)}, p_U the marginal of p_data on
 * U; so for x_i = MASK, {@code s_τ(x^{i←c}, x) = p_data(x0_i = c | x_U) / (e^τ − 1)} — 003's key
 * observation (003_1b963510094279b5.txt, line ~3546). The marginals p_U(x_U) for every U are one table
 * on {@code ([S] ∪ {MASK})^d}, built by d axis passes that put the axis sum in the MASK slot.
 */
final class MaskingJointScore implements DiscreteScore {
    private final JointTarget target;
    private final int s;
    private final int d;
    private final int k;
    /** p_U(x_U) at the index of x on the alphabet S + 1. */
    private final double[] marginals;

    MaskingJointScore(JointTarget target) {
        this.target = target;
        this.s = target.states();
        this.d = target.dims();
        this.k = s + 1;
        long n = StateIndex.count(k, d, Integer.MAX_VALUE - 8);
        if (n < 0) {
            throw new IllegalArgumentException("(S+1)^d is too large for the masking tables");
        }
        marginals = new double[(int) n];
        int[] x = new int[d];
        double[] p = target.tableView();
        for (int i = 0; i < p.length; i++) {
            StateIndex.decode(i, s, x);
            marginals[StateIndex.encode(x, k)] = p[i];
        }
        for (int axis = 0; axis < d; axis++) {
            int stride = StateIndex.stride(k, d, axis);
            int block = stride * k;
            for (int start = 0; start < marginals.length; start += block) {
                for (int inner = 0; inner < stride; inner++) {
                    int base = start + inner;
                    double sum = 0;
                    for (int a = 0; a < s; a++) {
                        sum += marginals[base + a * stride];
                    }
                    marginals[base + s * stride] = sum;
                }
            }
        }
    }

    @Override
    public int states() {
        return s;
    }

    @Override
    public int dims() {
        return d;
    }

    @Override
    public DiscreteProcess process() {
        return DiscreteProcess.MASKING;
    }

    @Override
    public double dataProbability(int[] x) {
        return target.probability(x);
    }

    /** p_U(x_U) for a state on the alphabet S + 1. */
    double marginal(int[] x) {
        return marginals[StateIndex.encode(x, k)];
    }

    @Override
    public void ratios(int[] x, int i, double tau, double[] out) {
        if (x[i] != s) {
            throw new IllegalArgumentException("coordinate " + i + " is not masked");
        }
        int idx = StateIndex.encode(x, k);
        double px = marginals[idx];
        int stride = StateIndex.stride(k, d, i);
        int base = idx - s * stride;
        if (px <= 0) {
            // x_U is impossible (coordinates unmasked in one step contradict each other): the score is
            // 0/0. Forget the context: the conditional given nothing, p(x0_i = c), from the all-MASK row.
            base = marginals.length - 1 - s * stride;
            px = 1;
        }
        double scale = 1 / (px * Math.expm1(tau));
        for (int c = 0; c < s; c++) {
            out[c] = marginals[base + c * stride] * scale;
        }
    }

    @Override
    public void ratioBounds(int[] x, int i, double lo, double hi, double[] out) {
        throw new UnsupportedOperationException("rate bounds are only used for the uniform process");
    }
}
