package org.scorescope.ui.lab;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import javafx.scene.image.Image;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.scorescope.render.Raster;

/** Pixels drawn off the FX thread, turned into JavaFX images in one bulk copy (FX thread). */
public final class FxImages {
    private FxImages() {
    }

    /** An image of a raster (premultiplied ARGB). */
    public static Image of(Raster r) {
        return of(r.argb, r.width, r.height);
    }

    /** An image of premultiplied ARGB pixels, row by row. */
    public static Image of(int[] argb, int width, int height) {
        IntBuffer ib = ByteBuffer.allocateDirect(width * height * 4).order(ByteOrder.nativeOrder()).asIntBuffer();
        ib.put(argb, 0, width * height).flip();
        return new WritableImage(new PixelBuffer<>(width, height, ib, PixelFormat.getIntArgbPreInstance()));
    }
}
