package org.scorescope.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.scorescope.distribution.EmpiricalTarget;
import org.scorescope.distribution.FramedTarget;
import org.scorescope.distribution.OrthonormalFrame;
import org.scorescope.distribution.Target;
import org.scorescope.engine.Engine;
import org.scorescope.engine.RunResult;
import org.scorescope.engine.RunSpec;
import org.scorescope.io.AtomicFile;
import org.scorescope.metrics.AxisSweep;
import org.scorescope.metrics.EarlyStopping;
import org.scorescope.metrics.Memorisation;
import org.scorescope.metrics.PlaneProjection;
import org.scorescope.metrics.RateFit;
import org.scorescope.metrics.RealisedScoreError;
import org.scorescope.metrics.ResidualNorm;
import org.scorescope.metrics.SettingMeasure;
import org.scorescope.metrics.SpectralPropagation;
import org.scorescope.metrics.SweepAxis;
import org.scorescope.metrics.SweepSetting;
import org.scorescope.metrics.GaussianPropagation;
import org.scorescope.sampler.Sampler;
import org.scorescope.scenario.ImperfectScenario;
import org.scorescope.scenario.MemoryEstimate;
import org.scorescope.scenario.Scenario;
import org.scorescope.scenario.ScenarioBuilder;
import org.scorescope.scenario.ScenarioException;
import org.scorescope.score.PerturbedScore;
import org.scorescope.score.ScoreError;

/**
 * What {@code sample} and {@code sweep} do with the issue-16 flags: the target (training points,
 * embedding), the score error, the extra sweep axes and metrics, and the run summary lines.
 */
final class ImperfectScoreCli {
    private ImperfectScoreCli() {
    }

    /**
     * Whether the sweep goes through the axis sweep: any issue-16 flag, an eps metric, --dims on a
     * continuous target, or a scenario with a score error, training points or a frame.
     */
    static boolean appliesToSweep(ImperfectScoreOptions o, List<Integer> dims, String metric, Scenario s) {
        return o.any() || dims != null || metric.startsWith("eps-") || s.scoreError() != null || s.target().placement() != null
                || s.target().embed() > org.scorescope.distribution.GaussianMixture.MAX_DIM;
    }

    private static OrthonormalFrame frame(ImperfectScoreOptions o, int d, int k) {
        return axes(o) ? OrthonormalFrame.axes(d, k) : OrthonormalFrame.random(d, k, frameSeed(o));
    }

    private static boolean axes(ImperfectScoreOptions o) {
        if (o.frame == null || o.frame.equals("random")) {
            return false;
        }
        if (o.frame.equals("axes")) {
            return true;
        }
        throw new ScenarioException("--frame", org.scorescope.scenario.NearestName.unknown("frame", o.frame, List.of("axes", "random")));
    }

    private static long frameSeed(ImperfectScoreOptions o) {
        long s = o.frameSeed == null ? 1 : o.frameSeed;
        if (s < 0) {
            throw new ScenarioException("--frame-seed", "must be a whole number >= 0, was " + s);
        }
        return s;
    }

    private static double[] normalVariances(ImperfectScoreOptions o) {
        double[] v = new double[o.normalVariance.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = o.normalVariance.get(i);
            if (!(v[i] >= 0) || !(v[i] <= 1e6)) {
                throw new ScenarioException("--normal-variance", "each value must be a number in [0, 1000000], was " + v[i]);
            }
        }
        return v;
    }

