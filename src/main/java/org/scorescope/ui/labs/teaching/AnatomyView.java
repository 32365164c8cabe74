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
        double scale = Math.min(w, h - 40) / (box[1] - box[0]);
        double ox = (w - scale * (box[1] - box[0])) / 2;
        Color colour = Color.web(SamplerPalette.web(slot));
        g.setFont(Font.font(14));
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(Color.web("#1A1A1F"));
        AnatomyPicture.Arrow current = picture.arrows().get(shown - 1);
        g.fillText(picture.sampler() + "   step t = " + picture.t() + "   sub-step " + shown + " / " + labels.length + ": " + current.words()
                + "  (N: next, P: previous)", 8, 6);
        for (int i = 0; i < labels.length; i++) {
            AnatomyPicture.Arrow a = picture.arrows().get(i);
            double x0 = ox + scale * (a.from()[0] - box[0]);
            double y0 = 40 + scale * (box[3] - a.from()[1]);
            double x1 = ox + scale * (a.to()[0] - box[0]);
            double y1 = 40 + scale * (box[3] - a.to()[1]);
            boolean done = i < shown;
            Color c = !done ? Color.gray(0.85) : a.carry() ? Color.web("#555560") : colour;
            arrow(g, x0, y0, x1, y1, c, i == shown - 1 ? 3.5 : 2);
            if (done) {
                g.setFill(c);
                g.fillOval(x0 - 3, y0 - 3, 6, 6);
                // beside the arrow's middle, on its left (seen along the arrow), clear of the line
                double len = Math.max(1e-9, Math.hypot(x1 - x0, y1 - y0));
                double nx = (y1 - y0) / len;
                double ny = -(x1 - x0) / len;
                double lw = labels[i].getWidth();
                double lh = labels[i].getHeight();
                double reach = 8 + 0.5 * Math.abs(nx) * lw + 0.5 * Math.abs(ny) * lh;
                double lx = (x0 + x1) / 2 + nx * reach - lw / 2;
                double ly = (y0 + y1) / 2 + ny * reach - lh / 2;
                g.setFill(Color.color(1, 1, 1, 0.8));
                g.fillRect(lx - 2, ly - 1, labels[i].getWidth() + 4, labels[i].getHeight() + 2);
                g.drawImage(labels[i], lx, ly);
            }
        }
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
