package org.scorescope.math;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The vector half of the engine's divergence check: how far from the start of a chunk every particle
 * is finite on every axis, a register of particles at a time (|x| ≤ Double.MAX_VALUE is false for NaN
 * and ±∞). The caller scans the rest one particle at a time, so the particles flagged are the same
 * as a scan of every particle. Loaded only when {@link VectorSupport#AVAILABLE}.
 */
public final class VectorFiniteScan {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

    private VectorFiniteScan() {
    }

    /**
     * The end of the leading run of whole registers in which every coordinate is finite.
     *
     * @param y positions, y[axis][i]
     * @param n particles
     * @return a multiple of the lane count in [0, n]: particles [0, result) are all finite
     */
    public static int finitePrefix(double[][] y, int n) {
        int lanes = SPECIES.length();
        int whole = n - n % lanes;
        for (int i = 0; i < whole; i += lanes) {
            for (double[] axis : y) {
                if (!DoubleVector.fromArray(SPECIES, axis, i).abs().compare(VectorOperators.LE, Double.MAX_VALUE).allTrue()) {
                    return i;
                }
            }
        }
        return whole;
    }
}
