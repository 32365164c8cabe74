package org.scorescope.discrete;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scorescope.scenario.ScenarioException;

/**
 * The discrete presets of issue 17: {@code picture} (a grey face as the law of (row, column), d = 2,
 * S = 32 by default, any S: it is drawn from a formula), {@code language} (4-word sentences over an
 * 8-word vocabulary, 36 valid sentences with weights), and {@code product} (d independent coordinates,
 * each with the law {@code p(c) ∝ 1 + cos(2π c / S)} — far from uniform, one zero for even S; S = 4 and
 * d = 8 by default, d up to 64).
 */
public final class DiscretePresets {
    private static final Map<String, String> DESCRIPTIONS = new LinkedHashMap<>();

    static {
        DESCRIPTIONS.put("picture", "a grey face on black as the law of (row, column): d = 2, S = 32 (any S), zeros off the drawing");
        DESCRIPTIONS.put("language", "36 weighted 4-word sentences over 8 words (d = 4, S = 8), shown as text");
        DESCRIPTIONS.put("product", "d independent coordinates, p(c) ∝ 1 + cos(2πc/S): S = 4, d = 8 by default, d ≤ 64");
    }

    /** The vocabulary of the language preset. */
    public static final List<String> WORDS = List.of("the", "a", "cat", "dog", "bird", "sees", "likes", "chases");

    private DiscretePresets() {
    }

    /** Preset ids in display order. */
    public static List<String> ids() {
        return new ArrayList<>(DESCRIPTIONS.keySet());
    }

    /** Whether {@code id} names a discrete preset. */
    public static boolean isPreset(String id) {
        return id != null && DESCRIPTIONS.containsKey(id);
    }

    /** One line about a preset. */
    public static String description(String id) {
        return DESCRIPTIONS.get(id);
    }

    /**
     * A preset, with optional S and d.
     *
     * @param field the path of the target for messages
     * @param states S, or null for the preset's default
     * @param dims d, or null for the preset's default
     */
    public static DiscreteTarget of(String field, String id, Integer states, Integer dims) {
        switch (id) {
            case "picture":
                if (dims != null && dims != 2) {
                    throw new ScenarioException(field + ".dims", "the picture preset has d = 2, was " + dims);
                }
                int side = states == null ? 32 : states;
                if (side < 2 || side > DiscreteTargets.MAX_IMAGE) {
                    throw new ScenarioException(field + ".states", "the picture's side must be in 2.." + DiscreteTargets.MAX_IMAGE + ", was " + side);
                }
                return picture(side);
            case "language":
                if ((states != null && states != 8) || (dims != null && dims != 4)) {
                    throw new ScenarioException(field, "the language preset has S = 8 words and d = 4 tokens");
                }
                return language();
            case "product":
                int s = states == null ? 4 : states;
                int d = dims == null ? 8 : dims;
                if (s < 2 || s > 4096) {
                    throw new ScenarioException(field + ".states", "must be in 2..4096, was " + s);
                }
                if (d < 1 || d > DiscreteTarget.MAX_DIMS) {
                    throw new ScenarioException(field + ".dims", "must be in 1.." + DiscreteTarget.MAX_DIMS + ", was " + d);
                }
                return product(s, d);
            default:
                throw new ScenarioException(field, "unknown discrete preset '" + id + "'; allowed: " + String.join(", ", ids()));
        }
    }

    /** The picture at side S: each pixel the mean of 4×4 sub-samples of {@link #face}. */
    public static JointTarget picture(int side) {
        double[] grey = new double[side * side];
        int sub = 4;
        for (int r = 0; r < side; r++) {
            for (int c = 0; c < side; c++) {
                double g = 0;
                for (int a = 0; a < sub; a++) {
                    for (int b = 0; b < sub; b++) {
                        g += face((r + (a + 0.5) / sub) / side, (c + (b + 0.5) / sub) / side);
                    }
                }
                grey[r * side + c] = g / (sub * sub);
            }
        }
        return DiscreteTargets.fromGrey("picture", side, grey);
    }

    /** Grey level of the face at (u, v) ∈ [0, 1]², u down, v across: outline, eyes, smile, faint fill. */
    static double face(double u, double v) {
        double r = Math.hypot(u - 0.5, v - 0.5);
        if (Math.hypot(u - 0.38, v - 0.35) < 0.075 || Math.hypot(u - 0.38, v - 0.65) < 0.075) {
            return 1.0;
        }
        double smile = Math.hypot(u - 0.45, v - 0.5);
        if (u > 0.55 && smile > 0.17 && smile < 0.24) {
            return 0.8;
        }
        if (r > 0.38 && r < 0.46) {
            return 0.6;
        }
        return r <= 0.38 ? 0.08 : 0;
    }

    /**
     * The tiny language: "Det Subject Verb Object" with Det ∈ {the, a}, Subject ≠ Object ∈ {cat, dog,
     * bird}, Verb ∈ {sees, likes, chases}; weights det × subject × verb-object (dogs chase cats, cats
     * chase birds). Not a product law: the verb depends on the nouns.
     */
    public static JointTarget language() {
        List<int[]> sentences = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        double[] det = {3, 2};
        double[] subject = {3, 3, 2};
        for (int a = 0; a < 2; a++) {
            for (int n = 0; n < 3; n++) {
                for (int verb = 0; verb < 3; verb++) {
                    for (int o = 0; o < 3; o++) {
                        if (o == n) {
                            continue;
                        }
                        double w;
                        if (verb == 2) {
                            boolean prey = (n == 1 && o == 0) || (n == 0 && o == 2);
                            w = prey ? 5 : 1;
                        } else {
                            w = verb == 1 ? 2 : 1;
                        }
                        sentences.add(new int[] {a, 2 + n, 5 + verb, 2 + o});
                        weights.add(det[a] * subject[n] * w);
                    }
                }
            }
        }
        return DiscreteTargets.fromSentences("language", WORDS, sentences, weights);
    }

    /** d independent coordinates with {@code p(c) ∝ 1 + cos(2π c / S)}. */
    public static ProductTarget product(int states, int dims) {
        double[] p = new double[states];
        double sum = 0;
        for (int c = 0; c < states; c++) {
            p[c] = 2 * c == states ? 0 : Math.max(0, 1 + Math.cos(2 * Math.PI * c / states));
            sum += p[c];
        }
        for (int c = 0; c < states; c++) {
            p[c] /= sum;
        }
        double[][] m = new double[dims][];
        for (int i = 0; i < dims; i++) {
            m[i] = p.clone();
        }
        return new ProductTarget("product", m);
    }
}
