package org.scorescope.discrete;

import java.util.List;

/**
 * A law on {@code [S]^d} given by its full probability table (row-major, {@link StateIndex}; at most
 * {@value DiscreteTarget#MAX_TABLE} entries). Its scores are exact sums over x0, precomputed once per
 * process as tables ({@link UniformJointScore}, {@link MaskingJointScore}).
 */
public final class JointTarget implements DiscreteTarget {
    private final int states;
    private final int dims;
    private final double[] table;
    private final String name;
    private final List<String> words;
    private UniformJointScore uniform;
    private MaskingJointScore masking;

    /**
     * @param table probabilities, already checked (non-negative, summing to 1, S^d entries); not copied
     * @param words vocabulary (S words) or an empty list
     */
    JointTarget(String name, int states, int dims, double[] table, List<String> words) {
        this.name = name;
        this.states = states;
        this.dims = dims;
        this.table = table;
        this.words = List.copyOf(words);
    }

    @Override
    public int states() {
        return states;
    }

    @Override
    public int dims() {
        return dims;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<String> words() {
        return words;
    }

    /** The probability table (a copy). */
    public double[] table() {
        return table.clone();
    }

    /** p(index) without copying. */
    double at(int index) {
        return table[index];
    }

    /** The table itself, for the package's exact computations (not to be modified). */
    double[] tableView() {
        return table;
    }

    @Override
    public double probability(int[] x) {
        for (int v : x) {
            if (v < 0 || v >= states) {
                return 0;
            }
        }
        return table[StateIndex.encode(x, states)];
    }

    @Override
    public synchronized DiscreteScore score(DiscreteProcess process) {
        if (process == DiscreteProcess.UNIFORM) {
            if (uniform == null) {
                uniform = new UniformJointScore(this);
            }
            return uniform;
        }
        if (masking == null) {
            masking = new MaskingJointScore(this);
        }
        return masking;
    }

    /** Bytes the score tables of a process need (checked before they are built). */
    public long scoreBytes(DiscreteProcess process) {
        if (process == DiscreteProcess.UNIFORM) {
            return 8L * (dims + 1) * table.length;
        }
        long n = StateIndex.count(states + 1, dims, Long.MAX_VALUE / 16);
        return n < 0 ? Long.MAX_VALUE : 8L * n;
    }
}
