package org.scorescope.ui.present;

import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.RadialGradient;
import javafx.scene.paint.Stop;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.scorescope.render.Viewport;
import org.scorescope.ui.model.SessionModel;

/**
 * What the presenter puts on one panel, over its picture (issue 18): the freehand strokes drawn on
 * it, the stroke being drawn, the pointer's spot and the ring around the picked particle. Drawn on
 * the FX thread from a handful of points (no particle is touched here); the panel's picture is not
 * redrawn. Mouse-transparent: the panel under it takes the mouse.
 */
public final class PanelOverlay extends Canvas {
    /** The pen's colour. */
    public static final Color PEN = Color.web("#FF3B6B");
    private static final Color HALO = Color.color(0, 0, 0, 0.55);
    private State drawn = State.EMPTY;

    /**
     * Everything one overlay shows.
     *
     * @param view the panel's viewport (world → device pixels), or null before the first layout
     * @param scale device pixels per node pixel
     * @param strokes the finished strokes of this panel
     * @param live the stroke being drawn (world x, y, …), or null
     * @param pointer the pointer's spot in node coordinates {x, y}, or null
     * @param ring the picked particle in world coordinates {x, y}, or null
     * @param ringLabel what the ring says ("particle 17")
     * @param ringColor the ring's colour (the sampler's)
     * @param large presentation mode (thicker lines, larger type)
     */
    public record State(Viewport view, double scale, List<SessionModel.Stroke> strokes, double[] live, double[] pointer,
            double[] ring, String ringLabel, Color ringColor, boolean large) {
        /** Nothing to draw. */
        public static final State EMPTY = new State(null, 1, List.of(), null, null, null, "", Color.WHITE, false);
    }

    public PanelOverlay() {
        setMouseTransparent(true);
        getStyleClass().add("presenter-overlay");
    }

    /** The state drawn last (tests). */
    public State drawn() {
        return drawn;
    }

    /** Whether anything is drawn on it now. */
    public boolean showsSomething() {
        State s = drawn;
        return s.view() != null && (!s.strokes().isEmpty() || s.live() != null || s.pointer() != null || s.ring() != null);
    }

    /** Resizes to the panel (node pixels) and draws the state again. */
    public void fit(double width, double height) {
        if (getWidth() != width || getHeight() != height) {
            setWidth(width);
            setHeight(height);
            draw(drawn);
        }
    }

    /** Draws a state (FX thread). */
    public void draw(State s) {
        drawn = s;
        GraphicsContext g = getGraphicsContext2D();
        g.clearRect(0, 0, getWidth(), getHeight());
        if (s.view() == null) {
            return;
        }
        double width = s.large() ? 5 : 3.5;
        for (SessionModel.Stroke st : s.strokes()) {
            polyline(g, s, st.points(), width);
        }
        if (s.live() != null) {
            polyline(g, s, s.live(), width);
        }
        if (s.ring() != null) {
            ring(g, s);
        }
        if (s.pointer() != null) {
            spot(g, s.pointer()[0], s.pointer()[1], s.large() ? 30 : 22);
        }
    }

    private double nx(State s, double wx) {
        return s.view().px(wx) / s.scale();
    }

    private double ny(State s, double wy) {
        return s.view().py(wy) / s.scale();
    }

    private void polyline(GraphicsContext g, State s, double[] pts, double width) {
        int n = pts.length / 2;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = nx(s, pts[2 * i]);
            y[i] = ny(s, pts[2 * i + 1]);
        }
        g.setLineCap(StrokeLineCap.ROUND);
        g.setLineJoin(StrokeLineJoin.ROUND);
        if (n == 1) {
            g.setFill(HALO);
            g.fillOval(x[0] - width, y[0] - width, 2 * width, 2 * width);
            g.setFill(PEN);
            g.fillOval(x[0] - width / 2, y[0] - width / 2, width, width);
            return;
        }
        // a dark halo first: the pen stays readable on the bright heat map and on the dark ground
        g.setStroke(HALO);
        g.setLineWidth(width + 3);
        g.strokePolyline(x, y, n);
        g.setStroke(PEN);
        g.setLineWidth(width);
        g.strokePolyline(x, y, n);
    }

    private void ring(GraphicsContext g, State s) {
        double x = nx(s, s.ring()[0]);
        double y = ny(s, s.ring()[1]);
        double r = s.large() ? 14 : 11;
        g.setStroke(Color.color(0, 0, 0, 0.6));
        g.setLineWidth(5);
        g.strokeOval(x - r, y - r, 2 * r, 2 * r);
        g.setStroke(Color.WHITE);
        g.setLineWidth(3);
        g.strokeOval(x - r, y - r, 2 * r, 2 * r);
        g.setStroke(s.ringColor());
        g.setLineWidth(1.6);
        g.strokeOval(x - r, y - r, 2 * r, 2 * r);
        if (!s.ringLabel().isEmpty()) {
            double size = s.large() ? 17 : 12;
            g.setFont(Font.font(null, FontWeight.BOLD, size));
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.CENTER);
            double tx = x + r + 6;
            double w = size * 0.62 * s.ringLabel().length() + 8;
            if (tx + w > getWidth()) {
                tx = x - r - 6 - w;
            }
            g.setFill(Color.color(0, 0, 0, 0.6));
            g.fillRoundRect(tx - 4, y - size * 0.75, w, size * 1.5, 6, 6);
            g.setFill(Color.WHITE);
            g.fillText(s.ringLabel(), tx, y);
        }
    }

    private static void spot(GraphicsContext g, double x, double y, double r) {
        g.setFill(new RadialGradient(0, 0, x, y, r, false, CycleMethod.NO_CYCLE, new Stop(0, Color.color(1, 0.15, 0.2, 0.75)),
                new Stop(0.35, Color.color(1, 0.2, 0.25, 0.45)), new Stop(1, Color.color(1, 0.2, 0.25, 0))));
        g.fillOval(x - r, y - r, 2 * r, 2 * r);
        g.setFill(Color.color(1, 0.9, 0.9, 0.95));
        g.fillOval(x - 2.5, y - 2.5, 5, 5);
    }
}
