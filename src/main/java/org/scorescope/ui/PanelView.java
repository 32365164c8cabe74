package org.scorescope.ui;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.scorescope.render.Raster;

/**
 * One sampler's panel: an image backed by a {@link PixelBuffer} (rasters from the render worker
 * are copied into it in one call) with the caption on top.
 */
final class PanelView extends StackPane {
    private final ImageView image = new ImageView();
    private final Label caption = new Label();
    private PixelBuffer<IntBuffer> buffer;
    private final int index;
    private double captionWidth = -1;

    PanelView(int index) {
        this.index = index;
        getStyleClass().add("panel");
        caption.getStyleClass().add("caption");
        caption.setId("caption-" + index);
        caption.setMaxWidth(Double.MAX_VALUE);
        caption.setWrapText(true);
        // Unmanaged: a new caption text must not re-lay out the grid of panels on every frame.
        caption.setManaged(false);
        StackPane.setAlignment(caption, Pos.TOP_LEFT);
        image.setPreserveRatio(false);
        image.setSmooth(true);
        setMinSize(120, 100);
        getChildren().addAll(image, caption);
        setId("panel-" + index);
    }

    int index() {
        return index;
    }

    /** The panel's size in device pixels at the given output scale. */
    int pixelWidth(double scale) {
        return Math.max(16, (int) Math.round(getWidth() * scale));
    }

    int pixelHeight(double scale) {
        return Math.max(16, (int) Math.round(getHeight() * scale));
    }

    /** Copies a raster to the screen: one bulk copy into the pixel buffer. */
    void show(Raster r, String text) {
        if (buffer == null || buffer.getWidth() != r.width || buffer.getHeight() != r.height) {
            IntBuffer ib = ByteBuffer.allocateDirect(r.width * r.height * 4).order(ByteOrder.nativeOrder()).asIntBuffer();
            buffer = new PixelBuffer<>(r.width, r.height, ib, PixelFormat.getIntArgbPreInstance());
            image.setImage(new WritableImage(buffer));
        }
        buffer.updateBuffer(b -> {
            IntBuffer dst = b.getBuffer();
            dst.clear();
            dst.put(r.argb);
            dst.flip();
            return null;
        });
        image.setFitWidth(getWidth());
        image.setFitHeight(getHeight());
        if (!text.equals(caption.getText())) {
            int length = caption.getText() == null ? -1 : caption.getText().length();
            caption.setText(text);
            double w = getWidth();
            // Measuring wrapped text is the costly part of a caption change: only when it may wrap differently.
            if (text.length() != length || w != captionWidth) {
                captionWidth = w;
                caption.resize(w, caption.prefHeight(w));
            }
        }
    }

    /** The caption text shown now. */
    String captionText() {
        return caption.getText();
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        image.setFitWidth(getWidth());
        image.setFitHeight(getHeight());
        double w = getWidth();
        caption.resizeRelocate(0, 0, w, caption.prefHeight(w));
    }

    /** A region the panel grows into. */
    static void grow(Region r) {
        r.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
    }
}
