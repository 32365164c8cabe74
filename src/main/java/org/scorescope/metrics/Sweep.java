package org.scorescope.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.scorescope.engine.Engine;
import org.scorescope.engine.RunResult;
import org.scorescope.engine.RunSpec;
import org.scorescope.engine.SamplerSlot;
import org.scorescope.sampler.Sampler;
import org.scorescope.schedule.Grid;
import org.scorescope.schedule.Schedule;
import org.scorescope.distribution.Target;

/**
 * Error against steps for several samplers: the one implementation behind the CLI {@code sweep}
 * and the rate study (ALGORITHMS.md §6). Rows have the columns
 * {@code sampler,steps,nfe,seed,particles,metric,value}.
 */
public final class Sweep {
    /** What is measured at the output level ᾱ_0. */
    public enum Metric {
        /** histogram TV of the particles against the exact marginal (first two axes) */
        TV("tv"),
        /** exact W2 on a single-Gaussian target, from X(ᾱ_T) */
        EXACT_W2("exact-w2"),
        /** exact KL(truth ‖ sampler) on a single-Gaussian target, from X(ᾱ_T) */
        EXACT_KL("exact-kl");

        private final String id;

        Metric(String id) {
            this.id = id;
        }

        /** The metric's id in files and flags. */
        public String id() {
            return id;
        }

        /** Parses an id. */
        public static Metric of(String id) {
            for (Metric m : values()) {
                if (m.id.equals(id)) {
                    return m;
                }
            }
            throw new IllegalArgumentException("unknown metric '" + id + "'; allowed: tv, exact-w2, exact-kl");
        }

        /** Whether the metric is exact (no particles, no seed). */
        public boolean exact() {
            return this != TV;
        }
    }

    /**
     * One measurement. For exact metrics {@code seed} and {@code particles} are −1 (none).
     *
     * @param sampler the sampler id
     * @param steps T
     * @param nfe score evaluations per particle
     * @param seed the seed, or −1
     * @param particles N, or −1
     * @param metric the metric id
     * @param value the error
     */
    public record Row(String sampler, int steps, long nfe, long seed, int particles, String metric, double value) {
        /** The CSV header. */
        public static final String HEADER = "sampler,steps,nfe,seed,particles,metric,value";

        /** The row as CSV; seed and particles are empty for exact metrics. */
        public String csv() {
            return sampler + "," + steps + "," + nfe + "," + (seed < 0 ? "" : Long.toString(seed)) + ","
                    + (particles < 0 ? "" : Integer.toString(particles)) + "," + metric + "," + value;
        }
    }

    /**
     * The sweep's inputs.
     *
     * @param target the target
     * @param schedule the schedule (grids are made for every T)
     * @param samplers the samplers
     * @param steps the list of T
     * @param particles N (TV only)
     * @param seeds seeds firstSeed … firstSeed + seeds − 1 (TV only)
     * @param firstSeed the first seed
     * @param metric what to measure
     */
    public record Plan(Target target, Schedule schedule, List<Sampler> samplers, int[] steps, int particles, int seeds,
            long firstSeed, Metric metric) {
        /** Number of rows the plan produces. */
        public int size() {
            return samplers.size() * steps.length * (metric.exact() ? 1 : seeds);
        }
    }

    private Sweep() {
    }

    /**
     * Runs the plan, passing each row to {@code sink} as it is measured.
     *
     * @param cancelled polled between rows; when true the sweep stops and returns what it has
     */
    public static List<Row> run(Plan plan, Engine engine, Consumer<Row> sink, BooleanSupplier cancelled) {
        List<Row> rows = new ArrayList<>();
        if (plan.metric().exact() && !plan.target().isSingleGaussian()) {
            throw new IllegalArgumentException("metric " + plan.metric().id() + " needs a single-Gaussian target (gaussian, gaussian1d, line)");
        }
        for (Sampler sampler : plan.samplers()) {
            for (int steps : plan.steps()) {
                Grid grid = plan.schedule().grid(steps);
                if (plan.metric().exact()) {
                    if (cancelled.getAsBoolean()) {
                        return rows;
                    }
                    ExactGaussianError e = ExactGaussianError.of(plan.target(), sampler, grid);
                    double v = plan.metric() == Metric.EXACT_W2 ? e.w2() : e.kl();
                    emit(rows, sink, new Row(sampler.info().id(), steps, e.nfe(), -1, -1, plan.metric().id(), v));
                    continue;
                }
                Target marginal = plan.target().dim() <= 2 ? plan.target() : plan.target().marginal(0, 1);
                Binning binning = Binning.defaultFor(marginal, plan.particles());
                double[] masses = ExactBinMasses.compute(marginal, binning, grid.abar(0));
                for (int k = 0; k < plan.seeds(); k++) {
                    if (cancelled.getAsBoolean()) {
                        return rows;
                    }
                    long seed = plan.firstSeed() + k;
                    RunResult r = engine.run(RunSpec.of(plan.target(), grid, List.of(SamplerSlot.of(sampler)), plan.particles(), seed), null);
                    double tv = TotalVariation.of(Histogram.of(r.positions().get(0), plan.particles(), binning), masses);
                    emit(rows, sink, new Row(sampler.info().id(), steps, r.nfe()[0], seed, plan.particles(), plan.metric().id(), tv));
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
}
