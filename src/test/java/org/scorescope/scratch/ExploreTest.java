package org.scorescope.scratch;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scorescope.distribution.GaussianMixture;
import org.scorescope.distribution.Presets;
import org.scorescope.inverse.*;
import org.scorescope.metrics.*;
import org.scorescope.sampler.*;
import org.scorescope.schedule.*;

class ExploreTest {
    @Test
    void ring() {
        GaussianMixture prior = (GaussianMixture) Presets.get("ring8");
        InverseProblem ip = InverseProblem.of(prior, LinearObservation.of(ObservationTask.matrix("inpaint-x", 2), new double[] {2.5}, 0.2));
        System.out.println("weights " + java.util.Arrays.toString(ip.weights()));
        int n = 200_000;
        Schedule s = Schedules.create(System.getProperty("sched", "vp-continuous"), Map.of(), null, null);
        var binning = Binning.defaultFor(ip.posterior(), n);
        try (org.scorescope.engine.Engine e = new org.scorescope.engine.Engine(2)) {
            for (double[] eta : new double[][] {{16, 0.6, 1, 0}, {16, 0.6, 0, 0}, {16, 0.6, 1, 1}, {64, 0.6, 1, 0}}) {
                Sampler smp = eta[0] < 0 ? SamplerRegistry.create("posterior-exact", Map.of(), ip)
                        : SamplerRegistry.create("snr-split", Map.of("etaUnobserved", eta[0], "etaExponent", eta[1], "etaPrior", eta[2], "crossing", eta[3]), ip);
                StringBuilder b = new StringBuilder((eta[0] < 0 ? "posterior-exact" : "eta=" + java.util.Arrays.toString(eta)) + ":");
                for (int T : new int[] {200, 1000}) {
                    Grid g = s.grid(T);
                    var spec = new org.scorescope.engine.RunSpec(ip.posterior(), new org.scorescope.score.ExactScore(prior), g,
                            List.of(org.scorescope.engine.SamplerSlot.of(smp)), n, 1, null);
                    double[][] x = e.run(spec, null).positions().get(0);
                    double tv = PosteriorMetrics.tv(ip.posterior(), x, n, binning, g.abar(0));
                    double floor = NoiseFloor.of(ExactBinMasses.compute(ip.posterior(), binning, g.abar(0)), n).mean();
                    double mw = PosteriorMetrics.weightError(PosteriorMetrics.componentMasses(ip.posterior(), x, n, g.abar(0)), ip.weights());
                    b.append(String.format(" T=%d %.4f/%.4f mw %.4f %s", T, tv, floor, mw, java.util.Arrays.toString(PosteriorMetrics.componentMasses(ip.posterior(), x, n, g.abar(0)))));
                }
                System.out.println(b);
            }
        }
    }

    void eta() {
        GaussianMixture prior = (GaussianMixture) Presets.get("gaussian");
        InverseProblem ip = InverseProblem.of(prior, LinearObservation.of(ObservationTask.matrix("inpaint-x", 2), new double[] {1.0}, 0.2));
        for (String sched : new String[] {"linear", "vp-continuous"}) {
            Schedule s = Schedules.create(sched, Map.of(), null, null);
            for (double[] e : new double[][] {{1, 0}, {4, 0}, {16, 0}, {64, 0}, {256, 0}, {1e6, 0}, {1, 0.5}, {2, 0.5}, {4, 0.5}, {1, 0.6}, {2, 0.6}, {4, 0.6}, {8, 0.6}}) {
                Sampler smp = SamplerRegistry.create("snr-split", Map.of("etaUnobserved", e[0], "etaExponent", e[1]), ip);
                StringBuilder b = new StringBuilder(sched + " eta=" + e[0] + " p=" + e[1] + ":");
                for (int T : sched.equals("linear") ? new int[] {25, 50, 100, 200, 400, 800} : new int[] {25, 50, 100, 200, 400, 800, 1600}) {
                    Grid g = s.grid(T);
                    var r = InversePropagation.fromPosterior(ip, smp, g);
                    double w = ExactGaussianError.compare(ip.posterior(), r, g.abar(0)).w2();
                    b.append(String.format(" %.2e", w));
                }
                System.out.println(b);
            }
        }
    }

    void w2() {
        GaussianMixture prior = (GaussianMixture) Presets.get("gaussian");
        for (String task : new String[] {"denoise", "inpaint-x", "blur"}) {
            double[][] a = ObservationTask.matrix(task, 2);
            double[] y = a.length == 1 ? new double[] {1.0} : new double[] {1.0, -0.2};
            InverseProblem ip = InverseProblem.of(prior, LinearObservation.of(a, y, 0.2));
            for (String sched : new String[] {"linear", "vp-continuous"}) {
                Schedule s = Schedules.create(sched, Map.of(), null, null);
                for (String id : new String[] {"posterior-exact", "snr-split", "ddrm", "ddnm"}) {
                    Sampler smp = SamplerRegistry.create(id, Map.of(), ip);
                    StringBuilder b = new StringBuilder(task + " " + sched + " " + id + ":");
                    for (int T : new int[] {25, 50, 100, 200, 400, 800}) {
                        Grid g = s.grid(T);
                        var r = InversePropagation.fromPosterior(ip, smp, g);
                        double w = ExactGaussianError.compare(ip.posterior(), r, g.abar(0)).w2();
                        b.append(String.format(" T=%d %.2e (%d)", T, w, r.nfe()));
                    }
                    System.out.println(b);
                }
            }
        }
    }
}
