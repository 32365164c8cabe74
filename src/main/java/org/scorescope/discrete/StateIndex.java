package org.scorescope.discrete;

/**
 * Row-major indexing of {@code [K]^d}: {@code index(x) = Σ_i x_i K^{d−1−i}}, the first coordinate most
 * significant (for an image, x_0 is the row and x_1 the column).
 */
public final class StateIndex {
    private StateIndex() {
    }

    /** K^d, or −1 when it exceeds {@code limit}. */
    public static long count(int alphabet, int dims, long limit) {
        long n = 1;
        for (int i = 0; i < dims; i++) {
            n *= alphabet;
            if (n > limit) {
                return -1;
            }
        }
        return n;
    }

    /** The index of x. */
    public static int encode(int[] x, int alphabet) {
        int idx = 0;
        for (int v : x) {
            idx = idx * alphabet + v;
        }
        return idx;
    }

    /** Writes the coordinates of {@code index} into x. */
    public static void decode(int index, int alphabet, int[] x) {
        for (int i = x.length - 1; i >= 0; i--) {
            x[i] = index % alphabet;
            index /= alphabet;
        }
    }

    /** The index step of coordinate i: K^{d−1−i}. */
    public static int stride(int alphabet, int dims, int i) {
        int s = 1;
        for (int j = i + 1; j < dims; j++) {
            s *= alphabet;
        }
        return s;
    }
}
