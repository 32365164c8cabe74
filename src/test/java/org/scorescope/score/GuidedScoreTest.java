package org.scorescope.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.scorescope.distribution.ClassMixture;
import org.scorescope.distribution.Presets;

/** 003 Part 4: the guided score is s(x|c) + w ∇log p(c|x) = (1+w) s(x|c) − w s(x), and costs what it evaluates. */
class GuidedScoreTest {
    private static ClassMixture classes(String id) {
        return ClassMixture.of(Presets.get(id), Presets.classes(id));
    }

    @Test
    void guidedScoreIsTheConditionalScorePlusWTimesTheGuidanceTerm() {
        for (String id : new String[] {"ring8-classes", "two-classes-1d", "checkerboard-classes"}) {
            ClassMixture m = classes(id);
            int d = m.dim();
            Random rnd = new Random(11);
            for (double w : new double[] {0, 0.5, 3, 8}) {
                GuidedScore g = new GuidedScore(m, 1, w);
                int n = 50;
                double[][] x = new double[d][n];
                for (int a = 0; a < d; a++) {
                    for (int i = 0; i < n; i++) {
                        x[a][i] = 6 * rnd.nextDouble() - 3;
                    }
                }
                double gamma = 0.3 + 0.6 * rnd.nextDouble();
                double[][] out = new double[d][n];
                g.eval(x, n, gamma, out);
                for (int i = 0; i < n; i++) {
                    double[] p = new double[d];
                    for (int a = 0; a < d; a++) {
                        p[a] = x[a][i];
                    }
                    double[] s = new double[d];
                    double[] term = new double[d];
                    m.conditionalScore(p, gamma, 1, s);
                    m.guidanceTerm(p, gamma, 1, term);
                    for (int a = 0; a < d; a++) {
                        double expected = s[a] + w * term[a];
                        assertEquals(expected, out[a][i], 1e-10 * Math.max(1, Math.abs(expected)), id + " w=" + w);
                    }
                }
            }
        }
    }

    @Test
    void costIsTwoEvaluationsWhereGuidanceActsAndOneElsewhere() {
        ClassMixture m = classes("two-classes");
        assertEquals(2, new GuidedScore(m, 0, 1.5).evaluationCost(0.5));
        assertEquals(1, new GuidedScore(m, 0, 0).evaluationCost(0.5));
        GuidedScore interval = new GuidedScore(m, 0, 2, 0.2, 0.8);
        assertEquals(1, interval.evaluationCost(0.1));
        assertEquals(2, interval.evaluationCost(0.2));
        assertEquals(2, interval.evaluationCost(0.8));
        assertEquals(1, interval.evaluationCost(0.95));
        assertEquals(1, new ExactScore(m.unconditional()).evaluationCost(0.5));
        // outside the interval the score is the conditional one
        double[][] x = {{0.3}, {-0.2}};
        double[][] a = new double[2][1];
        double[][] b = new double[2][1];
        interval.eval(x, 1, 0.95, a);
        new ExactScore(m.conditional(0)).eval(x, 1, 0.95, b);
        assertEquals(b[0][0], a[0][0]);
        assertEquals(b[1][0], a[1][0]);
    }

    @Test
    void badStrengthClassOrIntervalIsRefusedByName() {
        ClassMixture m = classes("two-classes");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new GuidedScore(m, 0, -1)).getMessage().startsWith("w must be"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new GuidedScore(m, 0, Double.NaN)).getMessage().startsWith("w must be"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new GuidedScore(m, 0, Double.POSITIVE_INFINITY)).getMessage()
                .startsWith("w must be"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new GuidedScore(m, 3, 1)).getMessage().startsWith("class 3"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new GuidedScore(m, 0, 1, 0.5, 0.5)).getMessage().startsWith("interval"));
    }
}
