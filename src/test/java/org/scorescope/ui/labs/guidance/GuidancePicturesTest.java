package org.scorescope.ui.labs.guidance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scorescope.distribution.ClassMixture;
import org.scorescope.distribution.Presets;
import org.scorescope.render.DensityGrid;
import org.scorescope.render.Viewport;
import org.scorescope.scenario.GuidanceScenario;
import org.scorescope.scenario.Scenario;

/** The lab's pictures and edits without a window, checked against the exact class posterior. */
class GuidancePicturesTest {
    private static final ClassMixture TWO = GuidanceScenario.classes(Scenario.TargetSpec.preset("two-classes"));
    private static final Viewport VIEW = Viewport.fit(new double[] {-3, -3}, new double[] {3, 3}, 240, 240);

    @Test
    void thePosteriorGridIsTheExactClassifierAndItsHalfContourIsTheBoundary() {
        double gamma = 0.6;
        DensityGrid post = GuidancePictures.posterior(TWO, 1, gamma, VIEW);
        assertEquals(1, post.max());
        int c = 17;
        int r = 50;
        double x = VIEW.x0() + (c + 0.5) / post.columns() * (VIEW.x1() - VIEW.x0());
        double y = VIEW.y1() - (r + 0.5) / post.rows() * (VIEW.y1() - VIEW.y0());
        assertEquals(TWO.posterior(new double[] {x, y}, gamma, 1), post.values()[r * post.columns() + c], 1e-12);
        float[] seg = post.contours(new double[] {0.5}, VIEW.width(), VIEW.height());
        assertTrue(seg.length >= 4 * 40, "a line across the view");
        double worst = 0;
        for (int i = 0; i < seg.length; i += 2) {
            double p = TWO.posterior(new double[] {VIEW.wx(seg[i]), VIEW.wy(seg[i + 1])}, gamma, 1);
            worst = Math.max(worst, Math.abs(p - 0.5));
        }
        // Linear interpolation between cell centres 3 px (0.075) apart: |p − ½| stays below a few hundredths.
        assertTrue(worst < 0.03, "every boundary point has p(c|x) = 1/2 to the grid's resolution, worst " + worst);
    }

    @Test
    void theTiltedHeatMapIsPTimesPosteriorToThePowerOnePlusW() {
        double gamma = 0.9;
        double w = 3;
        DensityGrid tilted = GuidancePictures.law(GuidancePictures.Law.TILTED, TWO, 1, w, gamma, VIEW);
        int a = 40 * tilted.columns() + 30;
        int b = 45 * tilted.columns() + 60;
        double[] xa = centre(tilted, a);
        double[] xb = centre(tilted, b);
        double expected = Math.exp(logDensity(xa, gamma) - logDensity(xb, gamma))
                * Math.pow(TWO.posterior(xa, gamma, 1) / TWO.posterior(xb, gamma, 1), 1 + w);
        assertEquals(expected, tilted.values()[a] / tilted.values()[b], 1e-9 * expected);
        DensityGrid cond = GuidancePictures.law(GuidancePictures.Law.CONDITIONAL, TWO, 1, w, gamma, VIEW);
        double condRatio = Math.exp(logCond(xa, gamma) - logCond(xb, gamma));
        assertEquals(condRatio, cond.values()[a] / cond.values()[b], 1e-9 * condRatio);
        assertEquals(1, tilted.max(), 1e-12, "scaled to the view's maximum");
    }

    private static double[] centre(DensityGrid g, int i) {
        int r = i / g.columns();
        int c = i % g.columns();
        return new double[] {VIEW.x0() + (c + 0.5) / g.columns() * (VIEW.x1() - VIEW.x0()), VIEW.y1() - (r + 0.5) / g.rows() * (VIEW.y1() - VIEW.y0())};
    }

    private static double logDensity(double[] x, double gamma) {
        double[] out = new double[1];
        TWO.unconditional().logDensityBatch(new double[][] {{x[0]}, {x[1]}}, 1, gamma, out);
        return out[0];
    }

    private static double logCond(double[] x, double gamma) {
        double[] out = new double[1];
        TWO.conditional(1).logDensityBatch(new double[][] {{x[0]}, {x[1]}}, 1, gamma, out);
        return out[0];
    }

    @Test
    void guidanceArrowsPointAlongTheGradientOfLogPosterior() {
        double gamma = 0.5;
        float[] seg = GuidancePictures.field(TWO, 1, gamma, VIEW, 30);
        int checked = 0;
        for (int i = 0; i < seg.length; i += 4) {
            double dx = seg[i + 2] - seg[i];
            double dy = seg[i + 3] - seg[i + 1];
            if (Math.hypot(dx, dy) < 2) {
                continue;
            }
            double[] x = {VIEW.wx(0.5 * (seg[i] + seg[i + 2])), VIEW.wy(0.5 * (seg[i + 1] + seg[i + 3]))};
            double h = 1e-5;
            double gx = (Math.log(TWO.posterior(new double[] {x[0] + h, x[1]}, gamma, 1))
                    - Math.log(TWO.posterior(new double[] {x[0] - h, x[1]}, gamma, 1))) / (2 * h);
            double gy = (Math.log(TWO.posterior(new double[] {x[0], x[1] + h}, gamma, 1))
                    - Math.log(TWO.posterior(new double[] {x[0], x[1] - h}, gamma, 1))) / (2 * h);
            // Pixel y grows downward, world y upward.
            double cos = (dx * gx - dy * gy) / (Math.hypot(dx, dy) * Math.hypot(gx, gy));
            assertTrue(cos > 0.999, "arrow along the finite-difference gradient of log p(c|x), cos = " + cos + " at " + x[0] + "," + x[1]);
            checked++;
        }
        assertTrue(checked > 20, "checked " + checked);
    }

