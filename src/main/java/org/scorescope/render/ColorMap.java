package org.scorescope.render;

/**
 * Perceptually uniform colour maps as 256-entry ARGB tables, from the degree-6 polynomial fits of
 * matplotlib's viridis and magma (accurate to about 1/255 on [0, 1]), and a diverging blue–white–red
 * map for signed differences.
 */
public enum ColorMap {
    /** Dark purple to yellow: densities. */
    VIRIDIS(new double[][] {
        {0.2777273272234177, 0.005407344544966578, 0.3340998053353061},
        {0.1050930431085774, 1.404613529898575, 1.384590162594685},
        {-0.3308618287255563, 0.214847559468213, 0.09509516302823659},
        {-4.634230498983486, -5.799100973351585, -19.33244095627987},
        {6.228269936347081, 14.17993336680509, 56.69055260068105},
        {4.776384997670288, -13.74514537774601, -65.35303263337234},
        {-5.435455855934631, 4.645852612178535, 26.3124352495832}}),
    /** Black to cream through red: magnitudes (score arrows). */
    MAGMA(new double[][] {
        {-0.002136485053939582, -0.000749655052795221, -0.005386127855323933},
        {0.2516605407371642, 0.6775232436837668, 2.494026599312351},
        {8.353717279216625, -3.577719514958484, 0.3144679030132573},
        {-27.66873308576866, 14.26473078096533, -13.64921318813922},
        {52.17613981234068, -27.94360607168351, 12.94416944238394},
        {-50.76852536473588, 29.04658282127291, 4.23415299384598},
        {18.65570506591883, -11.48977351997711, -5.601961508734096}}),
    /** Blue (negative) – white – red (positive): signed differences. */
    DIVERGING(null);

    private final int[] table = new int[256];

    ColorMap(double[][] c) {
        for (int i = 0; i < 256; i++) {
            double t = i / 255.0;
            double r;
            double g;
            double b;
            if (c == null) {
                double s = 2 * t - 1;
                r = s < 0 ? 1 + s * 0.8 : 1;
                g = 1 - Math.abs(s) * 0.8;
                b = s > 0 ? 1 - s * 0.8 : 1;
            } else {
                r = poly(c, 0, t);
                g = poly(c, 1, t);
                b = poly(c, 2, t);
            }
            table[i] = 0xFF000000 | channel(r) << 16 | channel(g) << 8 | channel(b);
        }
    }

    private static double poly(double[][] c, int k, double t) {
        double v = c[6][k];
        for (int i = 5; i >= 0; i--) {
            v = v * t + c[i][k];
        }
        return v;
    }

    private static int channel(double v) {
        return (int) Math.round(255 * Math.max(0, Math.min(1, v)));
    }

    /** The opaque ARGB colour at t ∈ [0, 1] (clamped). */
    public int argb(double t) {
        int i = (int) (Math.max(0, Math.min(1, t)) * 255 + 0.5);
        return table[i];
    }
}
