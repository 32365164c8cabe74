package org.scorescope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scorescope.render.SamplerPalette;
import org.scorescope.sampler.SamplerRegistry;
import org.scorescope.schedule.Grid;
import org.scorescope.schedule.Schedules;
import org.scorescope.teaching.SamplerEquation;

/** Issue 18: {@code render --layers …,equation} puts each sampler's equation card, with live coefficients, under the figure. */
class EquationLayerTest {
    @TempDir
    Path dir;

    private String err;

    private int run(String... args) {
        StringWriter e = new StringWriter();
        int code = ScoreScopeCli.run(new PrintWriter(e, true), args);
        err = e.toString();
        return code;
    }

    private Path scenario() throws Exception {
        Path s = dir.resolve("ring.json");
        Files.writeString(s, "{\"title\": \"eq\", \"target\": \"ring8\", \"samplers\": [\"ddpm\", \"accel-ddim\"], \"steps\": 6, \"particles\": 500, \"seed\": 4}");
        return s;
    }

    @Test
    void theEquationBandSitsUnderTheCellsInTheSamplersColours() throws Exception {
        Path plain = dir.resolve("plain.png");
        Path with = dir.resolve("with.png");
        assertEquals(0, run("render", "--scenario", scenario().toString(), "--steps", "3", "--size", "300x240", "--out", plain.toString()), err);
        assertEquals(0, run("render", "--scenario", scenario().toString(), "--steps", "3", "--size", "300x240", "--layers",
                "density,particles,equation", "--out", with.toString()), err);
        BufferedImage a = ImageIO.read(plain.toFile());
        BufferedImage b = ImageIO.read(with.toFile());
        assertEquals(a.getWidth(), b.getWidth());
        assertTrue(b.getHeight() > a.getHeight() + 200, "band of " + (b.getHeight() - a.getHeight()) + " px");
        // the figure is 2 × 368 px wide: two 380 px cards fit side by side
        int bandTop = a.getHeight();
        int stripes = 0;
        for (int y = bandTop; y < b.getHeight(); y++) {
            for (int s = 0; s < 2; s++) {
                if ((b.getRGB(12 + 1, y) & 0xFFFFFF) == (SamplerPalette.color(s).getRGB() & 0xFFFFFF)) {
                    stripes |= 1 << s;
                }
            }
        }
        assertEquals(3, stripes, "a card in each sampler's colour");
        // ink in the band beyond the stripes: the typeset rule
        int ink = 0;
        for (int y = bandTop; y < b.getHeight(); y++) {
            for (int x = 40; x < b.getWidth() - 20; x++) {
                int rgb = b.getRGB(x, y) & 0xFFFFFF;
                if (((rgb >> 16) & 0xFF) < 100 && ((rgb >> 8) & 0xFF) < 100) {
                    ink++;
                }
            }
        }
        assertTrue(ink > 2000, "dark pixels in the band: " + ink);
    }

    @Test
    void animationFramesShareOneSizeAndTheRefusalsNameTheFlag() throws Exception {
        Path gif = dir.resolve("a.gif");
        assertEquals(0, run("render", "--scenario", scenario().toString(), "--size", "200x160", "--layers", "density,equation", "--out",
                gif.toString()), err);
        try (var in = ImageIO.createImageInputStream(gif.toFile())) {
            var r = ImageIO.getImageReaders(in).next();
            r.setInput(in);
            int frames = r.getNumImages(true);
            assertEquals(7, frames);
            int h = r.getHeight(0);
            for (int i = 1; i < frames; i++) {
                assertEquals(h, r.getHeight(i), "frame " + i);
            }
        }
        assertEquals(2, run("render", "--scenario", scenario().toString(), "--small-multiples", "--nfe", "4,8", "--layers", "density,equation",
                "--out", dir.resolve("b.png").toString()));
        assertTrue(err.contains("--layers") && err.lines().count() == 1, err);
        assertTrue(!Files.exists(dir.resolve("b.png")));
    }

    @Test
    void ddpmsLiveCoefficientsAreTheScheduleOwn() {
        // Independent of the sampler: α_t = ᾱ_t / ᾱ_{t−1} on the theory grid, then DDPM's three coefficients (001 eq. 10).
        Grid grid = Schedules.byId("theory").grid(6);
        int t = 3;
        double alpha = grid.abar(t) / grid.abar(t - 1);
        var target = org.scorescope.distribution.Presets.get("ring8");
        var spec = org.scorescope.engine.RunSpec.of(target, grid,
                List.of(org.scorescope.engine.SamplerSlot.of(SamplerRegistry.create("ddpm"))), 10, 1);
        var trace = org.scorescope.engine.ParticleTracer.trace(spec, 0, 3);
        SamplerEquation e = SamplerEquation.at(SamplerRegistry.create("ddpm").info(), trace.get(grid.steps() - t));
        assertEquals(t, trace.get(grid.steps() - t).t());
        String glossary = e.live().get(0);
        assertTrue(glossary.contains("\\frac{1}{\\sqrt{\\alpha_t}} = " + SamplerEquation.number(1 / Math.sqrt(alpha))), glossary);
        assertTrue(glossary.contains("\\frac{1-\\alpha_t}{\\sqrt{\\alpha_t}} = " + SamplerEquation.number((1 - alpha) / Math.sqrt(alpha))), glossary);
        assertTrue(glossary.contains("\\sqrt{1-\\alpha_t} = " + SamplerEquation.number(Math.sqrt(1 - alpha))), glossary);
    }
}
