package org.scorescope.ui.labs.inverse;

import java.util.List;
import org.scorescope.distribution.GaussianMixture;
import org.scorescope.engine.StepView;
import org.scorescope.metrics.PosteriorMetrics;
import org.scorescope.ui.lab.LabMetric;

/**
 * The lab's per-step metrics (issue 15), measured on every sampler after every step against the
 * run's target — with an observation that is the exact posterior p(x₀ | y), noised to the step's
 * level (the window's TV column is then the TV to the posterior). Both are one pass over the
 * particles, chunk by chunk, on the engine's coordinating thread:
 * <ul>
 * <li>{@code inverse.weight-error}: ½ Σ_k |m̂_k − π'_k|, m̂_k the mean responsibility of component k
 * of the noised posterior over the particles, π'_k its exact weight (the weights of a noised mixture
 * do not depend on the level) — the mass a sampler puts on the wrong mode, DPS's failure mode;</li>
 * <li>{@code inverse.mean-error}: ‖mean of the particles − √ᾱ E[x₀ | y]‖.</li>
 * </ul>
 * Measured only in runs with an observation; NaN when the run's target is not a Gaussian mixture (a box
 * prior has no posterior here).
 */
final class InverseMetrics {
    private InverseMetrics() {
    }

    /** The two metrics. */
    static List<LabMetric> all() {
        return List.of(new PosteriorMetric("inverse.weight-error", "weight error", InverseMetrics::weightError),
                new PosteriorMetric("inverse.mean-error", "mean error", InverseMetrics::meanError));
    }

    /** A measurement against the run's Gaussian-mixture target (the exact posterior). */
    @FunctionalInterface
    private interface AgainstPosterior {
        double of(GaussianMixture post, StepView step, int slot);
    }

    /** A pure number measured against the posterior; NaN when the target is not a Gaussian mixture. */
    private record PosteriorMetric(String id, String name, AgainstPosterior formula) implements LabMetric {
        @Override
        public String unit() {
            return "";
        }

        @Override
        public double measure(StepView step, int slot) {
            return step.spec().target() instanceof GaussianMixture post ? formula.of(post, step, slot) : Double.NaN;
        }

        /** Only with an observation: without one the pass over every particle after every step said nothing the TV does not. */
        @Override
        public boolean appliesTo(org.scorescope.scenario.Scenario scenario) {
            return scenario.observation() != null;
        }
    }

    /** ½ Σ_k |m̂_k − π'_k| over the particles, chunk by chunk. */
    private static double weightError(GaussianMixture post, StepView step, int slot) {
        double[] mass = new double[post.components()];
        int[] total = new int[1];
        step.forEachChunk(slot, (y, n) -> {
            double[] m = PosteriorMetrics.componentMasses(post, y, n, step.abar());
            for (int c = 0; c < mass.length; c++) {
                mass[c] += m[c] * n;
            }
            total[0] += n;
        });
        double[] exact = new double[mass.length];
        for (int c = 0; c < mass.length; c++) {
            mass[c] /= total[0];
            exact[c] = post.weight(c);
        }
        return PosteriorMetrics.weightError(mass, exact);
    }

    /** ‖mean of the particles − √ᾱ E[x₀ | y]‖. */
    private static double meanError(GaussianMixture post, StepView step, int slot) {
        int d = post.dim();
        double[] truth = new double[d];
        for (int c = 0; c < post.components(); c++) {
            for (int a = 0; a < d; a++) {
                truth[a] += post.weight(c) * post.mean(c)[a];
            }
        }
        double[] sum = new double[d];
        step.forEachChunk(slot, (y, n) -> {
            for (int a = 0; a < d; a++) {
                for (int i = 0; i < n; i++) {
                    sum[a] += y[a][i];
                }
            }
        });
        double sg = Math.sqrt(step.abar());
        double s = 0;
        for (int a = 0; a < d; a++) {
            double e = sum[a] / step.spec().particles() - sg * truth[a];
            s += e * e;
        }
        return Math.sqrt(s);
    }
}
