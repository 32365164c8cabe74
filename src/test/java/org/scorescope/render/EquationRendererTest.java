package org.scorescope.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scorescope.distribution.Presets;
import org.scorescope.engine.ParticleTracer;
import org.scorescope.engine.RunSpec;
import org.scorescope.engine.SamplerSlot;
import org.scorescope.sampler.SamplerInfo;
import org.scorescope.sampler.SamplerRegistry;
import org.scorescope.sampler.StepAnatomy;
import org.scorescope.schedule.Schedules;
import org.scorescope.teaching.SamplerEquation;
import org.scorescope.teaching.UpdateRule;
import org.scorescope.teaching.UpdateRules;

/**
 * Issue 18: every registry sampler's update rule typesets with JLaTeXMath, and its equation card —
 * with the live coefficients of a traced step — draws ink of the size the layout promised.
 */
class EquationRendererTest {

    /** The bounding box of the pixels unlike the background (an RGB value, or -1 for transparent), or null when there are none. */
    static int[] inkBox(BufferedImage img, int background) {
        int x0 = Integer.MAX_VALUE;
        int y0 = Integer.MAX_VALUE;
        int x1 = -1;
        int y1 = -1;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int argb = img.getRGB(x, y);
                boolean ink = background < 0 ? (argb >>> 24) > 40 : (argb & 0xFFFFFF) != background;
                if (ink) {
                    x0 = Math.min(x0, x);
                    y0 = Math.min(y0, y);
                    x1 = Math.max(x1, x);
                    y1 = Math.max(y1, y);
                }
            }
        }
        return x1 < 0 ? null : new int[] {x0, y0, x1, y1};
    }

    @Test
    void aKnownFormulaHasTheSizeOfItsFont() {
        // "x" at 40 px: an x-height glyph, about half the size wide and high (Computer Modern's x is 0.57 em wide, 0.43 em high)
        int[] x = EquationRenderer.size("x", 40);
        assertTrue(x[0] >= 22 && x[0] <= 26, "width of x at 40 px: " + x[0]);
        assertTrue(x[1] >= 17 && x[1] <= 22, "height of x at 40 px: " + x[1]);
        // a fraction is taller than its numerator and twice the size is twice as wide (to the pixel)
        int[] frac = EquationRenderer.size("\\frac{x}{y}", 40);
        assertTrue(frac[1] > 1.8 * x[1], "fraction " + frac[1] + " vs x " + x[1]);
        int[] big = EquationRenderer.size("Y_{t-1} = Y_t + s_t(Y_t)", 40);
        int[] small = EquationRenderer.size("Y_{t-1} = Y_t + s_t(Y_t)", 20);
        assertEquals(2.0, (double) big[0] / small[0], 0.08);
    }

    @Test
    void aFormulaJLaTeXMathCannotReadIsNamed() {
        EquationRenderer.BadFormula e = assertThrows(EquationRenderer.BadFormula.class, () -> EquationRenderer.size("\\foo x", 20));
        assertTrue(e.getMessage().contains("\\foo x") && e.getMessage().contains("foo"), e.getMessage());
        assertThrows(EquationRenderer.BadFormula.class, () -> EquationRenderer.size("\\left( x", 20));
    }

    @Test
    void everyRegistrySamplersRuleTypesetsWithInkOfItsSize() {
        assertEquals(SamplerRegistry.ids(), UpdateRules.ids(), "one rule per registry id, in registry order");
        for (String id : SamplerRegistry.ids()) {
            UpdateRule rule = UpdateRules.of(id);
            assertFalse(rule.lines().isEmpty(), id);
            assertFalse(rule.source().isBlank(), id + " has a source");
            for (String tex : rule.lines()) {
                assertFalse(tex.contains("{K}") || tex.contains("{v}"), id + ": parameters filled in: " + tex);
                BufferedImage img = EquationRenderer.image(tex, 17, Color.BLACK);
                int[] box = inkBox(img, -1);
                assertTrue(box != null, id + ": no ink for " + tex);
                // the ink reaches the end of the laid-out box (a \\phantom may leave the start blank)
                assertTrue(box[2] >= 0.95 * img.getWidth(), id + ": ink ends at " + box[2] + " of " + img.getWidth());
                assertTrue(img.getHeight() >= 14 && img.getWidth() >= 60, id + ": " + img.getWidth() + "x" + img.getHeight());
            }
        }
    }

    @Test
    void everySamplersCardAtAStepShowsItsLiveCoefficients() {
        var target = Presets.get("ring8");
        for (SamplerInfo info : SamplerRegistry.all()) {
            RunSpec spec = RunSpec.of(target, Schedules.byId("theory").grid(6), List.of(SamplerSlot.of(SamplerRegistry.create(info.key()))), 8, 3);
            List<StepAnatomy> trace = ParticleTracer.trace(spec, 0, 5);
            StepAnatomy step = trace.get(2);
            SamplerEquation e = SamplerEquation.at(info, step);
            assertFalse(e.live().isEmpty(), info.key());
            assertTrue(e.stepTex().contains("t = " + step.t()), e.stepTex());
            int plain = EquationCard.height(SamplerEquation.of(info), 520);
            int live = EquationCard.height(e, 520);
            assertTrue(live > plain + 30, info.key() + ": the live lines add height: " + plain + " → " + live);
            BufferedImage card = EquationCard.image(e, 0, 520);
            assertEquals(live, card.getHeight(), info.key());
            int[] box = inkBox(card, 0xFFFFFF);
            assertTrue(box != null && box[3] > 0.9 * live - EquationCard.PAD - 30, info.key() + ": the card is drawn to its bottom");
        }
    }

    @Test
    void numbersAreWrittenWithFourSignificantDigits() {
        assertEquals("0.5346", SamplerEquation.number(0.534567));
        assertEquals("-1.5", SamplerEquation.number(-1.5));
        assertEquals("1.235\\times10^{-5}", SamplerEquation.number(1.2346e-5));
        assertEquals("1\\times10^{4}", SamplerEquation.number(9999.9));
        assertEquals("0", SamplerEquation.number(0));
    }
}
