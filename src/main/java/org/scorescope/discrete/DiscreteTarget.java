package org.scorescope.discrete;

import java.util.List;

/**
 * A law p_data on {@code [S]^d} (003 Part 6, line ~3080: training data from a discrete distribution on
 * {@code [S]^d}): either an explicit probability table ({@link JointTarget}, S^d entries) or a product of
 * per-coordinate laws ({@link ProductTarget}, exact for any d up to {@value #MAX_DIMS}). Every quantity
 * the lab needs — the noised marginals q_t and the scores s_t(y, x) = q_t(y)/q_t(x) — is exact.
 */
public sealed interface DiscreteTarget permits JointTarget, ProductTarget {
    /** Largest explicit table, S^d ≤ 2^20 entries. */
    long MAX_TABLE = 1L << 20;
    /** Largest number of coordinates (product targets). */
    int MAX_DIMS = 64;

    /** Values per coordinate, S ≥ 2. */
    int states();

    /** Number of coordinates d. */
    int dims();

    /** A short name for captions and files. */
    String name();

    /** Words of the vocabulary when the coordinates are tokens (the language preset), else an empty list. */
    List<String> words();

    /** p_data(x) for x in [S]^d (0 when a coordinate is MASK or out of range). */
    double probability(int[] x);

    /** The exact scores of this target under a forward process. */
    DiscreteScore score(DiscreteProcess process);

    /** S^d as a long (may exceed every table limit for product targets). */
    default long size() {
        long n = 1;
        for (int i = 0; i < dims(); i++) {
            n = Math.multiplyExact(n, (long) states());
            if (n > Long.MAX_VALUE / 1024) {
                return Long.MAX_VALUE;
            }
        }
        return n;
    }

    /** A state as text: the words joined by spaces (MASK as "____"), or the integer coordinates. */
    default String describe(int[] x) {
        StringBuilder b = new StringBuilder();
        List<String> w = words();
        for (int i = 0; i < x.length; i++) {
            if (i > 0) {
                b.append(w.isEmpty() ? "," : " ");
            }
            if (x[i] >= states() || x[i] < 0) {
                b.append(w.isEmpty() ? "-1" : "____");
            } else {
                b.append(w.isEmpty() ? Integer.toString(x[i]) : w.get(x[i]));
            }
        }
        return b.toString();
    }
}