    /**
     * The sample-only checks of the issue-16 flags on a built run (the scenario fields they set were
     * checked by the validation layer already).
     */
    static void checkSample(RunSpec spec, ImperfectScoreOptions o) {
        if (o.scoreErrors != null) {
            throw new ScenarioException("--score-errors", "is a sweep axis; sample takes one --score-error TYPE:SIZE");
        }
        if (o.normalVariance != null && o.normalVariance.size() != 1) {
            throw new ScenarioException("--normal-variance", "sample takes one value (a list is a sweep axis)");
        }
        if (o.plot != null && (o.earlyStopping == null || !plotName(o.plot))) {
            throw new ScenarioException("--plot", o.earlyStopping == null ? "sample draws a plot of --early-stopping only"
                    : "must end in .png or .svg, was '" + o.plot + "'");
        }
        if (o.radius != null && !(o.radius > 0 && Double.isFinite(o.radius))) {
            throw new ScenarioException("--radius", "must be a finite number > 0, was " + o.radius);
        }
        Target t = spec.target();
        if (o.radius != null && !(t instanceof EmpiricalTarget)) {
            throw new ScenarioException("--radius", "is the memorisation radius of training points; give --training-points N");
        }
        if (o.earlyStopping != null) {
            if (!(t instanceof EmpiricalTarget) || t.dim() != 2) {
                throw new ScenarioException("--early-stopping", "needs planar training points (--training-points N)");
            }
            for (int step : o.earlyStopping) {
                if (step < 0 || step >= spec.grid().steps()) {
                    throw new ScenarioException("--early-stopping", "each step must be in 0.." + (spec.grid().steps() - 1) + ", was " + step);
                }
            }
        }
    }

    private static boolean plotName(Path p) {
        String n = p.getFileName() == null ? "" : p.getFileName().toString();
        return n.endsWith(".png") || n.endsWith(".svg");
    }

    /** Summary lines after a sample run: realised error sizes, memorisation, plane TV and residual law, exact W2. */
    static void summary(RunSpec spec, RunResult r, ImperfectScoreOptions o, Engine engine, PrintStream out) {
        Target t = spec.target();
        if (!o.any() && !(spec.score() instanceof PerturbedScore) && !(t instanceof EmpiricalTarget) && !(t instanceof FramedTarget)) {
            return;
        }
        if (spec.score() instanceof PerturbedScore p) {
            RealisedScoreError e = RealisedScoreError.measure(p, spec.grid(), RealisedScoreError.DEFAULT_SAMPLES,
                    (long) t.dim() * t.dim() <= 64 * 64, spec.seed());
            out.println("score error " + p.error().id() + ": " + e.summary());
        }
        double[][] y = r.positions().get(0);
        int n = spec.particles();
        if (t instanceof EmpiricalTarget emp && t.dim() <= 2) {
            double radius = o.radius == null ? 0.05 : o.radius;
            Memorisation m = Memorisation.of(emp, y, n, spec.grid().abar(0), radius, spec.seed());
            out.printf(Locale.ROOT, "memorisation: %.2f%% of outputs within %s of one of the %d training points (fresh population draws: %.2f%%); "
                    + "median distance to the nearest training point %.4g (fresh draws %.4g); TV to the population %.4f (floor %.4f), to the training set %.4f%n",
                    100 * m.within(), radius, emp.size(), 100 * m.withinFresh(), m.medianNearest(), m.medianNearestFresh(), m.tvPopulation(), m.floor(),
                    m.tvTraining());
            if (o.earlyStopping != null) {
                Sampler sampler = spec.slots().get(0).sampler();
                int[] steps = o.earlyStopping.stream().mapToInt(Integer::intValue).toArray();
                out.println("early stopping (output Y_t/sqrt(abar_t), compared with the population's data law):");
                out.println("step,abar,bandwidth,tv_ideal,tv_ideal_error,tv_population,floor,tv_training,within");
                List<org.scorescope.render.SweepPlot.Point> points = new ArrayList<>();
                for (EarlyStopping.Point pt : EarlyStopping.along(emp, sampler, spec.grid(), steps, n, spec.seed(), radius, engine)) {
                    Memorisation pm = pt.memorisation();
                    out.printf(Locale.ROOT, "%d,%.6g,%.4g,%.4f,%.1e,%.4f,%.4f,%.4f,%.4f%n", pt.step(), pt.abar(), pt.bandwidth(), pt.tvIdeal(),
                            pt.tvIdealError(), pm.tvPopulation(), pm.floor(), pm.tvTraining(), pm.within());
                    double h = pt.bandwidth();
                    points.add(new org.scorescope.render.SweepPlot.Point("TV to the population, exact law of the stopped sampler", h, pt.tvIdeal()));
                    points.add(new org.scorescope.render.SweepPlot.Point("TV to the population, " + sampler.info().id() + " particles", h, pm.tvPopulation()));
                    points.add(new org.scorescope.render.SweepPlot.Point("TV to the training set, " + sampler.info().id() + " particles", h, pm.tvTraining()));
                    points.add(new org.scorescope.render.SweepPlot.Point("fraction within " + radius + " of a training point", h, pm.within()));
                }
                if (o.plot != null) {
                    org.scorescope.render.SweepPlot.write(points, "bandwidth h = sqrt((1 - abar)/abar) at the stopping level", "TV, fraction",
                            "Early stopping of a memorising score (" + emp.size() + " training points)", o.plot);
                    out.println("wrote " + o.plot);
                }
            }
        }
        if (t instanceof FramedTarget f) {
            PlaneProjection plane = PlaneProjection.of(f);
            var binning = org.scorescope.metrics.Binning.defaultFor(plane.law(), n);
            double[] masses = org.scorescope.metrics.ExactBinMasses.compute(plane.law(), binning, spec.grid().abar(0));
            double tv = org.scorescope.metrics.TotalVariation.of(org.scorescope.metrics.Histogram.of(plane.project(y, n), n, binning), masses);
            out.printf(Locale.ROOT, "plane (k = %d of d = %d): TV %.4f (noise floor %.4f)%n", f.base().dim(), f.dim(), tv,
                    org.scorescope.metrics.NoiseFloor.of(masses, n).upper());
            if (f.dim() > f.base().dim()) {
                ResidualNorm rn = ResidualNorm.of(f, y, n, spec.grid().abar(0));
                out.printf(Locale.ROOT, "residual |P_perp y|: mean %.5g (exact %.5g), KS distance to its chi law %.4f (5%% critical value %.4f)%n",
                        rn.meanNorm(), rn.exactMeanNorm(), rn.ks(), rn.critical());
            }
        }
        if (SpectralPropagation.applies(t) && (!(spec.score() instanceof PerturbedScore p) || p.isAffineOnGaussians())) {
            Sampler sampler = spec.slots().get(0).sampler();
            try {
                SpectralPropagation.Result law = SpectralPropagation.run(t, spec.score() instanceof PerturbedScore p ? p : null, sampler,
                        spec.grid(), GaussianPropagation.Start.EXACT_MARGINAL);
                out.printf(Locale.ROOT, "exact W2 of %s from X(abar_T): %.6g, KL %.6g%n", sampler.info().id(), law.w2(), law.kl());
            } catch (UnsupportedOperationException ex) {
                out.println("exact W2: " + ex.getMessage());
            }
        }
    }

