package org.scorescope.ui;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Rectangle;
import javafx.scene.effect.BlendMode;
import org.scorescope.render.PanelRenderer;
import org.scorescope.render.Raster;
import org.scorescope.render.SamplerPalette;
import org.scorescope.ui.present.Ghost;
import org.scorescope.ui.present.PanelOverlay;

/**
 * One sampler's panel: an image backed by a {@link PixelBuffer} (rasters from the render lane are
 * copied into it in one call), framed in the sampler's colour, with a caption that starts with a
 * chip of that colour. Hovering the caption shows where the sampler comes from (paper and equation).
 * Over the picture: the frozen frame's ghost (freeze and compare, drawn with "lighten" so it sits
 * under the running particles) and the presenter's overlay (strokes, pointer, the picked particle's
 * ring).
 */
final class PanelView extends StackPane {
    private final ImageView image = new ImageView();
    private final Label caption = new Label();
    private final ImageView ghost = new ImageView();
    private final PanelOverlay overlay = new PanelOverlay();
    private Runnable onShown = () -> {
    };
    private PixelBuffer<IntBuffer> buffer;
    private final int index;
    private boolean compact;

    PanelView(int index) {
        this.index = index;
        getStyleClass().add("panel");
        setStyle("-fx-border-color: " + SamplerPalette.web(index) + ";");
        caption.getStyleClass().add("caption");
        caption.setId("caption-" + index);
        Rectangle chip = new Rectangle(10, 10, javafx.scene.paint.Color.web(SamplerPalette.web(index)));
        caption.setGraphic(chip);
        caption.setGraphicTextGap(6);
        caption.setMaxWidth(Double.MAX_VALUE);
        caption.setWrapText(false);
        caption.setTextOverrun(javafx.scene.control.OverrunStyle.ELLIPSIS);
        // Unmanaged: a new caption text must not re-lay out the grid of panels on every frame.
        caption.setManaged(false);
        StackPane.setAlignment(caption, Pos.TOP_LEFT);
        image.setPreserveRatio(false);
        image.setSmooth(true);
        setMinSize(120, 100);
        setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
        ghost.setPreserveRatio(false);
        ghost.setSmooth(true);
        ghost.setBlendMode(BlendMode.LIGHTEN);
        ghost.setMouseTransparent(true);
        ghost.setManaged(false);
        ghost.setVisible(false);
        ghost.setId("ghost-" + index);
        overlay.setManaged(false);
        overlay.setId("overlay-" + index);
        getChildren().addAll(image, ghost, overlay, caption);
        setId("panel-" + index);
    }

    int index() {
        return index;
    }

    /** The sampler's origin for the caption's tooltip. */
    void setCitation(String text) {
        caption.setTooltip(text == null || text.isEmpty() ? null : new Tooltip(text));
    }

    /** Short captions (presentation mode) or full ones. */
    void setCompact(boolean compact) {
        this.compact = compact;
    }

    /** The panel's size in device pixels at the given output scale. */
    int pixelWidth(double scale) {
        return Math.max(16, (int) Math.round(getWidth() * scale));
    }

    int pixelHeight(double scale) {
        return Math.max(16, (int) Math.round(getHeight() * scale));
    }

    /** Copies a raster to the screen (one bulk copy into the pixel buffer) and sets the caption. */
    void show(Raster r, RenderedScene.Caption c) {
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
        String text = captionFor(c, getWidth());
        if (!text.equals(caption.getText())) {
            boolean reshape = caption.getText() == null || caption.getText().contains("\n") != text.contains("\n");
            caption.setText(text);
            if (reshape) {
                // The caption is unmanaged (a new text must not re-lay out the grid): size it when its line count changes.
                caption.resize(getWidth(), caption.prefHeight(-1));
            }
        }
        onShown.run();
    }

    /** What runs after each new picture is shown (the grid redraws the overlay: the picked particle moved). */
    void onShown(Runnable r) {
        this.onShown = r;
    }

    /** The presenter's overlay over the picture. */
    PanelOverlay overlay() {
        return overlay;
    }

    /**
     * Freeze and compare: pins the picture shown now as a ghost under the running one (its pixels are
     * copied once; nothing is recomputed), or (false) removes the ghost.
     *
     * @return whether a ghost is shown (false when there is no picture yet)
     */
    boolean freeze(boolean on) {
        PixelBuffer<IntBuffer> b = buffer;
        if (!on || b == null) {
            ghost.setImage(null);
            ghost.setVisible(false);
            return false;
        }
        int[] px = new int[b.getWidth() * b.getHeight()];
        b.getBuffer().get(0, px);
        int[] g = Ghost.of(px, PanelRenderer.BACKGROUND);
        WritableImage img = new WritableImage(b.getWidth(), b.getHeight());
        img.getPixelWriter().setPixels(0, 0, b.getWidth(), b.getHeight(), PixelFormat.getIntArgbPreInstance(), g, 0, b.getWidth());
        ghost.setImage(img);
        ghost.setVisible(true);
        return true;
    }

    /** The ghost's image, or null when nothing is frozen (tests). */
    javafx.scene.image.Image ghostImage() {
        return ghost.isVisible() ? ghost.getImage() : null;
    }

    /** The ARGB pixel at (x, y) of the image shown now (tests), or 0 before the first image. */
    int pixel(int x, int y) {
        PixelBuffer<IntBuffer> b = buffer;
        return b == null ? 0 : b.getBuffer().get(y * b.getWidth() + x);
    }

    /** The shown image's size in pixels {width, height} (tests). */
    int[] imageSize() {
        PixelBuffer<IntBuffer> b = buffer;
        return b == null ? new int[] {0, 0} : new int[] {b.getWidth(), b.getHeight()};
    }

    /**
     * The caption that fits the panel: one line when it fits, else two lines; in presentation mode
     * the short one (large type).
     */
    private String captionFor(RenderedScene.Caption c, double width) {
        double charWidth = caption.getFont().getSize() * 0.61;
        java.util.function.Predicate<String> fits = text -> text.lines().mapToInt(String::length).max().orElse(0) * charWidth + 40 <= width;
        // A long canonical id goes on a line of its own rather than pushing t and TV past the panel's edge.
        if (compact) {
            return fits.test(c.compact()) ? c.compact() : c.compactLabelAbove();
        }
        String full = c.full();
        return fits.test(full) ? full : fits.test(c.twoLines()) ? c.twoLines() : c.labelAbove();
    }

    /** The caption text shown now. */
    String captionText() {
        return caption.getText();
    }

    @Override
    protected void layoutChildren() {
        image.setFitWidth(getWidth());
        image.setFitHeight(getHeight());
        ghost.setFitWidth(getWidth());
        ghost.setFitHeight(getHeight());
        ghost.relocate(0, 0);
        overlay.relocate(0, 0);
        overlay.fit(getWidth(), getHeight());
        double w = getWidth();
        caption.resizeRelocate(0, 0, w, caption.prefHeight(-1));
    }
}
