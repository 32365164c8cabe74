package org.scorescope.ui.labs.teaching;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.scorescope.render.SamplerPalette;
import org.scorescope.ui.lab.FxImages;

/**
 * The anatomy panel: the step's arrows on a canvas, the ones up to the current sub-step drawn in the
 * sampler's colour with their labels, the rest faint. It only draws (the picture is computed off the
 * FX thread); the images of the labels are made once per picture.
 */
final class AnatomyView extends Canvas {
    /** The header's height: the arrows are drawn below it. */
    private static final double TOP = 48;
    private AnatomyPicture picture;
    private Image[] labels = new Image[0];
    private int shown;
    private int slot;

    AnatomyView(double width, double height) {
        super(width, height);
        setId("anatomy-canvas");
    }

    /** Shows a picture from its first sub-step (FX thread). */
    void show(AnatomyPicture p, int slot) {
        this.picture = p;
        this.slot = slot;
        labels = new Image[p.arrows().size()];
        for (int i = 0; i < labels.length; i++) {
            AnatomyPicture.Pixels px = p.arrows().get(i).label();
            labels[i] = FxImages.of(px.argb(), px.width(), px.height());
        }
        shown = p.arrows().size();
        draw();
    }

    /** Arrows drawn in full (the sub-steps done). */
    int shown() {
        return shown;
    }

    /** Number of arrows. */
    int arrows() {
        return picture == null ? 0 : picture.arrows().size();
    }

    /** Moves the current sub-step by delta (wrapping through 1..arrows). */
    void step(int delta) {
        if (picture == null || labels.length == 0) {
            return;
        }
        shown = Math.floorMod(shown - 1 + delta, labels.length) + 1;
        draw();
    }

    private void draw() {
        GraphicsContext g = getGraphicsContext2D();
        double w = getWidth();
        double h = getHeight();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        if (picture == null) {
            return;
        }
        double[] box = picture.box();
        double scale = Math.min(w, h - TOP) / (box[1] - box[0]);
        double ox = (w - scale * (box[1] - box[0])) / 2;
        Color colour = Color.web(SamplerPalette.web(slot));
        g.setFont(Font.font(14));
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(Color.web("#1A1A1F"));
        AnatomyPicture.Arrow current = picture.arrows().get(shown - 1);
        // two lines: the sub-step's words can be long ("acceleration: the change of the score across the step")
        g.fillText(picture.sampler() + "   step t = " + picture.t() + "   sub-step " + shown + " / " + labels.length + "   (N: next, P: previous)",
                8, 6);
        g.fillText(current.words(), 8, 24);
        double[][] seg = new double[labels.length][];
        for (int i = 0; i < labels.length; i++) {
            AnatomyPicture.Arrow a = picture.arrows().get(i);
            seg[i] = new double[] {ox + scale * (a.from()[0] - box[0]), TOP + scale * (box[3] - a.from()[1]),
                    ox + scale * (a.to()[0] - box[0]), TOP + scale * (box[3] - a.to()[1])};
            boolean done = i < shown;
            Color c = !done ? Color.gray(0.85) : a.carry() ? Color.web("#555560") : colour;
            arrow(g, seg[i][0], seg[i][1], seg[i][2], seg[i][3], c, i == shown - 1 ? 3.5 : 2);
            if (done) {
                g.setFill(c);
                g.fillOval(seg[i][0] - 3, seg[i][1] - 3, 6, 6);
            }
        }
        // labels: the current sub-step's first, then the others from the newest back; each beside its
        // arrow where it covers no other label and crosses no drawn arrow (else it is left out: N / P
        // show it as the current one). An arrow a later one retraces (PIADM's earlier Picard rounds) keeps no label.
        java.util.List<double[]> placed = new java.util.ArrayList<>();
        for (int k = 0; k < shown; k++) {
            int i = k == 0 ? shown - 1 : shown - 1 - k;
            if (k > 0 && retraced(seg, i, shown)) {
                continue;
            }
            double[] at = place(seg, shown, i, labels[i].getWidth(), labels[i].getHeight(), placed, w, h, k == 0);
            if (at == null) {
                continue;
            }
            placed.add(new double[] {at[0] - 2, at[1] - 1, at[0] + labels[i].getWidth() + 2, at[1] + labels[i].getHeight() + 1});
            g.setFill(Color.color(1, 1, 1, 0.85));
            g.fillRect(at[0] - 2, at[1] - 1, labels[i].getWidth() + 4, labels[i].getHeight() + 2);
            g.drawImage(labels[i], at[0], at[1]);
        }
    }

