package org.scorescope.ui.labs.discrete;

import javafx.scene.image.ImageView;
import javafx.scene.layout.Region;
import org.scorescope.ui.lab.FxImages;
import org.scorescope.ui.service.Lane;
import org.scorescope.ui.service.UiThread;

/**
 * A picture drawn off the FX thread: {@link #redraw} hands the painter to the drawing lane (only the
 * newest request per picture is drawn), and the finished pixels are swapped in on the FX thread.
 */
final class LanePicture extends Region {
    /** Draws w × h premultiplied ARGB pixels at a pixel density (runs on the lane). */
    @FunctionalInterface
    interface Painter {
        int[] paint(int width, int height, double scale);
    }

    private final Lane lane;
    private final UiThread ui;
    private final String key;
    private final ImageView view = new ImageView();
    private Painter painter;
    private volatile long drawn;
    private long requested;

    LanePicture(Lane lane, UiThread ui, String key) {
        this.lane = lane;
        this.ui = ui;
        this.key = key;
        getChildren().add(view);
        setMinSize(120, 120);
        widthProperty().addListener((o, a, b) -> redraw());
        heightProperty().addListener((o, a, b) -> redraw());
    }

    /** Sets what to draw and draws it. */
    void show(Painter p) {
        painter = p;
        redraw();
    }

    /** How many pictures have been swapped in (tests wait on it). */
    long drawn() {
        return drawn;
    }

    /** The picture shown (FX thread). */
    javafx.scene.image.Image image() {
        return view.getImage();
    }

    /** Requests drawn so far (FX thread). */
    long requested() {
        return requested;
    }

    private void redraw() {
        Painter p = painter;
        if (p == null || getWidth() < 2 || getHeight() < 2) {
            return;
        }
        double scale = getScene() == null || getScene().getWindow() == null ? 1 : getScene().getWindow().getOutputScaleX();
        int w = (int) Math.round(getWidth() * scale);
        int h = (int) Math.round(getHeight() * scale);
        double fw = getWidth();
        double fh = getHeight();
        requested++;
        lane.latest(key, () -> {
            int[] px = p.paint(w, h, scale);
            ui.run(() -> {
                view.setImage(FxImages.of(px, w, h));
                view.setFitWidth(fw);
                view.setFitHeight(fh);
                drawn++;
            });
        });
    }
}
