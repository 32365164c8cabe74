package org.scorescope.cli;

import org.scorescope.engine.RunResult;
import org.scorescope.engine.RunSpec;
import org.scorescope.inverse.InverseProblem;
import org.scorescope.metrics.Binning;
import org.scorescope.metrics.ExactBinMasses;
import org.scorescope.metrics.NoiseFloor;
import org.scorescope.metrics.PosteriorMetrics;
import org.scorescope.scenario.Scenario;
import org.scorescope.scenario.ScenarioBuilder;

/** The lines {@code sample} prints after a run with an observation: each sampler against the exact posterior. */
final class PosteriorSummary {
    private PosteriorSummary() {
    }

    static void print(Scenario s, RunSpec spec, RunResult r, java.io.PrintStream report) {
        InverseProblem p = ScenarioBuilder.problem(s);
        double gamma = spec.grid().abar(0);
        int n = spec.particles();
        Binning b = Binning.defaultFor(p.posterior(), n);
        NoiseFloor floor = NoiseFloor.of(ExactBinMasses.compute(p.posterior(), b, gamma), n);
        report.println("observation: " + s.observation().describe(p));
        report.println("exact posterior weights: " + format(p.weights()));
        for (int k = 0; k < spec.slots().size(); k++) {
            double[][] x = r.positions().get(k);
            double[] m = PosteriorMetrics.componentMasses(p.posterior(), x, n, gamma);
            report.printf("%s: TV to the exact posterior %.5f (noise floor %.5f +- %.5f), component masses %s (error %.5f), mean error %.5f%n",
                    spec.slots().get(k).label(), PosteriorMetrics.tv(p.posterior(), x, n, b, gamma), floor.mean(), floor.sd(), format(m),
                    PosteriorMetrics.weightError(m, p.weights()), PosteriorMetrics.meanError(p, x, n, gamma));
        }
    }

    private static String format(double[] w) {
        StringBuilder b = new StringBuilder("[");
        for (int c = 0; c < w.length; c++) {
            b.append(c == 0 ? "" : ", ").append(String.format("%.4f", w[c]));
        }
        return b.append(']').toString();
    }
}
