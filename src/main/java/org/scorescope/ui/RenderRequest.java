package org.scorescope.ui;

import java.util.List;
import org.scorescope.render.PanelStyle;
import org.scorescope.render.Viewport;
import org.scorescope.ui.lab.LabLayer;
import org.scorescope.ui.lab.RunView;

/**
 * What the FX thread asks the render lane to draw. A new request replaces an older one that has
 * not started. The mouse position is not part of it: hovering never redraws the panels.
 *
 * @param run the run
 * @param step the displayed step t
 * @param computedDown the smallest computed step when the request was made (new frames re-render)
 * @param view the shared viewport (plane view) — its pixel size is the panel size
 * @param xRange for 1D: the x range shown vertically
 * @param style the built-in layers
 * @param labLayers the lab layers that are on, in order
 * @param focus the sampler whose histograms are computed
 * @param marginals whether to compute the focused sampler's marginals (the histogram tab is showing)
 */
record RenderRequest(RunView run, int step, int computedDown, Viewport view, double[] xRange, PanelStyle style,
        List<LabLayer> labLayers, int focus, boolean marginals) {
}
