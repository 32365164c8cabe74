package org.scorescope.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.scorescope.distribution.Target;
import org.scorescope.engine.Engine;
import org.scorescope.engine.RunResult;
import org.scorescope.engine.RunSpec;
import org.scorescope.engine.SamplerSlot;
import org.scorescope.engine.StepView;
import org.scorescope.sampler.Sampler;
import org.scorescope.sampler.SamplerId;
import org.scorescope.schedule.Grid;
import org.scorescope.schedule.Schedule;

/**
 * Error against steps for several samplers: the one implementation behind the CLI {@code sweep}
 * and the rate study (docs/algorithms.md §6). Every row says which sampler (its canonical id with
 * all parameters), how many score evaluations it counted (mean, smallest and largest per
 * particle), the error, the floor under which the error is not resolved (the noise floor of N
 * exact samples for TV, the precision floor for the exact metrics), whether and where the run
 * diverged, and the output level ᾱ_0 at which it was measured.
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
     * @param sampler the sampler's canonical id ({@code lagrange:K=3:R=2:anchors=0})
     * @param steps T
     * @param nfe score evaluations per particle (the mean, rounded down)
     * @param seed the seed, or −1
     * @param particles N, or −1
     * @param metric the metric id
     * @param value the error
     * @param floor the error under which {@code value} is not resolved: noise floor (mean + 2 sd of
     *     N exact samples on the same bins) for TV, precision floor for exact metrics
     * @param divergence where the run diverged, or null
     * @param abar0 the output level ᾱ_0 at which the error is measured
     * @param nfeMean mean NFE per particle
     * @param nfeMin smallest NFE of a particle
     * @param nfeMax largest NFE of a particle
     */
    public record Row(String sampler, int steps, long nfe, long seed, int particles, String metric, double value,
            double floor, Divergence divergence, double abar0, double nfeMean, long nfeMin, long nfeMax) {
        /** The columns of the first version, still written by the rate-study window's export. */
        public static final String HEADER = "sampler,steps,nfe,seed,particles,metric,value";
        /** Every column: {@link #HEADER} followed by floor, diverged (the step, empty if none), abar0, nfe_min, nfe_max. */
        public static final String COLUMNS = HEADER + ",floor,diverged,abar0,nfe_min,nfe_max";

        /** A row without floor, divergence or output level (for callers that only have the error). */
        public Row(String sampler, int steps, long nfe, long seed, int particles, String metric, double value) {
            this(sampler, steps, nfe, seed, particles, metric, value, Double.NaN, null, Double.NaN, nfe, nfe, nfe);
        }

        /** The row in {@link #HEADER}'s columns; seed and particles are empty for exact metrics. */
        public String csv() {
            return sampler + "," + steps + "," + nfe + "," + (seed < 0 ? "" : Long.toString(seed)) + ","
                    + (particles < 0 ? "" : Integer.toString(particles)) + "," + metric + "," + value;
        }

        /** The row in {@link #COLUMNS}' columns; the nfe column is the mean. */
        public String csvRow() {
            return sampler + "," + steps + "," + SamplerId.format(nfeMean) + "," + (seed < 0 ? "" : Long.toString(seed)) + ","
                    + (particles < 0 ? "" : Integer.toString(particles)) + "," + metric + "," + value + ","
                    + (Double.isNaN(floor) ? "" : Double.toString(floor)) + "," + (divergence == null ? "" : Integer.toString(divergence.step()))
                    + "," + abar0 + "," + nfeMin + "," + nfeMax;
        }

        /** Whether the error is at or under its floor. */
        public boolean underFloor() {
            return !Double.isNaN(floor) && value <= floor;
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
        if (plan.metric().exact()) {
            for (Sampler s : plan.samplers()) {
                if (!RateStudy.exactlyPropagable(s)) {
                    throw new IllegalArgumentException(s.info().key() + " has no exact Gaussian law (its randomness is not Gaussian): "
                            + "measure it with the metric tv");
                }
            }
        }
        Divergence.ParticleCheck scale = plan.metric().exact() ? null : new Divergence.ParticleCheck(plan.target());
        for (Sampler sampler : plan.samplers()) {
            String key = sampler.info().key();
            for (int steps : plan.steps()) {
                Grid grid = plan.schedule().grid(steps);
                if (plan.metric().exact()) {
                    if (cancelled.getAsBoolean()) {
                        return rows;
                    }
                    emit(rows, sink, exactRow(plan, sampler, grid, steps));
                    continue;
                }
                Target marginal = plan.target().dim() <= 2 ? plan.target() : plan.target().marginal(0, 1);
                Binning binning = Binning.defaultFor(marginal, plan.particles());
                double[] masses = ExactBinMasses.compute(marginal, binning, grid.abar(0));
                double floor = NoiseFloor.of(masses, plan.particles()).upper();
                for (int k = 0; k < plan.seeds(); k++) {
                    if (cancelled.getAsBoolean()) {
                        return rows;
                    }
                    long seed = plan.firstSeed() + k;
                    Watch watch = new Watch(key, grid, scale);
                    RunResult r = engine.run(RunSpec.of(plan.target(), grid, List.of(SamplerSlot.of(sampler)), plan.particles(), seed), watch);
                    double tv = TotalVariation.of(Histogram.of(r.positions().get(0), plan.particles(), binning), masses);
                    emit(rows, sink, new Row(key, steps, r.nfe()[0], seed, plan.particles(), plan.metric().id(), tv, floor,
                            watch.divergence, grid.abar(0), watch.nfe[0], (long) watch.nfe[1], (long) watch.nfe[2]));
                }
            }
        }
        return rows;
    }

    /** One exact measurement, with the law checked for divergence at every level. */
    static Row exactRow(Plan plan, Sampler sampler, Grid grid, int steps) {
        String key = sampler.info().key();
        Target target = plan.target();
        Divergence[] first = new Divergence[1];
        GaussianPropagation.Result law = GaussianPropagation.run(target, sampler, grid, GaussianPropagation.Start.EXACT_MARGINAL, (t, r) -> {
            if (first[0] == null && t < grid.steps()) {
                ExactGaussianError e = ExactGaussianError.compare(target, r, grid.abar(t));
                first[0] = Divergence.ofLaw(key, grid, t, e.finite(), e.lawScale(), e.truthScale(), e.finite() ? e.w2() : Double.NaN);
            }
        });
        ExactGaussianError e = ExactGaussianError.compare(target, law, grid.abar(0), steps);
        double value;
        double floor;
        if (plan.metric() == Metric.EXACT_W2) {
            value = e.w2();
            floor = e.w2Floor();
        } else {
            value = e.kl();
            floor = 8 * target.dim() * GaussianDistance.U * (steps + 1);
        }
        return new Row(key, steps, e.nfe(), -1, -1, plan.metric().id(), value, floor, first[0], grid.abar(0), e.nfe(), e.nfe(), e.nfe());
    }

    /** Watches a particle run: first divergence and the NFE statistics at the end. */
    private static final class Watch implements org.scorescope.engine.RunListener {
        private final String key;
        private final Grid grid;
        private final Divergence.ParticleCheck scale;
        Divergence divergence;
        double[] nfe = {0, 0, 0};

        Watch(String key, Grid grid, Divergence.ParticleCheck scale) {
            this.key = key;
            this.grid = grid;
            this.scale = scale;
        }

        @Override
        public void onStep(StepView v) {
            if (divergence == null && v.t() < grid.steps()) {
                divergence = scale.check(key, grid, v, 0);
            }
            if (v.t() == 0) {
                nfe = v.nfeStats(0);
            }
        }
    }

    private static void emit(List<Row> rows, Consumer<Row> sink, Row row) {
        rows.add(row);
        if (sink != null) {
            sink.accept(row);
        }
    }
}
