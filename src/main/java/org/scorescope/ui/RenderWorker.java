package org.scorescope.ui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.scorescope.distribution.Target;
import org.scorescope.engine.Frame;
import org.scorescope.metrics.Binning;
import org.scorescope.metrics.ExactBinMasses;
import org.scorescope.metrics.Histogram;
import org.scorescope.metrics.TotalVariation;
import org.scorescope.render.DensityGrid;
import org.scorescope.render.PanelRenderer;
import org.scorescope.render.Raster;
import org.scorescope.render.ScoreField;
import org.scorescope.ui.lab.LabLayer;
import org.scorescope.ui.lab.PanelCanvas;
import org.scorescope.ui.lab.RunView;
import org.scorescope.ui.service.Lane;

/**
 * Turns frames into pixels on the render lane (no rasterisation on the FX thread): built-in layers
 * through {@link PanelRenderer}, then the labs' layers; captions; the focused sampler's marginals
 * when the histogram tab shows. Only the newest request is drawn; the FX thread takes the result
 * from one atomic reference each pulse. The caches are confined to the lane.
 */
final class RenderWorker {
    /** Tracked particles with trails. */
    static final int TRACKED = 16;

    private final Lane lane;
    private final AtomicReference<RenderedScene> done = new AtomicReference<>();
    private final Map<Integer, double[]> masses = new HashMap<>();
    private final Map<String, Double> tvCache = new HashMap<>();
    private long cacheRun = -1;
    private final java.util.concurrent.atomic.AtomicInteger scenes = new java.util.concurrent.atomic.AtomicInteger();

    RenderWorker(Lane lane) {
        this.lane = lane;
    }

    /** Asks for a drawing; replaces any request that has not started. */
    void submit(RenderRequest r) {
        lane.latest("scene", () -> {
            RenderedScene s = render(r);
            if (s != null) {
                scenes.incrementAndGet();
                done.set(s);
            }
        });
    }

    /** How many scenes have been drawn (tests: hovering must not redraw). */
    int scenesDrawn() {
        return scenes.get();
    }

    /** The newest finished scene, or null. */
    RenderedScene poll() {
        return done.getAndSet(null);
    }

    private RenderedScene render(RenderRequest r) {
        long start = System.nanoTime();
        RunView c = r.run();
        Frame frame = c.frameAt(r.step());
        if (frame == null) {
            return null;
        }
        if (cacheRun != c.runId()) {
            masses.clear();
            tvCache.clear();
            cacheRun = c.runId();
        }
        Frame[] history = c.history(r.step());
        double abar = c.grid().abar(r.step());
        DensityGrid density = null;
        ScoreField field = null;
        if (!c.oneDimensional()) {
            if (r.style().density() || r.style().contours()) {
                density = DensityGrid.of(c.view2d(), abar, r.view());
            }
            if (r.style().scoreField()) {
                field = ScoreField.of(c.view2d(), abar, r.view(), Math.max(26, Math.min(r.view().width(), r.view().height()) / 18));
            }
        }
        List<Raster> rasters = new ArrayList<>();
        List<RenderedScene.Caption> captions = new ArrayList<>();
        for (int s = 0; s < frame.samplers().size(); s++) {
            Raster raster = c.oneDimensional()
                    ? PanelRenderer.spaceTime(c.target(), c.grid().abar(), history, s, r.step(), r.xRange()[0], r.xRange()[1],
                            r.view().width(), r.view().height(), r.style(), TRACKED)
                    : PanelRenderer.plane(c.view2d(), frame, history, s, r.view(), r.style(), TRACKED, density, field);
            for (LabLayer layer : r.labLayers()) {
                layer.paint(new PanelCanvas(c, frame, s, r.step(), r.view(), raster, r.style()));
            }
            rasters.add(raster);
            Frame.SamplerFrame sf = frame.samplers().get(s);
            captions.add(new RenderedScene.Caption(sf.label(), r.step(), c.steps(), abar, sf.nfe(), tv(c, frame, s, r.step()), sf.diverged()));
        }
        RenderedScene.Marginals marginals = r.marginals()
                ? Marginals.of(c, frame, Math.max(0, Math.min(frame.samplers().size() - 1, r.focus())), r.step(), this::exactMasses)
                : null;
        return new RenderedScene(r, rasters, captions, (System.nanoTime() - start) * 1e-6, marginals);
    }

    private double[] exactMasses(RunView c, int step) {
        return masses.computeIfAbsent(step, k -> ExactBinMasses.compute(shown(c), c.binning(), c.grid().abar(step)));
    }

    static Target shown(RunView c) {
        return c.view2d() != null ? c.view2d() : c.target();
    }

