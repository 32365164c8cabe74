package org.scorescope.sampler;

/** LaTeX names shared by the samplers' step recordings ({@link StepRecorder}), in docs/algorithms.md's notation. */
public final class Tex {
    /** The current point Y_t. */
    public static final String Y = "Y_t";
    /** The next point Y_{t−1}. */
    public static final String NEXT = "Y_{t-1}";
    /** The score at the current point. */
    public static final String SCORE = "s_t(Y_t)";
    /** The noise prediction at the current point. */
    public static final String EPS = "\\varepsilon_t(Y_t)";
    /** The data prediction at the current point. */
    public static final String DATA = "D(Y_t,\\bar\\alpha_t)";
    /** A fresh standard normal vector. */
    public static final String Z = "Z_t";
    /** 1/√α_t. */
    public static final String INV_SQRT_ALPHA = "\\frac{1}{\\sqrt{\\alpha_t}}";

    private Tex() {
    }
}
