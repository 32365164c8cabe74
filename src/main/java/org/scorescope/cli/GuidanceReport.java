package org.scorescope.cli;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.scorescope.distribution.ClassMixture;
import org.scorescope.metrics.Binning;
import org.scorescope.metrics.GuidanceMeasure;
import org.scorescope.metrics.GuidanceMeasure.Metric;
import org.scorescope.scenario.GuidanceScenario;
import org.scorescope.scenario.Scenario;

/** The guidance lines of the {@code sample} summary: Theorem 9's metric, confidence, spread, region, TV to both laws. */
final class GuidanceReport {
    private GuidanceReport() {
    }

    static void print(Scenario s, double[][] positions, int n, double outputLevel, java.io.PrintStream out) {
        ClassMixture classes = GuidanceScenario.classes(s.target());
        Scenario.GuidanceSpec g = s.guidance();
        Set<Metric> which = EnumSet.of(Metric.THM9_EARLY, Metric.CONFIDENCE_EARLY, Metric.SPREAD, Metric.BEYOND);
        if (classes.hasNoiseFreeClassifier()) {
            which.add(Metric.THM9);
            which.add(Metric.CONFIDENCE);
        }
        if (classes.dim() <= 2) {
            which.addAll(EnumSet.of(Metric.TV_CONDITIONAL, Metric.TV_TILTED, Metric.FLOOR_CONDITIONAL, Metric.FLOOR_TILTED));
        }
        GuidanceMeasure m = new GuidanceMeasure(classes, g.classId(), g.w(), outputLevel, Binning.defaultFor(classes.unconditional(), n));
        Map<Metric, GuidanceMeasure.Estimate> v = m.measure(positions, n, which);
        out.printf("guidance toward class %d, w = %s (a guided call counts 2 evaluations), prior %.4g%n", g.classId(), trim(g.w()),
                classes.prior(g.classId()));
        for (Metric k : which) {
            if (k == Metric.FLOOR_CONDITIONAL || k == Metric.FLOOR_TILTED) {
                continue;
            }
            GuidanceMeasure.Estimate e = v.get(k);
            String extra = "";
            if (k == Metric.TV_CONDITIONAL) {
                extra = String.format("   (noise floor %.4g ± %.2g)", v.get(Metric.FLOOR_CONDITIONAL).value(), v.get(Metric.FLOOR_CONDITIONAL).se());
            } else if (k == Metric.TV_TILTED) {
                extra = String.format("   (noise floor %.4g ± %.2g, quadrature error <= %.1g)", v.get(Metric.FLOOR_TILTED).value(),
                        v.get(Metric.FLOOR_TILTED).se(), e.se());
            } else if (!Double.isNaN(e.se())) {
                extra = String.format(" ± %.2g (1 s.e.)", e.se());
            }
            double exact = m.exactConditional(k);
            String ref = Double.isNaN(exact) || k == Metric.TV_CONDITIONAL ? "" : String.format("   [exact p(x|c): %.6g]", exact);
            out.printf("  %-17s %.6g%s%s%n", k.id(), e.value(), extra, ref);
        }
    }

    private static String trim(double w) {
        return w == Math.rint(w) ? Long.toString((long) w) : Double.toString(w);
    }
}
