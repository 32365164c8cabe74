package org.scorescope.ui.lab;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.scorescope.io.AtomicBinaryFile;
import org.scorescope.io.AtomicFile;
import org.scorescope.ui.service.Lane;

/**
 * A JFreeChart shown in the window without touching the FX thread: the chart object is confined to
 * the chart lane, which applies updates and draws the chart into pixels; the FX thread only swaps
 * the finished image in ({@link #poll}, each pulse, or {@link #pollContinuously} for a chart outside
 * the main window). A chart redraw costs 20–40 ms, far too much for the FX thread. Only the newest
 * update is drawn.
 */
public final class ChartImage extends StackPane {
    private final Lane lane;
    private final String key;
    private final ImageView image = new ImageView();
    private final AtomicReference<Object[]> done = new AtomicReference<>();
    private JFreeChart chart;
    private Consumer<JFreeChart> last = c -> { };

    /**
     * @param lane the chart lane
     * @param key this chart's slot on the lane (one pending update per chart)
     * @param create makes the chart (runs on the lane)
     */
    public ChartImage(Lane lane, String key, java.util.function.Supplier<JFreeChart> create) {
        this.lane = lane;
        this.key = key;
        lane.call(() -> {
            chart = create.get();
            return null;
        });
        image.setManaged(false);
        getChildren().add(image);
        setMinSize(100, 60);
        widthProperty().addListener((o, a, b) -> redraw());
        heightProperty().addListener((o, a, b) -> redraw());
    }

    /** Applies {@code update} to the chart and redraws it at the current size (on the lane). */
    public void update(Consumer<JFreeChart> update) {
        last = update;
        redraw();
    }

    private void redraw() {
        Consumer<JFreeChart> u = last;
        double scale = getScene() == null || getScene().getWindow() == null ? 1 : getScene().getWindow().getOutputScaleX();
        int w = (int) Math.max(100, getWidth() * scale);
        int h = (int) Math.max(60, getHeight() * scale);
        if (getWidth() < 2 || getHeight() < 2) {
            return;
        }
        lane.latest(key, () -> {
            chart.setNotify(false);
            u.accept(chart);
            chart.setNotify(true);
            BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB_PRE);
            java.awt.Graphics2D g = img.createGraphics();
            // Drawn at the screen's pixel density: type and lines keep their size on a HiDPI screen.
            g.scale(scale, scale);
            chart.draw(g, new Rectangle((int) Math.round(w / scale), (int) Math.round(h / scale)));
            g.dispose();
            done.set(new Object[] {((DataBufferInt) img.getRaster().getDataBuffer()).getData(), w, h});
        });
    }

    /** Swaps in a finished image (FX thread; nothing to do most pulses). */
    public void poll() {
        Object[] d = done.getAndSet(null);
        if (d != null) {
            image.setImage(FxImages.of((int[]) d[0], (Integer) d[1], (Integer) d[2]));
            image.setFitWidth(getWidth());
            image.setFitHeight(getHeight());
        }
    }

    /** Polls on every pulse while the chart is in a scene (for a lab's own window, which has no frame pump). */
    public void pollContinuously() {
        javafx.animation.AnimationTimer timer = new javafx.animation.AnimationTimer() {
            @Override
            public void handle(long now) {
                poll();
            }
        };
        sceneProperty().addListener((o, a, b) -> {
            if (b == null) {
                timer.stop();
            } else {
                timer.start();
            }
        });
        if (getScene() != null) {
            timer.start();
        }
    }

    @Override
    protected void layoutChildren() {
        image.setFitWidth(getWidth());
        image.setFitHeight(getHeight());
    }

    /** Whether an image has been shown. */
    public boolean shown() {
        return image.getImage() != null;
    }

    /**
     * Writes the chart as SVG or PNG (by extension) in the light paper style at the given size; on the
     * chart lane, which owns the chart. The window's dark style is restored afterwards.
     */
    public CompletableFuture<Void> export(Path file, int width, int height) {
        return lane.call(() -> {
            double typeScale = Math.max(1, width / 800.0);
            ChartStyle.paper(chart, typeScale);
            try {
                if (file.getFileName().toString().toLowerCase().endsWith(".svg")) {
                    SVGGraphics2D g = new SVGGraphics2D(width, height);
                    chart.draw(g, new Rectangle(width, height));
                    String svg = g.getSVGDocument();
                    AtomicFile.write(file, w -> w.write(svg));
                } else {
                    AtomicBinaryFile.write(file, out -> ChartUtils.writeChartAsPNG(out, chart, width, height));
                }
            } finally {
                ChartStyle.style(chart);
            }
            return null;
        });
    }
}
