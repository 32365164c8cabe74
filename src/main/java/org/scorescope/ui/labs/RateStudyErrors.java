package org.scorescope.ui.labs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.scorescope.distribution.Presets;
import org.scorescope.distribution.Target;
import org.scorescope.engine.Engine;
import org.scorescope.metrics.AxisSweep;
import org.scorescope.metrics.RateFit;
import org.scorescope.metrics.SettingMeasure;
import org.scorescope.metrics.SpectralPropagation;
import org.scorescope.metrics.SweepAxis;
import org.scorescope.metrics.SweepSetting;
import org.scorescope.sampler.Sampler;
import org.scorescope.sampler.SamplerId;
import org.scorescope.sampler.SamplerRegistry;
import org.scorescope.schedule.Schedule;
import org.scorescope.schedule.Schedules;
import org.scorescope.score.PerturbedScore;
import org.scorescope.score.ScoreError;
import org.scorescope.ui.service.Progress;

/**
 * The rate study's second axis (issue 16, docs/imperfect-scores.md): the error at the output against
 * the size of a score error, on log–log axes — the CLI's {@code sweep --score-errors} (the same
 * {@link AxisSweep}, {@link SweepAxis#scoreErrors} and {@link SettingMeasure}), one curve per sampler
 * and T. For {@code bias} and {@code field} errors the size is ε_score exactly (001 Assumption 2.3);
 * for {@code scale} and {@code noise-level} it is κ or δ (ε_score grows linearly with it). The fitted
 * slope is the least-squares slope of log error on log size ({@link RateFit}) over the points with a
 * positive size, above their floor and without diverged particles; the theory's slope is 1: exact W2
 * on a Gaussian moves linearly with the error once the error dominates the discretisation error (a
 * bias shifts the output mean by a fixed linear map of b), and 001's TV bounds are linear in
 * ε_score (Theorem 3.1 eq. 16, Theorem 3.2 eq. 24).
 *
 * @param target the target id
 * @param schedule the schedule id
 * @param scheduleParams the schedule's parameters (empty: defaults)
 * @param steps the T values (one curve per sampler and T)
 * @param samplers canonical sampler ids
 * @param type the error type, one of {@link ScoreError#TYPES}
 * @param sizes the error sizes
 * @param particles N (TV only)
 * @param seeds seeds per point (TV only)
 */
