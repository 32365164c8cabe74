package org.scorescope.discrete;

/**
 * An exact law of a sampler's state (MASK included), and its distances to p_data: KL(p_data ‖ law)
 * and total variation, with no Monte Carlo.
 */
public sealed interface DiscreteLaw permits DiscreteLaw.Joint, DiscreteLaw.Product {
    /** KL(p_data ‖ this) in nats; +∞ when this law misses a state of p_data. */
    double kl(DiscreteTarget target);

    /** Total variation ½ Σ |p_data − this| over every state, masked ones included. */
    double tv(DiscreteTarget target);

    /** The probability that some coordinate is still MASK. */
    double maskedMass();

    /**
     * A law on the whole state space {@code [K]^d}, K = S or S + 1 (row-major).
     *
     * @param states S
     * @param dims d
     * @param alphabet K
     * @param p the probabilities (not copied)
     */
    record Joint(int states, int dims, int alphabet, double[] p) implements DiscreteLaw {
        @Override
        public double kl(DiscreteTarget target) {
            int[] x = new int[dims];
            double kl = 0;
            for (int j = 0; j < p.length; j++) {
                StateIndex.decode(j, alphabet, x);
                double q = target.probability(x);
                if (q > 0) {
                    kl += p[j] > 0 ? q * Math.log(q / p[j]) : Double.POSITIVE_INFINITY;
                }
            }
            return Math.max(0, kl);
        }

        @Override
        public double tv(DiscreteTarget target) {
            int[] x = new int[dims];
            double tv = 0;
            for (int j = 0; j < p.length; j++) {
                StateIndex.decode(j, alphabet, x);
                tv += Math.abs(target.probability(x) - p[j]);
            }
            return 0.5 * tv;
        }

        @Override
        public double maskedMass() {
            if (alphabet == states) {
                return 0;
            }
            int[] x = new int[dims];
            double m = 0;
            for (int j = 0; j < p.length; j++) {
                StateIndex.decode(j, alphabet, x);
                for (int v : x) {
                    if (v == states) {
                        m += p[j];
                        break;
                    }
                }
            }
            return m;
        }

        /** The probability of one state. */
        public double at(int[] x) {
            return p[StateIndex.encode(x, alphabet)];
        }
    }

    /**
     * Independent coordinates, each with its own law over K values.
     *
     * @param states S
     * @param laws {@code laws[i][v]}, v over K = S or S + 1
     */
    record Product(int states, double[][] laws) implements DiscreteLaw {
        /** Largest K^d the exact TV enumerates. */
        public static final long MAX_TV_STATES = 1L << 22;

        @Override
        public double kl(DiscreteTarget target) {
            ProductTarget t = (ProductTarget) target;
            double kl = 0;
            for (int i = 0; i < laws.length; i++) {
                for (int c = 0; c < states; c++) {
                    double q = t.marginalAt(i, c);
                    if (q > 0) {
                        kl += laws[i][c] > 0 ? q * Math.log(q / laws[i][c]) : Double.POSITIVE_INFINITY;
                    }
                }
            }
            return Math.max(0, kl);
        }

        /** Exact TV by enumeration; needs K^d ≤ {@value #MAX_TV_STATES}. */
        @Override
        public double tv(DiscreteTarget target) {
            int k = laws[0].length;
            int d = laws.length;
            long n = StateIndex.count(k, d, MAX_TV_STATES);
            if (n < 0) {
                throw new IllegalArgumentException("exact TV of a product law needs K^d <= " + MAX_TV_STATES);
            }
            ProductTarget t = (ProductTarget) target;
            int[] x = new int[d];
            double tv = 0;
            for (int j = 0; j < n; j++) {
                StateIndex.decode(j, k, x);
                double q = 1;
                double r = 1;
                for (int i = 0; i < d; i++) {
                    q *= x[i] < states ? t.marginalAt(i, x[i]) : 0;
                    r *= laws[i][x[i]];
                }
                tv += Math.abs(q - r);
            }
            return 0.5 * tv;
        }

        @Override
        public double maskedMass() {
            if (laws[0].length == states) {
                return 0;
            }
            double allClear = 1;
            for (double[] l : laws) {
                allClear *= 1 - l[states];
            }
            return 1 - allClear;
        }
    }
}
