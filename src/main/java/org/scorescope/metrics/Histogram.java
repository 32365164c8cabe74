package org.scorescope.metrics;

/**
 * Particle counts per bin.
 *
 * @param counts counts per bin, indexed like {@link Binning#index}
 * @param outside particles outside the box, including NaN and infinite ones
 * @param total all particles counted
 */
public record Histogram(long[] counts, long outside, long total) {

    /**
     * Bins the first {@code n} particles on the binning's axes (positions[0], and positions[1] in 2D).
     */
    public static Histogram of(double[][] positions, int n, Binning b) {
        long[] counts = new long[b.size()];
        long outside = 0;
        double[] x = positions[0];
        double[] y = b.dim() == 2 ? positions[1] : x;
        for (int i = 0; i < n; i++) {
            int k = b.index(x[i], y[i]);
            if (k < 0) {
                outside++;
            } else {
                counts[k]++;
            }
        }
        return new Histogram(counts, outside, n);
    }

    /**
     * Counts one sampler's particles of a step per bin, in place over its chunks (no copy). NaN and
     * infinite particles count as outside.
     */
    public static Histogram of(org.scorescope.engine.StepView view, int slot, Binning b) {
        long[] counts = new long[b.size()];
        long[] outside = new long[1];
        long[] total = new long[1];
        view.forEachChunk(slot, (y, n) -> {
            double[] x = y[0];
            double[] second = b.dim() == 2 ? y[1] : x;
            for (int i = 0; i < n; i++) {
                int k = b.index(x[i], second[i]);
                if (k < 0) {
                    outside[0]++;
                } else {
                    counts[k]++;
                }
            }
            total[0] += n;
        });
        return new Histogram(counts, outside[0], total[0]);
    }

    /** The same for float positions (frames). */
    public static Histogram of(float[][] positions, int n, Binning b) {
        long[] counts = new long[b.size()];
        long outside = 0;
        float[] x = positions[0];
        float[] y = b.dim() == 2 ? positions[1] : x;
        for (int i = 0; i < n; i++) {
            int k = b.index(x[i], y[i]);
            if (k < 0) {
                outside++;
            } else {
                counts[k]++;
            }
        }
        return new Histogram(counts, outside, n);
    }
}
