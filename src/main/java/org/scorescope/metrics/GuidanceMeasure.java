package org.scorescope.metrics;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.scorescope.distribution.ClassMixture;

/**
 * What guidance of strength w toward class c does to an output cloud Y (003, Part 4, lines
 * ~2290–2420), every quantity with the exact classifier and exact reference laws:
 * <ul>
 *   <li>{@code thm9}: E[1/p_{c|X₀}(c | Y)], Theorem 9's metric with the noise-free classifier (level 1;
 *       only where that classifier is smooth, i.e. non-singular Gaussian classes),</li>
 *   <li>{@code thm9-early}: E[1/p_{c|X_δ}(c | Y)] with the classifier at the output level ᾱ_0 = 1 − δ
 *       (the theorem's early-stopped form),</li>
 *   <li>{@code confidence}, {@code confidence-early}: E[p(c | Y)] with the same two classifiers
 *       (Wu et al. '24: guidance raises it),</li>
 *   <li>{@code spread}: the trace of Y's covariance, the within-class diversity (Wu et al.: it falls),</li>
 *   <li>{@code beyond}: the fraction of Y outside the class's region (2-sd ellipses, boxes;
 *       {@link ClassMixture#region}; Chidambaram et al. '24),</li>
 *   <li>{@code tv-conditional}, {@code tv-tilted}: histogram TV to the true conditional p_{ᾱ_0}(x | c)
 *       (exact bin masses) and to the tilted law ({@link TiltedLaw}), with their noise floors
 *       {@code floor-conditional}, {@code floor-tilted} for N exact samples.</li>
 * </ul>
 * Non-finite particles are left out of the means and the spread and count as outside the region and
 * the bins.
 */
public final class GuidanceMeasure {
    /** The metric ids of the CLI and of sweep rows. */
    public enum Metric {
        /** E[1/p(c | Y)], noise-free classifier. */
        THM9("thm9"),
        /** E[1/p_{ᾱ_0}(c | Y)]. */
        THM9_EARLY("thm9-early"),
        /** E[p(c | Y)], noise-free classifier. */
        CONFIDENCE("confidence"),
        /** E[p_{ᾱ_0}(c | Y)]. */
        CONFIDENCE_EARLY("confidence-early"),
        /** trace Cov(Y). */
        SPREAD("spread"),
        /** fraction outside the class's region. */
        BEYOND("beyond"),
        /** histogram TV to p_{ᾱ_0}(x | c). */
        TV_CONDITIONAL("tv-conditional"),
        /** histogram TV to the tilted law. */
        TV_TILTED("tv-tilted"),
        /** expected TV of N exact samples of the conditional, same bins. */
        FLOOR_CONDITIONAL("floor-conditional"),
        /** expected TV of N exact samples of the tilted law, same bins. */
        FLOOR_TILTED("floor-tilted");

        private final String id;

        Metric(String id) {
            this.id = id;
        }

        /** The id in files and flags. */
        public String id() {
            return id;
        }

        /** Whether it needs the noise-free classifier p(c | x₀). */
        public boolean noiseFree() {
            return this == THM9 || this == CONFIDENCE;
        }

        /** All ids, comma separated. */
        public static String allowed() {
            StringBuilder b = new StringBuilder();
            for (Metric m : values()) {
                b.append(b.length() == 0 ? "" : ", ").append(m.id);
            }
            return b.toString();
        }

        /** Parses an id. */
        public static Metric of(String id) {
            for (Metric m : values()) {
                if (m.id.equals(id)) {
                    return m;
                }
            }
            throw new IllegalArgumentException("unknown guidance metric '" + id + "'; allowed: " + allowed());
        }
    }

    /**
     * A measured value with the standard error of a mean over particles (NaN when it is not a mean).
     *
     * @param value the value
     * @param se its standard error
     */
    public record Estimate(double value, double se) {
    }

    private final ClassMixture classes;
    private final int classId;
    private final double w;
    private final double gamma;
    private final Binning binning;
    private final ClassMixture.Region region;
    private double[] conditionalMasses;
    private TiltedLaw.Masses tilted;

    /**
     * @param classes the labelled target
     * @param classId the class c guided toward
     * @param w the guidance strength (for the tilted law)
     * @param gamma the output level ᾱ_0, in (0, 1)
     * @param binning the bins of the TV metrics (the target's own 1 or 2 axes)
     */
    public GuidanceMeasure(ClassMixture classes, int classId, double w, double gamma, Binning binning) {
        if (!classes.has(classId)) {
            throw new IllegalArgumentException("class " + classId + " is not one of the target's classes");
        }
        this.classes = classes;
        this.classId = classId;
        this.w = w;
        this.gamma = gamma;
        this.binning = binning;
        this.region = classes.region(classId, gamma);
    }

    /** The output level ᾱ_0 the cloud is measured at. */
    public double gamma() {
        return gamma;
    }

    /** The bins. */
    public Binning binning() {
        return binning;
    }

    /** Exact bin masses of the conditional p_{ᾱ_0}(x | c). */
    public synchronized double[] conditionalMasses() {
        if (conditionalMasses == null) {
            conditionalMasses = ExactBinMasses.compute(classes.conditional(classId), binning, gamma);
        }
        return conditionalMasses;
    }

    /** The tilted law's bin masses (integrated once, on first use). */
    public synchronized TiltedLaw.Masses tilted() {
        if (tilted == null) {
            tilted = TiltedLaw.binMasses(classes, classId, w, gamma, binning);
        }
        return tilted;
    }

