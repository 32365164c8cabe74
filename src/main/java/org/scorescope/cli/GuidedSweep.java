package org.scorescope.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.scorescope.distribution.ClassMixture;
import org.scorescope.engine.Engine;
import org.scorescope.io.AtomicFile;
import org.scorescope.metrics.GuidanceMeasure;
import org.scorescope.metrics.GuidanceSweep;
import org.scorescope.scenario.GuidanceScenario;
import org.scorescope.scenario.Scenario;
import org.scorescope.scenario.ScenarioBuilder;
import org.scorescope.scenario.ScenarioException;

/**
 * {@code sweep} with guidance: one cell per sampler, T, w and seed ({@link GuidanceSweep}); header
 * {@code sampler,steps,nfe,seed,particles,guidance,metric,value}; {@code --metric} takes one or more
 * of the guidance metrics ({@code tv} means {@code tv-conditional}). Prints the mean over seeds with
 * a 95% interval for every cell.
 */
final class GuidedSweep {
    private GuidedSweep() {
    }

    /** Whether the sweep is a guided one: a guidance flag, or a scenario with guidance. */
    static boolean applies(SweepCommand c, Scenario s) {
        return c.guidance.given() || s.guidance() != null;
    }

    static Runnable run(SweepCommand c, Scenario resolved, java.io.PrintStream report) {
        Scenario s = c.guidance.apply(resolved, true);
        ClassMixture classes = GuidanceScenario.classes(s.target());
        List<GuidanceMeasure.Metric> metrics = metrics(c.metric, classes);
        int seeds = c.seeds == null ? 1 : c.seeds;
        for (int t : c.steps) {
            if (t < 1 || t > Scenario.MAX_STEPS) {
                throw new ScenarioException("--steps", "each T must be in 1.." + Scenario.MAX_STEPS + ", was " + t);
            }
        }
        if (classes.dim() > 2 && metrics.stream().anyMatch(m -> m.id().startsWith("tv") || m.id().startsWith("floor"))) {
            throw new ScenarioException("--metric", "the TV metrics bin the target's own 1 or 2 axes; this target has " + classes.dim());
        }
        double[] ws = c.guidance.strengths(s);
        for (double w : ws) {
            GuidanceScenario.validate(s.withGuidance(new Scenario.GuidanceSpec(s.guidance().classId(), w, s.guidance().from(), s.guidance().to())));
        }
        GuidanceSweep.Plan plan = new GuidanceSweep.Plan(classes, s.guidance().classId(), ScenarioBuilder.schedule(s.schedule()),
                ScenarioBuilder.samplers(s), c.steps.stream().mapToInt(Integer::intValue).toArray(), ws, s.guidance().from(),
                s.guidance().to(), s.particles(), seeds, s.seed(), metrics);
        for (int t : plan.steps()) {
            ScenarioBuilder.grid(s.with(null, null, null, t, null, null));
        }
        List<GuidanceSweep.Row> rows;
        try (Engine engine = new Engine(c.scenario.threads())) {
            rows = GuidanceSweep.run(plan, engine, r -> System.err.println(r.csv()), () -> false);
        }
        AtomicFile.write(c.out, w -> {
            w.write(GuidanceSweep.Row.HEADER + "\n");
            for (GuidanceSweep.Row r : rows) {
                w.write(r.csv() + "\n");
            }
        });
        return () -> {
            report.println("wrote " + SampleCommand.shown(c.out) + " (" + rows.size() + " rows)");
            for (GuidanceSweep.Summary m : GuidanceSweep.summarise(rows)) {
                report.printf("%-14s T=%-5d w=%-5s %-17s %.6g%s%n", m.sampler(), m.steps(), trim(m.guidance()), m.metric(), m.mean(),
                        Double.isNaN(m.halfWidth()) ? "" : String.format(" ± %.3g (95%%, %d seeds)", m.halfWidth(), m.seeds()));
            }
        };
    }

    private static String trim(double w) {
        return w == Math.rint(w) ? Long.toString((long) w) : Double.toString(w);
    }

    /** Parses a comma-separated list of metric ids. */
    static List<GuidanceMeasure.Metric> metrics(String list, ClassMixture classes) {
        Set<GuidanceMeasure.Metric> out = new LinkedHashSet<>();
        for (String id : list.split(",")) {
            String m = id.trim().equals("tv") ? "tv-conditional" : id.trim();
            try {
                out.add(GuidanceMeasure.Metric.of(m));
            } catch (IllegalArgumentException e) {
                throw new ScenarioException("--metric", "with guidance, allowed: " + GuidanceMeasure.Metric.allowed() + " (tv = tv-conditional); was '" + m + "'");
            }
        }
        for (GuidanceMeasure.Metric m : out) {
            if (m.noiseFree() && !classes.hasNoiseFreeClassifier()) {
                throw new ScenarioException("--metric", m.id() + " uses the noise-free classifier p(c | x0), an indicator on targets with boxes; use "
                        + m.id() + "-early");
            }
        }
        return new ArrayList<>(out);
    }
}
