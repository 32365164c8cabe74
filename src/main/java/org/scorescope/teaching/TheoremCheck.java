package org.scorescope.teaching;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.scorescope.discrete.DiscreteLaw;
import org.scorescope.discrete.DiscretePresets;
import org.scorescope.discrete.DiscreteProcess;
import org.scorescope.discrete.DiscreteSampler;
import org.scorescope.discrete.ExactCtmcSampler;
import org.scorescope.discrete.ExactLaw;
import org.scorescope.discrete.JointTarget;
import org.scorescope.discrete.StepSchedule;
import org.scorescope.discrete.TauLeapingSampler;
import org.scorescope.discrete.UnmaskingSampler;
import org.scorescope.distribution.ClassMixture;
import org.scorescope.distribution.Presets;
import org.scorescope.distribution.Target;
import org.scorescope.engine.Engine;
import org.scorescope.engine.RunResult;
import org.scorescope.engine.RunSpec;
import org.scorescope.engine.SamplerSlot;
import org.scorescope.metrics.Binning;
import org.scorescope.metrics.ExactGaussianError;
import org.scorescope.metrics.GaussianDistance;
import org.scorescope.metrics.GaussianPropagation;
import org.scorescope.metrics.GuidanceMeasure;
import org.scorescope.metrics.RateFit;
import org.scorescope.metrics.Sweep;
import org.scorescope.sampler.SamplerRegistry;
import org.scorescope.schedule.DiscreteSchedule;
import org.scorescope.schedule.Grid;
import org.scorescope.schedule.VpContinuousSchedule;
import org.scorescope.score.GuidedScore;

/**
 * Runs a theorem card's check on the core (issue 18, must-show 2): the errors are exact where the
 * core has an exact law (Gaussian propagation, discrete law propagation), so a check is a handful of
 * milliseconds to seconds and the same on every machine.
 */
public final class TheoremCheck {
    private TheoremCheck() {
    }

    /**
     * One measured series.
     *
     * @param label what was measured ("accel-ddim")
     * @param x the abscissae (T, N, w or K)
     * @param y the measured values (errors, metric values or gaps)
     * @param slope the fitted slope (order for rates, log-gap slope for rounds; NaN for a decrease check)
     * @param passed whether it meets the card's tolerance
     * @param se the standard error of each value (Monte Carlo checks), or all zero (exact checks)
     */
    public record Series(String label, double[] x, double[] y, double slope, boolean passed, double[] se) {
        /** An exact series: no standard errors. */
        public Series(String label, double[] x, double[] y, double slope, boolean passed) {
            this(label, x, y, slope, passed, new double[y.length]);
        }
    }

    /**
     * A check's outcome.
     *
     * @param card the card
     * @param series one per sampler (or per curve)
     * @param summary one line: measured against predicted
     */
    public record Result(TheoremCard card, List<Series> series, String summary) {
        /** Whether every series meets the card's tolerance. */
        public boolean passed() {
            return !series.isEmpty() && series.stream().allMatch(Series::passed);
        }
    }

    /**
     * Runs a card's check.
     *
     * @param engine the engine for checks that run particles (guidance)
     * @throws IllegalStateException for a card whose check is {@link TheoremCard.NotInCore}
     */
    public static Result run(TheoremCard card, Engine engine) {
        return run(card, engine, (done, total) -> { });
    }

    /**
     * Told after each measured point of a check (a window's progress bar); may stop the check by
     * throwing {@link java.util.concurrent.CancellationException}. The numbers do not depend on it.
     */
    @FunctionalInterface
    public interface Monitor {
        /** {@code done} of {@code total} points measured. */
        void measured(int done, int total);
    }

    /** How many points a check measures (what {@link Monitor#measured} counts to). */
    public static int points(TheoremCard.Check check) {
        if (check instanceof TheoremCard.ExactSlope c) {
            return c.samplers().size() * c.steps().length;
        } else if (check instanceof TheoremCard.DiscreteSlope c) {
            return c.steps().length + 1;
        } else if (check instanceof TheoremCard.GuidanceDecrease c) {
            return c.strengths().length;
        } else if (check instanceof TheoremCard.PicardRounds c) {
            return c.rounds().length + 1;
        }
        return 0;
    }

    /**
     * Runs a card's check, telling {@code monitor} after each point.
     *
     * @throws IllegalStateException for a card whose check is {@link TheoremCard.NotInCore}
     */
    public static Result run(TheoremCard card, Engine engine, Monitor monitor) {
        TheoremCard.Check check = card.check();
        Counter counter = new Counter(monitor, points(check));
        List<Series> series;
        if (check instanceof TheoremCard.ExactSlope c) {
            series = exactSlope(c, counter);
        } else if (check instanceof TheoremCard.DiscreteSlope c) {
            series = List.of(discreteSlope(c, counter));
        } else if (check instanceof TheoremCard.GuidanceDecrease c) {
            series = List.of(guidance(c, engine, counter));
        } else if (check instanceof TheoremCard.PicardRounds c) {
            series = List.of(rounds(c, counter));
        } else {
            throw new IllegalStateException(card.id() + ": " + check.describe());
        }
        StringBuilder b = new StringBuilder();
        for (Series s : series) {
            b.append(b.length() == 0 ? "" : "; ").append(s.label()).append(": ")
                    .append(s.label().startsWith("piadm") ? "gaps " + TheoremCard.join(s.y()) + ", log slope " + SamplerEquation.plain(s.slope()) : Double.isNaN(s.slope()) ? "values " + TheoremCard.join(s.y()) : "slope " + SamplerEquation.plain(s.slope()))
                    .append(s.passed() ? " (passes)" : " (FAILS)");
        }
        return new Result(card, series, b + " — expected: " + card.check().describe());
    }

