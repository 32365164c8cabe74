package org.scorescope.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.scene.Cursor;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import org.scorescope.engine.Frame;
import org.scorescope.render.SamplerPalette;
import org.scorescope.render.Viewport;
import org.scorescope.ui.lab.RunView;
import org.scorescope.ui.model.SessionModel;
import org.scorescope.ui.present.PanelOverlay;
import org.scorescope.ui.present.ParticlePicker;
import org.scorescope.ui.service.Lane;
import org.scorescope.ui.service.UiThread;

/**
 * The presenter's hand on the panels (issue 18): the pen (drag draws a stroke instead of panning),
 * the pointer's spot, Shift+click (or a click in pick mode) picking the nearest particle for its
 * anatomy, the ring around the picked particle, freeze and compare. The state lives in the
 * {@link SessionModel}; this class turns mouse events into it and draws it on each panel's
 * {@link PanelOverlay}. The one scan over particles is the pick, once per click, over the immutable
 * frame on screen ({@link ParticlePicker}), on the pick lane when the window gives one.
 */
final class PanelPresenter {
    /** A click picks the nearest particle within this many pixels. */
    static final double PICK_RADIUS = 10;
    private final SessionModel model;
    private final Supplier<RunView> run;
    private final PanelGrid grid;
    private List<Double> live;
    private PanelView livePanel;
    private PanelView pointerPanel;
    private double[] pointerAt;
    private Lane lane;
    private int picks;

    PanelPresenter(SessionModel model, Supplier<RunView> run, PanelGrid grid) {
        this.model = model;
        this.run = run;
        this.grid = grid;
        model.step.addListener((o, a, b) -> {
            if (!model.keepAnnotations.get() && !model.strokes.isEmpty()) {
                model.strokes.clear();
            }
            redrawAll();
        });
        model.scenarioProperty().addListener((o, a, b) -> {
            model.strokes.clear();
            SessionModel.Pick pick = model.pick.get();
            if (pick != null && pick.slot() >= b.samplers().size()) {
                model.pick.set(null);
            }
        });
        model.strokes.addListener((javafx.collections.ListChangeListener<SessionModel.Stroke>) c -> redrawAll());
        model.pick.addListener((o, a, b) -> redrawAll());
        model.viewBox.addListener((o, a, b) -> redrawAll());
        model.presentation.addListener((o, a, b) -> redrawAll());
        model.frozen.addListener((o, a, on) -> {
            boolean any = false;
            for (PanelView p : grid.panels()) {
                any |= p.freeze(on);
            }
            if (on && !any) {
                model.frozen.set(false);
            }
        });
        for (var mode : List.of(model.pen, model.pointer, model.pickMode)) {
            mode.addListener((o, a, b) -> {
                grid.panels().forEach(this::cursor);
                if (!model.pointer.get()) {
                    pointerAt = null;
                }
                redrawAll();
            });
        }
    }

    /** Sets up a new panel (cursor, redraw after each picture). */
    void adopt(PanelView p) {
        cursor(p);
        p.onShown(() -> {
            if (model.pick.get() != null && model.pick.get().slot() == p.index()) {
                redraw(p);
            }
        });
    }

    private void cursor(PanelView p) {
        p.setCursor(model.pointer.get() ? Cursor.NONE : model.pen.get() ? Cursor.CROSSHAIR : model.pickMode.get() ? Cursor.HAND : null);
    }

    /** A press: starts a stroke in pen mode (true: the press is the pen's). */
    boolean press(PanelView p, MouseEvent e) {
        if (!model.pen.get() || e.getButton() != MouseButton.PRIMARY) {
            return false;
        }
        double[] w = world(p, e);
        if (w == null) {
            return false;
        }
        live = new ArrayList<>(List.of(w[0], w[1]));
        livePanel = p;
        redraw(p);
        return true;
    }

    /** A drag: extends the stroke in pen mode (true: no panning). */
    boolean drag(PanelView p, MouseEvent e) {
        pointer(p, e);
        if (live == null || livePanel != p) {
            return model.pen.get();
        }
        double[] w = world(p, e);
        if (w != null) {
            live.add(w[0]);
            live.add(w[1]);
            redraw(p);
        }
        return true;
    }

    /** A release: the stroke becomes an immutable record of the session. */
    void release(PanelView p, MouseEvent e) {
        if (live == null || livePanel != p) {
            return;
        }
        double[] pts = live.stream().mapToDouble(Double::doubleValue).toArray();
        live = null;
        livePanel = null;
        model.strokes.add(new SessionModel.Stroke(p.index(), model.step.get(), pts));
    }

    /** A click without a drag: Shift+click, or any click in pick mode, picks the nearest particle. */
    void click(PanelView p, MouseEvent e) {
        if (e.getButton() == MouseButton.PRIMARY && e.isStillSincePress() && !model.pen.get()
                && (e.isShiftDown() || model.pickMode.get())) {
            pick(p, e.getX(), e.getY());
        }
    }

