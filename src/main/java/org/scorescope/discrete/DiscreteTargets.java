package org.scorescope.discrete;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.scorescope.scenario.ScenarioException;

/**
 * Builds and checks discrete targets: explicit tables, images, product laws and the presets. Every
 * check throws a {@link ScenarioException} naming the field (with the given path prefix) and what is
 * allowed; nothing is half-built.
 */
public final class DiscreteTargets {
    /** Largest image side (S^2 ≤ 2^20). */
    public static final int MAX_IMAGE = 1024;
    /** Allowed deviation of a table's sum from 1. */
    public static final double SUM_TOLERANCE = 1e-9;

    private DiscreteTargets() {
    }

    /**
     * An explicit table: S^d non-negative entries summing to 1 within {@value #SUM_TOLERANCE}
     * (renormalised to sum exactly to 1 in floating point).
     *
     * @param field the path of the target, e.g. {@code target}
     */
    public static JointTarget table(String field, String name, int states, int dims, double[] probabilities, List<String> words) {
        checkShape(field, states, dims);
        long n = StateIndex.count(states, dims, DiscreteTarget.MAX_TABLE);
        if (n < 0) {
            throw new ScenarioException(field + ".dims", "S^d = " + states + "^" + dims + " exceeds the limit "
                    + DiscreteTarget.MAX_TABLE + " of an explicit table; use independent coordinates (\"marginals\") for large d");
        }
        if (probabilities.length != n) {
            throw new ScenarioException(field + ".probabilities", "must have S^d = " + n + " entries (row-major), has " + probabilities.length);
        }
        double[] p = normalised(field + ".probabilities", probabilities);
        if (words != null && !words.isEmpty() && words.size() != states) {
            throw new ScenarioException(field + ".words", "must have S = " + states + " words, has " + words.size());
        }
        return new JointTarget(name, states, dims, p, words == null ? List.of() : words);
    }

    /** Independent coordinates with the given laws (d arrays of S entries each). */
    public static ProductTarget product(String field, String name, double[][] marginals) {
        if (marginals.length < 1 || marginals.length > DiscreteTarget.MAX_DIMS) {
            throw new ScenarioException(field + ".marginals", "must hold 1.." + DiscreteTarget.MAX_DIMS + " laws, has " + marginals.length);
        }
        int s = marginals[0].length;
        checkShape(field, s, marginals.length);
        double[][] m = new double[marginals.length][];
        for (int i = 0; i < m.length; i++) {
            if (marginals[i].length != s) {
                throw new ScenarioException(field + ".marginals[" + i + "]", "must have S = " + s + " entries like marginals[0], has " + marginals[i].length);
            }
            m[i] = normalised(field + ".marginals[" + i + "]", marginals[i]);
        }
        return new ProductTarget(name, m);
    }

    private static void checkShape(String field, int states, int dims) {
        if (states < 2 || states > DiscreteTarget.MAX_TABLE) {
            throw new ScenarioException(field + ".states", "must be in 2.." + DiscreteTarget.MAX_TABLE + ", was " + states);
        }
        if (dims < 1 || dims > DiscreteTarget.MAX_DIMS) {
            throw new ScenarioException(field + ".dims", "must be in 1.." + DiscreteTarget.MAX_DIMS + ", was " + dims);
        }
    }

    private static double[] normalised(String field, double[] values) {
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (!Double.isFinite(v) || v < 0) {
                throw new ScenarioException(field + "[" + i + "]", "must be a probability >= 0, was " + v);
            }
            sum += v;
        }
        if (Math.abs(sum - 1) > SUM_TOLERANCE) {
            throw new ScenarioException(field, "must sum to 1 within " + SUM_TOLERANCE + ", sums to " + sum);
        }
        double[] p = new double[values.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = values[i] / sum;
        }
        return p;
    }

    /**
     * The grey levels of a square image as the law of (row, column): d = 2, S = the side. Grey is the
     * luma 0.299 R + 0.587 G + 0.114 B; the law is grey / Σ grey.
     *
     * @param field the path of the image field, e.g. {@code target.image}
     */
    public static JointTarget image(String field, Path file) {
        BufferedImage img;
        try {
            if (!Files.isRegularFile(file)) {
                throw new ScenarioException(field, "cannot read '" + file + "': no such file");
            }
            img = ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new ScenarioException(field, "cannot read '" + file + "' as an image: " + e.getMessage());
        }
        if (img == null) {
            throw new ScenarioException(field, "cannot read '" + file + "' as an image (PNG, GIF, BMP or JPEG)");
        }
        int w = img.getWidth();
        int h = img.getHeight();
        if (w != h || w < 2 || w > MAX_IMAGE) {
            throw new ScenarioException(field, "must be a square image of side 2.." + MAX_IMAGE + " (S = the side), was " + w + "x" + h);
        }
        double[] grey = new double[w * h];
        double sum = 0;
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                int rgb = img.getRGB(c, r);
                double g = (0.299 * ((rgb >> 16) & 0xff) + 0.587 * ((rgb >> 8) & 0xff) + 0.114 * (rgb & 0xff)) / 255.0;
                grey[r * w + c] = g;
                sum += g;
            }
        }
        if (sum <= 0) {
            throw new ScenarioException(field, "every pixel of '" + file + "' is black: the law needs some grey");
        }
        for (int i = 0; i < grey.length; i++) {
            grey[i] /= sum;
        }
        String name = file.getFileName().toString();
        return new JointTarget(name, w, 2, grey, List.of());
    }

    /** Grey levels of a rasterised picture as a law (d = 2, S = side); used by the picture preset. */
    static JointTarget fromGrey(String name, int side, double[] grey) {
        double sum = 0;
        for (double g : grey) {
            sum += g;
        }
        double[] p = new double[grey.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = grey[i] / sum;
        }
        return new JointTarget(name, side, 2, p, List.of());
    }

    /** Sentences as a law on [S]^d over a vocabulary; used by the language preset. */
    static JointTarget fromSentences(String name, List<String> words, List<int[]> sentences, List<Double> weights) {
        int s = words.size();
        int d = sentences.get(0).length;
        double[] t = new double[(int) StateIndex.count(s, d, DiscreteTarget.MAX_TABLE)];
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        for (int j = 0; j < sentences.size(); j++) {
            t[StateIndex.encode(sentences.get(j), s)] += weights.get(j) / total;
        }
        return new JointTarget(name, s, d, t, new ArrayList<>(words));
    }
}
