package org.scorescope.ui.labs.guidance;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.scorescope.distribution.ClassMixture;
import org.scorescope.engine.Engine;
import org.scorescope.engine.RunHandle;
import org.scorescope.engine.RunResult;
import org.scorescope.engine.RunSpec;
import org.scorescope.metrics.Binning;
import org.scorescope.metrics.GuidanceMeasure;
import org.scorescope.render.DensityGrid;
import org.scorescope.render.PanelRenderer;
import org.scorescope.render.Raster;
import org.scorescope.render.Viewport;
import org.scorescope.scenario.GuidanceScenario;
import org.scorescope.scenario.Scenario;
import org.scorescope.scenario.ScenarioBuilder;
import org.scorescope.ui.service.Progress;

/**
 * Up to four runs of one sampler guided toward one class at different w, on the same noise (the
 * same seed: the same Y_T and the same per-step draws, since streams are keyed by seed, sampler,
 * chunk and step — never by w), each drawn at its output over a heat map with the decision boundary
 * and its particles coloured by class, with Theorem 9's metric, the confidence, the spread and the
 * counted NFE. Runs on an executor job (one engine run at a time; cancel stops the running one).
 *
 * @param scenario the session's scenario (target with classes, schedule, T, N, seed; its first sampler)
 * @param classId the class c
 * @param ws the strengths, one panel each (1 to 4)
 * @param law the heat map under each panel (the tilted law is each panel's own w)
 * @param side panel side in pixels
 */
record ComparePlan(Scenario scenario, int classId, double[] ws, GuidancePictures.Law law, int side) {
    /** Most panels. */
    static final int MOST = 4;

    /**
     * One finished panel (immutable once built).
     *
     * @param w its strength
     * @param argb premultiplied pixels, side × side
     * @param side the side in pixels
     * @param caption w, NFE and the metrics, in words
     * @param nfe the counted NFE
     * @param thm9 E[1/p(c | Y)] at ᾱ_0
     */
    record Panel(double w, int[] argb, int side, String caption, long nfe, double thm9) {
    }

    /**
     * Reads a list of w ("0, 1, 3, 8").
     *
     * @throws IllegalArgumentException with what is allowed
     */
    static double[] parse(String text) {
        String[] parts = text.trim().split("\\s*,\\s*|\\s+");
        if (text.isBlank() || parts.length > MOST) {
            throw new IllegalArgumentException("w values: give 1 to " + MOST + " numbers >= 0, separated by commas, e.g. 0, 1, 3, 8");
        }
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Double.parseDouble(parts[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("w values: '" + parts[i] + "' is not a number; give numbers >= 0, e.g. 0, 1, 3, 8");
            }
            if (!(out[i] >= 0) || !Double.isFinite(out[i])) {
                throw new IllegalArgumentException("w values: must be finite numbers >= 0, was " + parts[i]);
            }
        }
        return out;
    }

    /** The scenario of one panel: the first sampler only, guided toward the class at w. */
    Scenario panelScenario(double w) {
        Scenario one = scenario.with(null, null, List.of(scenario.samplers().get(0)), null, null, null);
        return GuidanceEdits.guide(one, classId, w);
    }

    /** Runs and draws every panel. */
    List<Panel> run(Engine engine, Progress progress, AtomicReference<RunHandle> running) throws InterruptedException {
        ClassMixture m = GuidanceScenario.classes(scenario.target());
        double[][] b = m.unconditional().bounds();
        Viewport view = Viewport.fit(b[0], b[1], side, side);
        List<Panel> out = new ArrayList<>();
        for (int k = 0; k < ws.length; k++) {
            progress.checkCancelled();
            double w = ws[k];
            RunSpec spec = ScenarioBuilder.run(panelScenario(w), null);
            int done = k;
            RunHandle h = engine.submit(spec, v -> progress.update((done + (double) (v.grid().steps() - v.t()) / v.grid().steps()) / ws.length,
                    "w = " + GuidanceControls.fmt(w) + ": t = " + v.t()));
            running.set(h);
            RunResult r = h.await();
            double gamma = spec.grid().abar(0);
            double[][] y = r.positions().get(0);
            GuidanceMeasure measure = new GuidanceMeasure(m, classId, w, gamma, Binning.defaultFor(m.unconditional(), spec.particles()));
            Map<GuidanceMeasure.Metric, GuidanceMeasure.Estimate> e = measure.measure(y, spec.particles(),
                    EnumSet.of(GuidanceMeasure.Metric.THM9_EARLY, GuidanceMeasure.Metric.CONFIDENCE_EARLY, GuidanceMeasure.Metric.SPREAD));
            out.add(draw(m, w, gamma, view, y, spec.particles(), r.nfe()[0], e));
        }
        return out;
    }

    private Panel draw(ClassMixture m, double w, double gamma, Viewport view, double[][] y, int n,
            long nfe, Map<GuidanceMeasure.Metric, GuidanceMeasure.Estimate> e) {
        Raster r = new Raster(side, side, PanelRenderer.BACKGROUND);
        GuidancePictures.law(law, m, classId, w, gamma, view).paint(r, org.scorescope.render.ColorMap.VIRIDIS, 0.6);
        DensityGrid post = GuidancePictures.posterior(m, classId, gamma, view);
        GuidancePictures.boundary(r, post, Math.max(1.4, side / 400.0));
        int shown = Math.min(n, GuidanceLayers.MOST_PARTICLES);
        float[][] f = new float[2][shown];
        for (int i = 0; i < shown; i++) {
            f[0][i] = (float) y[0][i];
            f[1][i] = (float) y[1][i];
        }
        GuidancePictures.classParticles(r, m, f, shown, gamma, view);
        double thm9 = e.get(GuidanceMeasure.Metric.THM9_EARLY).value();
        String caption = String.format("w = %s · NFE %d · spread tr Cov %.3f%nE[1/p(c|Y)] = %.4f · E[p(c|Y)] = %.3f",
                GuidanceControls.fmt(w), nfe, e.get(GuidanceMeasure.Metric.SPREAD).value(), thm9,
                e.get(GuidanceMeasure.Metric.CONFIDENCE_EARLY).value());
        return new Panel(w, r.argb, side, caption, nfe, thm9);
    }
}
