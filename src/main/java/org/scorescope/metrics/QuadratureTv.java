package org.scorescope.metrics;

/**
 * TV = ½ ∫ |p − q| between two planar densities known in closed form, by the midpoint rule on a
 * regular grid over a box that holds nearly all of both masses (docs/imperfect-scores.md). The rule
 * is applied with n and 2n cells per axis; the larger is the value, their difference its stated
 * error, and the mass of either density outside the box is added to that error.
 */
public final class QuadratureTv {
    private QuadratureTv() {
    }

    /** A log-density on the plane, evaluated on n points in structure-of-arrays form. */
    @FunctionalInterface
    public interface LogDensity {
        /** out[i] = log p(x[0][i], x[1][i]). */
        void eval(double[][] x, int n, double[] out);
    }

    /**
     * @param value the TV
     * @param error its quadrature error bound (difference between n and 2n cells, plus the masses outside the box)
     */
    public record Result(double value, double error) {
    }

    /**
     * @param p first density
     * @param q second density
     * @param lo lower corner of the box
     * @param hi upper corner
     * @param cells cells per axis for the coarse rule (the fine one uses twice as many)
     */
    public static Result of(LogDensity p, LogDensity q, double[] lo, double[] hi, int cells) {
        double[] coarse = integrate(p, q, lo, hi, cells);
        double[] fine = integrate(p, q, lo, hi, 2 * cells);
        double outside = Math.max(0, 1 - fine[1]) + Math.max(0, 1 - fine[2]);
        return new Result(fine[0], Math.abs(fine[0] - coarse[0]) + outside);
    }

    /** {½∫|p − q|, ∫p, ∫q} over the box by the midpoint rule. */
    private static double[] integrate(LogDensity p, LogDensity q, double[] lo, double[] hi, int cells) {
        double hx = (hi[0] - lo[0]) / cells;
        double hy = (hi[1] - lo[1]) / cells;
        double[][] row = new double[2][cells];
        double[] lp = new double[cells];
        double[] lq = new double[cells];
        double tv = 0;
        double mp = 0;
        double mq = 0;
        for (int j = 0; j < cells; j++) {
            double y = lo[1] + (j + 0.5) * hy;
            for (int i = 0; i < cells; i++) {
                row[0][i] = lo[0] + (i + 0.5) * hx;
                row[1][i] = y;
            }
            p.eval(row, cells, lp);
            q.eval(row, cells, lq);
            for (int i = 0; i < cells; i++) {
                double a = Math.exp(lp[i]);
                double b = Math.exp(lq[i]);
                tv += Math.abs(a - b);
                mp += a;
                mq += b;
            }
        }
        double area = hx * hy;
        return new double[] {0.5 * tv * area, mp * area, mq * area};
    }
}
