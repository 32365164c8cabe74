package org.scorescope.ui;

import java.util.List;
import org.scorescope.render.Raster;

/**
 * The render worker's answer: one raster and caption per panel.
 *
 * @param request what was drawn
 * @param panels rasters, one per sampler
 * @param captions caption text, one per sampler
 * @param tv TV to the exact marginal now, one per sampler
 * @param hover text for the status line (empty when no hover)
 * @param millis worker time spent
 */
record RenderedScene(RenderRequest request, List<Raster> panels, List<String> captions, double[] tv, String hover, double millis,
        Marginals marginals) {

    /**
     * The focused sampler's marginal histograms against the exact marginals, per axis, and its
     * (empirical − exact) mass per 2D bin as a diverging-colour raster.
     *
     * @param label the sampler
     * @param edges left bin edges per axis
     * @param empirical particle mass per bin per axis
     * @param exact exact mass per bin per axis
     * @param difference the 2D difference map (null in 1D)
     * @param differenceScale the mass difference at full colour
     */
    record Marginals(String label, double[][] edges, double[][] empirical, double[][] exact, Raster difference, double differenceScale) {
    }
}
