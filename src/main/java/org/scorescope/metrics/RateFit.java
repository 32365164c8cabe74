package org.scorescope.metrics;

import java.util.function.IntToDoubleFunction;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * Convergence rates: the slope of log error against log T (or log NFE), by least squares
 * (Commons Math {@link SimpleRegression}), reported as a positive order with a confidence interval
 * (docs/algorithms.md §6, rate study).
 *
 * @param order −slope of log error on log x
 * @param halfWidth half-width of the 95% confidence interval of the order (NaN with two points)
 * @param points number of points fitted
 */
public record RateFit(double order, double halfWidth, int points) {

    /** Fits log y = a + b log x; the order is −b. Points with y ≤ 0 or not finite are skipped. */
    public static RateFit fit(double[] x, double[] y) {
        SimpleRegression r = new SimpleRegression();
        for (int i = 0; i < x.length; i++) {
            if (y[i] > 0 && Double.isFinite(y[i]) && x[i] > 0) {
                r.addData(Math.log(x[i]), Math.log(y[i]));
            }
        }
        long n = r.getN();
        if (n < 2) {
            return new RateFit(Double.NaN, Double.NaN, (int) n);
        }
        double half = Double.NaN;
        if (n > 2) {
            double t = new TDistribution(n - 2).inverseCumulativeProbability(0.975);
            half = t * r.getSlopeStdErr();
        }
        return new RateFit(-r.getSlope(), half, (int) n);
    }

    /** The order of an error function measured at the given step counts. */
    public static double slope(int[] steps, IntToDoubleFunction error) {
        double[] x = new double[steps.length];
        double[] y = new double[steps.length];
        for (int i = 0; i < steps.length; i++) {
            x[i] = steps[i];
            y[i] = error.applyAsDouble(steps[i]);
        }
        return fit(x, y).order();
    }
}
