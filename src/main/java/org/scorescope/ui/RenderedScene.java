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
record RenderedScene(RenderRequest request, List<Raster> panels, List<String> captions, double[] tv, String hover, double millis) {
}
