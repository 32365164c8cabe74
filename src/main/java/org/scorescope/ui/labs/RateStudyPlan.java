package org.scorescope.ui.labs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.scorescope.distribution.Presets;
import org.scorescope.distribution.Target;
import org.scorescope.engine.Engine;
import org.scorescope.engine.RunSpec;
import org.scorescope.engine.SamplerSlot;
import org.scorescope.metrics.Binning;
import org.scorescope.metrics.ExactBinMasses;
import org.scorescope.metrics.NoiseFloor;
import org.scorescope.metrics.RateStudy;
import org.scorescope.metrics.Sweep;
import org.scorescope.sampler.Sampler;
import org.scorescope.sampler.SamplerRegistry;
import org.scorescope.schedule.Schedule;
import org.scorescope.schedule.Schedules;
import org.scorescope.ui.service.Progress;

/**
 * A rate study as the form describes it, checked, and its run: the CLI's {@link Sweep} for every
 * sampler (each over its own T when the values are NFE budgets), the noise floor of every grid, and
 * the curves with their fits. Runs on an executor job; reports progress and stops when cancelled.
 *
 * @param target the target id
 * @param schedule the schedule
 * @param values the T list, or NFE budgets
 * @param budgets whether values are NFE budgets
 * @param samplers the sampler ids
 * @param particles N (TV only)
 * @param seeds seeds per point
 */
record RateStudyPlan(String target, String schedule, int[] values, boolean budgets, List<String> samplers, int particles, int seeds) {

    /**
     * What a study produced.
     *
     * @param rows every measurement, the CLI's sweep rows
     * @param curves the curves with their fits
     * @param floor noise-floor upper bound by T (empty for exact metrics)
     * @param theory the theory's order by sampler (NaN when there is none)
     * @param metric what was measured
     * @param message what to tell the user ("done: 6 measurements", "cancelled after 3 of 70")
     */
    record Outcome(List<Sweep.Row> rows, List<RateStudy.Curve> curves, Map<Integer, Double> floor, Map<String, Double> theory,
            Sweep.Metric metric, String message) {
    }

    /**
     * Reads the form's T list.
     *
     * @throws IllegalArgumentException with what is allowed
     */
    static int[] parseValues(String text) {
        try {
            int[] ts = Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).mapToInt(Integer::parseInt).toArray();
            if (ts.length < 2 || Arrays.stream(ts).anyMatch(t -> t < 1 || t > 10_000)) {
                throw new NumberFormatException();
            }
            return ts;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("T list: give at least two whole numbers in 1..10000, separated by commas "
                    + "(NFE budgets with the box ticked)");
        }
    }

    /** The metric: exact W2 on single-Gaussian targets, histogram TV otherwise. */
    Sweep.Metric metric() {
        return Presets.get(target).isSingleGaussian() ? Sweep.Metric.EXACT_W2 : Sweep.Metric.TV;
    }

    /** Runs the study on the calling thread. */
    Outcome run(Engine engine, Progress progress) {
        Target t = Presets.get(target);
        Sweep.Metric metric = metric();
        Schedule sched = Schedules.byId(schedule);
        for (int k : values) {
            sched.grid(k);
        }
        List<Sampler> chosen = new ArrayList<>();
        String note = "";
        for (String id : samplers) {
            if (metric.exact() && id.equals("rand-midpoint")) {
                note = " (rand-midpoint has no exact Gaussian law: left out)";
            } else {
                chosen.add(SamplerRegistry.create(id));
            }
        }
        List<Sweep.Plan> plans = new ArrayList<>();
        for (Sampler sampler : chosen) {
            progress.checkCancelled();
            int[] own = budgets ? stepsForBudgets(engine, t, sched, sampler) : values;
            plans.add(new Sweep.Plan(t, sched, List.of(sampler), own, particles, seeds, 1, metric));
        }
        Map<Integer, Double> floor = new ConcurrentHashMap<>();
        if (!metric.exact()) {
            Target marginal = t.dim() <= 2 ? t : t.marginal(0, 1);
            Binning b = Binning.defaultFor(marginal, particles);
            for (Sweep.Plan p : plans) {
                for (int k : p.steps()) {
                    floor.computeIfAbsent(k, x -> NoiseFloor.of(ExactBinMasses.compute(marginal, b, sched.grid(x).abar(0)), particles).upper());
                }
            }
        }
        int total = plans.stream().mapToInt(Sweep.Plan::size).sum();
        List<Sweep.Row> rows = java.util.Collections.synchronizedList(new ArrayList<>());
        for (Sweep.Plan p : plans) {
            if (progress.isCancelled()) {
                break;
            }
            Sweep.run(p, engine, r -> {
                rows.add(r);
                progress.update((double) rows.size() / total, rows.size() + " of " + total + " measurements");
            }, progress::isCancelled);
        }
        List<Sweep.Row> done = List.copyOf(rows);
        Map<String, Double> theory = new java.util.HashMap<>();
        for (Sampler s : chosen) {
            theory.put(s.info().id(), RateStudy.theoryOrder(s.info().id(), s.info().order()));
        }
        String message = progress.isCancelled() ? "cancelled after " + done.size() + " of " + total
                : "done: " + done.size() + " measurements" + note;
        return new Outcome(done, RateStudy.curves(done, floor), Map.copyOf(floor), theory, metric, message);
    }

    /** For each budget, the largest T whose counted NFE fits it (probed with one particle); at least T = 1. */
    private int[] stepsForBudgets(Engine engine, Target t, Schedule sched, Sampler sampler) {
        TreeSet<Integer> out = new TreeSet<>();
        for (int budget : values) {
            int best = 1;
            for (int steps = 1; steps <= Math.min(1000, budget); steps++) {
                long nfe = engine.run(RunSpec.of(t, sched.grid(steps), List.of(SamplerSlot.of(sampler)), 1, 1), null).nfe()[0];
                if (nfe > budget) {
                    break;
                }
                best = steps;
            }
            out.add(best);
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }
}
