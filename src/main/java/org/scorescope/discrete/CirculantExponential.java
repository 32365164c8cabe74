package org.scorescope.discrete;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The law of the total offset, modulo S, of a compound Poisson process on Z_S whose jumps by δ come
 * at rate r(δ) for a time h: {@code k = exp(h R) e_0} with R the circulant generator of the rates.
 * Circulant matrices are diagonal in the Fourier basis, so
 * {@code k(δ) = (1/S) Σ_m exp(h (r̂(m) − Λ)) ω^{−mδ}}, {@code r̂(m) = Σ_δ r(δ) ω^{mδ}},
 * {@code Λ = Σ_δ r(δ)}, {@code ω = e^{2πi/S}} — a radix-2 FFT for S a power of two, a direct DFT
 * otherwise. Values below 0 from round-off (|error| ≲ 1e-16) are set to 0.
 */
final class CirculantExponential {
    private static final ConcurrentHashMap<Integer, double[][]> TWIDDLES = new ConcurrentHashMap<>();

    private CirculantExponential() {
    }

    /**
     * @param rates rates by offset, {@code rates[δ]} for δ = 0..S−1 ({@code rates[0]} is ignored)
     * @param re scratch of length S
     * @param im scratch of length S
     * @param out the law of the offset, length S
     */
    static void offsetLaw(double[] rates, int s, double h, double[] re, double[] im, double[] out) {
        double total = 0;
        for (int j = 1; j < s; j++) {
            total += rates[j];
            re[j] = rates[j];
            im[j] = 0;
        }
        re[0] = 0;
        im[0] = 0;
        if (total == 0) {
            java.util.Arrays.fill(out, 0, s, 0);
            out[0] = 1;
            return;
        }
        transform(re, im, s);
        // r̂(m) = conj(FFT(r)(m)) for the e^{+} convention.
        for (int m = 0; m < s; m++) {
            double a = h * (re[m] - total);
            double b = -h * im[m];
            double mag = Math.exp(a);
            re[m] = mag * Math.cos(b);
            im[m] = mag * Math.sin(b);
        }
        transform(re, im, s);
        for (int j = 0; j < s; j++) {
            out[j] = Math.max(0, re[j] / s);
        }
    }

    /** In place {@code X(m) = Σ_n x(n) e^{−2πi mn/S}}. */
    static void transform(double[] re, double[] im, int s) {
        if (Integer.bitCount(s) != 1) {
            dft(re, im, s);
            return;
        }
        for (int i = 1, j = 0; i < s; i++) {
            int bit = s >> 1;
            for (; (j & bit) != 0; bit >>= 1) {
                j ^= bit;
            }
            j ^= bit;
            if (i < j) {
                double t = re[i];
                re[i] = re[j];
                re[j] = t;
                t = im[i];
                im[i] = im[j];
                im[j] = t;
            }
        }
        double[][] tw = twiddles(s);
        for (int len = 2; len <= s; len <<= 1) {
            int half = len >> 1;
            int step = s / len;
            for (int i = 0; i < s; i += len) {
                for (int j = 0; j < half; j++) {
                    double wr = tw[0][j * step];
                    double wi = tw[1][j * step];
                    int u = i + j;
                    int v = u + half;
                    double xr = re[v] * wr - im[v] * wi;
                    double xi = re[v] * wi + im[v] * wr;
                    re[v] = re[u] - xr;
                    im[v] = im[u] - xi;
                    re[u] += xr;
                    im[u] += xi;
                }
            }
        }
    }

    private static void dft(double[] re, double[] im, int s) {
        double[][] tw = twiddles(s);
        double[] r = new double[s];
        double[] q = new double[s];
        for (int m = 0; m < s; m++) {
            double a = 0;
            double b = 0;
            for (int n = 0; n < s; n++) {
                int idx = (int) ((long) m * n % s);
                a += re[n] * tw[0][idx] - im[n] * tw[1][idx];
                b += re[n] * tw[1][idx] + im[n] * tw[0][idx];
            }
            r[m] = a;
            q[m] = b;
        }
        System.arraycopy(r, 0, re, 0, s);
        System.arraycopy(q, 0, im, 0, s);
    }

    /** cos and −sin of 2πj/S. */
    private static double[][] twiddles(int s) {
        return TWIDDLES.computeIfAbsent(s, n -> {
            double[][] t = new double[2][n];
            for (int j = 0; j < n; j++) {
                t[0][j] = Math.cos(2 * Math.PI * j / n);
                t[1][j] = -Math.sin(2 * Math.PI * j / n);
            }
            return t;
        });
    }
}
