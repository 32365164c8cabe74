package org.scorescope.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.scorescope.distribution.GaussianMixture;
import org.scorescope.distribution.Target;
import org.scorescope.engine.Engine;
import org.scorescope.engine.RunResult;
import org.scorescope.engine.RunSpec;
import org.scorescope.engine.SamplerSlot;
import org.scorescope.inverse.InverseProblem;
import org.scorescope.sampler.Sampler;
import org.scorescope.schedule.Grid;
import org.scorescope.schedule.Schedule;
import org.scorescope.score.ExactScore;

/**
 * Posterior samplers against the exact posterior for several step counts or NFE budgets (issue 15):
 * the implementation behind {@code sweep --metric tv-posterior|w2-posterior|mode-weights|mean-error}.
 * Every run uses the prior's exact score as the model (what a trained network would give) and
 * measures at the output level ᾱ_0 against p(x₀ | y) noised to ᾱ_0. Rows are {@link Sweep.Row}s; the
 * extra rows are {@code noise-floor} (tv-posterior: the TV of N exact posterior draws on the same
 * bins), {@code exact} (mode-weights: π'_k) and per-component {@code mode-weight[k]} rows; a
 * mode-weights sweep also writes each run's tv-posterior row (and the floor), from the same particles.
 */
public final class InverseSweep {
    /** What is measured. */
    public enum Metric {
        /** histogram TV to the exact posterior (first two axes) */
        TV_POSTERIOR("tv-posterior"),
        /** exact W2 to the Gaussian posterior of a single-Gaussian prior, propagated from X(ᾱ_T) | y */
        W2_POSTERIOR("w2-posterior"),
        /** ½ Σ_k |m̂_k − π'_k| between the cloud's component masses and the exact posterior weights */
        MODE_WEIGHTS("mode-weights"),
        /** ‖mean of the particles − E[X(ᾱ_0) | y]‖ */
        MEAN_ERROR("mean-error");

        private final String id;

        Metric(String id) {
            this.id = id;
        }

        /** The id in files and flags. */
        public String id() {
            return id;
        }

        /** The metric with this id, or null when it is not a posterior metric. */
        public static Metric find(String id) {
            for (Metric m : values()) {
                if (m.id.equals(id)) {
                    return m;
                }
            }
            return null;
        }
    }

    /**
     * The inputs.
     *
     * @param problem prior, observation, exact posterior
     * @param schedule grids for every T
     * @param samplers the samplers (built with the problem)
     * @param labels what the rows call them
     * @param steps T values, or NFE budgets when {@code budgets}
     * @param budgets whether {@code steps} are NFE budgets: each sampler runs the largest T whose counted NFE fits
     * @param particles N
     * @param seeds seeds per point
     * @param firstSeed the first seed
     * @param metric what to measure
     */
    public record Plan(InverseProblem problem, Schedule schedule, List<Sampler> samplers, List<String> labels, int[] steps,
            boolean budgets, int particles, int seeds, long firstSeed, Metric metric) {
    }

    private InverseSweep() {
    }

