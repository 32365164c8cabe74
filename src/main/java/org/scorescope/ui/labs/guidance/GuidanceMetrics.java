package org.scorescope.ui.labs.guidance;

import java.util.List;
import org.scorescope.distribution.ClassMixture;
import org.scorescope.engine.StepView;
import org.scorescope.score.GuidedScore;
import org.scorescope.ui.lab.LabMetric;

/**
 * The guidance metrics of every step of a guided run, with the exact classifier at the step's own
 * level ᾱ_t: Theorem 9's E[1/p_ᾱ(c | Y)] (Jiao–Chen–Li '25, 003 Part 4) and the mean confidence
 * E[p_ᾱ(c | Y)] (Wu et al. '24). At the last step ᾱ_0 they are the CLI's {@code thm9-early} and
 * {@code confidence-early}. NaN on runs that are not guided.
 */
final class GuidanceMetrics {
    /** Metric ids. */
    static final String THM9 = "guidance.thm9";
    static final String CONFIDENCE = "guidance.confidence";

    private GuidanceMetrics() {
    }

    /** Both metrics. */
    static List<LabMetric> all() {
        return List.of(metric(THM9, "E[1/p(c|Y)] (Thm 9)", true), metric(CONFIDENCE, "E[p(c|Y)]", false));
    }

    /**
     * The mean of 1/p or p over one sampler's particles (one pass; NaN when the run is not guided).
     *
     * @param inverse whether to average 1/p(c | Y) (Theorem 9) rather than p(c | Y)
     */
    static double measure(StepView step, int slot, boolean inverse) {
        if (!(step.spec().score() instanceof GuidedScore g)) {
            return Double.NaN;
        }
        ClassMixture m = g.classes();
        double gamma = step.abar();
        if (!(gamma > 0 && gamma < 1)) {
            return Double.NaN;
        }
        double[] sum = new double[1];
        step.forEachChunk(slot, (y, n) -> {
            double[] log = new double[n];
            m.logPosterior(y, n, gamma, g.classId(), log);
            for (int i = 0; i < n; i++) {
                sum[0] += inverse ? Math.exp(-log[i]) : Math.exp(log[i]);
            }
        });
        return sum[0] / step.spec().particles();
    }

    private static LabMetric metric(String id, String name, boolean inverse) {
        return new LabMetric() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String name() {
                return name;
            }

            @Override
            public String unit() {
                return "";
            }

            @Override
            public double measure(StepView step, int slot) {
                return GuidanceMetrics.measure(step, slot, inverse);
            }
        };
    }
}
