package org.scorescope.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.scorescope.engine.Engine;
import org.scorescope.scenario.Scenario;
import org.scorescope.scenario.ScenarioException;

/**
 * Issue 13: exported figures follow the window's grid (2×2 for four samplers, 1×3 for three,
 * settable), animation frames carry no stray "· ", and each sampler keeps one colour.
 */
class GridLayoutTest {
    @Test
    void automaticLayoutsLeaveNoEmptyRowAndNoEmptyQuadrantForThree() {
        String[] want = {"1x1", "1x2", "1x3", "2x2", "2x3", "2x3", "2x4", "2x4", "3x3", "3x4"};
        for (int n = 1; n <= want.length; n++) {
            GridLayout g = GridLayout.auto(n);
            assertEquals(want[n - 1], g.toString(), n + " panels");
            assertTrue(g.places() >= n && (g.rows() - 1) * g.columns() < n, n + " panels fill every row of " + g);
        }
    }

    @Test
    void layoutsParseAndAreCheckedAgainstThePanels() {
        assertEquals(new GridLayout(2, 2), GridLayout.parse("2x2", "--layout"));
        assertEquals(new GridLayout(1, 3), GridLayout.parse(" 1×3 ", "--layout"));
        for (String bad : new String[] {"2", "0x2", "2x", "axb", "17x1", "2x2x2"}) {
            ScenarioException e = assertThrows(ScenarioException.class, () -> GridLayout.parse(bad, "--layout"), bad);
            assertEquals("--layout", e.field());
        }
        assertThrows(ScenarioException.class, () -> new GridLayout(2, 1).check(3, "--layout"), "too few places");
        assertThrows(ScenarioException.class, () -> new GridLayout(3, 2).check(3, "--layout"), "an empty last row");
        assertEquals(new GridLayout(3, 1), new GridLayout(3, 1).check(3, "--layout"));
    }

    @Test
    void oneStepOfFourSamplersIsTwoByTwoAndOfThreeIsOneByThree() {
        Scenario four = Figures.ring(300, "ddpm", "ddim-exact", "accel-ddim-ms", "dpm-solver-2");
        Figure f = Figures.steps(four, new int[] {0}, null, 80);
        assertEquals(2, f.rows());
        assertEquals(2, f.columns());
        assertEquals("dpm-solver-2", f.cell(1, 1).heading());
        assertEquals(3, f.cell(1, 1).sampler());
        assertEquals("test ring   t = 0 / 8", f.title());
        assertEquals(FigureSize.pixels(2, 2, 80, 80, 1)[0], FigureComposer.size(f)[0]);

        Figure three = Figures.steps(Figures.ring(300, "ddpm", "ddim-exact", "dpm-solver-2"), new int[] {4}, null, 80);
        assertEquals(1, three.rows());
        assertEquals(3, three.columns());
        Figure column = Figures.steps(Figures.ring(300, "ddpm", "ddim-exact", "dpm-solver-2"), new int[] {4}, new GridLayout(3, 1), 80);
        assertEquals(3, column.rows());
        assertEquals("dpm-solver-2", column.cell(2, 0).heading());

        Figure five = Figures.steps(Figures.ring(300, "ddpm", "ddim-exact", "accel-ddim-ms", "dpm-solver-2", "ddim-exact"), new int[] {0},
                null, 80);
        assertEquals("2x3", five.rows() + "x" + five.columns());
        assertNull(five.cell(1, 2), "the sixth place stays empty");
    }

    @Test
    void severalStepsAreATableAndRefuseALayout() {
        Scenario two = Figures.ring(300, "ddpm", "ddim-exact");
        Figure table = Figures.steps(two, new int[] {8, 0}, null, 80);
        assertEquals(2, table.rows());
        assertEquals(2, table.columns());
        assertEquals("ddim-exact · t = 0 / 8", table.cell(1, 1).heading());
        ScenarioException e = assertThrows(ScenarioException.class, () -> Figures.steps(two, new int[] {8, 0}, new GridLayout(1, 2), 80));
        assertEquals("--layout", e.field());
    }

    @Test
    void animationFramesHaveTheStepInTheTitleAndNoStrayDot() {
        Scenario three = Figures.ring(300, "ddpm", "ddim-exact", "dpm-solver-2");
        List<Figure> frames;
        try (Engine engine = new Engine(1)) {
            frames = FigureBuilder.animation(three, new int[] {8, 4, 0}, null, 80, 80, Figures.allLayers(), engine);
        }
        assertEquals(3, frames.size());
        assertEquals("test ring   t = 4 / 8", frames.get(1).title());
        for (Figure f : frames) {
            assertEquals(1, f.rows());
            assertEquals(3, f.columns());
            for (int c = 0; c < 3; c++) {
                String heading = f.cell(0, c).heading();
                assertFalse(heading.contains("·"), heading);
                assertFalse(f.cell(0, c).caption().contains("·"), f.cell(0, c).caption());
            }
        }
    }

    @Test
    void eachSamplerKeepsItsColourInTheSwatchAndAmongTheOthers() {
        Set<Integer> distinct = new HashSet<>();
        for (int i = 0; i < SamplerPalette.size(); i++) {
            distinct.add(SamplerPalette.argb(i));
            assertEquals(SamplerPalette.argb(i), SamplerPalette.color(i).getRGB());
            assertEquals(SamplerPalette.argb(i) & 0xFFFFFF, Integer.parseInt(SamplerPalette.web(i).substring(1), 16));
        }
        assertEquals(SamplerPalette.size(), distinct.size(), "no two samplers share a colour");
        assertEquals(SamplerPalette.argb(0), SamplerPalette.argb(SamplerPalette.size()), "repeats after the palette");

        // The swatch beside each heading, in the PNG, is the sampler's colour — also when the figure
        // shows only some samplers (only = {2, 0}: the first cell is sampler 2).
        Scenario three = Figures.ring(300, "ddpm", "ddim-exact", "dpm-solver-2");
        Figure f;
        try (Engine engine = new Engine(1)) {
            Figure all = FigureBuilder.steps(three, new int[] {8}, null, 80, 80, Figures.allLayers(), engine);
            f = FigureBuilder.fromFrames(three, all.target(), all.cell(0, 0).history(), new int[] {3}, new int[] {2, 0}, null,
                    new double[] {-6, 6, -6, 6}, 80, 80, Figures.allLayers());
        }
        BufferedImage img = FigureWriter.image(f, 1, false);
        int cw = 80 + FigureComposer.LEFT + FigureComposer.RIGHT;
        int y = FigureComposer.HEADER + FigureComposer.TOP - 21;
        assertEquals(SamplerPalette.argb(2), img.getRGB(FigureComposer.LEFT + 5, y));
        assertEquals(SamplerPalette.argb(0), img.getRGB(cw + FigureComposer.LEFT + 5, y));
    }
}