record RateStudyErrors(String target, String schedule, Map<String, Double> scheduleParams, int[] steps, List<String> samplers, String type,
        double[] sizes, int particles, int seeds) {
    /** The theory's slope of the error against the error size, for every metric the study measures. */
    static final double THEORY_SLOPE = 1;
    /** The first seed of TV points (the rate study's). */
    static final long FIRST_SEED = 1;

    /** Copies the collections. */
    RateStudyErrors {
        scheduleParams = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(scheduleParams));
        samplers = List.copyOf(samplers);
        steps = steps.clone();
        sizes = sizes.clone();
    }

    /**
     * A point of a curve: the mean over seeds with its spread.
     *
     * @param size the error size (the x value)
     * @param mean the mean error
     * @param min the smallest error over seeds
     * @param max the largest
     * @param floor the floor under which the error is not resolved
     * @param diverged particles that became NaN or infinite (summed over seeds)
     */
    record Point(double size, double mean, double min, double max, double floor, long diverged) {
        /** Whether the point enters the fit. */
        boolean fitted() {
            return size > 0 && mean > 0 && Double.isFinite(mean) && !(mean <= floor) && diverged == 0;
        }
    }

    /**
     * One curve: a sampler at one T.
     *
     * @param name "ddim T=999"
     * @param points by increasing size
     * @param fit the fit of log error on log size; the slope is −{@link RateFit#order()}
     */
    record Curve(String name, List<Point> points, RateFit fit) {
        /** The fitted slope (NaN with fewer than two fitted points). */
        double slope() {
            return -fit.order();
        }
    }

    /**
     * Reads the form's list of sizes.
     *
     * @throws IllegalArgumentException with what is allowed
     */
    static double[] parseSizes(String text) {
        try {
            double[] v = Arrays.stream(text.split("[,;\\s]+")).map(String::trim).filter(s -> !s.isEmpty()).mapToDouble(Double::parseDouble)
                    .toArray();
            if (Arrays.stream(v).filter(x -> x > 0).count() < 2 || Arrays.stream(v).anyMatch(x -> !(x >= 0) || x > ScoreError.MAX_SIZE)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("error sizes: give at least two positive numbers in 0.." + (int) ScoreError.MAX_SIZE
                    + ", separated by commas (0 adds the exact score's point, which a log axis cannot show)");
        }
    }

    /** Whether the error is exactly ε_score (the x axis is then ε_score, else the type's own size). */
    boolean sizeIsEpsScore() {
        return type.equals("bias") || type.equals("field");
    }

    /** The x axis label. */
    String xLabel() {
        return switch (type) {
            case "bias" -> "ε_score = ‖b‖ (bias error, log scale)";
            case "field" -> "ε_score (field error, log scale)";
            case "scale" -> "κ (scale error ŝ = (1+κ)s; ε_score = κ·rms‖s‖, log scale)";
            default -> "δ (noise-level error; log scale)";
        };
    }

    /** The metric: exact W2 on single-Gaussian targets with an affine error (bias, scale, noise-level), histogram TV otherwise. */
    String metric() {
        return Presets.get(target).isSingleGaussian() && !type.equals("field") ? "exact-w2" : "tv";
    }

    /** The theory's slope for the metric measured, its kind and source. */
    String theorySource() {
        if (metric().equals("exact-w2")) {
            return type.equals("bias")
                    ? "Gaussian analysis: the samplers are affine, so a constant bias b shifts the output mean by a fixed linear map of b "
                            + "and W₂ → c·ε_score once it dominates the discretisation error (docs/imperfect-scores.md)"
                    : "first-order perturbation: the output law moves linearly with a small " + (type.equals("scale") ? "κ" : "δ")
                            + " (docs/imperfect-scores.md)";
        }
        return "theorem upper bound: 001 Theorem 3.1 eq. (16), Theorem 3.2 eq. (24) — TV ≲ discretisation + √d·ε_score·polylog T, "
                + "linear in ε_score";
    }

    /** The schedule with its parameters (checked). */
    Schedule scheduleWithParams() {
        return Schedules.create(schedule, scheduleParams, null, null);
    }

    /** The core sweep this study runs (checked: grids, samplers, the error on the target). */
    AxisSweep.Plan sweep() {
        Schedule sched = scheduleWithParams();
        for (int t : steps) {
            sched.grid(t);
        }
        Target t = Presets.get(target);
        ScoreError template = ScoreError.of(type, 0);
        PerturbedScore probe = PerturbedScore.of(t, template.withSize(1));
        if (metric().equals("exact-w2") && (!probe.isAffineOnGaussians() || !SpectralPropagation.applies(t))) {
            throw new IllegalArgumentException("exact W₂ needs an affine error on a Gaussian target; this one is measured in TV");
        }
        List<Sampler> list = new ArrayList<>();
        for (SamplerId id : samplers.stream().map(SamplerId::parse).distinct().toList()) {
            Sampler s = SamplerRegistry.create(id);
            if (type.equals("field") && s.info().id().equals("rand-midpoint")) {
                throw new IllegalArgumentException("field errors are normalised per noise level; rand-midpoint draws a level per particle "
                        + "and cannot use them (use bias, scale or noise-level)");
            }
            if (metric().equals("exact-w2") && s.info().id().equals("rand-midpoint")) {
                throw new IllegalArgumentException("rand-midpoint has no exact Gaussian law: leave it out, or use a mixture target (TV)");
            }
            list.add(s);
        }
        return new AxisSweep.Plan(SweepSetting.of(t, null), List.of(SweepAxis.scoreErrors(template, sizes)), sched, list, steps, particles,
                seeds, FIRST_SEED, metric());
    }

    /** Runs the study on the calling thread; stops between measurements when cancelled and returns what it has. */
    Outcome run(Engine engine, Progress progress) {
        AxisSweep.Plan plan = sweep();
        int total = sizes.length * plan.samplers().size() * steps.length * plan.seedCount();
        AtomicInteger done = new AtomicInteger();
        List<AxisSweep.Row> rows = AxisSweep.run(plan, engine, r -> {
            int n = done.incrementAndGet();
            progress.update(Math.min(1, (double) n / total), n + " of " + total + " measurements");
        }, progress::isCancelled);
        String message = progress.isCancelled() ? "cancelled after " + rows.size() + " of " + total
                : "done: " + rows.size() + " measurements";
        return new Outcome(this, rows, message);
    }

    /**
     * What an error study produced.
     *
     * @param study the study
     * @param rows every measurement (the CLI sweep's rows, column {@code score_error})
     * @param message what to tell the user
     */
    record Outcome(RateStudyErrors study, List<AxisSweep.Row> rows, String message) {
        /** One curve per sampler and T, in the order measured. */
        List<Curve> curves() {
            Map<String, TreeMap<Double, List<AxisSweep.Row>>> grouped = new LinkedHashMap<>();
            for (AxisSweep.Row r : rows) {
                grouped.computeIfAbsent(r.sampler() + " T=" + r.steps(), k -> new TreeMap<>())
                        .computeIfAbsent(Double.parseDouble(r.axes().get("score_error")), k -> new ArrayList<>()).add(r);
            }
            List<Curve> out = new ArrayList<>();
            grouped.forEach((name, bySize) -> {
                List<Point> pts = new ArrayList<>();
                bySize.forEach((size, rs) -> {
                    double sum = 0;
                    double min = Double.POSITIVE_INFINITY;
                    double max = Double.NEGATIVE_INFINITY;
                    long diverged = 0;
                    double floor = Double.NaN;
                    for (AxisSweep.Row r : rs) {
                        sum += r.value();
                        min = Math.min(min, r.value());
                        max = Math.max(max, r.value());
                        diverged += r.diverged();
                        floor = r.floor();
                    }
                    pts.add(new Point(size, sum / rs.size(), min, max, floor, diverged));
                });
                List<Point> fitted = pts.stream().filter(Point::fitted).toList();
                RateFit fit = RateFit.fit(fitted.stream().mapToDouble(Point::size).toArray(), fitted.stream().mapToDouble(Point::mean).toArray());
                out.add(new Curve(name, List.copyOf(pts), fit));
            });
            return out;
        }

        /** The fit table: one line per curve; the "order" column holds the fitted slope. */
        List<RateStudyPlan.FitRow> fitRows() {
            List<RateStudyPlan.FitRow> out = new ArrayList<>();
            for (Curve c : curves()) {
                String marked = RateStudyPlan.marked(c.points().stream().filter(p -> p.size() > 0 && p.mean() <= p.floor()).count(),
                        c.points().stream().filter(p -> p.diverged() > 0).count());
                out.add(new RateStudyPlan.FitRow(c.name(), Double.isNaN(c.slope()) ? "–" : String.format(Locale.ROOT, "%.3f", c.slope()),
                        Double.isNaN(c.fit().halfWidth()) ? "–" : String.format(Locale.ROOT, "± %.3f", c.fit().halfWidth()),
                        SamplerId.format(THEORY_SLOPE), study.theorySource(), Integer.toString(c.fit().points()), marked));
            }
            return out;
        }

        /** The rows as CSV, the CLI's {@code sweep --score-errors} columns, header first. */
        List<String> csvLines() {
            List<String> columns = List.of("score_error");
            List<String> out = new ArrayList<>();
            out.add(AxisSweep.Row.header(columns));
            rows.forEach(r -> out.add(r.csv(columns)));
            return out;
        }

        /** What the plot cannot say by itself. */
        List<String> notes() {
            List<String> out = new ArrayList<>();
            out.add("x: " + study.xLabel() + (study.sizeIsEpsScore() ? " — the realised ε_score equals the set size exactly" : "")
                    + "; points at size 0 (the exact score) are in the CSV, not on log axes");
            out.add("fitted: slope of log error on log size over the points above their floor without diverged particles; "
                    + "theory slope 1 (dashed): " + study.theorySource());
            return out;
        }
    }
}
