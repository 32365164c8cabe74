package org.scorescope.score;

import org.scorescope.distribution.ClassMixture;
import org.scorescope.distribution.Target;

/**
 * The guided score s_w(x, γ) = ∇log p_γ(x | c) + w ∇log p_γ(c | x) = (1+w) ∇log p_γ(x | c) − w ∇log p_γ(x)
 * (003, Part 4, the guided SDE of lines ~2225–2235; the second form is classifier-free guidance, Ho
 * and Salimans, by Bayes' rule), with both scores exact. Any sampler runs on it unchanged.
 *
 * <p>A call costs two model evaluations (conditional and unconditional), and
 * {@link #evaluationCost} says so, so the NFE of a guided run is twice the unguided one's. With
 * w = 0, or outside the optional guidance interval [a, b] of levels ᾱ, the score is the conditional
 * one alone and costs one evaluation.
 */
public final class GuidedScore implements ScoreFunction {
    private final Target conditional;
    private final Target unconditional;
    private final int classId;
    private final double w;
    private final double from;
    private final double to;
    private final ThreadLocal<double[][]> scratch = new ThreadLocal<>();

    /**
     * Guidance at every level.
     *
     * @param classes the labelled target
     * @param classId the class c to sample
     * @param w the guidance strength, finite and ≥ 0
     */
    public GuidedScore(ClassMixture classes, int classId, double w) {
        this(classes, classId, w, 0, 1);
    }

    /**
     * @param from lower end a of the guidance interval in ᾱ (0 for none)
     * @param to upper end b (1 for none); guidance applies while a ≤ ᾱ ≤ b
     * @throws IllegalArgumentException naming "class", "w" or "interval"
     */
    public GuidedScore(ClassMixture classes, int classId, double w, double from, double to) {
        if (!classes.has(classId)) {
            throw new IllegalArgumentException("class " + classId + " is not one of the target's classes "
                    + java.util.Arrays.toString(classes.classIds()));
        }
        if (!(w >= 0) || !Double.isFinite(w)) {
            throw new IllegalArgumentException("w must be a finite number >= 0, was " + w);
        }
        if (!(from >= 0 && from < to && to <= 1)) {
            throw new IllegalArgumentException("interval must satisfy 0 <= a < b <= 1, was [" + from + ", " + to + "]");
        }
        this.conditional = classes.conditional(classId);
        this.unconditional = classes.unconditional();
        this.classId = classId;
        this.w = w;
        this.from = from;
        this.to = to;
    }

    /** The class c. */
    public int classId() {
        return classId;
    }

    /** The strength w. */
    public double w() {
        return w;
    }

    /** Whether the guidance term is applied at level γ. */
    public boolean guides(double gamma) {
        return w != 0 && gamma >= from && gamma <= to;
    }

    @Override
    public void eval(double[][] x, int n, double gamma, double[][] out) {
        conditional.scoreBatch(x, n, gamma, out);
        if (!guides(gamma)) {
            return;
        }
        double[][] s = buffer(x.length, n);
        unconditional.scoreBatch(x, n, gamma, s);
        double a = 1 + w;
        for (int d = 0; d < x.length; d++) {
            double[] o = out[d];
            double[] u = s[d];
            for (int i = 0; i < n; i++) {
                o[i] = a * o[i] - w * u[i];
            }
        }
    }

    private double[][] buffer(int d, int n) {
        double[][] b = scratch.get();
        if (b == null || b.length != d || b[0].length < n) {
            b = new double[d][Math.max(n, 8192)];
            scratch.set(b);
        }
        return b;
    }

    @Override
    public int evaluationCost(double gamma) {
        return guides(gamma) ? 2 : 1;
    }
}