    /**
     * The caption's TV: the run's own measurement ({@code RunMetrics}, on all N particles, what the TV
     * chart draws) once it has one for this step, so the caption and the chart show the same number;
     * before that (the newest step, for a moment) measured on the frame. Only the run's values are
     * cached. Nothing is copied: a frame's positions are read where they are (a copy of a 1M-particle
     * frame is two humongous arrays per sampler, and each of them could start a G1 cycle).
     */
    private double tv(RunView c, Frame frame, int slot, int step) {
        String key = slot + ":" + step;
        Double cached = tvCache.get(key);
        if (cached != null) {
            return cached;
        }
        org.scorescope.metrics.RunMetrics.Snapshot s = c.metrics() == null ? null : c.metrics().latest();
        if (s != null && s.runId() == c.runId() && s.binning() == c.binning() && slot < s.tv().length && step < s.tv()[slot].length
                && !Double.isNaN(s.tv()[slot][step])) {
            double v = s.tv()[slot][step];
            tvCache.put(key, v);
            return v;
        }
        return TotalVariation.of(histogram(frame.samplers().get(slot), c.binning()), exactMasses(c, step));
    }

    /** The histogram of a frame's stored particles, read in place. */
    static Histogram histogram(Frame.SamplerFrame sf, Binning b) {
        long[] counts = new long[b.size()];
        long outside = 0;
        int n = sf.stored();
        float[] x = sf.axis(0);
        int ox = sf.offset(0);
        int ay = b.dim() == 2 ? 1 : 0;
        float[] y = sf.axis(ay);
        int oy = sf.offset(ay);
        for (int i = 0; i < n; i++) {
            int k = b.index(x[ox + i], y[oy + i]);
            if (k < 0) {
                outside++;
            } else {
                counts[k]++;
            }
        }
        return new Histogram(counts, outside, n);
    }

    /** The histogram of one coordinate of a frame's stored particles on one axis's bins, read in place. */
    static Histogram histogram(Frame.SamplerFrame sf, int axis, Binning one) {
        long[] counts = new long[one.size()];
        long outside = 0;
        int n = sf.stored();
        float[] x = sf.axis(axis);
        int o = sf.offset(axis);
        for (int i = 0; i < n; i++) {
            int k = one.index(x[o + i], 0);
            if (k < 0) {
                outside++;
            } else {
                counts[k]++;
            }
        }
        return new Histogram(counts, outside, n);
    }

    /** The marginal histograms and the difference map of one sampler. */
    static final class Marginals {
        private Marginals() {
        }

        static RenderedScene.Marginals of(RunView c, Frame frame, int slot, int step,
                java.util.function.BiFunction<RunView, Integer, double[]> masses) {
            Target t = shown(c);
            Binning b = c.binning();
            Frame.SamplerFrame sf = frame.samplers().get(slot);
            int axes = b.dim();
            double gamma = c.grid().abar(step);
            double[][] edges = new double[axes][];
            double[][] emp = new double[axes][];
            double[][] exact = new double[axes][];
            for (int a = 0; a < axes; a++) {
                Binning one = new Binning(new double[] {b.lo()[a]}, new double[] {b.hi()[a]}, new int[] {b.bins()[a]});
                Histogram h = histogram(sf, a, one);
                edges[a] = one.edges(0);
                emp[a] = new double[b.bins()[a]];
                for (int i = 0; i < emp[a].length; i++) {
                    emp[a][i] = (double) h.counts()[i] / sf.stored();
                }
                exact[a] = ExactBinMasses.compute(axes == 1 ? t : t.marginal(a), one, gamma);
            }
            if (axes != 2) {
                return new RenderedScene.Marginals(slot, sf.label(), edges, emp, exact, null, 0);
            }
            double[] m = masses.apply(c, step);
            Histogram h = histogram(sf, b);
            int bx = b.bins()[0];
            int by = b.bins()[1];
            double[] d = new double[bx * by];
            for (int i = 0; i < d.length; i++) {
                d[i] = (double) h.counts()[i] / sf.stored() - m[i];
            }
            double scale = DivergingScale.scaleOf(d);
            int cell = Math.max(1, 170 / Math.max(bx, by));
            Raster diff = new Raster(bx * cell, by * cell, PanelRenderer.BACKGROUND);
            for (int i = 0; i < bx; i++) {
                for (int j = 0; j < by; j++) {
                    int argb = DivergingScale.argb(d[i * by + j], scale);
                    for (int py = 0; py < cell; py++) {
                        int row = ((by - 1 - j) * cell + py) * diff.width + i * cell;
                        java.util.Arrays.fill(diff.argb, row, row + cell, argb);
                    }
                }
            }
            return new RenderedScene.Marginals(slot, sf.label(), edges, emp, exact, diff, scale);
        }
    }
}
