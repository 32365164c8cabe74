package org.scorescope.ui.labs.teaching;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The anatomy's labels: none covers another or crosses an arrow; the current one is always placed. */
class AnatomyLabelsTest {

    @Test
    void theSegmentTestMatchesTheGeometry() {
        double[] r = {10, 10, 20, 20};
        assertTrue(AnatomyView.crosses(r, new double[] {0, 15, 30, 15}), "through");
        assertTrue(AnatomyView.crosses(r, new double[] {12, 12, 13, 13}), "inside");
        assertFalse(AnatomyView.crosses(r, new double[] {0, 0, 30, 5}), "above");
        assertFalse(AnatomyView.crosses(r, new double[] {0, 30, 30, 21}), "below, slanted");
        assertTrue(AnatomyView.crosses(r, new double[] {0, 30, 30, 0}), "diagonal through the corner region");
    }

    @Test
    void labelsOfAChainNeitherOverlapNorCrossAnArrow() {
        // a zig-zag chain with a zero-length carry arrow first (accel-ddpm's shape)
        double[][] seg = {{100, 300, 100, 300}, {100, 300, 250, 320}, {250, 320, 230, 330}, {230, 330, 400, 180}, {400, 180, 150, 400}};
        List<double[]> placed = new ArrayList<>();
        for (int k = 0; k < seg.length; k++) {
            int i = k == 0 ? seg.length - 1 : seg.length - 1 - k;
            double[] at = AnatomyView.place(seg, seg.length, i, 90, 22, placed, 640, 560, k == 0);
            if (k == 0) {
                assertNotNull(at, "the current label is always placed");
            }
            if (at == null) {
                continue;
            }
            double[] r = {at[0] - 2, at[1] - 1, at[0] + 92, at[1] + 23};
            for (double[] q : placed) {
                assertFalse(r[0] < q[2] && q[0] < r[2] && r[1] < q[3] && q[1] < r[3], "label " + i + " overlaps another");
            }
            if (k > 0) {
                for (double[] s : seg) {
                    assertFalse(AnatomyView.crosses(r, s), "label " + i + " crosses an arrow");
                }
            }
            placed.add(r);
        }
        assertTrue(placed.size() >= 4, "most labels found a place: " + placed.size());
    }
}
