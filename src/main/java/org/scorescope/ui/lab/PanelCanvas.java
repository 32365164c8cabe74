package org.scorescope.ui.lab;

import org.scorescope.engine.Frame;
import org.scorescope.render.PanelStyle;
import org.scorescope.render.Raster;
import org.scorescope.render.Viewport;

/**
 * One panel being drawn, as a {@link LabLayer} sees it.
 *
 * @param run the run
 * @param frame the frame of the displayed step
 * @param slot the sampler of this panel
 * @param step the displayed step t
 * @param viewport world ↔ pixel mapping of the plane view (for 1D: x across is time, y is x)
 * @param raster the pixels to draw into (premultiplied ARGB, already holding the built-in layers)
 * @param style the built-in layers and the line width
 */
public record PanelCanvas(RunView run, Frame frame, int slot, int step, Viewport viewport, Raster raster, PanelStyle style) {
    /** ᾱ of the displayed step. */
    public double abar() {
        return run.grid().abar(step);
    }
}
