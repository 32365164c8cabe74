package org.scorescope.discrete;

import java.util.Locale;

/**
 * The two forward noising CTMCs of 003 Part 6 (003_1b963510094279b5.txt, lines ~3264–3273). Both act
 * on every coordinate independently, so a coordinate's transition matrix over time t is closed form:
 *
 * <ul>
 *   <li>{@link #UNIFORM}: {@code Q(x, y) = 1/S} for y differing from x in one coordinate; per coordinate
 *       the generator is {@code (1/S)(J − S I)}, so {@code P_t(a, b) = 1/S + (δ_ab − 1/S) e^{−t}}, and the
 *       process forgets towards Unif([S]^d).</li>
 *   <li>{@link #MASKING}: rate 1 from an unmasked coordinate to MASK; {@code P_t(a, a) = e^{−t}},
 *       {@code P_t(a, MASK) = 1 − e^{−t}}, MASK absorbing; the process forgets towards δ_MASK.</li>
 * </ul>
 *
 * A coordinate takes values {@code 0 … S−1}; the masking process adds the symbol {@code MASK = S}
 * internally (written as −1 in files).
 */
public enum DiscreteProcess {
    /** Uniform noising: every coordinate jumps to each other value at rate 1/S. */
    UNIFORM("uniform"),
    /** Masking (absorbing) noising: every unmasked coordinate jumps to MASK at rate 1. */
    MASKING("masking");

    private final String id;

    DiscreteProcess(String id) {
        this.id = id;
    }

    /** The id used in scenarios and on the command line. */
    public String id() {
        return id;
    }

    /** The process with this id; the message lists the allowed ids. */
    public static DiscreteProcess of(String id) {
        for (DiscreteProcess p : values()) {
            if (p.id.equals(id.toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new IllegalArgumentException("must be 'uniform' or 'masking', was '" + id + "'");
    }

    /** Values a coordinate can take under this process: S, or S + 1 with MASK. */
    public int alphabet(int states) {
        return this == MASKING ? states + 1 : states;
    }

    /** The internal symbol of MASK for S states ({@code S}); only the masking process uses it. */
    public static int mask(int states) {
        return states;
    }

    /** The generator of one coordinate (rows sum to 0), size {@link #alphabet}. */
    public double[][] generator(int states) {
        int k = alphabet(states);
        double[][] g = new double[k][k];
        for (int a = 0; a < states; a++) {
            if (this == UNIFORM) {
                for (int b = 0; b < states; b++) {
                    g[a][b] = a == b ? -(states - 1.0) / states : 1.0 / states;
                }
            } else {
                g[a][a] = -1;
                g[a][states] = 1;
            }
        }
        return g;
    }

    /** The closed-form transition matrix {@code P_t = exp(t G)} of one coordinate. */
    public double[][] transition(int states, double t) {
        int k = alphabet(states);
        double[][] p = new double[k][k];
        double stay = Math.exp(-t);
        double leave = -Math.expm1(-t);
        for (int a = 0; a < states; a++) {
            if (this == UNIFORM) {
                for (int b = 0; b < states; b++) {
                    p[a][b] = leave / states + (a == b ? stay : 0);
                }
            } else {
                p[a][a] = stay;
                p[a][states] = leave;
            }
        }
        if (this == MASKING) {
            p[states][states] = 1;
        }
        return p;
    }

    /** The reverse process's starting law for one coordinate: Unif([S]) or δ_MASK. */
    public double[] stationary(int states) {
        double[] pi = new double[alphabet(states)];
        if (this == UNIFORM) {
            java.util.Arrays.fill(pi, 1.0 / states);
        } else {
            pi[states] = 1;
        }
        return pi;
    }
}