    /** A checked sweep over the issue-16 axes, ready to run inside the output session. */
    record SweepRun(AxisSweep.Plan plan, ImperfectScoreOptions options, String metric, boolean severalT) {
        /** Runs it, writes the CSV (and the plot), and returns the summary to print after the commit. */
        Runnable run(int threads, Path out, PrintStream report) {
            List<AxisSweep.Row> rows;
            List<String> columns = plan.columns();
            try (Engine engine = new Engine(threads)) {
                rows = AxisSweep.run(plan, engine, r -> System.err.println(r.csv(columns)), () -> false);
            }
            AtomicFile.write(out, w -> {
                w.write(AxisSweep.Row.header(columns) + "\n");
                for (AxisSweep.Row r : rows) {
                    w.write(r.csv(columns) + "\n");
                }
            });
            if (options.plot != null) {
                plot(rows, columns, metric, severalT, options.plot);
            }
            return () -> {
                report.println("wrote " + SampleCommand.shown(out) + " (" + rows.size() + " rows)");
                printSlopes(rows, options.scoreErrors != null, report);
                if (options.plot != null) {
                    report.println("wrote " + options.plot);
                }
            };
        }
    }

    /**
     * The sweep with axes (score-error sizes, ambient dimensions, normal variances) and the eps
     * metrics, checked completely before any output is claimed.
     */
    static SweepRun prepareSweep(Scenario s, ImperfectScoreOptions o, List<Integer> dims, List<Integer> steps, String metric,
            Integer seedsFlag, boolean particlesGiven) {
        if (!SettingMeasure.METRICS.contains(metric)) {
            throw new ScenarioException("--metric", org.scorescope.scenario.NearestName.unknown("metric", metric, SettingMeasure.METRICS));
        }
        if (o.plot != null && !plotName(o.plot)) {
            throw new ScenarioException("--plot", "must end in .png or .svg, was '" + o.plot + "'");
        }
        if (o.earlyStopping != null || o.radius != null) {
            throw new ScenarioException(o.earlyStopping != null ? "--early-stopping" : "--radius", "is a sample flag");
        }
        boolean exact = !metric.equals("tv");
        if (exact && seedsFlag != null) {
            throw new ScenarioException("--seeds", metric + " is computed without particles or seeds; drop --seeds or use --metric tv");
        }
        if (exact && particlesGiven && SettingMeasure.needsGaussian(metric)) {
            throw new ScenarioException("--particles", metric + " is exact (no particles); drop --particles or use --metric tv");
        }
        int seeds = seedsFlag == null ? 1 : seedsFlag;
        if (s.guidance() != null) {
            throw new ScenarioException("--guidance", "guided sweeps do not take score errors, training points or dimensions yet");
        }
        boolean varianceAxis = o.normalVariance != null && o.normalVariance.size() > 1;
        Target target = ScenarioBuilder.target(s.target());
        List<SweepAxis> axes = new ArrayList<>();
        if (dims != null && o.normalVariance != null && !varianceAxis) {
            target = new FramedTarget(target, OrthonormalFrame.axes(target.dim(), target.dim()), normalVariances(o)[0]);
        }
        if (varianceAxis) {
            if (!(target instanceof FramedTarget) && dims == null) {
                throw new ScenarioException("--normal-variance", "give --embed D or --dims with it");
            }
            if (!(target instanceof FramedTarget)) {
                target = new FramedTarget(target, OrthonormalFrame.axes(target.dim(), target.dim()), 0);
            }
            try {
                axes.add(SweepAxis.normalVariances(normalVariances(o)));
            } catch (IllegalArgumentException e) {
                throw new ScenarioException("--normal-variance", e.getMessage());
            }
        }
        if (dims != null) {
            int[] ds = dims.stream().mapToInt(Integer::intValue).toArray();
            int k = target instanceof FramedTarget f ? f.base().dim() : target.dim();
            try {
                axes.add(SweepAxis.dims(ds, k, axes(o), frameSeed(o)));
            } catch (IllegalArgumentException e) {
                throw new ScenarioException("--dims", e.getMessage());
            }
        }
        ScoreError error = s.scoreError();
        if (o.scoreErrors != null) {
            if (o.scoreErrors.isEmpty()) {
                throw new ScenarioException("--score-errors", "give at least one size, e.g. --score-errors 0,0.01,0.1");
            }
            double[] sizes = new double[o.scoreErrors.size()];
            for (int i = 0; i < sizes.length; i++) {
                try {
                    sizes[i] = Double.parseDouble(o.scoreErrors.get(i).trim());
                } catch (NumberFormatException e) {
                    throw new ScenarioException("--score-errors", "each size must be a number, was '" + o.scoreErrors.get(i) + "'");
                }
            }
            try {
                axes.add(SweepAxis.scoreErrors(error != null ? error : ScoreError.of("bias", 0), sizes));
            } catch (IllegalArgumentException e) {
                throw new ScenarioException("--score-errors", e.getMessage());
            }
            ImperfectScenario.checkLevels(error != null ? error.withSize(1) : null, s.samplers(), "--score-error");
        }
        SweepSetting base = SweepSetting.of(target, error);
        List<Sampler> samplers = ScenarioBuilder.samplers(s);
        int maxDim = target.dim();
        if (dims != null) {
            for (int d : dims) {
                maxDim = Math.max(maxDim, d);
            }
        }
        if (metric.equals("tv")) {
            Scenario.SamplerSpec heaviest = s.samplers().stream().max((a, b) -> Long.compare(
                    MemoryEstimate.of(1, 1, List.of(a), 1).bytes(), MemoryEstimate.of(1, 1, List.of(b), 1).bytes())).orElseThrow();
            MemoryEstimate.of(s.particles(), maxDim, List.of(heaviest), steps.stream().max(Integer::compare).orElseThrow())
                    .check(dims != null ? "--dims" : "--particles", MemoryEstimate.availableHeap());
        }
        for (SweepSetting setting : SweepAxis.product(base, axes)) {
            check(setting, metric);
        }
        int[] ts = steps.stream().mapToInt(Integer::intValue).toArray();
        org.scorescope.schedule.Schedule schedule = ScenarioBuilder.schedule(s.schedule());
        for (int t : ts) {
            try {
                schedule.grid(t);
            } catch (IllegalArgumentException e) {
                throw new ScenarioException("--steps", "T = " + t + ": " + e.getMessage());
            }
        }
        AxisSweep.Plan plan = new AxisSweep.Plan(base, axes, schedule, samplers, ts, s.particles(), seeds, s.seed(), metric);
        return new SweepRun(plan, o, metric, steps.size() > 1);
    }