    /** Counts measured points for a monitor. */
    private static final class Counter {
        private final Monitor monitor;
        private final int total;
        private int done;

        Counter(Monitor monitor, int total) {
            this.monitor = monitor;
            this.total = total;
        }

        void tick() {
            monitor.measured(++done, total);
        }
    }

    /** The grid of the exact checks: VP, uniform in log-SNR (DPM-Solver's), T steps. */
    static Grid logSnrGrid(int steps) {
        return VpContinuousSchedule.dpmSolver(VpContinuousSchedule.Spacing.LOGSNR).grid(steps);
    }

    private static List<Series> exactSlope(TheoremCard.ExactSlope c, Counter counter) {
        Target target = Presets.get("gaussian1d");
        List<Series> out = new ArrayList<>();
        for (String id : c.samplers()) {
            double[] x = new double[c.steps().length];
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = c.steps()[i];
                ExactGaussianError e = ExactGaussianError.of(target, SamplerRegistry.create(id), logSnrGrid(c.steps()[i]));
                y[i] = c.metric() == Sweep.Metric.EXACT_KL ? e.kl() : e.w2();
                counter.tick();
            }
            double slope = RateFit.fit(x, y).order();
            out.add(new Series(id, x, y, slope, c.bound().accepts(slope, c.order(), c.tolerance())));
        }
        return out;
    }

    private static DiscreteSampler discreteSampler(String id) {
        return switch (id) {
            case "tau-leaping" -> new TauLeapingSampler();
            case "unmasking" -> new UnmaskingSampler();
            default -> throw new IllegalArgumentException("no discrete sampler '" + id + "' in theorem checks");
        };
    }

    private static Series discreteSlope(TheoremCard.DiscreteSlope c, Counter counter) {
        JointTarget picture = DiscretePresets.picture(8);
        DiscreteProcess process = DiscreteProcess.of(c.process());
        int most = c.steps()[c.steps().length - 1];
        double floor = kl(picture, process, new ExactCtmcSampler(), c, most);
        counter.tick();
        double[] x = new double[c.steps().length];
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = c.steps()[i];
            y[i] = kl(picture, process, discreteSampler(c.sampler()), c, c.steps()[i]) - floor;
            counter.tick();
        }
        double slope = RateFit.fit(x, y).order();
        return new Series(c.sampler(), x, y, slope, c.bound().accepts(slope, c.order(), c.tolerance()));
    }

    private static double kl(JointTarget target, DiscreteProcess process, DiscreteSampler sampler, TheoremCard.DiscreteSlope c, int steps) {
        StepSchedule schedule = StepSchedule.of(c.schedule(), c.horizon(), steps, StepSchedule.DEFAULT_DELTA);
        DiscreteLaw law = ExactLaw.output(target, process, sampler, schedule, null, null, null);
        return law.kl(target);
    }

    private static Series guidance(TheoremCard.GuidanceDecrease c, Engine engine, Counter counter) {
        ClassMixture m = ClassMixture.of(Presets.get(c.target()), Presets.classes(c.target()));
        Grid grid = DiscreteSchedule.linear().grid(c.steps());
        Binning bins = Binning.defaultFor(m.unconditional(), c.particles());
        double[] y = new double[c.strengths().length];
        double[] se = new double[y.length];
        boolean decreasing = true;
        for (int i = 0; i < y.length; i++) {
            double w = c.strengths()[i];
            RunSpec spec = new RunSpec(m.conditional(c.classId()), new GuidedScore(m, c.classId(), w), grid,
                    List.of(SamplerSlot.of(SamplerRegistry.create(c.sampler()))), c.particles(), 3, null);
            RunResult r = engine.run(spec, null);
            GuidanceMeasure.Estimate e = new GuidanceMeasure(m, c.classId(), w, grid.abar(0), bins)
                    .measure(r.positions().get(0), c.particles(), EnumSet.of(GuidanceMeasure.Metric.THM9)).get(GuidanceMeasure.Metric.THM9);
            y[i] = e.value();
            se[i] = e.se();
            counter.tick();
            if (i > 0) {
                decreasing &= y[i] + c.sigmas() * Math.hypot(se[i], se[i - 1]) < y[i - 1];
            }
        }
        return new Series(c.sampler() + " guided", c.strengths(), y, Double.NaN, decreasing, se);
    }

    private static Series rounds(TheoremCard.PicardRounds c, Counter counter) {
        Target target = Presets.get("gaussian1d");
        Grid grid = logSnrGrid(c.blocks());
        GaussianPropagation.Result ref = GaussianPropagation.run(target, SamplerRegistry.create(piadm(c, c.reference())), grid);
        counter.tick();
        double[] x = new double[c.rounds().length];
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = c.rounds()[i];
            GaussianPropagation.Result r = GaussianPropagation.run(target, SamplerRegistry.create(piadm(c, c.rounds()[i])), grid);
            y[i] = GaussianDistance.w2(r.mean(), r.covariance(), ref.mean(), ref.covariance());
            counter.tick();
        }
        org.apache.commons.math3.stat.regression.SimpleRegression fit = new org.apache.commons.math3.stat.regression.SimpleRegression();
        for (int i = 0; i < x.length; i++) {
            fit.addData(x[i], Math.log(y[i]));
        }
        double slope = fit.getSlope();
        return new Series(c.sampler(), x, y, slope, slope <= -c.rate());
    }

    private static String piadm(TheoremCard.PicardRounds c, int k) {
        return c.sampler() + ":M=" + c.subSteps() + ":K=" + k;
    }
}
