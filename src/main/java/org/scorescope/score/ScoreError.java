package org.scorescope.score;

import java.util.List;
import java.util.Locale;

/**
 * A score error of known size (docs/imperfect-scores.md; 001 §2, Assumptions 2.3–2.4): what a
 * {@link PerturbedScore} adds to the exact score of any target.
 *
 * <ul>
 * <li>{@code bias}: ŝ = s + b with a constant b, ‖b‖ = size (direction given, or a random unit
 * vector drawn from the seed). ε_score = size exactly, ε_Jacobi = 0.</li>
 * <li>{@code scale}: ŝ = (1 + κ) s with κ = size. ε_score = κ · rms ‖s‖, ε_Jacobi = κ · E‖J‖.</li>
 * <li>{@code field}: ŝ = s + e_γ, a smooth random field of random Fourier features with amplitude
 * and frequency set separately (see {@link FourierFieldError}); normalised so that
 * E_{q_γ}‖e_γ‖² = size² at every level: ε_score = size exactly, ε_Jacobi grows with the frequency.</li>
 * <li>{@code noise-level}: ŝ_γ = s_{γ'}, the exact score of a wrong level whose signal-to-noise
 * ratio is (1 + δ) times the true one, δ = size: γ' = γ(1+δ)/(1+γδ) ≈ γ(1+δ) for small γ
 * (it stays below 1 at every level, where the literal γ(1+δ) would not).</li>
 * </ul>
 *
 * @param type one of {@link #TYPES}
 * @param size the size: ‖b‖, κ, the field's rms, δ; finite and ≥ 0
 * @param frequency the field's frequency f (features ω ~ N(0, f² I)); 1 by default, ignored by the others
 * @param features the field's number of random features m
 * @param seed the seed of the bias direction and of the field's features (fixed per "trained model",
 *     independent of the sampling seed)
 * @param direction the bias direction (normalised), or null for a random one
 */
public record ScoreError(String type, double size, double frequency, int features, long seed, double[] direction) {
    /** The error types. */
    public static final List<String> TYPES = List.of("bias", "scale", "field", "noise-level");
    /** Default number of random features. */
    public static final int DEFAULT_FEATURES = 32;
    /** Largest number of random features. */
    public static final int MAX_FEATURES = 1024;
    /** Largest field frequency. */
    public static final double MAX_FREQUENCY = 1e3;
    /** Largest size (an error this large is no longer an error of a score). */
    public static final double MAX_SIZE = 1e3;

    /**
     * Checks every field.
     *
     * @throws IllegalArgumentException whose message starts with the field's name
     */
    public ScoreError {
        if (type == null || !TYPES.contains(type)) {
            throw new IllegalArgumentException("type must be one of " + String.join(", ", TYPES) + ", was '" + type + "'");
        }
        if (!(size >= 0) || !(size <= MAX_SIZE)) {
            throw new IllegalArgumentException("size must be a number in 0.." + (int) MAX_SIZE + ", was " + size);
        }
        if (!(frequency > 0) || !(frequency <= MAX_FREQUENCY)) {
            throw new IllegalArgumentException("frequency must be a number in (0, " + (int) MAX_FREQUENCY + "], was " + frequency);
        }
        if (features < 1 || features > MAX_FEATURES) {
            throw new IllegalArgumentException("features must be a whole number in 1.." + MAX_FEATURES + ", was " + features);
        }
        if (seed < 0) {
            throw new IllegalArgumentException("seed must be >= 0, was " + seed);
        }
        if (direction != null) {
            double n2 = 0;
            for (int i = 0; i < direction.length; i++) {
                if (!Double.isFinite(direction[i])) {
                    throw new IllegalArgumentException("direction[" + i + "] must be finite, was " + direction[i]);
                }
                n2 += direction[i] * direction[i];
            }
            if (!(n2 > 0)) {
                throw new IllegalArgumentException("direction must not be zero");
            }
            direction = direction.clone();
        }
    }

    /** An error of this type and size with the defaults (frequency 1, 32 features, seed 1, random direction). */
    public static ScoreError of(String type, double size) {
        return new ScoreError(type, size, 1, DEFAULT_FEATURES, 1, null);
    }

    /**
     * Parses {@code type:size[:frequency]} (the frequency only for {@code field}), e.g.
     * {@code field:0.1:3}, {@code bias:0.05}.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static ScoreError parse(String spec) {
        String[] parts = spec.split(":", -1);
        if (parts.length < 2 || parts.length > 3) {
            throw new IllegalArgumentException("must be TYPE:SIZE or field:SIZE:FREQUENCY with TYPE one of "
                    + String.join(", ", TYPES) + ", was '" + spec + "'");
        }
        String type = parts[0].trim();
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("unknown error type '" + type + "'; allowed: " + String.join(", ", TYPES));
        }
        double size = number(parts[1], "size");
        double freq = 1;
        if (parts.length == 3) {
            if (!type.equals("field")) {
                throw new IllegalArgumentException("only field errors take a frequency (field:SIZE:FREQUENCY), was '" + spec + "'");
            }
            freq = number(parts[2], "frequency");
        }
        return new ScoreError(type, size, freq, DEFAULT_FEATURES, 1, null);
    }

    private static double number(String s, String what) {
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a number, was '" + s + "'");
        }
    }

    /** The same error with another size. */
    public ScoreError withSize(double s) {
        return new ScoreError(type, s, frequency, features, seed, direction);
    }

    /** The short form {@link #parse} reads: {@code field:0.1:3}, {@code bias:0.05}. */
    public String id() {
        String s = type + ":" + format(size);
        return type.equals("field") && frequency != 1 ? s + ":" + format(frequency) : s;
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
    }

    /** A copy of the direction, or null. */
    @Override
    public double[] direction() {
        return direction == null ? null : direction.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScoreError e && type.equals(e.type) && Double.compare(size, e.size) == 0
                && Double.compare(frequency, e.frequency) == 0 && features == e.features && seed == e.seed
                && java.util.Arrays.equals(direction, e.direction);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(type, size, frequency, features, seed) * 31 + java.util.Arrays.hashCode(direction);
    }

    @Override
    public String toString() {
        return id();
    }
}