    /** The log-log chart: x = the score-error size, else the dimension, else T; one line per sampler and other axis values. */
    private static void plot(List<AxisSweep.Row> rows, List<String> columns, String metric, boolean severalT, Path file) {
        String x = columns.contains("score_error") ? "score_error" : columns.contains("dim") ? "dim" : "steps";
        List<org.scorescope.render.SweepPlot.Point> points = new ArrayList<>();
        for (AxisSweep.Row r : rows) {
            StringBuilder series = new StringBuilder(r.sampler());
            for (String c : columns) {
                if (!c.equals(x)) {
                    series.append(' ').append(c).append('=').append(r.axes().get(c));
                }
            }
            if (severalT && !x.equals("steps")) {
                series.append(" T=").append(r.steps());
            }
            double xv = x.equals("steps") ? r.steps() : Double.parseDouble(r.axes().get(x));
            points.add(new org.scorescope.render.SweepPlot.Point(series.toString(), xv, r.value()));
        }
        String label = switch (x) {
            case "score_error" -> "score error size";
            case "dim" -> "ambient dimension d";
            default -> "steps T";
        };
        org.scorescope.render.SweepPlot.write(points, label, metric, metric + " against " + label, file);
    }

    /** Builds what every point needs before the first run, so that bad input fails before any output. */
    private static void check(SweepSetting setting, String metric) {
        if (setting.error() != null) {
            try {
                PerturbedScore p = setting.perturbed();
                if (SettingMeasure.needsGaussian(metric) && !p.isAffineOnGaussians()) {
                    throw new ScenarioException("--metric", metric + " needs an affine error (bias, scale, noise-level); field errors: use tv");
                }
            } catch (IllegalArgumentException e) {
                throw new ScenarioException("--score-error", e.getMessage());
            }
        } else if (metric.startsWith("eps-")) {
            throw new ScenarioException("--metric", metric + " measures a score error: give --score-error or --score-errors");
        }
        if (SettingMeasure.needsGaussian(metric) && !SpectralPropagation.applies(setting.target())) {
            throw new ScenarioException("--metric", metric + " needs a single-Gaussian target (gaussian, gaussian1d, line, or one embedded); use tv");
        }
    }

