package org.scorescope.distribution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** docs/imperfect-scores.md, memorisation: the empirical target's points, law and box masses. */
class EmpiricalTargetTest {

    @Test
    void pointsAreSeededDrawsOfThePopulation() {
        EmpiricalTarget a = new EmpiricalTarget(Presets.get("ring8"), 64, 7);
        EmpiricalTarget b = new EmpiricalTarget(Presets.get("ring8"), 64, 7);
        EmpiricalTarget c = new EmpiricalTarget(Presets.get("ring8"), 64, 8);
        assertArrayEquals(a.points()[10], b.points()[10]);
        assertEquals(64, a.size());
        assertEquals(false, a.points()[0][0] == c.points()[0][0]);
        // ring8's components sit at radius 4 with sd at most sqrt(0.3): every point within 4 ± 3
        for (double[] p : a.points()) {
            double r = Math.hypot(p[0], p[1]);
            assertEquals(4, r, 3, "point " + java.util.Arrays.toString(p));
        }
    }

    /** At γ = 1 a box holds the fraction of points inside it; below 1 the mass is the Gaussian sum, checked at a point far from the others. */
    @Test
    void boxMassesCountAtomsAndSmoothThemBelowOne() {
        EmpiricalTarget t = new EmpiricalTarget(new double[][] {{0, 0}, {1, 1}, {1, 1}, {3, -2}});
        assertEquals(0.75, t.boxMass(new double[] {-0.5, -0.5}, new double[] {1.5, 1.5}, 1.0), 0);
        assertEquals(0.25, t.boxMass(new double[] {2, -3}, new double[] {4, 0}, 1.0), 0);
        assertEquals(0.0, t.boxMass(new double[] {1.0001, 1.0001}, new double[] {2, 2}, 1.0), 0);
        double gamma = 0.9;
        double sg = Math.sqrt(gamma);
        double s = Math.sqrt(1 - gamma);
        org.apache.commons.math3.distribution.NormalDistribution n = new org.apache.commons.math3.distribution.NormalDistribution();
        double expected = 0;
        double[][] pts = t.points();
        for (double[] p : pts) {
            double mx = n.cumulativeProbability((4 - sg * p[0]) / s) - n.cumulativeProbability((2 - sg * p[0]) / s);
            double my = n.cumulativeProbability((0 - sg * p[1]) / s) - n.cumulativeProbability((-3 - sg * p[1]) / s);
            expected += mx * my / 4;
        }
        assertEquals(expected, t.boxMass(new double[] {2, -3}, new double[] {4, 0}, gamma), 1e-12);
    }

    @Test
    void badSizesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new EmpiricalTarget(Presets.get("ring8"), 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new EmpiricalTarget(Presets.get("ring8"), EmpiricalTarget.MAX_POINTS + 1, 1));
    }
}
