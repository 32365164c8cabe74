package org.scorescope.metrics;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.scorescope.distribution.EmpiricalTarget;
import org.scorescope.distribution.Target;
import org.scorescope.engine.RandomStreams;

/**
 * How much a sampler's output copies its training set (docs/imperfect-scores.md, "memorisation"):
 * the fraction of outputs within r of a training point, the distance to the nearest training point
 * against the same for fresh draws of the population (what a model that generalises would give), and
 * the histogram TV of the outputs to the population law and to the training set (its atoms).
 *
 * @param within fraction of outputs within {@code radius} of a training point
 * @param radius r
 * @param medianNearest median distance of an output to its nearest training point
 * @param medianNearestFresh the same for N fresh population draws
 * @param withinFresh fraction of fresh population draws within r of a training point
 * @param tvPopulation histogram TV to the population at the output level
 * @param tvTraining histogram TV to the training set's law at the output level
 * @param floor the noise floor (upper band edge) of N exact draws on the same bins, for the TV to the population
 */
public record Memorisation(double within, double radius, double medianNearest, double medianNearestFresh, double withinFresh,
        double tvPopulation, double tvTraining, double floor) {

    private static final long KEY = RandomStreams.key("memorisation-fresh-draws");

    /**
     * Distances from n particles (structure of arrays, the first d axes) to their nearest training
     * point; brute force O(n · points · d), NaN for a particle that is not finite.
     */
    public static double[] nearestDistances(double[][] training, double[][] y, int n) {
        int d = training[0].length;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double best = Double.POSITIVE_INFINITY;
            for (double[] p : training) {
                double s = 0;
                for (int a = 0; a < d && s < best; a++) {
                    double diff = y[a][i] - p[a];
                    s += diff * diff;
                }
                best = Math.min(best, s);
            }
            out[i] = Double.isFinite(best) ? Math.sqrt(best) : Double.NaN;
        }
        return out;
    }

    /**
     * Measures a cloud of outputs at level {@code gamma} (1 for data) of an empirical target.
     *
     * @param target the empirical target the sampler ran on
     * @param y the outputs, y[axis][i]
     * @param n how many
     * @param gamma the output level ᾱ_0 (the population and the atoms are compared at that level)
     * @param radius r
     * @param seed seed of the fresh population draws
     */
    public static Memorisation of(EmpiricalTarget target, double[][] y, int n, double gamma, double radius, long seed) {
        if (target.population() == null) {
            throw new IllegalArgumentException("memorisation needs an empirical target drawn from a population");
        }
        if (target.dim() > 2) {
            throw new IllegalArgumentException("memorisation metrics are measured in 1 or 2 dimensions");
        }
        double[][] training = target.points();
        double sg = Math.sqrt(gamma);
        for (double[] p : training) {
            for (int a = 0; a < p.length; a++) {
                p[a] *= sg;
            }
        }
        double[] dist = nearestDistances(training, y, n);
        Target population = target.population();
        double[][] fresh = new double[target.dim()][n];
        UniformRandomProvider rng = RandomStreams.stream(seed, KEY, 0, 0);
        population.sample(gamma, rng, fresh, 0, n);
        double[] freshDist = nearestDistances(training, fresh, n);
        Binning binning = Binning.defaultFor(population, n);
        double[] popMasses = ExactBinMasses.compute(population, binning, gamma);
        double[] trainMasses = ExactBinMasses.compute(target, binning, gamma);
        Histogram h = Histogram.of(y, n, binning);
        return new Memorisation(fraction(dist, radius), radius, median(dist), median(freshDist), fraction(freshDist, radius),
                TotalVariation.of(h, popMasses), TotalVariation.of(h, trainMasses), NoiseFloor.of(popMasses, n).upper());
    }

    static double fraction(double[] dist, double r) {
        int k = 0;
        for (double v : dist) {
            k += v <= r ? 1 : 0;
        }
        return (double) k / dist.length;
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        while (n > 0 && Double.isNaN(s[n - 1])) {
            n--;
        }
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }
}