    @Test
    void particlesAreLabelledByTheClassifiersArgmax() {
        ClassMixture ring = GuidanceScenario.classes(Scenario.TargetSpec.preset("ring8-classes"));
        float[][] x = {{4f, 0f, 2.83f, 0.1f}, {0f, 4f, 2.83f, 0.1f}};
        int[] label = GuidancePictures.argmax(ring, x, 4, 0.95);
        int[] labels = Presets.classes("ring8-classes");
        assertEquals(labels[0], ring.classIds()[label[0]], "the mode at angle 0 is component 0's class");
        assertEquals(labels[2], ring.classIds()[label[1]], "the mode at 90° is component 2's class");
        assertEquals(labels[1], ring.classIds()[label[2]], "the mode at 45° is component 1's class");
        for (int i = 0; i < 4; i++) {
            double best = -1;
            int arg = -1;
            for (int k = 0; k < ring.classIds().length; k++) {
                double p = ring.posterior(new double[] {x[0][i], x[1][i]}, 0.95, ring.classIds()[k]);
                if (p > best) {
                    best = p;
                    arg = k;
                }
            }
            assertEquals(arg, label[i]);
        }
    }

    @Test
    void editsKeepTheIntervalSnapToQuartersAndSayWhatACallCosts() {
        Scenario s = new Scenario("", "", Scenario.TargetSpec.preset("two-classes"), Scenario.ScheduleSpec.of("linear"),
                List.of(Scenario.SamplerSpec.of("ddpm")), 10, 100, 1, new Scenario.GuidanceSpec(0, 1, 0.2, 0.8));
        Scenario g = GuidanceEdits.guide(s, 1, 2.5);
        assertEquals(new Scenario.GuidanceSpec(1, 2.5, 0.2, 0.8), g.guidance());
        assertEquals(null, GuidanceEdits.unguide(g).guidance());
        assertEquals(2.75, GuidanceEdits.snap(2.7));
        assertEquals(0, GuidanceEdits.snap(-1));
        assertEquals(GuidanceEdits.MAX_W, GuidanceEdits.snap(99));
        Scenario plain = GuidanceEdits.guide(GuidanceEdits.unguide(s), 1, 3);
        assertTrue(GuidanceEdits.costNote(plain).contains("NFE doubles"), GuidanceEdits.costNote(plain));
        assertEquals("NFE counted: ddpm 200 = 2 × 100, ddim 200 = 2 × 100 (a guided call costs 2)",
                GuidanceEdits.measuredNote(plain, List.of("ddpm · class 1, w = 3", "ddim · class 1, w = 3"), new long[] {200, 200}));
    }

    @Test
    void badWListsNameWhatIsAllowed() {
        assertArrayEquals(new double[] {0, 1, 3, 8}, ComparePlan.parse("0, 1, 3, 8"));
        assertArrayEquals(new double[] {0, 0.5}, StudyPlan.parse("0 0.5"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ComparePlan.parse("0,1,2,3,4")).getMessage().contains("1 to 4"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ComparePlan.parse("0,-1")).getMessage().contains(">= 0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> StudyPlan.parse("0,NaN")).getMessage().contains(">= 0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> StudyPlan.parse("0,x")).getMessage().contains("'x'"));
        assertArrayEquals(new int[] {2, 2, 350}, CompareWindow.grid(4, 1000, 700));
        assertArrayEquals(new int[] {4, 1, 392}, CompareWindow.grid(4, 1600, 400));
        assertArrayEquals(new int[] {1, 1, 556}, CompareWindow.grid(1, 800, 600, 44));
    }

    @Test
    void theStudyChartsStackedPlotsFollowTheLightStyleOfExportedFiles() {
        org.jfree.chart.JFreeChart chart = StudyChart.create();
        org.scorescope.ui.lab.ChartStyle.paper(chart, 2);
        var outer = chart.getXYPlot();
        for (Object o : ((org.jfree.chart.plot.CombinedDomainXYPlot) outer).getSubplots()) {
            var p = (org.jfree.chart.plot.XYPlot) o;
            assertEquals(java.awt.Color.WHITE, p.getBackgroundPaint(), "light background in files");
            assertEquals(outer.getDomainAxis().getLabelPaint(), p.getRangeAxis().getLabelPaint(), "dark axis text on it");
            assertEquals(outer.getDomainAxis().getTickLabelFont(), p.getRangeAxis().getTickLabelFont(), "type scaled like the w axis");
        }
        org.scorescope.ui.lab.ChartStyle.style(chart);
        var first = (org.jfree.chart.plot.XYPlot) ((org.jfree.chart.plot.CombinedDomainXYPlot) outer).getSubplots().get(0);
        assertEquals(org.scorescope.ui.lab.ChartStyle.PLOT, first.getBackgroundPaint(), "dark again in the window");
    }
}
