package org.scorescope.render;

/**
 * What a panel shows and how heavily it is drawn.
 *
 * @param density the exact density heat map
 * @param contours contour lines of the exact density
 * @param particles the particle cloud
 * @param scoreField score arrows
 * @param trails trajectories of the tracked particles
 * @param lineWidth stroke width in pixels (larger in presentation mode)
 */
public record PanelStyle(boolean density, boolean contours, boolean particles, boolean scoreField, boolean trails,
        double lineWidth) {
    /** Everything on except contours, 1.4 px lines. */
    public static PanelStyle defaults() {
        return new PanelStyle(true, false, true, false, true, 1.4);
    }
}