    /**
     * The value a metric takes for exact draws of the conditional, where it is known in closed form:
     * E[1/p(c | X) | c] = 1/π_c (as p(x | c)/p(c | x) = p(x)/π_c, at any level, with the classifier of
     * the same level), the exact spread γ tr Cov(X₀ | c) + d(1−γ), and TV 0; NaN otherwise.
     */
    public double exactConditional(Metric m) {
        switch (m) {
            case THM9, THM9_EARLY:
                return 1 / classes.prior(classId);
            case SPREAD: {
                double[][] c = classes.covariance(classId, gamma);
                double t = 0;
                for (int a = 0; a < c.length; a++) {
                    t += c[a][a];
                }
                return t;
            }
            case TV_CONDITIONAL:
                return 0;
            default:
                return Double.NaN;
        }
    }

    /**
     * Measures the first n particles.
     *
     * @param positions positions[axis][i]
     * @param which the metrics wanted
     * @throws IllegalArgumentException for {@code thm9}/{@code confidence} when the classes have no
     *     smooth noise-free classifier (box components)
     */
    public Map<Metric, Estimate> measure(double[][] positions, int n, Set<Metric> which) {
        Map<Metric, Estimate> out = new EnumMap<>(Metric.class);
        if (which.contains(Metric.THM9) || which.contains(Metric.CONFIDENCE)) {
            if (!classes.hasNoiseFreeClassifier()) {
                throw new IllegalArgumentException("thm9 and confidence use the noise-free classifier p(c | x0), which is an indicator "
                        + "on targets with boxes; use thm9-early or confidence-early");
            }
            classifier(positions, n, 1.0, which, Metric.THM9, Metric.CONFIDENCE, out);
        }
        if (which.contains(Metric.THM9_EARLY) || which.contains(Metric.CONFIDENCE_EARLY)) {
            classifier(positions, n, gamma, which, Metric.THM9_EARLY, Metric.CONFIDENCE_EARLY, out);
        }
        if (which.contains(Metric.SPREAD)) {
            out.put(Metric.SPREAD, new Estimate(spread(positions, n), Double.NaN));
        }
        if (which.contains(Metric.BEYOND)) {
            long beyond = 0;
            for (int i = 0; i < n; i++) {
                if (!region.contains(positions, i)) {
                    beyond++;
                }
            }
            double f = (double) beyond / n;
            out.put(Metric.BEYOND, new Estimate(f, Math.sqrt(f * (1 - f) / n)));
        }
        Histogram h = which.contains(Metric.TV_CONDITIONAL) || which.contains(Metric.TV_TILTED) ? Histogram.of(positions, n, binning) : null;
        if (which.contains(Metric.TV_CONDITIONAL)) {
            out.put(Metric.TV_CONDITIONAL, new Estimate(TotalVariation.of(h, conditionalMasses()), Double.NaN));
        }
        if (which.contains(Metric.TV_TILTED)) {
            out.put(Metric.TV_TILTED, new Estimate(TotalVariation.of(h, tilted().masses()), tilted().error()));
        }
        if (which.contains(Metric.FLOOR_CONDITIONAL)) {
            NoiseFloor f = NoiseFloor.of(conditionalMasses(), n);
            out.put(Metric.FLOOR_CONDITIONAL, new Estimate(f.mean(), f.sd()));
        }
        if (which.contains(Metric.FLOOR_TILTED)) {
            NoiseFloor f = NoiseFloor.of(tilted().masses(), n);
            out.put(Metric.FLOOR_TILTED, new Estimate(f.mean(), f.sd()));
        }
        return out;
    }

    private void classifier(double[][] positions, int n, double level, Set<Metric> which, Metric reciprocal, Metric confidence,
            Map<Metric, Estimate> out) {
        double[] logp = new double[n];
        classes.logPosterior(positions, n, level, classId, logp);
        double s1 = 0;
        double s2 = 0;
        double c1 = 0;
        double c2 = 0;
        long m = 0;
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(logp[i])) {
                continue;
            }
            double r = Math.exp(-logp[i]);
            double p = Math.exp(logp[i]);
            s1 += r;
            s2 += r * r;
            c1 += p;
            c2 += p * p;
            m++;
        }
        if (which.contains(reciprocal)) {
            out.put(reciprocal, mean(s1, s2, m));
        }
        if (which.contains(confidence)) {
            out.put(confidence, mean(c1, c2, m));
        }
    }

    private static Estimate mean(double s1, double s2, long m) {
        double mu = s1 / m;
        double var = Math.max(0, s2 / m - mu * mu) * m / Math.max(1, m - 1);
        return new Estimate(mu, Math.sqrt(var / m));
    }

    private static double spread(double[][] positions, int n) {
        double trace = 0;
        for (double[] axis : positions) {
            double s1 = 0;
            double s2 = 0;
            long m = 0;
            for (int i = 0; i < n; i++) {
                boolean finite = true;
                for (double[] any : positions) {
                    finite &= Double.isFinite(any[i]);
                }
                if (finite) {
                    s1 += axis[i];
                    m++;
                }
            }
            double mu = s1 / m;
            for (int i = 0; i < n; i++) {
                boolean finite = true;
                for (double[] any : positions) {
                    finite &= Double.isFinite(any[i]);
                }
                if (finite) {
                    s2 += (axis[i] - mu) * (axis[i] - mu);
                }
            }
            trace += s2 / Math.max(1, m - 1);
        }
        return trace;
    }
}
