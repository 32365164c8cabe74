package org.scorescope.sampler;

/**
 * The Picard iterates of one PIADM block for the first tracked particles (004; issue 6): every
 * iterate k = 0 … K at every sub-point j = 0 … M, so a view can show them converging onto the
 * sequential trajectory. Immutable.
 *
 * @param points points[k][j][axis][particle]
 */
public record PicardIterates(float[][][][] points) {
    /** Iterates recorded (K + 1, iterate 0 being the constant start). */
    public int iterates() {
        return points.length;
    }
}