    /**
     * Where label i goes (its top-left corner): beside its arrow, on either side, at its middle or
     * towards its ends, further out when nearer is taken; null when every place collides (the current
     * arrow's label then takes its least crowded place).
     */
    static double[] place(double[][] seg, int drawn, int i, double lw, double lh, java.util.List<double[]> placed, double w, double h,
            boolean mustShow) {
        double x0 = seg[i][0];
        double y0 = seg[i][1];
        double x1 = seg[i][2];
        double y1 = seg[i][3];
        double len = Math.hypot(x1 - x0, y1 - y0);
        java.util.List<double[]> candidates = new java.util.ArrayList<>();
        if (len < 4) {
            for (int d = 0; d < 8; d++) {
                double ang = Math.PI / 4 * d + Math.PI;
                double ux = Math.cos(ang);
                double uy = Math.sin(ang);
                double reach = 10 + 0.5 * Math.abs(ux) * lw + 0.5 * Math.abs(uy) * lh;
                candidates.add(new double[] {x0 + ux * reach - lw / 2, y0 + uy * reach - lh / 2});
            }
        } else {
            double nx = (y1 - y0) / len;
            double ny = -(x1 - x0) / len;
            for (double far : new double[] {1, 1.7, 2.5}) {
                for (double t : new double[] {0.5, 0.3, 0.7, 0.15, 0.85}) {
                    for (int side : new int[] {1, -1}) {
                        double reach = far * (10 + 0.5 * Math.abs(nx) * lw + 0.5 * Math.abs(ny) * lh);
                        candidates.add(new double[] {x0 + t * (x1 - x0) + side * nx * reach - lw / 2,
                                y0 + t * (y1 - y0) + side * ny * reach - lh / 2});
                    }
                }
            }
        }
        double[] best = null;
        int bestHits = Integer.MAX_VALUE;
        for (double[] c : candidates) {
            double[] r = {c[0] - 2, c[1] - 1, c[0] + lw + 2, c[1] + lh + 1};
            if (r[0] < 0 || r[1] < TOP - 4 || r[2] > w || r[3] > h) {
                continue;
            }
            int hits = 0;
            for (double[] q : placed) {
                if (r[0] < q[2] && q[0] < r[2] && r[1] < q[3] && q[1] < r[3]) {
                    hits += 2;
                }
            }
            double[] clear = {r[0] - 4, r[1] - 4, r[2] + 4, r[3] + 4}; // the lines are up to 3.5 px wide, heads wider
            for (int j = 0; j < drawn; j++) {
                if (crosses(clear, seg[j])) {
                    hits++;
                }
            }
            if (hits == 0) {
                return c;
            }
            if (hits < bestHits) {
                bestHits = hits;
                best = c;
            }
        }
        return mustShow ? best : null;
    }

    /** Whether a later drawn arrow runs where arrow i runs (within 4 px at both ends: a later Picard round). */
    static boolean retraced(double[][] seg, int i, int drawn) {
        for (int j = i + 1; j < drawn; j++) {
            if (Math.hypot(seg[i][0] - seg[j][0], seg[i][1] - seg[j][1]) < 4 && Math.hypot(seg[i][2] - seg[j][2], seg[i][3] - seg[j][3]) < 4) {
                return true;
            }
        }
        return false;
    }

    /** Whether the segment (x0, y0, x1, y1) meets the rectangle (left, top, right, bottom). */
    static boolean crosses(double[] r, double[] s) {
        // Liang–Barsky clipping
        double t0 = 0;
        double t1 = 1;
        double dx = s[2] - s[0];
        double dy = s[3] - s[1];
        double[] p = {-dx, dx, -dy, dy};
        double[] q = {s[0] - r[0], r[2] - s[0], s[1] - r[1], r[3] - s[1]};
        for (int k = 0; k < 4; k++) {
            if (p[k] == 0) {
                if (q[k] < 0) {
                    return false;
                }
            } else {
                double t = q[k] / p[k];
                if (p[k] < 0) {
                    t0 = Math.max(t0, t);
                } else {
                    t1 = Math.min(t1, t);
                }
                if (t0 > t1) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void arrow(GraphicsContext g, double x0, double y0, double x1, double y1, Color c, double width) {
        g.setStroke(c);
        g.setFill(c);
        g.setLineWidth(width);
        g.strokeLine(x0, y0, x1, y1);
        double len = Math.hypot(x1 - x0, y1 - y0);
        if (len < 1e-9) {
            return;
        }
        double ux = (x1 - x0) / len;
        double uy = (y1 - y0) / len;
        double head = Math.min(14, len / 2);
        g.fillPolygon(new double[] {x1, x1 - head * ux + head * 0.45 * uy, x1 - head * ux - head * 0.45 * uy},
                new double[] {y1, y1 - head * uy - head * 0.45 * ux, y1 - head * uy + head * 0.45 * ux}, 3);
    }
}
