package org.scorescope.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns sweep rows into what a rate plot shows (ALGORITHMS.md §6): per sampler and step count the
 * mean error over seeds with its spread (min, max), the NFE, whether the point is under the noise
 * floor (then it is marked and not fitted), and a fitted order with a 95% interval.
 */
public final class RateStudy {
    private RateStudy() {
    }

    /**
     * One point of the plot.
     *
     * @param steps T
     * @param nfe NFE per particle
     * @param mean mean error over seeds
     * @param min smallest error
     * @param max largest error
     * @param underFloor whether the mean lies under the upper edge of the noise floor band
     */
    public record Point(int steps, long nfe, double mean, double min, double max, boolean underFloor) {
    }

    /**
     * One sampler's curve.
     *
     * @param sampler the sampler id
     * @param points the points, by increasing T
     * @param fit the fitted order over the points above the floor, against NFE
     */
    public record Curve(String sampler, List<Point> points, RateFit fit) {
    }

    /**
     * Groups rows by sampler and T.
     *
     * @param floorUpper upper edge of the noise floor by T (empty map for exact metrics)
     */
    public static List<Curve> curves(List<Sweep.Row> rows, Map<Integer, Double> floorUpper) {
        Map<String, Map<Integer, List<Sweep.Row>>> grouped = new LinkedHashMap<>();
        for (Sweep.Row r : rows) {
            grouped.computeIfAbsent(r.sampler(), k -> new java.util.TreeMap<>()).computeIfAbsent(r.steps(), k -> new ArrayList<>()).add(r);
        }
        List<Curve> out = new ArrayList<>();
        for (var e : grouped.entrySet()) {
            List<Point> pts = new ArrayList<>();
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (var g : e.getValue().entrySet()) {
                double sum = 0;
                double min = Double.POSITIVE_INFINITY;
                double max = Double.NEGATIVE_INFINITY;
                for (Sweep.Row r : g.getValue()) {
                    sum += r.value();
                    min = Math.min(min, r.value());
                    max = Math.max(max, r.value());
                }
                double mean = sum / g.getValue().size();
                Double floor = floorUpper.get(g.getKey());
                boolean under = floor != null && mean <= floor;
                long nfe = g.getValue().get(0).nfe();
                pts.add(new Point(g.getKey(), nfe, mean, min, max, under));
                if (!under) {
                    x.add((double) nfe);
                    y.add(mean);
                }
            }
            RateFit fit = RateFit.fit(x.stream().mapToDouble(Double::doubleValue).toArray(), y.stream().mapToDouble(Double::doubleValue).toArray());
            out.add(new Curve(e.getKey(), pts, fit));
        }
        return out;
    }

    /**
     * The order the theory gives for a sampler's error: the convergence order of deterministic
     * samplers; 1/2 for DDPM-type samplers (001 §3: TV of order 1/√T up to logs), 1 for the
     * accelerated SDE sampler (001 Theorem 3.2); NaN when the seeds give none.
     */
    public static double theoryOrder(String sampler, int declaredOrder) {
        switch (sampler) {
            case "ddpm":
            case "ddpm-posterior":
            case "em-sde":
                return 0.5;
            case "accel-ddpm":
            case "accel-ddpm-slides":
                return 1;
            default:
                return declaredOrder > 0 ? declaredOrder : Double.NaN;
        }
    }
}