    /** Log–log slopes of the error against the score-error size, per sampler and T (when sizes were swept). */
    private static void printSlopes(List<AxisSweep.Row> rows, boolean errors, PrintStream report) {
        if (!errors) {
            return;
        }
        java.util.Map<String, List<double[]>> bySeries = new java.util.LinkedHashMap<>();
        for (AxisSweep.Row r : rows) {
            double size = Double.parseDouble(r.axes().get("score_error"));
            if (size > 0) {
                String key = r.sampler() + " T=" + r.steps() + (r.axes().containsKey("dim") ? " d=" + r.axes().get("dim") : "");
                bySeries.computeIfAbsent(key, k -> new ArrayList<>()).add(new double[] {size, r.value()});
            }
        }
        for (var e : bySeries.entrySet()) {
            if (e.getValue().size() >= 2) {
                double[] x = e.getValue().stream().mapToDouble(p -> p[0]).toArray();
                double[] v = e.getValue().stream().mapToDouble(p -> p[1]).toArray();
                RateFit f = RateFit.fit(x, v);
                report.printf(Locale.ROOT, "%-28s slope of log error on log size %.3f%s%n", e.getKey(), -f.order(),
                        Double.isNaN(f.halfWidth()) ? "" : String.format(Locale.ROOT, " ± %.3f (95%%)", f.halfWidth()));
            }
        }
    }
}
