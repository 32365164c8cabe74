package org.scorescope.metrics;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.commons.math3.distribution.TDistribution;
import org.scorescope.distribution.ClassMixture;
import org.scorescope.engine.Engine;
import org.scorescope.engine.RunResult;
import org.scorescope.engine.RunSpec;
import org.scorescope.engine.SamplerSlot;
import org.scorescope.sampler.Sampler;
import org.scorescope.schedule.Grid;
import org.scorescope.schedule.Schedule;
import org.scorescope.score.GuidedScore;

/**
 * Guidance metrics against the strength w (003, Part 4, Theorem 9): one particle run per sampler,
 * T, w and seed, every sampler driven by the exact guided score ({@link GuidedScore}) toward one
 * class, measured at the output level by {@link GuidanceMeasure}. Rows have the columns
 * {@code sampler,steps,nfe,seed,particles,guidance,metric,value}; NFE counts a guided call as two.
 */
public final class GuidanceSweep {
    /**
     * One measurement; seed is −1 for the noise floors, which do not depend on it.
     *
     * @param sampler sampler id
     * @param steps T
     * @param nfe model evaluations per particle
     * @param seed the seed, or −1
     * @param particles N
     * @param guidance w
     * @param metric the metric id
     * @param value the value
     */
    public record Row(String sampler, int steps, long nfe, long seed, int particles, double guidance, String metric, double value) {
        /** The CSV header. */
        public static final String HEADER = "sampler,steps,nfe,seed,particles,guidance,metric,value";

        /** The row as CSV. */
        public String csv() {
            return sampler + "," + steps + "," + nfe + "," + (seed < 0 ? "" : Long.toString(seed)) + "," + particles + ","
                    + number(guidance) + "," + metric + "," + value;
        }

        private static String number(double v) {
            return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
        }
    }

    /**
     * The sweep's inputs.
     *
     * @param classes the labelled target
     * @param classId the class c
     * @param schedule the schedule
     * @param samplers the samplers
     * @param steps the list of T
     * @param guidance the list of w
     * @param from lower end of the guidance interval in ᾱ (0: none)
     * @param to upper end (1: none)
     * @param particles N
     * @param seeds number of seeds, firstSeed … firstSeed + seeds − 1
     * @param firstSeed the first seed
     * @param metrics the metrics measured on every run
     */
    public record Plan(ClassMixture classes, int classId, Schedule schedule, List<Sampler> samplers, int[] steps, double[] guidance,
            double from, double to, int particles, int seeds, long firstSeed, List<GuidanceMeasure.Metric> metrics) {
        /** Copies the lists. */
        public Plan {
            samplers = List.copyOf(samplers);
            metrics = List.copyOf(metrics);
            steps = steps.clone();
            guidance = guidance.clone();
        }
    }

    private GuidanceSweep() {
    }

    /**
     * Runs the plan, handing each row to {@code sink} as it is measured.
     *
     * @param cancelled polled between runs; when true the sweep stops and returns what it has
     */
    public static List<Row> run(Plan plan, Engine engine, Consumer<Row> sink, BooleanSupplier cancelled) {
        List<Row> rows = new ArrayList<>();
        Set<GuidanceMeasure.Metric> perRun = EnumSet.noneOf(GuidanceMeasure.Metric.class);
        Set<GuidanceMeasure.Metric> floors = EnumSet.noneOf(GuidanceMeasure.Metric.class);
        for (GuidanceMeasure.Metric m : plan.metrics()) {
            (m == GuidanceMeasure.Metric.FLOOR_CONDITIONAL || m == GuidanceMeasure.Metric.FLOOR_TILTED ? floors : perRun).add(m);
        }
        Binning binning = Binning.defaultFor(plan.classes().unconditional(), plan.particles());
        Map<String, GuidanceMeasure> measures = new HashMap<>();
        for (Sampler sampler : plan.samplers()) {
            String id = sampler.info().id();
            for (int steps : plan.steps()) {
                Grid grid = plan.schedule().grid(steps);
                for (double w : plan.guidance()) {
                    GuidanceMeasure measure = measures.computeIfAbsent(w + "@" + grid.abar(0),
                            k -> new GuidanceMeasure(plan.classes(), plan.classId(), w, grid.abar(0), binning));
                    GuidedScore score = new GuidedScore(plan.classes(), plan.classId(), w, plan.from(), plan.to());
                    long nfe = -1;
                    for (int k = 0; k < plan.seeds(); k++) {
                        if (cancelled.getAsBoolean()) {
                            return rows;
                        }
                        long seed = plan.firstSeed() + k;
                        RunSpec spec = new RunSpec(plan.classes().conditional(plan.classId()), score, grid,
                                List.of(SamplerSlot.of(sampler)), plan.particles(), seed, null);
                        RunResult r = engine.run(spec, null);
                        nfe = r.nfe()[0];
                        Map<GuidanceMeasure.Metric, GuidanceMeasure.Estimate> values = measure.measure(r.positions().get(0), plan.particles(), perRun);
                        for (GuidanceMeasure.Metric m : plan.metrics()) {
                            if (values.containsKey(m)) {
                                emit(rows, sink, new Row(id, steps, nfe, seed, plan.particles(), w, m.id(), values.get(m).value()));
                            }
                        }
                    }
                    if (!floors.isEmpty()) {
                        for (GuidanceMeasure.Metric m : floors) {
                            double v = m == GuidanceMeasure.Metric.FLOOR_CONDITIONAL
                                    ? NoiseFloor.of(measure.conditionalMasses(), plan.particles()).mean()
                                    : NoiseFloor.of(measure.tilted().masses(), plan.particles()).mean();
                            emit(rows, sink, new Row(id, steps, nfe, -1, plan.particles(), w, m.id(), v));
                        }
                    }
                }
            }
        }
        return rows;
    }

    private static void emit(List<Row> rows, Consumer<Row> sink, Row row) {
        rows.add(row);
        if (sink != null) {
            sink.accept(row);
        }
    }

    /**
     * The mean over seeds of one (sampler, T, w, metric) with a 95% confidence interval from the
     * seed-to-seed spread (Student t with k − 1 degrees of freedom; no interval from one seed).
     *
     * @param sampler sampler id
     * @param steps T
     * @param guidance w
     * @param metric metric id
     * @param mean mean over seeds
     * @param halfWidth half-width of the 95% interval (NaN for one seed)
     * @param seeds number of seeds
     */
    public record Summary(String sampler, int steps, double guidance, String metric, double mean, double halfWidth, int seeds) {
    }

    /** Groups rows by (sampler, T, w, metric), in the order they first appear. */
    public static List<Summary> summarise(List<Row> rows) {
        Map<String, List<Row>> groups = new LinkedHashMap<>();
        for (Row r : rows) {
            groups.computeIfAbsent(r.sampler() + "|" + r.steps() + "|" + r.guidance() + "|" + r.metric(), k -> new ArrayList<>()).add(r);
        }
        List<Summary> out = new ArrayList<>();
        for (List<Row> g : groups.values()) {
            Row first = g.get(0);
            int k = g.size();
            double mean = g.stream().mapToDouble(Row::value).average().orElse(Double.NaN);
            double half = Double.NaN;
            if (k > 1) {
                double ss = g.stream().mapToDouble(r -> (r.value() - mean) * (r.value() - mean)).sum();
                half = new TDistribution(k - 1).inverseCumulativeProbability(0.975) * Math.sqrt(ss / (k - 1) / k);
            }
            out.add(new Summary(first.sampler(), first.steps(), first.guidance(), first.metric(), mean, half, k));
        }
        return out;
    }
}
