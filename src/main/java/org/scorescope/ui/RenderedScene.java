package org.scorescope.ui;

import java.util.List;
import org.scorescope.render.Raster;

/**
 * The render lane's answer: one raster and caption per panel.
 *
 * @param request what was drawn
 * @param panels rasters, one per sampler
 * @param captions caption facts, one per sampler
 * @param millis lane time spent
 * @param marginals the focused sampler's marginals, or null when not asked for
 */
record RenderedScene(RenderRequest request, List<Raster> panels, List<Caption> captions, double millis, Marginals marginals) {

    /**
     * What a panel's caption says.
     *
     * @param label the sampler
     * @param step t
     * @param steps T
     * @param abar ᾱ_t
     * @param nfe NFE per particle so far
     * @param tv histogram TV to the exact marginal at this step
     * @param diverged diverged particles so far
     */
    record Caption(String label, int step, int steps, double abar, long nfe, double tv, int diverged) {
        /** The full caption: "ddpm   t = 12 / 40   ᾱ = 0.5123   NFE 28   TV 0.083". */
        String full() {
            return String.format("%s   t = %d / %d   ᾱ = %.4g   NFE %d   TV %.3f%s", label, step, steps, abar, nfe, tv,
                    diverged > 0 ? String.format("   diverged %,d", diverged) : "");
        }

        /** The full caption on two lines, for narrow panels: the sampler and t, then the numbers. */
        String twoLines() {
            return String.format("%s   t = %d / %d%nᾱ = %.4g   NFE %d   TV %.3f%s", label, step, steps, abar, nfe, tv,
                    diverged > 0 ? String.format("   diverged %,d", diverged) : "");
        }

        /** The full caption with the sampler alone on the first line, for a long canonical id (lagrange:K=3:R=2:anchors=0). */
        String labelAbove() {
            return String.format("%s%nt = %d / %d   ᾱ = %.4g   NFE %d   TV %.3f%s", label, step, steps, abar, nfe, tv,
                    diverged > 0 ? String.format("   diverged %,d", diverged) : "");
        }

        /** The short caption for presentation mode (one line at 1280×720 with three panels). */
        String compact() {
            return String.format("%s  t=%d  TV %.3f%s", label, step, tv, diverged > 0 ? "  ⚠" + diverged : "");
        }

        /** The short caption with the sampler alone on the first line. */
        String compactLabelAbove() {
            return String.format("%s%nt=%d  TV %.3f%s", label, step, tv, diverged > 0 ? "  ⚠" + diverged : "");
        }
    }

    /**
     * The focused sampler's marginal histograms against the exact marginals, per axis, and its
     * (empirical − exact) mass per 2D bin on the diverging scale.
     *
     * @param slot the sampler's slot (its colour)
     * @param label the sampler
     * @param edges left bin edges per axis
     * @param empirical particle mass per bin per axis
     * @param exact exact mass per bin per axis
     * @param difference the 2D difference map (null in 1D)
     * @param differenceScale the mass difference at full colour
     */
    record Marginals(int slot, String label, double[][] edges, double[][] empirical, double[][] exact, Raster difference,
            double differenceScale) {
    }
}
