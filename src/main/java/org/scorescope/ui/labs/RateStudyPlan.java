package org.scorescope.ui.labs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.scorescope.distribution.Presets;
import org.scorescope.engine.Engine;
import org.scorescope.metrics.Divergence;
import org.scorescope.metrics.RateStudy;
import org.scorescope.metrics.Sweep;
import org.scorescope.sampler.SamplerId;
import org.scorescope.sampler.SamplerRegistry;
import org.scorescope.schedule.Schedule;
import org.scorescope.schedule.Schedules;
import org.scorescope.ui.service.Progress;

/**
 * A rate study as the form describes it, checked, and its run through {@link RateStudy#run} (the
 * same model the CLI's {@code sweep} prints): sampler ids with parameters ({@code lagrange:K=3}) as
 * distinct curves, the schedule with its parameters (theory's final denoising step, a maximum β on
 * linear/cosine), T values or NFE budgets. Runs on an executor job; reports progress and stops when
 * cancelled. What the window shows of the result — the fit table, the notes, the CSV — is computed
 * here, without a window.
 *
 * @param target the target id
 * @param schedule the schedule id
 * @param scheduleParams the schedule's parameters ({@code denoise}, {@code betaMax}; empty: defaults)
 * @param values the T list, or NFE budgets
 * @param budgets whether values are NFE budgets
 * @param samplers the sampler ids, each with its parameters if any
 * @param particles N (TV only)
 * @param seeds seeds per point (TV only)
 */
