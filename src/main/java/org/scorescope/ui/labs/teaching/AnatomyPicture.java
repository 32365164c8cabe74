package org.scorescope.ui.labs.teaching;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.scorescope.render.EquationCard;
import org.scorescope.render.EquationRenderer;
import org.scorescope.render.SamplerPalette;
import org.scorescope.sampler.SamplerInfo;
import org.scorescope.sampler.StepAnatomy;
import org.scorescope.teaching.SamplerEquation;

/**
 * What the anatomy window draws for one particle's step, computed off the FX thread: the chain of
 * arrows (one per term, in the plane of the first two axes) with each label typeset as pixels, and
 * the equation card with the step's live coefficients. Immutable; the FX thread only turns the
 * pixels into images and draws lines.
 *
 * @param sampler the sampler's label
 * @param t the step (from ᾱ_t to ᾱ_{t−1})
 * @param arrows the arrows in the order the step computed them (sub-steps)
 * @param card the equation card's pixels
 */
record AnatomyPicture(String sampler, int t, List<Arrow> arrows, Pixels card) {

    /** Premultiplied ARGB pixels. */
    record Pixels(int[] argb, int width, int height) {
        static Pixels of(BufferedImage img) {
            BufferedImage pre = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_ARGB_PRE);
            java.awt.Graphics2D g = pre.createGraphics();
            g.drawImage(img, 0, 0, null);
            g.dispose();
            // the raster's own ints are premultiplied (getRGB would undo it)
            int[] argb = ((java.awt.image.DataBufferInt) pre.getRaster().getDataBuffer()).getData();
            return new Pixels(argb, pre.getWidth(), pre.getHeight());
        }
    }

    /**
     * One term drawn as an arrow.
     *
     * @param stage the stage's index
     * @param stageTex the point the stage produces (LaTeX)
     * @param from the arrow's tail (x, y)
     * @param to its head
     * @param carry whether it rescales a point (the first arrow of a stage)
     * @param words what the term is
     * @param coefficient the coefficient's value
     * @param label the typeset label: the term with its coefficient's value
     */
    record Arrow(int stage, String stageTex, double[] from, double[] to, boolean carry, String words, double coefficient, Pixels label) {
    }

    /** The picture of a traced step (heavy: typesetting). */
    static AnatomyPicture of(SamplerInfo info, String label, int slot, StepAnatomy step) {
        List<Arrow> arrows = new ArrayList<>();
        Color ink = new Color(0x1A1A1F);
        for (int s = 0; s < step.stages().size(); s++) {
            StepAnatomy.Stage stage = step.stages().get(s);
            List<double[]> chain = stage.chain();
            for (int i = 0; i < stage.terms().size(); i++) {
                StepAnatomy.Term term = stage.terms().get(i);
                double[] from = plane(chain.get(i));
                double[] to = plane(chain.get(i + 1));
                String tex = (term.coefficientTex().equals("1") ? "" : SamplerEquation.number(term.coefficient()) + "\\,") + term.valueTex();
                Pixels px = Pixels.of(EquationRenderer.image(tex, 15, i == 0 ? ink : SamplerPalette.color(slot).darker()));
                arrows.add(new Arrow(s, stage.symbolTex(), from, to, term.carry(), term.words(), term.coefficient(), px));
            }
        }
        Pixels card = Pixels.of(EquationCard.image(SamplerEquation.at(info, step), slot, 520));
        return new AnatomyPicture(label, step.t(), List.copyOf(arrows), card);
    }

    private static double[] plane(double[] p) {
        return new double[] {p[0], p.length > 1 ? p[1] : 0};
    }

    /** The world box of every arrow end, with a margin: x0, x1, y0, y1. */
    double[] box() {
        double x0 = Double.POSITIVE_INFINITY;
        double x1 = Double.NEGATIVE_INFINITY;
        double y0 = Double.POSITIVE_INFINITY;
        double y1 = Double.NEGATIVE_INFINITY;
        for (Arrow a : arrows) {
            for (double[] p : new double[][] {a.from(), a.to()}) {
                x0 = Math.min(x0, p[0]);
                x1 = Math.max(x1, p[0]);
                y0 = Math.min(y0, p[1]);
                y1 = Math.max(y1, p[1]);
            }
        }
        double span = Math.max(Math.max(x1 - x0, y1 - y0), 1e-6);
        double cx = (x0 + x1) / 2;
        double cy = (y0 + y1) / 2;
        double half = 0.6 * span;
        return new double[] {cx - half, cx + half, cy - half, cy + half};
    }
}
