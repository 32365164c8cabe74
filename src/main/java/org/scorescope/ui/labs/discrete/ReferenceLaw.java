package org.scorescope.ui.labs.discrete;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.scorescope.discrete.DiscreteProcess;
import org.scorescope.discrete.DiscreteTarget;
import org.scorescope.discrete.ExactReverse;
import org.scorescope.discrete.JointTarget;
import org.scorescope.discrete.ProductTarget;
import org.scorescope.discrete.StateIndex;
import org.scorescope.discrete.StepSchedule;

/**
 * The exact forward marginal q_τ at every step of a schedule — {@code q_τ = p_data P_τ^{⊗d}}
 * ({@link ExactReverse#marginal}; per coordinate for independent coordinates) — and the language's
 * sentence list: what every sampler's law and particles are measured against. Background work only.
 */
final class ReferenceLaw {
    /** Largest number of doubles of q kept for all steps; beyond it q is recomputed when asked. */
    private static final long CACHE_DOUBLES = 1L << 21;
    private final DiscreteTarget target;
    private final DiscreteProcess process;
    private final StepSchedule schedule;
    private final int alphabet;
    private final double[][] cache;
    private final double[][][] coordinateCache;
    private final int[] sentenceStates;
    private final double[] sentenceData;

    ReferenceLaw(DiscreteTarget target, DiscreteProcess process, StepSchedule schedule) {
        this.target = target;
        this.process = process;
        this.schedule = schedule;
        this.alphabet = process.alphabet(target.states());
        int n = schedule.steps();
        if (target instanceof ProductTarget product) {
            cache = null;
            coordinateCache = new double[n + 1][product.dims()][];
            for (int k = 0; k <= n; k++) {
                for (int i = 0; i < product.dims(); i++) {
                    int same = sameMarginalAs(i);
                    coordinateCache[k][i] = same < i ? coordinateCache[k][same]
                            : ExactReverse.marginal(product.coordinate(i), process, schedule.taus()[k]);
                }
            }
        } else {
            coordinateCache = null;
            long size = StateIndex.count(alphabet, target.dims(), Integer.MAX_VALUE);
            cache = size * (n + 1) <= CACHE_DOUBLES ? new double[n + 1][] : null;
        }
        if (!target.words().isEmpty() && target instanceof JointTarget joint) {
            double[] p = ExactReverse.marginal(joint, process, 0);
            Integer[] valid = java.util.stream.IntStream.range(0, p.length).filter(j -> p[j] > 0).boxed().toArray(Integer[]::new);
            Arrays.sort(valid, Comparator.comparingDouble((Integer j) -> -p[j]).thenComparing(j -> j));
            sentenceStates = Arrays.stream(valid).mapToInt(Integer::intValue).toArray();
            sentenceData = Arrays.stream(sentenceStates).mapToDouble(j -> p[j]).toArray();
        } else {
            sentenceStates = null;
            sentenceData = null;
        }
    }

    DiscreteTarget target() {
        return target;
    }

    DiscreteProcess process() {
        return process;
    }

    StepSchedule schedule() {
        return schedule;
    }

    /** K: S, or S + 1 with MASK last. */
    int alphabet() {
        return alphabet;
    }

    boolean masking() {
        return alphabet > target.states();
    }

    /** Whether q is a joint table (an explicit target), not a product of coordinate laws. */
    boolean joint() {
        return target instanceof JointTarget;
    }

    /** The first coordinate with the same law as coordinate i (i itself when none before it). */
    int sameMarginalAs(int i) {
        ProductTarget product = (ProductTarget) target;
        for (int j = 0; j < i; j++) {
            if (Arrays.equals(product.marginal(i), product.marginal(j))) {
                return j;
            }
        }
        return i;
    }

    /** q_τ of step k on {@code [K]^d} (explicit targets; do not modify). */
    synchronized double[] full(int step) {
        if (cache != null && cache[step] != null) {
            return cache[step];
        }
        double[] q = ExactReverse.marginal((JointTarget) target, process, schedule.taus()[step]);
        if (cache != null) {
            cache[step] = q;
        }
        return q;
    }

    /** Each coordinate's q_τ at step k (independent coordinates), [d][K]. */
    double[][] coordinates(int step) {
        return coordinateCache[step];
    }

    /**
     * A law's mass on each valid sentence (in the table's order), then on the other fully unmasked
     * states, then on the partly masked ones; null for targets without words.
     */
    double[] sentenceMasses(double[] law) {
        if (sentenceStates == null) {
            return null;
        }
        double[] out = new double[sentenceStates.length + 2];
        double valid = 0;
        for (int i = 0; i < sentenceStates.length; i++) {
            out[i] = law[sentenceStates[i]];
            valid += out[i];
        }
        int[] x = new int[target.dims()];
        double masked = 0;
        if (masking()) {
            for (int j = 0; j < law.length; j++) {
                if (law[j] != 0) {
                    StateIndex.decode(j, alphabet, x);
                    if (Arrays.stream(x).anyMatch(v -> v == alphabet - 1)) {
                        masked += law[j];
                    }
                }
            }
        }
        double total = Arrays.stream(law).sum();
        out[sentenceStates.length] = Math.max(0, total - valid - masked);
        out[sentenceStates.length + 1] = masked;
        return out;
    }

    /** The sentence table from the exact law's masses (or null) and the particles' masses. */
    List<DiscreteFrame.SentenceRow> sentences(double[] exact, double[] sampled) {
        if (sentenceStates == null) {
            return List.of();
        }
        List<DiscreteFrame.SentenceRow> rows = new ArrayList<>();
        // What is not a valid sentence first, where the eye falls; then the valid ones, most likely first.
        int m = sentenceStates.length;
        rows.add(new DiscreteFrame.SentenceRow("(any invalid sentence)", 0, exact == null ? Double.NaN : exact[m], sampled[m]));
        if (masking()) {
            rows.add(new DiscreteFrame.SentenceRow("(some word still ____)", 0, exact == null ? Double.NaN : exact[m + 1], sampled[m + 1]));
        }
        int[] x = new int[target.dims()];
        for (int i = 0; i < sentenceStates.length; i++) {
            StateIndex.decode(sentenceStates[i], alphabet, x);
            rows.add(new DiscreteFrame.SentenceRow(target.describe(x), sentenceData[i], exact == null ? Double.NaN : exact[i], sampled[i]));
        }
        return List.copyOf(rows);
    }
}
