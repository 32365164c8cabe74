package org.scorescope.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.scorescope.distribution.Target;
import org.scorescope.engine.Engine;
import org.scorescope.engine.RunSpec;
import org.scorescope.engine.SamplerSlot;
import org.scorescope.sampler.Sampler;
import org.scorescope.sampler.SamplerId;
import org.scorescope.sampler.SamplerInfo;
import org.scorescope.sampler.SamplerRegistry;
import org.scorescope.schedule.Grid;
import org.scorescope.schedule.Schedule;

/**
 * The rate study's model (docs/algorithms.md §6): which samplers (canonical ids with parameters,
 * so lagrange:K=1 … K=4 are four lines), at which T (or the largest T within each NFE budget), and
 * what a rate plot shows — per sampler and T the mean error over seeds with its spread, the NFE,
 * whether the point is under its floor or diverged (then it is marked and not fitted), a fitted
 * order with a 95% interval, the order the theory gives for the metric with its source, the form
 * of the update, and the output level at which everything was measured. A window draws it; the
 * CLI prints it.
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
     * @param underFloor whether the mean lies at or under the floor (noise floor for TV, precision floor for exact metrics)
     * @param diverged whether a run at this point diverged ({@link Divergence})
     * @param floor the floor, or NaN
     * @param abar0 the output level ᾱ_0
     */
    public record Point(int steps, long nfe, double mean, double min, double max, boolean underFloor, boolean diverged,
            double floor, double abar0) {
        /** Whether the point enters the fit. */
        public boolean fitted() {
            return !underFloor && !diverged && mean > 0 && Double.isFinite(mean);
        }
    }

    /**
     * One sampler's curve.
     *
     * @param sampler the sampler's canonical id
     * @param points the points, by increasing T
     * @param fit the fitted order over the points above the floor that did not diverge, against NFE
     * @param theory the order the theory gives for this metric, with its source
     * @param form the update's form (one line; empty when there is only one in circulation)
     * @param divergences where runs diverged (one per diverged point)
     */
    public record Curve(String sampler, List<Point> points, RateFit fit, TheoryOrder theory, String form,
            List<Divergence> divergences) {
        /** A curve without theory or form (the metric unknown). */
        public Curve(String sampler, List<Point> points, RateFit fit) {
            this(sampler, points, fit, TheoryOrder.of(sampler, Sweep.Metric.EXACT_W2), "", List.of());
        }
    }

    /**
     * Groups rows by sampler and T; the metric of the rows sets the theory orders.
     *
     * @param floorUpper upper edge of the noise floor by T, for rows that carry no floor of their own (empty map: none)
     */
    public static List<Curve> curves(List<Sweep.Row> rows, Map<Integer, Double> floorUpper) {
        Map<String, Map<Integer, List<Sweep.Row>>> grouped = new LinkedHashMap<>();
        for (Sweep.Row r : rows) {
            grouped.computeIfAbsent(r.sampler(), k -> new TreeMap<>()).computeIfAbsent(r.steps(), k -> new ArrayList<>()).add(r);
        }
        List<Curve> out = new ArrayList<>();
        for (var e : grouped.entrySet()) {
            List<Point> pts = new ArrayList<>();
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            List<Divergence> divergences = new ArrayList<>();
            Sweep.Metric metric = Sweep.Metric.EXACT_W2;
            for (var g : e.getValue().entrySet()) {
                double sum = 0;
                double min = Double.POSITIVE_INFINITY;
                double max = Double.NEGATIVE_INFINITY;
                boolean diverged = false;
                for (Sweep.Row r : g.getValue()) {
                    sum += r.value();
                    min = Math.min(min, r.value());
                    max = Math.max(max, r.value());
                    if (r.divergence() != null) {
                        if (!diverged) {
                            divergences.add(r.divergence());
                        }
                        diverged = true;
                    }
                    metric = Sweep.Metric.of(r.metric());
                }
                Sweep.Row first = g.getValue().get(0);
                double mean = sum / g.getValue().size();
                double floor = !Double.isNaN(first.floor()) ? first.floor() : floorUpper.getOrDefault(g.getKey(), Double.NaN);
                boolean under = !Double.isNaN(floor) && mean <= floor;
                Point p = new Point(g.getKey(), first.nfe(), mean, min, max, under, diverged, floor, first.abar0());
                pts.add(p);
                if (p.fitted()) {
                    x.add((double) p.nfe());
                    y.add(mean);
                }
            }
            RateFit fit = RateFit.fit(x.stream().mapToDouble(Double::doubleValue).toArray(), y.stream().mapToDouble(Double::doubleValue).toArray());
            String form = formOf(e.getKey());
            out.add(new Curve(e.getKey(), pts, fit, TheoryOrder.of(e.getKey(), metric), form, List.copyOf(divergences)));
        }
        return out;
    }

    private static String formOf(String key) {
        try {
            return SamplerRegistry.create(key).info().form();
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /**
     * The order the theory gives for a sampler's exact W2 on a Gaussian (kept for callers that do not
     * name the metric; {@link TheoryOrder#of} gives it per metric with its source).
     *
     * @param sampler a sampler id or canonical id
     * @param declaredOrder ignored (the order comes from {@link TheoryOrder})
     */
    public static double theoryOrder(String sampler, int declaredOrder) {
        return TheoryOrder.of(sampler, Sweep.Metric.EXACT_W2).order();
    }

    /**
     * A study to run.
     *
     * @param target the target
     * @param schedule the schedule
     * @param samplers the samplers, as ids with parameters
     * @param values step counts T, or NFE budgets when {@code budgets}
     * @param budgets whether {@code values} are NFE budgets (each sampler runs the largest T whose counted NFE fits)
     * @param particles N (TV only)
     * @param seeds seeds per point (TV only)
     * @param metric the metric; exact metrics need a single-Gaussian target
     */
    public record Study(Target target, Schedule schedule, List<SamplerId> samplers, int[] values, boolean budgets,
            int particles, int seeds, Sweep.Metric metric) {
    }

    /**
     * What a rate plot shows.
     *
     * @param curves one per sampler configuration
     * @param metric the metric
     * @param outputLevel the output level at which the errors were measured, in words (to print on the plot)
     * @param rows every measurement
     * @param skipped samplers left out, with the reason
     */
    public record Result(List<Curve> curves, Sweep.Metric metric, String outputLevel, List<Sweep.Row> rows, List<String> skipped) {
    }

    /**
     * Runs a study: samplers with no exact law are left out of exact metrics (and named in
     * {@link Result#skipped}); with budgets, each sampler gets its own T.
     *
     * @param progress receives each row as it is measured (may be null)
     * @param cancelled polled between rows
     */
    public static Result run(Study study, Engine engine, Consumer<Sweep.Row> progress, BooleanSupplier cancelled) {
        List<Sweep.Row> rows = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        TreeSet<Integer> allSteps = new TreeSet<>();
        for (SamplerId id : study.samplers()) {
            Sampler sampler = SamplerRegistry.create(id);
            if (study.metric().exact() && !exactlyPropagable(sampler)) {
                skipped.add(sampler.info().key() + ": its randomness is not Gaussian, so it has no exact law");
                continue;
            }
            int[] steps = study.budgets() ? stepsForBudgets(study.target(), study.schedule(), sampler, study.values(), engine) : study.values();
            for (int t : steps) {
                allSteps.add(t);
            }
            Sweep.Plan plan = new Sweep.Plan(study.target(), study.schedule(), List.of(sampler), steps, study.particles(),
                    study.seeds(), 1, study.metric());
            rows.addAll(Sweep.run(plan, engine, progress, cancelled));
            if (cancelled.getAsBoolean()) {
                break;
            }
        }
        return new Result(curves(rows, Map.of()), study.metric(), outputLevel(study.schedule(), allSteps), List.copyOf(rows), List.copyOf(skipped));
    }

    /** Whether a sampler can be pushed through {@link GaussianPropagation} (its only randomness is Gaussian). */
    public static boolean exactlyPropagable(Sampler sampler) {
        return !sampler.info().id().equals("rand-midpoint");
    }

    /** "ᾱ_0 = 0.9999 (T = 100) … 0.999998 (T = 800); <grid label>". */
    public static String outputLevel(Schedule schedule, java.util.SortedSet<Integer> steps) {
        if (steps.isEmpty()) {
            return "";
        }
        Grid lo = schedule.grid(steps.first());
        Grid hi = schedule.grid(steps.last());
        String range = steps.size() == 1 || lo.abar(0) == hi.abar(0)
                ? "output level ᾱ_0 = " + lo.abar(0)
                : "output level ᾱ_0 = " + lo.abar(0) + " (T = " + steps.first() + ") … " + hi.abar(0) + " (T = " + steps.last() + ")";
        return range + "; grid: " + hi.label();
    }

    /** For each budget, the largest T whose counted NFE fits it (probed with one particle); at least T = 1 (2 for theory). */
    public static int[] stepsForBudgets(Target target, Schedule schedule, Sampler sampler, int[] budgets, Engine engine) {
        TreeSet<Integer> out = new TreeSet<>();
        int smallest = 1;
        while (smallest < 10) {
            try {
                schedule.grid(smallest);
                break;
            } catch (IllegalArgumentException e) {
                smallest++;
            }
        }
        for (int budget : budgets) {
            int best = smallest;
            for (int steps = smallest; steps <= Math.min(1000, budget); steps++) {
                long nfe = engine.run(RunSpec.of(target, schedule.grid(steps), List.of(SamplerSlot.of(sampler)), 1, 1), null).nfe()[0];
                if (nfe <= budget) {
                    best = steps;
                } else {
                    break;
                }
            }
            out.add(best);
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Printed with a study on the theory schedule, whose steps are not uniform in 1/T. */
    public static final String THEORY_NOTE = "theory schedule: the steps shrink like c1 log T / T, so an order k in the step size reads "
            + "about k (1 − 1/ln T) in T (0.82 k over T = 100–800)";

    /** One line per curve: fitted order, interval, points fitted, marked points, theory order with source. */
    public static List<String> summary(Result result) {
        List<String> lines = new ArrayList<>();
        if (!result.outputLevel().isEmpty()) {
            lines.add(result.outputLevel());
            if (result.outputLevel().contains("grid: theory")) {
                lines.add(THEORY_NOTE);
            }
        }
        for (Curve c : result.curves()) {
            long under = c.points().stream().filter(Point::underFloor).count();
            long diverged = c.points().stream().filter(Point::diverged).count();
            lines.add(String.format("%-32s order %6.3f%s  (%d points fitted%s%s)  theory %s", c.sampler(), c.fit().order(),
                    Double.isNaN(c.fit().halfWidth()) ? "" : String.format(" ± %.3f", c.fit().halfWidth()), c.fit().points(),
                    under > 0 ? ", " + under + " under the floor" : "", diverged > 0 ? ", " + diverged + " diverged" : "",
                    c.theory().describe()));
            if (!c.form().isEmpty()) {
                lines.add("    form: " + c.form());
            }
            for (Divergence d : c.divergences()) {
                lines.add("    " + d.message());
            }
        }
        for (String s : result.skipped()) {
            lines.add("left out: " + s);
        }
        return lines;
    }

    /** Metadata of a sampler given by id with parameters (for legends). */
    public static SamplerInfo info(String key) {
        return SamplerRegistry.create(key).info();
    }
}
