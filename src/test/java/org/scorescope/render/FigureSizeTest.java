package org.scorescope.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scorescope.distribution.Target;
import org.scorescope.scenario.ScenarioBuilder;
import org.scorescope.scenario.ScenarioException;

/**
 * Issue 11: 8 samplers at 4096×4096, scale 4, overflowed int (NegativeArraySizeException). Sizes
 * are now long and a figure past one image's limit is refused with the numbers, naming --size,
 * before any pixel is allocated and without creating a file.
 */
class FigureSizeTest {
    @TempDir
    Path dir;

    /** A figure of empty places: enough to size and refuse it without running anything. */
    private static Figure empty(int rows, int columns, int cell) {
        Target t = ScenarioBuilder.target(org.scorescope.scenario.Scenario.TargetSpec.preset("ring8"));
        Viewport v = Viewport.fit(new double[] {-1, -1}, new double[] {1, 1}, cell, cell);
        return new Figure("big", new Figure.Cell[rows][columns], t, v, PanelStyle.defaults(), "{}");
    }

    @Test
    void eightSamplersAt4096AndScale4AreSizedInLongAndRefused() throws Exception {
        GridLayout g = GridLayout.auto(8);
        assertEquals(new GridLayout(2, 4), g);
        // Columns: 4 × (4096 + 56 + 12) = 16,656 px; rows: 34 + 2 × (4096 + 30 + 34) = 8,354 px; × 4.
        long[] px = FigureSize.pixels(g.rows(), g.columns(), 4096, 4096, 4);
        assertArrayEquals(new long[] {66_624, 33_416}, px);
        assertTrue(px[0] * px[1] > Integer.MAX_VALUE, "the product the old int arithmetic overflowed");
        Figure f = empty(2, 4, 4096);
        Path png = dir.resolve("big.png");
        ScenarioException e = assertThrows(ScenarioException.class, () -> FigureWriter.png(f, png, 4, false));
        assertEquals("--size", e.field());
        assertTrue(e.getMessage().contains("66,624 × 33,416 px at scale 4"), e.getMessage());
        assertTrue(e.getMessage().contains("2,226 Mpx"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line");
        assertFalse(Files.exists(png));
        assertThrows(ScenarioException.class, () -> FigureWriter.mp4(List.of(f), dir.resolve("big.mp4"), 4, 4));
        assertThrows(ScenarioException.class, () -> FigureWriter.gif(List.of(f), dir.resolve("big.gif"), 4, 4));
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count(), "nothing written, no temporary file left");
        }
    }

    @Test
    void aTableOf8SamplersBy8StepsOverflowsNothing() {
        // The largest table the CLI allows: 8 rows × 8 columns of 4096 px at scale 4.
        long[] px = FigureSize.pixels(8, 8, 4096, 4096, 4);
        assertArrayEquals(new long[] {4L * 8 * 4164, 4L * (34 + 8 * 4160)}, px);
        assertTrue(px[0] > 0 && px[1] > 0);
        assertArrayEquals(new long[] {4L * Integer.MAX_VALUE * 68, 4L * (34 + 64)}, FigureSize.pixels(1, Integer.MAX_VALUE, 0, 0, 4));
    }

    @Test
    void gifSidesAreLimitedTo65535() {
        Figure wide = empty(1, 8, 4096);
        assertEquals(2 * 8 * 4164, FigureSize.raster(wide, 2)[0], "fits one image");
        ScenarioException e = assertThrows(ScenarioException.class, () -> FigureSize.gif(wide, 2));
        assertTrue(e.getMessage().contains("GIF sides are at most 65,535 px"), e.getMessage());
        assertEquals(8 * 4164, FigureSize.gif(wide, 1)[0]);
    }

    @Test
    void aRasterPastTheArrayLimitIsRefusedPlainly() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Raster(70_000, 70_000, 0));
        assertTrue(e.getMessage().contains("70000 × 70000"), e.getMessage());
    }
}
