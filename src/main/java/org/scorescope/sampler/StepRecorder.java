package org.scorescope.sampler;

import java.util.ArrayList;
import java.util.List;

/**
 * Receives the terms of one particle's update while a sampler steps its chunk (issue 18, the anatomy
 * of a step). A sampler's {@link Sampler#step} asks its context for a recorder
 * ({@link StepContext#recorder()}); when there is one (only when a tracer replays the chunk that holds
 * the chosen particle), it declares each stage and each term right where it computes them, from the
 * same coefficients and buffers, so the anatomy cannot drift from the update: a test sums the terms
 * of every sampler and compares them with the point the step wrote. Normal runs have no recorder and
 * pay one null check per chunk and step.
 *
 * <p>Term values are copied when they are declared (buffers are overwritten later in the step).
 * Coefficients and vectors are named in LaTeX for the equation panel ({@link Tex} has the common
 * ones).
 */
public final class StepRecorder {
    private final int particle;
    private final List<StepAnatomy.Stage> stages = new ArrayList<>();
    private String symbol;
    private String words;
    private double level;
    private List<StepAnatomy.Term> terms;

    /**
     * @param particle the recorded particle's index within the chunk
     */
    public StepRecorder(int particle) {
        this.particle = particle;
    }

    /** The recorded particle's index within the chunk. */
    public int particle() {
        return particle;
    }

    /**
     * Opens a stage producing the point {@code symbolTex} at level {@code level} (NaN when the point is
     * not on the VP path). Every stage but the last must be closed by {@link #result} first; the last
     * may be left open (the tracer closes it with the particle's Y_{t−1}).
     */
    public void stage(String symbolTex, String words, double level) {
        if (terms != null) {
            throw new IllegalStateException("stage '" + symbol + "' was not given its result before '" + symbolTex + "'");
        }
        this.symbol = symbolTex;
        this.words = words;
        this.level = level;
        this.terms = new ArrayList<>();
    }

    /** The carry of the open stage: c times a point the step already has (the particle's column of {@code point}). */
    public void carry(String coefficientTex, String valueTex, String words, double c, double[][] point) {
        add(coefficientTex, valueTex, words, c, at(point), true);
    }

    /** The carry of the open stage, with the point given for the particle. */
    public void carry(String coefficientTex, String valueTex, String words, double c, double[] point) {
        add(coefficientTex, valueTex, words, c, point, true);
    }

    /** A term c·v of the open stage, v the particle's column of {@code vector} now. */
    public void term(String coefficientTex, String valueTex, String words, double c, double[][] vector) {
        add(coefficientTex, valueTex, words, c, at(vector), false);
    }

    /** A term c·v of the open stage, v given for the particle (a combination the step never stores whole). */
    public void term(String coefficientTex, String valueTex, String words, double c, double[] value) {
        add(coefficientTex, valueTex, words, c, value, false);
    }

    private void add(String coefficientTex, String valueTex, String words, double c, double[] value, boolean carry) {
        if (terms == null) {
            throw new IllegalStateException("a term ('" + words + "') before any stage");
        }
        if (carry != terms.isEmpty()) {
            throw new IllegalStateException("stage '" + symbol + "': the carry must be its first term and only its first");
        }
        terms.add(new StepAnatomy.Term(coefficientTex, valueTex, words, c, value, carry));
    }

    /** Closes the open stage with the point the step computed (the particle's column of {@code point}, now). */
    public void result(double[][] point) {
        result(at(point));
    }

    /** Closes the open stage with the point given for the particle. */
    public void result(double[] point) {
        if (terms == null) {
            throw new IllegalStateException("a result before any stage");
        }
        stages.add(new StepAnatomy.Stage(symbol, words, level, terms, point));
        terms = null;
    }

    /** The particle's column of a d × n buffer, copied. */
    public double[] at(double[][] v) {
        double[] out = new double[v.length];
        for (int a = 0; a < out.length; a++) {
            out[a] = v[a][particle];
        }
        return out;
    }

    /** p·x + q·y at the particle. */
    public double[] combine(double p, double[][] x, double q, double[][] y) {
        double[] out = new double[x.length];
        for (int a = 0; a < out.length; a++) {
            out[a] = p * x[a][particle] + q * y[a][particle];
        }
        return out;
    }

    /**
     * Closes the step with the particle's Y_{t−1} as the step left it: the last stage (open, or
     * closed by the sampler) gets that point as its result, so its terms are always checked against
     * the real update. Called by the tracer after the step, not by the sampler.
     */
    public StepAnatomy finish(String sampler, int t, double abarFrom, double abarTo, double[] start, double[][] y) {
        if (terms != null) {
            result(y);
        } else if (stages.isEmpty()) {
            throw new IllegalStateException(sampler + " step " + t + ": no stage recorded");
        } else {
            StepAnatomy.Stage last = stages.remove(stages.size() - 1);
            stages.add(new StepAnatomy.Stage(last.symbolTex(), last.words(), last.level(), last.terms(), at(y)));
        }
        return new StepAnatomy(sampler, t, abarFrom, abarTo, start, stages);
    }
}
