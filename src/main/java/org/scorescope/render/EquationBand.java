package org.scorescope.render;

import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.scorescope.engine.ParticleTracer;
import org.scorescope.engine.RunSpec;
import org.scorescope.sampler.SamplerInfo;
import org.scorescope.sampler.StepAnatomy;
import org.scorescope.scenario.Scenario;
import org.scorescope.scenario.ScenarioBuilder;
import org.scorescope.teaching.SamplerEquation;

/**
 * The band of equation cards under a figure's cells ({@code render --layers …,equation}, issue 18):
 * one {@link EquationCard} per sampler, side by side in as many columns as cards of at least
 * {@value #MIN_CARD} px fit, row after row, in the samplers' colours. The live coefficients are
 * those of the run's particle 0 ({@link ParticleTracer}: its chunk replayed bit for bit).
 */
public final class EquationBand {
    static final int MIN_CARD = 380;
    static final int GAP = 12;

    private EquationBand() {
    }

    /**
     * The cards of a scenario's samplers at any step: each sampler's particle 0 is traced once.
     *
     * @return for a step t in 0..T, the cards with the coefficients of step t (from level t to
     *     t − 1; step 1 for t = 0), without live values past a step whose start was not finite
     */
    public static IntFunction<List<SamplerEquation>> cards(Scenario s) {
        RunSpec spec = ScenarioBuilder.run(s, null);
        int total = spec.grid().steps();
        List<List<StepAnatomy>> traces = new ArrayList<>();
        for (int slot = 0; slot < spec.slots().size(); slot++) {
            traces.add(ParticleTracer.trace(spec, slot, 0));
        }
        return step -> {
            int t = Math.max(1, Math.min(total, step));
            List<SamplerEquation> out = new ArrayList<>();
            for (int slot = 0; slot < traces.size(); slot++) {
                SamplerInfo info = spec.slots().get(slot).sampler().info();
                List<StepAnatomy> trace = traces.get(slot);
                int i = total - t;
                out.add(i < trace.size() ? SamplerEquation.at(info, trace.get(i)) : SamplerEquation.of(info));
            }
            return out;
        };
    }

    static int columns(int count, int width) {
        return Math.max(1, Math.min(count, (width - GAP) / (MIN_CARD + GAP)));
    }

    static int cardWidth(int count, int width) {
        int cols = columns(count, width);
        return Math.max(MIN_CARD, (width - GAP * (cols + 1)) / cols);
    }

    /**
     * The frames of an animation with their cards, in a band as high as the tallest frame's (a GIF or
     * MP4 has one frame size).
     *
     * @param steps each frame's step
     */
    public static List<Figure> animation(List<Figure> frames, int[] steps, IntFunction<List<SamplerEquation>> cards) {
        List<List<SamplerEquation>> each = new ArrayList<>();
        long tallest = 0;
        for (int i = 0; i < frames.size(); i++) {
            each.add(cards.apply(steps[i]));
            long[] cells = FigureSize.pixels(frames.get(i), 1);
            tallest = Math.max(tallest, height(each.get(i), (int) cells[0]));
        }
        List<Figure> out = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            out.add(frames.get(i).withEquations(each.get(i), (int) tallest));
        }
        return out;
    }

    /** The band's height at the figure's width (0 without cards). */
    static long height(List<SamplerEquation> cards, int width) {
        if (cards.isEmpty()) {
            return 0;
        }
        int cols = columns(cards.size(), width);
        int w = cardWidth(cards.size(), width);
        long h = GAP;
        for (int i = 0; i < cards.size(); i += cols) {
            int row = 0;
            for (int j = i; j < Math.min(cards.size(), i + cols); j++) {
                row = Math.max(row, EquationCard.height(cards.get(j), w));
            }
            h += row + GAP;
        }
        return h;
    }

    /** Draws the band with its top-left corner at (x, y). */
    static void draw(Graphics2D g, List<SamplerEquation> cards, int x, int y, int width) {
        int cols = columns(cards.size(), width);
        int w = cardWidth(cards.size(), width);
        int top = y + GAP;
        for (int i = 0; i < cards.size(); i += cols) {
            int row = 0;
            for (int j = i; j < Math.min(cards.size(), i + cols); j++) {
                EquationCard.draw(g, cards.get(j), j, x + GAP + (j - i) * (w + GAP), top, w);
                row = Math.max(row, EquationCard.height(cards.get(j), w));
            }
            top += row + GAP;
        }
    }
}
