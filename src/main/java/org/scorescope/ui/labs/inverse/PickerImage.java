package org.scorescope.ui.labs.inverse;

import org.scorescope.distribution.Target;
import org.scorescope.inverse.InverseProblem;
import org.scorescope.render.ColorMap;
import org.scorescope.render.DensityGrid;
import org.scorescope.render.Raster;
import org.scorescope.render.Viewport;

/**
 * The small map of the observation picker: the prior's density of x₀ as a heat map, the
 * likelihood band of the current observation, and the posterior's component means weighted by their
 * exact weights (white rings, area ∝ π'_k). Rendered off the FX thread (the lab's job); the pane
 * only shows the image and maps clicks back through {@link #view}.
 *
 * @param raster the pixels
 * @param view the world box shown (clicks map back through it)
 */
record PickerImage(Raster raster, Viewport view) {
    private static final int BACKGROUND = 0xFF101014;

    /** The world box of a prior in a picker of this size (equal scale on both axes). */
    static Viewport viewOf(Target prior, int width, int height) {
        double[][] b = prior.bounds();
        return Viewport.fit(b[0], b[1], width, height);
    }

    /**
     * Draws the picker.
     *
     * @param prior the prior (2D)
     * @param problem the observation and posterior, or null when there is none
     */
    static PickerImage render(Target prior, InverseProblem problem, int width, int height) {
        Viewport v = viewOf(prior, width, height);
        Raster r = new Raster(width, height, BACKGROUND);
        DensityGrid.of(prior, 1.0, v).paint(r, ColorMap.VIRIDIS, 0.6);
        if (problem != null) {
            LikelihoodBand.paint(r, v, problem.observation());
            double[] w = problem.weights();
            for (int c = 0; c < w.length; c++) {
                if (w[c] < 0.002) {
                    continue;
                }
                double[] m = problem.posterior().mean(c);
                ring(r, v.px(m[0]), v.py(m[1]), 2 + 9 * Math.sqrt(w[c]));
            }
        }
        return new PickerImage(r, v);
    }

    private static void ring(Raster r, double cx, double cy, double radius) {
        int segments = 32;
        for (int i = 0; i < segments; i++) {
            double a0 = 2 * Math.PI * i / segments;
            double a1 = 2 * Math.PI * (i + 1) / segments;
            r.line(cx + radius * Math.cos(a0), cy + radius * Math.sin(a0), cx + radius * Math.cos(a1), cy + radius * Math.sin(a1),
                    0xFFFFFFFF, 0.95, 1.6);
        }
    }
}
