package org.scorescope.ui.labs.guidance;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.scorescope.distribution.ClassMixture;
import org.scorescope.distribution.Target;
import org.scorescope.engine.Frame;
import org.scorescope.render.ColorMap;
import org.scorescope.render.DensityGrid;
import org.scorescope.render.PanelRenderer;
import org.scorescope.render.PanelStyle;
import org.scorescope.render.ParticleLayer;
import org.scorescope.render.Raster;
import org.scorescope.render.ScoreField;
import org.scorescope.render.Viewport;
import org.scorescope.ui.lab.LabLayer;
import org.scorescope.ui.lab.PanelCanvas;

/**
 * The guidance lab's layers on the window's panels (plane view of a 2D target with classes; they are
 * not listed for a target without classes or a 1D one, whose space–time view has no plane to draw on): three heat maps (p(x), p(x | c)
 * and the tilted p(x)p(c | x)^{1+w}, at the displayed step's level), the decision boundary
 * p(c | x) = ½, particles coloured by the exact classifier's argmax, and the guidance field
 * ∇log p(c | x). All drawn on the render lane; the grids of one step are computed once for all panels.
 */
final class GuidanceLayers {
    /** Layer ids. */
    static final String HEAT_PREFIX = "guidance-heat-";
    static final String BOUNDARY = "guidance-boundary";
    static final String CLASSES = "guidance-classes";
    static final String FIELD = "guidance-field";
    /** Particles drawn per panel by the class layer (a uniform subset: particles are exchangeable). */
    static final int MOST_PARTICLES = 200_000;
    /** Trails drawn per panel (the window's number). */
    private static final int TRACKED = 16;

    private final AtomicReference<Cached> cache = new AtomicReference<>();
    /** The raster a heat map was last painted into, and which law (so the class layer can repaint it without the white cloud). */
    private final AtomicReference<Object[]> lastHeat = new AtomicReference<>();

    /** One step's grids, shared by the panels of one redraw. */
    private record Cached(Object key, java.util.Map<Object, Object> values) {
    }

    /** The layers, in drawing order (heat maps first: they repaint the panel; the class layer redraws what is beneath the cloud, so the boundary and arrows come after it). */
    List<LabLayer> all() {
        List<LabLayer> out = new ArrayList<>();
        for (GuidancePictures.Law law : GuidancePictures.Law.values()) {
            out.add(layer(HEAT_PREFIX + law.name().toLowerCase(), "Heat map " + law.formula, (char) 0, false, c -> heat(c, law)));
        }
        out.add(layer(CLASSES, "Particles by class (argmax p(c | x))", 'K', true, this::classes));
        out.add(layer(BOUNDARY, "Decision boundary p(c | x) = ½", 'B', true, this::boundary));
        out.add(layer(FIELD, "Guidance field ∇log p(c | x)", 'G', false, this::field));
        return List.copyOf(out);
    }

