package org.scorescope.discrete;

/**
 * One K×K matrix applied along one axis of a table on {@code [K]^d} (row-major, {@link StateIndex}). The
 * forward processes act on every coordinate independently, so q_t = p P_t^{⊗d} and the reverse kernels
 * are d such products: O(K^{d+1} d) work instead of O(K^{2d}).
 */
public final class AxisTransform {
    private AxisTransform() {
    }

    /** A law pushed through the matrix on one axis: {@code out(y) = Σ_a in(y^{axis←a}) M[a][y_axis]} (μ ← μ M). */
    public static double[] pushLaw(double[] in, int alphabet, int dims, int axis, double[][] m) {
        return apply(in, alphabet, dims, axis, m, true);
    }

    /** A function pulled through the matrix on one axis: {@code out(x) = Σ_b M[x_axis][b] in(x^{axis←b})} (f ← M f). */
    public static double[] applyFunction(double[] in, int alphabet, int dims, int axis, double[][] m) {
        return apply(in, alphabet, dims, axis, m, false);
    }

    /** A law pushed through the same matrix on every axis: μ M^{⊗d}. */
    public static double[] pushLawAllAxes(double[] in, int alphabet, int dims, double[][] m) {
        double[] v = in;
        for (int axis = 0; axis < dims; axis++) {
            v = pushLaw(v, alphabet, dims, axis, m);
        }
        return v;
    }

    /** A function pulled through the same matrix on every axis: M^{⊗d} f. */
    public static double[] applyFunctionAllAxes(double[] in, int alphabet, int dims, double[][] m) {
        double[] v = in;
        for (int axis = 0; axis < dims; axis++) {
            v = applyFunction(v, alphabet, dims, axis, m);
        }
        return v;
    }

    private static double[] apply(double[] in, int k, int dims, int axis, double[][] m, boolean law) {
        int stride = StateIndex.stride(k, dims, axis);
        int block = stride * k;
        double[] out = new double[in.length];
        double[] column = new double[k];
        for (int start = 0; start < in.length; start += block) {
            for (int inner = 0; inner < stride; inner++) {
                int base = start + inner;
                for (int a = 0; a < k; a++) {
                    column[a] = in[base + a * stride];
                }
                for (int b = 0; b < k; b++) {
                    double s = 0;
                    for (int a = 0; a < k; a++) {
                        s += law ? column[a] * m[a][b] : m[b][a] * column[a];
                    }
                    out[base + b * stride] = s;
                }
            }
        }
        return out;
    }
}
