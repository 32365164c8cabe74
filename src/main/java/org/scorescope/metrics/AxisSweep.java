package org.scorescope.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.scorescope.engine.Engine;
import org.scorescope.sampler.Sampler;
import org.scorescope.schedule.Grid;
import org.scorescope.schedule.Schedule;

/**
 * A sweep over samplers and T times the product of extra axes (score-error size, ambient dimension,
 * …; {@link SweepAxis}), each row measured by {@link SettingMeasure}. The rows carry
 * {@code sampler,steps,nfe,seed,particles,metric,value,floor,diverged} followed by one column per axis.
 */
public final class AxisSweep {
    private AxisSweep() {
    }

    /**
     * The sweep's inputs.
     *
     * @param base the setting before the axes (the scenario's target and score error)
     * @param axes the extra axes, outermost first
     * @param schedule the schedule
     * @param samplers the samplers
     * @param steps the list of T
     * @param particles N (tv)
     * @param seeds seeds per point (tv, eps metrics)
     * @param firstSeed the first seed
     * @param metric one of {@link SettingMeasure#METRICS}
     */
    public record Plan(SweepSetting base, List<SweepAxis> axes, Schedule schedule, List<Sampler> samplers, int[] steps, int particles,
            int seeds, long firstSeed, String metric) {
        /** Copies the lists. */
        public Plan {
            axes = List.copyOf(axes);
            samplers = List.copyOf(samplers);
        }

        /** Seeds per point: 1 for the exact metrics. */
        public int seedCount() {
            return SettingMeasure.needsGaussian(metric) ? 1 : seeds;
        }

        /** The axis column names. */
        public List<String> columns() {
            List<String> c = new ArrayList<>();
            for (SweepAxis a : axes) {
                c.add(a.column());
            }
            return c;
        }
    }

    /**
     * One row.
     *
     * @param axes axis column → value
     * @param sampler sampler id
     * @param steps T
     * @param nfe score evaluations per particle
     * @param seed the seed, −1 for exact metrics
     * @param particles N, −1 unless tv
     * @param metric the metric id
     * @param value the error
     * @param floor the error under which the value is not resolved
     * @param diverged particles that became NaN or infinite
     */
    public record Row(Map<String, String> axes, String sampler, int steps, long nfe, long seed, int particles, String metric, double value,
            double floor, long diverged) {
        /** The CSV header for these axis columns. */
        public static String header(List<String> columns) {
            StringBuilder b = new StringBuilder("sampler,steps,nfe,seed,particles,metric,value,floor,diverged");
            for (String c : columns) {
                b.append(',').append(c);
            }
            return b.toString();
        }

        /** The row as CSV, axis values in the order of {@code columns}. */
        public String csv(List<String> columns) {
            StringBuilder b = new StringBuilder().append(sampler).append(',').append(steps).append(',').append(nfe).append(',')
                    .append(seed < 0 ? "" : Long.toString(seed)).append(',').append(particles < 0 ? "" : Integer.toString(particles))
                    .append(',').append(metric).append(',').append(value).append(',').append(floor).append(',').append(diverged);
            for (String c : columns) {
                b.append(',').append(axes.getOrDefault(c, ""));
            }
            return b.toString();
        }
    }

    /**
     * Runs the plan; rows go to {@code sink} as they are measured.
     *
     * @param cancelled polled between rows
     */
    public static List<Row> run(Plan plan, Engine engine, Consumer<Row> sink, BooleanSupplier cancelled) {
        List<Row> rows = new ArrayList<>();
        boolean tv = plan.metric().equals("tv");
        boolean eps = plan.metric().startsWith("eps-");
        for (SweepSetting setting : SweepAxis.product(plan.base(), plan.axes())) {
            Map<String, SettingMeasure.Value> cache = new HashMap<>();
            for (Sampler sampler : plan.samplers()) {
                for (int t : plan.steps()) {
                    Grid grid = plan.schedule().grid(t);
                    for (int k = 0; k < plan.seedCount(); k++) {
                        if (cancelled.getAsBoolean()) {
                            return rows;
                        }
                        long seed = plan.firstSeed() + k;
                        SettingMeasure.Value v = eps
                                ? cache.computeIfAbsent(t + "/" + seed, key -> SettingMeasure.measure(setting, sampler, grid, plan.metric(), plan.particles(), seed, engine))
                                : SettingMeasure.measure(setting, sampler, grid, plan.metric(), plan.particles(), seed, engine);
                        boolean exact = SettingMeasure.needsGaussian(plan.metric());
                        Row row = new Row(setting.columns(), sampler.info().key(), t, v.nfe(), exact ? -1 : seed, tv ? plan.particles() : -1,
                                plan.metric(), v.value(), v.floor(), v.diverged());
                        rows.add(row);
                        if (sink != null) {
                            sink.accept(row);
                        }
                    }
                }
            }
        }
        return rows;
    }
}
