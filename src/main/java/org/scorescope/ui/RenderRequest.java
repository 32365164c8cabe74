package org.scorescope.ui;

import org.scorescope.render.PanelStyle;
import org.scorescope.render.Viewport;

/**
 * What the FX thread asks the render worker to draw. A new request replaces an older one that has
 * not started.
 *
 * @param context the run
 * @param step the displayed step t
 * @param computedDown the smallest computed step when the request was made (new frames re-render)
 * @param view the shared viewport (plane view) — its pixel size is the panel size
 * @param xRange for 1D: the x range shown vertically
 * @param style the layers
 * @param hoverX world x under the mouse (NaN when none)
 * @param hoverY world y under the mouse
 * @param focus the sampler whose histograms are shown
 */
record RenderRequest(RunContext context, int step, int computedDown, Viewport view, double[] xRange, PanelStyle style,
        double hoverX, double hoverY, int focus) {
}