    private static LabLayer layer(String id, String label, char key, boolean on, java.util.function.Consumer<PanelCanvas> paint) {
        return new LabLayer() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String label() {
                return label;
            }

            @Override
            public char key() {
                return key;
            }

            @Override
            public boolean initiallyOn() {
                return on;
            }

            @Override
            public boolean appliesTo(org.scorescope.scenario.Scenario scenario) {
                GuidedRun g = GuidedRun.of(scenario);
                return g != null && g.classes().dim() == 2;
            }

            @Override
            public void paint(PanelCanvas canvas) {
                GuidedRun g = GuidedRun.of(canvas.run());
                if (g != null && !canvas.run().oneDimensional()) {
                    paint.accept(canvas);
                }
            }
        };
    }

    /** A grid of the displayed step, computed by the first panel that needs it. */
    @SuppressWarnings("unchecked")
    private <T> T shared(PanelCanvas canvas, Object what, java.util.function.Supplier<T> compute) {
        Object key = List.of(canvas.run().runId(), canvas.step(), canvas.viewport());
        Cached c = cache.get();
        if (c == null || !c.key().equals(key)) {
            c = new Cached(key, new java.util.concurrent.ConcurrentHashMap<>());
            cache.set(c);
        }
        return (T) c.values().computeIfAbsent(what, k -> compute.get());
    }

    private static ClassMixture classesOf(PanelCanvas c) {
        return GuidedRun.of(c.run()).classes();
    }

    private void heat(PanelCanvas c, GuidancePictures.Law law) {
        paintHeat(c, law, c.style().particles());
        lastHeat.set(new Object[] {c.raster(), law});
    }

    private void paintHeat(PanelCanvas c, GuidancePictures.Law law, boolean particles) {
        GuidedRun g = GuidedRun.of(c.run());
        Viewport v = c.viewport();
        DensityGrid grid = shared(c, law, () -> GuidancePictures.law(law, g.classes(), g.classId(), g.w(), c.abar(), v));
        Raster r = c.raster();
        java.util.Arrays.fill(r.argb, PanelRenderer.BACKGROUND);
        grid.paint(r, ColorMap.VIRIDIS, 0.72);
        if (c.style().contours()) {
            float[] seg = grid.contours(new double[] {0.05, 0.2, 0.45, 0.7, 0.9}, r.width, r.height);
            for (int i = 0; i < seg.length; i += 4) {
                r.line(seg[i], seg[i + 1], seg[i + 2], seg[i + 3], 0xFFE8E8E8, 0.55, 1);
            }
        }
        if (particles) {
            Frame.SamplerFrame sf = c.frame().samplers().get(c.slot());
            ParticleLayer.draw(sf.positions()[0], sf.positions()[1], sf.stored(), v, r, 0xFFFFFFFF, 0.9);
        }
    }

    private void boundary(PanelCanvas c) {
        GuidedRun g = GuidedRun.of(c.run());
        Viewport v = c.viewport();
        DensityGrid post = shared(c, "posterior",
                () -> GuidancePictures.posterior(g.classes(), g.classId(), c.abar(), v));
        GuidancePictures.boundary(c.raster(), post, c.style().lineWidth());
    }

    /**
     * Particles in their class's colour. The panel beneath is first drawn again without the white
     * cloud (the built-in layers, or the heat map a layer of this lab painted), so the colours are not
     * washed out by the white dots under them.
     */
    private void classes(PanelCanvas c) {
        Frame.SamplerFrame sf = c.frame().samplers().get(c.slot());
        if (c.style().particles()) {
            Object[] heat = lastHeat.get();
            if (heat != null && heat[0] == c.raster()) {
                paintHeat(c, (GuidancePictures.Law) heat[1], false);
            } else {
                underneath(c);
            }
        }
        int n = Math.min(sf.stored(), MOST_PARTICLES);
        GuidancePictures.classParticles(c.raster(), classesOf(c), sf.positions(), n, c.abar(), c.viewport());
    }

    /** The built-in layers of the panel without the particles, copied into its raster. */
    private void underneath(PanelCanvas c) {
        PanelStyle st = c.style();
        Viewport v = c.viewport();
        Target shown = c.run().view2d();
        DensityGrid density = st.density() || st.contours() ? shared(c, "density", () -> DensityGrid.of(shown, c.abar(), v)) : null;
        ScoreField score = st.scoreField()
                ? shared(c, "score", () -> ScoreField.of(shown, c.abar(), v, Math.max(26, Math.min(v.width(), v.height()) / 18))) : null;
        PanelStyle noDots = new PanelStyle(st.density(), st.contours(), false, st.scoreField(), st.trails(), st.lineWidth());
        Raster under = PanelRenderer.plane(shown, c.frame(), st.trails() ? c.run().history(c.step()) : null, c.slot(), v, noDots,
                TRACKED, density, score);
        System.arraycopy(under.argb, 0, c.raster().argb, 0, Math.min(under.argb.length, c.raster().argb.length));
    }

    private void field(PanelCanvas c) {
        GuidedRun g = GuidedRun.of(c.run());
        Viewport v = c.viewport();
        int spacing = Math.max(26, Math.min(v.width(), v.height()) / 18);
        float[] seg = shared(c, "field",
                () -> GuidancePictures.field(g.classes(), g.classId(), c.abar(), v, spacing));
        int color = GuidancePictures.classColor(g.classIndex());
        double head = Math.max(3, 0.3 * spacing);
        for (int i = 0; i < seg.length; i += 4) {
            c.raster().arrow(seg[i], seg[i + 1], seg[i + 2], seg[i + 3], head, color, 0.85, c.style().lineWidth());
        }
    }
}
