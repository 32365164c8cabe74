package org.scorescope.discrete;

/** Test-side matrix exponential: scaling and squaring with a degree-24 Taylor polynomial. */
final class Expm {
    private Expm() {
    }

    static double[][] of(double[][] a, double t) {
        int n = a.length;
        double norm = 0;
        for (double[] row : a) {
            double r = 0;
            for (double v : row) {
                r += Math.abs(v * t);
            }
            norm = Math.max(norm, r);
        }
        int squarings = Math.max(0, (int) Math.ceil(Math.log(norm / 0.25) / Math.log(2)));
        double scale = t / Math.pow(2, squarings);
        double[][] term = identity(n);
        double[][] sum = identity(n);
        for (int k = 1; k <= 24; k++) {
            term = multiply(term, a);
            for (double[] row : term) {
                for (int j = 0; j < n; j++) {
                    row[j] *= scale / k;
                }
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    sum[i][j] += term[i][j];
                }
            }
        }
        for (int s = 0; s < squarings; s++) {
            sum = multiply(sum, sum);
        }
        return sum;
    }

    static double[][] identity(int n) {
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            m[i][i] = 1;
        }
        return m;
    }

    static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length;
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                double v = a[i][k];
                for (int j = 0; j < n; j++) {
                    c[i][j] += v * b[k][j];
                }
            }
        }
        return c;
    }
}