    /**
     * Where the pick's scan runs: a lane of the window's executor (then the FX thread only reads the
     * click and the result), or null to scan on the FX thread (one pass, about 1.3 ms at 1M warm,
     * but tens of ms at the first click while the JIT warms up; see the issue-18 presenter note).
     * The window sets it with {@code grid.presenter().useLane(executor.lane("pick"))}.
     */
    void useLane(Lane lane) {
        this.lane = lane;
    }

    /**
     * Picks the particle of panel p nearest to (x, y) (node coordinates) among those stored in every
     * frame of the run (so the ring can follow it through the steps), on the pick lane when there is
     * one; the status says what was picked.
     */
    void pick(PanelView p, double x, double y) {
        RunView r = run.get();
        double scale = grid.outputScale();
        Viewport v = grid.viewport(p, scale);
        if (r == null || v == null) {
            return;
        }
        if (r.oneDimensional()) {
            model.status.set("Picking a particle works in the plane view (a 2D target); this target is 1D.");
            return;
        }
        Frame f = r.frameAt(model.step.get());
        int slot = p.index();
        if (f == null || slot >= f.samplers().size()) {
            return;
        }
        Frame.SamplerFrame sf = f.samplers().get(slot);
        int everywhere = r.recorder().stored() > 0 ? Math.min(sf.stored(), r.recorder().stored()) : sf.stored();
        double upx = (v.x1() - v.x0()) / v.width() * scale;
        double upy = (v.y1() - v.y0()) / v.height() * scale;
        double wx = v.wx(x * scale);
        double wy = v.wy(y * scale);
        long runId = r.runId();
        int request = ++picks;
        Runnable scan = () -> {
            int i = ParticlePicker.nearest(sf.positions()[0], sf.positions()[1], everywhere, wx, wy, upx, upy, PICK_RADIUS);
            UiThread.fx().run(() -> picked(request, runId, slot, i, sf.label()));
        };
        if (lane == null) {
            scan.run();
        } else {
            lane.latest("pick", scan);
        }
    }

    private void picked(int request, long runId, int slot, int i, String label) {
        RunView now = run.get();
        if (request != picks || now == null || now.runId() != runId) {
            return;
        }
        if (i < 0) {
            model.status.set("No particle within " + (int) PICK_RADIUS + " pixels of the click.");
            return;
        }
        model.pick.set(new SessionModel.Pick(slot, i));
        model.status.set("Picked particle " + i + " of " + label + " — its anatomy follows the step.");
    }

    /** The mouse moved over p: the pointer's spot follows. */
    void pointer(PanelView p, MouseEvent e) {
        if (!model.pointer.get()) {
            return;
        }
        PanelView before = pointerPanel;
        pointerPanel = p;
        pointerAt = new double[] {e.getX(), e.getY()};
        if (before != null && before != p) {
            redraw(before);
        }
        redraw(p);
    }

    /** The mouse left p. */
    void exit(PanelView p) {
        if (pointerPanel == p) {
            pointerPanel = null;
            pointerAt = null;
            redraw(p);
        }
    }

    private double[] world(PanelView p, MouseEvent e) {
        double scale = grid.outputScale();
        Viewport v = grid.viewport(p, scale);
        return v == null ? null : new double[] {v.wx(e.getX() * scale), v.wy(e.getY() * scale)};
    }

    void redrawAll() {
        grid.panels().forEach(this::redraw);
    }

    /** Draws p's overlay from the session (FX thread; a few points, no particles scanned). */
    void redraw(PanelView p) {
        double scale = grid.outputScale();
        Viewport v = grid.viewport(p, scale);
        List<SessionModel.Stroke> mine = model.strokes.stream().filter(s -> s.slot() == p.index()).toList();
        double[] liveNow = livePanel == p && live != null ? live.stream().mapToDouble(Double::doubleValue).toArray() : null;
        double[] ring = null;
        String label = "";
        SessionModel.Pick pick = model.pick.get();
        RunView r = run.get();
        if (pick != null && pick.slot() == p.index() && r != null && !r.oneDimensional()) {
            Frame f = r.frameAt(model.step.get());
            if (f != null && pick.slot() < f.samplers().size() && pick.particle() < f.samplers().get(pick.slot()).stored()) {
                float[][] pos = f.samplers().get(pick.slot()).positions();
                ring = new double[] {pos[0][pick.particle()], pos[1][pick.particle()]};
                label = "particle " + pick.particle();
            }
        }
        double[] spot = pointerPanel == p ? pointerAt : null;
        if (v == null || mine.isEmpty() && liveNow == null && ring == null && spot == null) {
            if (p.overlay().showsSomething()) {
                p.overlay().draw(PanelOverlay.State.EMPTY);
            }
            return;
        }
        p.overlay().draw(new PanelOverlay.State(v, scale, mine, liveNow, spot, ring, label, Color.web(SamplerPalette.web(p.index())),
                model.presentation.get()));
    }
}