record RateStudyPlan(String target, String schedule, Map<String, Double> scheduleParams, int[] values, boolean budgets,
        List<String> samplers, int particles, int seeds) {

    /** Copies the parameters, keeping their order. */
    RateStudyPlan {
        scheduleParams = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(scheduleParams));
        samplers = List.copyOf(samplers);
    }

    /** A plan on a schedule with its default parameters. */
    RateStudyPlan(String target, String schedule, int[] values, boolean budgets, List<String> samplers, int particles, int seeds) {
        this(target, schedule, Map.of(), values, budgets, samplers, particles, seeds);
    }

    /**
     * A line of the fit table.
     *
     * @param sampler the curve's canonical id
     * @param order the fitted order
     * @param interval its 95% half-width
     * @param theory the order the theory gives for the measured metric ("–" when none)
     * @param source the kind of that order and where it comes from
     * @param fitted points fitted
     * @param marked points left out of the fit: under the floor, diverged
     */
    record FitRow(String sampler, String order, String interval, String theory, String source, String fitted, String marked) {
    }

    /** The fit table's "not fitted" cell: "–", "2 under the floor", "1 diverged" or both. */
    static String marked(long under, long diverged) {
        return under + diverged == 0 ? "–"
                : (under > 0 ? under + " under the floor" : "") + (under > 0 && diverged > 0 ? ", " : "")
                        + (diverged > 0 ? diverged + " diverged" : "");
    }

    /**
     * What a study produced.
     *
     * @param result the curves, rows, output level and samplers left out
     * @param message what to tell the user ("done: 6 measurements", "cancelled after 3 of 70")
     */
    record Outcome(RateStudy.Result result, String message) {
        /** The fit table: one line per curve. */
        List<FitRow> fitRows() {
            List<FitRow> out = new ArrayList<>();
            for (RateStudy.Curve c : result.curves()) {
                String marked = marked(c.points().stream().filter(RateStudy.Point::underFloor).count(),
                        c.points().stream().filter(RateStudy.Point::diverged).count());
                out.add(new FitRow(c.sampler(), Double.isNaN(c.fit().order()) ? "–" : String.format("%.3f", c.fit().order()),
                        Double.isNaN(c.fit().halfWidth()) ? "–" : String.format("± %.3f", c.fit().halfWidth()),
                        c.theory().known() ? SamplerId.format(c.theory().order()) : "–", c.theory().kind() + ": " + c.theory().source(),
                        Integer.toString(c.fit().points()), marked));
            }
            return out;
        }

        /**
         * What the plot cannot say by itself: the output level (and the theory schedule's note),
         * the samplers left out, every divergence with its remedy.
         */
        List<String> notes() {
            List<String> out = new ArrayList<>();
            if (!result.outputLevel().isEmpty()) {
                out.add(result.outputLevel());
                if (result.outputLevel().contains("grid: theory")) {
                    out.add(RateStudy.THEORY_NOTE);
                }
            }
            for (String s : result.skipped()) {
                out.add("left out: " + s);
            }
            for (RateStudy.Curve c : result.curves()) {
                for (Divergence d : c.divergences()) {
                    out.add(d.message());
                }
            }
            return out;
        }

        /** The rows as CSV, the CLI sweep's columns ({@link Sweep.Row#COLUMNS}), header first. */
        List<String> csvLines() {
            List<String> out = new ArrayList<>();
            out.add(Sweep.Row.COLUMNS);
            result.rows().forEach(r -> out.add(r.csvRow()));
            return out;
        }
    }

    /**
     * Reads the form's T list.
     *
     * @throws IllegalArgumentException with what is allowed
     */
    static int[] parseValues(String text) {
        return parseValues(text, 2);
    }

    /**
     * Reads the form's T list with at least {@code least} values (one for a study against the score
     * error, where each T is a curve of its own).
     *
     * @throws IllegalArgumentException with what is allowed
     */
    static int[] parseValues(String text, int least) {
        try {
            int[] ts = Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).mapToInt(Integer::parseInt).toArray();
            if (ts.length < least || Arrays.stream(ts).anyMatch(t -> t < 1 || t > 10_000)) {
                throw new NumberFormatException();
            }
            return ts;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("T list: give at least " + (least == 1 ? "one whole number" : "two whole numbers")
                    + " in 1..10000, separated by commas" + (least == 1 ? "" : " (NFE budgets with the box ticked)"));
        }
    }

    /**
     * Reads extra sampler ids with parameters ("lagrange:K=1, lagrange:K=3"; "lagrange:K=3,R=2" is one id, as on
     * the command line), each checked against the registry; returns their canonical ids.
     *
     * @throws IllegalArgumentException naming the id that is not accepted, and why
     */
    static List<String> parseSamplers(String text) {
        List<String> out = new ArrayList<>();
        List<SamplerId> ids;
        try {
            ids = SamplerId.parseList(List.of(text.strip().split("[,;\\s]+")));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("samplers '" + text.strip() + "': " + e.getMessage());
        }
        for (SamplerId id : ids) {
            try {
                out.add(SamplerRegistry.create(id).info().key());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("sampler '" + id + "': " + e.getMessage());
            }
        }
        return out;
    }

    /** The metric: exact W2 on single-Gaussian targets, histogram TV otherwise. */
    Sweep.Metric metric() {
        return Presets.get(target).isSingleGaussian() ? Sweep.Metric.EXACT_W2 : Sweep.Metric.TV;
    }

    /** The schedule with its parameters (checked). */
    Schedule scheduleWithParams() {
        return Schedules.create(schedule, scheduleParams, null, null);
    }

    /** Runs the study on the calling thread. */
    Outcome run(Engine engine, Progress progress) {
        Sweep.Metric metric = metric();
        Schedule sched = scheduleWithParams();
        for (int k : values) {
            sched.grid(k);
        }
        List<SamplerId> ids = samplers.stream().map(SamplerId::parse).distinct().toList();
        int total = ids.size() * values.length * (metric.exact() ? 1 : seeds);
        AtomicInteger done = new AtomicInteger();
        RateStudy.Study study = new RateStudy.Study(Presets.get(target), sched, ids, values, budgets, particles, seeds, metric);
        RateStudy.Result result = RateStudy.run(study, engine, r -> {
            int n = done.incrementAndGet();
            progress.update(Math.min(1, (double) n / total), n + " of " + total + " measurements");
        }, progress::isCancelled);
        String message = progress.isCancelled() ? "cancelled after " + result.rows().size() + " of " + total
                : "done: " + result.rows().size() + " measurements" + (result.skipped().isEmpty() ? ""
                        : " (" + result.skipped().size() + " sampler(s) left out: see the notes)");
        return new Outcome(result, message);
    }
}