    /** Runs the plan; rows go to {@code sink} as they are measured; {@code cancelled} is polled between runs. */
    public static List<Sweep.Row> run(Plan plan, Engine engine, Consumer<Sweep.Row> sink, BooleanSupplier cancelled) {
        List<Sweep.Row> rows = new ArrayList<>();
        GaussianMixture posterior = plan.problem().posterior();
        if (plan.metric() == Metric.W2_POSTERIOR && !plan.problem().prior().isSingleGaussian()) {
            throw new IllegalArgumentException("w2-posterior needs a single-Gaussian prior (gaussian, gaussian1d, line), whose posterior is Gaussian");
        }
        Target marginal = posterior.dim() <= 2 ? posterior : posterior.marginal(0, 1);
        Binning binning = Binning.defaultFor(marginal, plan.particles());
        java.util.Set<Integer> floorsDone = new java.util.HashSet<>();
        for (int s = 0; s < plan.samplers().size(); s++) {
            Sampler sampler = plan.samplers().get(s);
            String label = plan.labels().get(s);
            for (int value : plan.steps()) {
                int steps = plan.budgets() ? stepsForBudget(plan, sampler, value, engine) : value;
                Grid grid = plan.schedule().grid(steps);
                if (plan.metric() == Metric.W2_POSTERIOR) {
                    if (cancelled.getAsBoolean()) {
                        return rows;
                    }
                    double w2 = Double.NaN;
                    long nfe = -1;
                    if (!"dps".equals(sampler.info().id())) {
                        GaussianPropagation.Result r = InversePropagation.fromPosterior(plan.problem(), sampler, grid);
                        w2 = ExactGaussianError.compare(posterior, r, grid.abar(0)).w2();
                        nfe = r.nfe();
                    }
                    emit(rows, sink, new Sweep.Row(label, steps, nfe, -1, -1, plan.metric().id(), w2));
                    continue;
                }
                double gamma = grid.abar(0);
                double[] masses = ExactBinMasses.compute(marginal, binning, gamma);
                boolean withTv = plan.metric() == Metric.TV_POSTERIOR || plan.metric() == Metric.MODE_WEIGHTS;
                boolean firstAtThisT = floorsDone.add(steps);
                if (withTv && firstAtThisT) {
                    emit(rows, sink, new Sweep.Row("noise-floor", steps, 0, -1, plan.particles(), plan.metric().id(),
                            NoiseFloor.of(masses, plan.particles()).mean()));
                }
                double[] exactWeights = plan.problem().weights();
                if (plan.metric() == Metric.MODE_WEIGHTS && firstAtThisT) {
                    for (int c = 0; c < exactWeights.length; c++) {
                        emit(rows, sink, new Sweep.Row("exact", steps, 0, -1, -1, "mode-weight[" + c + "]", exactWeights[c]));
                    }
                }
                for (int k = 0; k < plan.seeds(); k++) {
                    if (cancelled.getAsBoolean()) {
                        return rows;
                    }
                    long seed = plan.firstSeed() + k;
                    RunSpec spec = new RunSpec(posterior, new ExactScore(plan.problem().prior()), grid,
                            List.of(SamplerSlot.of(sampler)), plan.particles(), seed, null);
                    RunResult r = engine.run(spec, null);
                    double[][] x = r.positions().get(0);
                    long nfe = r.nfe()[0];
                    switch (plan.metric()) {
                        case TV_POSTERIOR -> emit(rows, sink, new Sweep.Row(label, steps, nfe, seed, plan.particles(), plan.metric().id(),
                                TotalVariation.of(Histogram.of(x, plan.particles(), binning), masses)));
                        case MEAN_ERROR -> emit(rows, sink, new Sweep.Row(label, steps, nfe, seed, plan.particles(), plan.metric().id(),
                                PosteriorMetrics.meanError(plan.problem(), x, plan.particles(), gamma)));
                        default -> {
                            emit(rows, sink, new Sweep.Row(label, steps, nfe, seed, plan.particles(), Metric.TV_POSTERIOR.id(),
                                    TotalVariation.of(Histogram.of(x, plan.particles(), binning), masses)));
                            double[] m = PosteriorMetrics.componentMasses(posterior, x, plan.particles(), gamma);
                            emit(rows, sink, new Sweep.Row(label, steps, nfe, seed, plan.particles(), plan.metric().id(),
                                    PosteriorMetrics.weightError(m, exactWeights)));
                            for (int c = 0; c < m.length; c++) {
                                emit(rows, sink, new Sweep.Row(label, steps, nfe, seed, plan.particles(), "mode-weight[" + c + "]", m[c]));
                            }
                        }
                    }
                }
            }
        }
        return rows;
    }

    /** The counted NFE of one particle through the sampler on a T-step grid; a T the schedule cannot make counts as too many. */
    static long nfe(Plan plan, Sampler sampler, int steps, Engine engine) {
        Grid grid;
        try {
            grid = plan.schedule().grid(steps);
        } catch (IllegalArgumentException e) {
            return Long.MAX_VALUE;
        }
        RunSpec spec = new RunSpec(plan.problem().posterior(), new ExactScore(plan.problem().prior()), grid,
                List.of(SamplerSlot.of(sampler)), 1, 1, null);
        return engine.run(spec, null).nfe()[0];
    }

    /**
     * The largest T whose counted NFE fits the budget (NFE grows with T; SNR-split may take more
     * steps than its budget, since its observation-dominated steps cost nothing); at least 1.
     */
    public static int stepsForBudget(Plan plan, Sampler sampler, int budget, Engine engine) {
        int lo = 1;
        if (nfe(plan, sampler, 1, engine) > budget) {
            return 1;
        }
        int hi = 2;
        int cap = Math.max(2, 20 * budget);
        while (hi < cap && nfe(plan, sampler, hi, engine) <= budget) {
            lo = hi;
            hi = Math.min(cap, 2 * hi);
        }
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (nfe(plan, sampler, mid, engine) <= budget) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static void emit(List<Sweep.Row> rows, Consumer<Sweep.Row> sink, Sweep.Row row) {
        rows.add(row);
        if (sink != null) {
            sink.accept(row);
        }
    }
}
