package org.scorescope.ui.labs.inverse;

import org.scorescope.inverse.LinearObservation;
import org.scorescope.render.Raster;
import org.scorescope.render.Viewport;

/**
 * The likelihood p(y | x₀) drawn in the plane of x₀ (issue 15): the region where A x is within two
 * noise standard deviations of y, ‖A x − y‖ ≤ 2σ — a band around the line A x = y for one row of A,
 * a disc-like region around A⁻¹y for two — tinted, with its edge and its centre marked. Drawn into
 * a raster off the FX thread (render lane, or the picker's job).
 */
final class LikelihoodBand {
    /** Tint of the band (orange). */
    static final int COLOR = 0xFFFFA040;

    private LikelihoodBand() {
    }

    /** Paints the band of a 2D observation into the raster; nothing for another dimension. */
    static void paint(Raster r, Viewport v, LinearObservation o) {
        if (o.dim() != 2) {
            return;
        }
        int k = o.rows();
        double s = o.sigma();
        double[] x = new double[2];
        double edgeWidth = pixelStep(o, v) / s;
        for (int py = 0; py < r.height; py++) {
            x[1] = v.wy(py + 0.5);
            for (int px = 0; px < r.width; px++) {
                x[0] = v.wx(px + 0.5);
                double q = 0;
                double centre = Double.POSITIVE_INFINITY;
                for (int i = 0; i < k; i++) {
                    double ri = (o.a(i, 0) * x[0] + o.a(i, 1) * x[1] - o.y(i)) / s;
                    q += ri * ri;
                    centre = Math.min(centre, Math.abs(ri));
                }
                double dist = Math.sqrt(q);
                int idx = py * r.width + px;
                if (dist <= 2) {
                    r.blend(idx, COLOR, 0.16);
                }
                // The edge (‖r‖ = 2) and, for one row, the centre line A x = y, about one pixel wide.
                if (Math.abs(dist - 2) < edgeWidth) {
                    r.blend(idx, COLOR, 0.85);
                } else if (k == 1 && centre < 0.5 * edgeWidth) {
                    r.blend(idx, COLOR, 0.55);
                }
            }
        }
    }

    /** How much A x changes over one pixel (the largest row norm times the pixel size), for a one-pixel line. */
    private static double pixelStep(LinearObservation o, Viewport v) {
        double px = Math.abs(v.wx(1) - v.wx(0));
        double norm = 0;
        for (int i = 0; i < o.rows(); i++) {
            norm = Math.max(norm, Math.hypot(o.a(i, 0), o.a(i, 1)));
        }
        return norm * px * 0.75;
    }
}
