package org.scorescope.discrete;

import java.util.List;

/**
 * Independent coordinates: {@code p_data(x) = Π_i p_i(x_i)}. Both forward processes act on each
 * coordinate alone, so q_t is a product too and the score of changing coordinate i depends on x_i only
 * (see {@link ProductScore}); every sampler then moves the coordinates independently, and exact laws and
 * KL are products and sums over coordinates — exact for any d up to {@value DiscreteTarget#MAX_DIMS}.
 */
public final class ProductTarget implements DiscreteTarget {
    private final String name;
    private final double[][] marginals;
    private final int states;

    /**
     * @param marginals d checked laws on [S] (non-negative, summing to 1); not copied
     */
    ProductTarget(String name, double[][] marginals) {
        this.name = name;
        this.marginals = marginals;
        this.states = marginals[0].length;
    }

    @Override
    public int states() {
        return states;
    }

    @Override
    public int dims() {
        return marginals.length;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<String> words() {
        return List.of();
    }

    /** The law of coordinate i (a copy). */
    public double[] marginal(int i) {
        return marginals[i].clone();
    }

    double marginalAt(int i, int c) {
        return marginals[i][c];
    }

    @Override
    public double probability(int[] x) {
        double p = 1;
        for (int i = 0; i < x.length; i++) {
            if (x[i] < 0 || x[i] >= states) {
                return 0;
            }
            p *= marginals[i][x[i]];
        }
        return p;
    }

    @Override
    public DiscreteScore score(DiscreteProcess process) {
        return new ProductScore(this, process);
    }

    /** Coordinate i alone, as a one-dimensional explicit target. */
    public JointTarget coordinate(int i) {
        return new JointTarget(name + "[" + i + "]", states, 1, marginals[i].clone(), List.of());
    }

    /** The full table (S^d ≤ {@value DiscreteTarget#MAX_TABLE}) as an explicit target. */
    public JointTarget toJoint() {
        long n = StateIndex.count(states, dims(), MAX_TABLE);
        if (n < 0) {
            throw new IllegalStateException("S^d exceeds " + MAX_TABLE);
        }
        double[] t = new double[(int) n];
        int[] x = new int[dims()];
        for (int j = 0; j < t.length; j++) {
            StateIndex.decode(j, states, x);
            t[j] = probability(x);
        }
        return new JointTarget(name, states, dims(), t, List.of());
    }
}
