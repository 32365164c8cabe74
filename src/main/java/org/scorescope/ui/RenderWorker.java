package org.scorescope.ui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.scorescope.engine.Frame;
import org.scorescope.metrics.ExactBinMasses;
import org.scorescope.metrics.Histogram;
import org.scorescope.metrics.TotalVariation;
import org.scorescope.render.DensityGrid;
import org.scorescope.render.PanelRenderer;
import org.scorescope.render.Raster;
import org.scorescope.render.ScoreField;
import org.scorescope.distribution.Target;

/**
 * The single thread that turns frames into pixels (ARCHITECTURE.md rule 1: no rasterisation on the
 * FX thread). Requests are coalesced — only the newest pending one is drawn — and the result is
 * handed back through one atomic reference that the FX thread polls each pulse.
 */
final class RenderWorker implements AutoCloseable {
    /** Tracked particles with trails. */
    static final int TRACKED = 16;

    private final ExecutorService exec = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "scorescope-render");
        t.setDaemon(true);
        return t;
    });
    private final AtomicReference<RenderRequest> pending = new AtomicReference<>();
    private final AtomicReference<RenderedScene> done = new AtomicReference<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Map<Long, double[]> masses = new HashMap<>();
    private final Map<String, Double> tvCache = new HashMap<>();
    private long cacheRun = -1;

    /** Asks for a drawing; replaces any request that has not started. */
    void submit(RenderRequest r) {
        pending.set(r);
        if (scheduled.compareAndSet(false, true)) {
            exec.execute(this::drain);
        }
    }

    /** The newest finished scene, or null. */
    RenderedScene poll() {
        return done.getAndSet(null);
    }

    private void drain() {
        try {
            RenderRequest r;
            while ((r = pending.getAndSet(null)) != null) {
                try {
                    RenderedScene s = render(r);
                    if (s != null) {
                        done.set(s);
                    }
                } catch (RuntimeException e) {
                    System.err.println("render: " + e);
                }
            }
        } finally {
            scheduled.set(false);
            if (pending.get() != null && scheduled.compareAndSet(false, true)) {
                exec.execute(this::drain);
            }
        }
    }

    private RenderedScene render(RenderRequest r) {
        long start = System.nanoTime();
        RunContext c = r.context();
        Frame frame = frameAt(c, r.step());
        if (frame == null) {
            return null;
        }
        if (cacheRun != c.runId()) {
            masses.clear();
            tvCache.clear();
            cacheRun = c.runId();
        }
        int steps = c.grid().steps();
        Frame[] history = new Frame[steps + 1];
        for (int s = steps; s >= r.step(); s--) {
            history[s] = c.recorder().at(s);
        }
        double abar = c.grid().abar(r.step());
        List<Raster> rasters = new ArrayList<>();
        List<String> captions = new ArrayList<>();
        double[] tv = new double[frame.samplers().size()];
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
        for (int s = 0; s < frame.samplers().size(); s++) {
            Raster raster = c.oneDimensional()
                    ? PanelRenderer.spaceTime(c.target(), c.grid().abar(), history, s, r.step(), r.xRange()[0], r.xRange()[1],
                            r.view().width(), r.view().height(), r.style(), TRACKED)
                    : PanelRenderer.plane(c.view2d(), frame, history, s, r.view(), r.style(), TRACKED, density, field);
            rasters.add(raster);
            tv[s] = tv(c, frame, s, r.step());
            Frame.SamplerFrame sf = frame.samplers().get(s);
            captions.add(String.format("%s   t = %d / %d   ᾱ = %.4g   NFE %d   TV %.3f%s", sf.label(), r.step(), steps, abar,
                    sf.nfe(), tv[s], sf.diverged() > 0 ? "   diverged " + sf.diverged() : ""));
        }
        String hover = "";
        if (!Double.isNaN(r.hoverX())) {
            hover = hoverText(c, abar, r.hoverX(), r.hoverY());
        }
        RenderedScene.Marginals marginals = marginals(c, frame, Math.max(0, Math.min(frame.samplers().size() - 1, r.focus())), r.step());
        return new RenderedScene(r, rasters, captions, tv, hover, (System.nanoTime() - start) * 1e-6, marginals);
    }

    private RenderedScene.Marginals marginals(RunContext c, Frame frame, int slot, int step) {
        Target t = c.view2d() != null ? c.view2d() : c.target();
        org.scorescope.metrics.Binning b = c.binning();
        Frame.SamplerFrame sf = frame.samplers().get(slot);
        int axes = b.dim();
        double gamma = c.grid().abar(step);
        double[][] edges = new double[axes][];
        double[][] emp = new double[axes][];
        double[][] exact = new double[axes][];
        for (int a = 0; a < axes; a++) {
            org.scorescope.metrics.Binning one = new org.scorescope.metrics.Binning(new double[] {b.lo()[a]},
                    new double[] {b.hi()[a]}, new int[] {b.bins()[a]});
            float[][] axis = {sf.positions()[a]};
            org.scorescope.metrics.Histogram h = Histogram.of(axis, sf.stored(), one);
            double[] e = one.edges(0);
            edges[a] = e;
            emp[a] = new double[b.bins()[a]];
            for (int i = 0; i < emp[a].length; i++) {
                emp[a][i] = (double) h.counts()[i] / sf.stored();
            }
            exact[a] = ExactBinMasses.compute(axes == 1 ? t : t.marginal(a), one, gamma);
        }
        Raster diff = null;
        double scale = 0;
        if (axes == 2) {
            double[] m = masses.computeIfAbsent((long) step, k -> ExactBinMasses.compute(t, b, gamma));
            org.scorescope.metrics.Histogram h = Histogram.of(sf.positions(), sf.stored(), b);
            int bx = b.bins()[0];
            int by = b.bins()[1];
            double[] d = new double[bx * by];
            for (int i = 0; i < d.length; i++) {
                d[i] = (double) h.counts()[i] / sf.stored() - m[i];
                scale = Math.max(scale, Math.abs(d[i]));
            }
            int cell = Math.max(1, 180 / Math.max(bx, by));
            diff = new Raster(bx * cell, by * cell, PanelRenderer.BACKGROUND);
            for (int i = 0; i < bx; i++) {
                for (int j = 0; j < by; j++) {
                    int argb = org.scorescope.render.ColorMap.DIVERGING.argb(0.5 + 0.5 * d[i * by + j] / Math.max(scale, 1e-300));
                    for (int px = 0; px < cell; px++) {
                        for (int py = 0; py < cell; py++) {
                            diff.argb[((by - 1 - j) * cell + py) * diff.width + i * cell + px] = argb;
                        }
                    }
                }
            }
        }
        return new RenderedScene.Marginals(sf.label(), edges, emp, exact, diff, scale);
    }

    static Frame frameAt(RunContext c, int step) {
        Frame latest = c.recorder().latest();
        if (latest != null && latest.t() == step && latest.runId() == c.runId()) {
            return latest;
        }
        Frame f = c.recorder().at(step);
        return f != null && f.runId() == c.runId() ? f : null;
    }

    private double tv(RunContext c, Frame frame, int slot, int step) {
        String key = slot + ":" + step;
        Double cached = tvCache.get(key);
        if (cached != null) {
            return cached;
        }
        double[] m = masses.computeIfAbsent((long) step, k -> ExactBinMasses.compute(c.view2d() != null ? c.view2d() : c.target(),
                c.binning(), c.grid().abar(step)));
        Frame.SamplerFrame sf = frame.samplers().get(slot);
        double v = TotalVariation.of(Histogram.of(sf.positions(), sf.stored(), c.binning()), m);
        tvCache.put(key, v);
        return v;
    }

    private static String hoverText(RunContext c, double abar, double x, double y) {
        if (c.oneDimensional()) {
            double[] p = {y};
            double[] s = new double[1];
            c.target().score(p, abar, s);
            return String.format("x = %.3f   density %.4g   score %.4g", y, c.target().density(p, abar), s[0]);
        }
        double[] p = {x, y};
        double[] s = new double[2];
        c.view2d().score(p, abar, s);
        return String.format("x = (%.3f, %.3f)   density %.4g   score (%.3g, %.3g)", x, y, c.view2d().density(p, abar), s[0], s[1]);
    }

    @Override
    public void close() {
        exec.shutdownNow();
    }
}
