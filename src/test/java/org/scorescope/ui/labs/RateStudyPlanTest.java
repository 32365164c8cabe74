package org.scorescope.ui.labs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scorescope.engine.Engine;
import org.scorescope.metrics.RateStudy;
import org.scorescope.metrics.Sweep;
import org.scorescope.ui.service.Progress;

/**
 * Issue 12 in the window, at the view-model level (no window): the rate study runs through
 * {@link RateStudy#run}; ids with parameters are distinct curves; the fit table shows the theory's
 * order for the measured metric with its kind and source; the notes carry the output level, the
 * samplers left out and each divergence with its remedy; diverged points are not fitted; the CSV
 * has the CLI sweep's columns; the schedule's final denoising step and maximum β reach the study.
 */
class RateStudyPlanTest {
    private static Engine engine;

    @BeforeAll
    static void engine() {
        engine = new Engine(2);
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    private static RateStudyPlan.FitRow row(RateStudyPlan.Outcome o, String prefix) {
        return o.fitRows().stream().filter(r -> r.sampler().startsWith(prefix)).findFirst().orElseThrow(() -> new AssertionError(prefix));
    }

    @Test
    void lagrangeOneToFourAreFourCurvesWithTheirOwnOrdersAndTheoryOrders() {
        RateStudyPlan plan = new RateStudyPlan("gaussian1d", "vp-continuous", new int[] {100, 200, 400}, false,
                RateStudyPlan.parseSamplers("lagrange:K=1 lagrange:K=2, lagrange:K=3,lagrange:K=4"), 1000, 1);
        RateStudyPlan.Outcome o = plan.run(engine, Progress.none());
        assertEquals(Sweep.Metric.EXACT_W2, o.result().metric());
        assertEquals(4, o.fitRows().size(), o.fitRows().toString());
        for (int k = 1; k <= 4; k++) {
            RateStudyPlan.FitRow r = row(o, "lagrange:K=" + k + ":");
            assertEquals(k, Double.parseDouble(r.order()), 0.15, r.toString());
            assertEquals(Integer.toString(k), r.theory(), r.toString());
            assertTrue(r.source().startsWith("solver order: "), r.source());
            assertEquals("3", r.fitted());
            assertEquals("–", r.marked());
        }
        List<String> csv = o.csvLines();
        assertEquals(Sweep.Row.COLUMNS, csv.get(0));
        assertEquals(1 + 4 * 3, csv.size());
        int columns = Sweep.Row.COLUMNS.split(",", -1).length;
        csv.forEach(line -> assertEquals(columns, line.split(",", -1).length, line));
        assertTrue(csv.get(1).startsWith("lagrange:K=1:R=1:anchors=0,100,"), csv.get(1));
        assertTrue(o.notes().get(0).startsWith("output level ᾱ_0 = "), o.notes().toString());
        assertTrue(o.message().startsWith("done: 12 measurements"), o.message());
    }

    @Test
    void theoryScheduleSaysItsOutputLevelAndTheFinalDenoisingStepMovesIt() {
        RateStudyPlan at1 = new RateStudyPlan("gaussian1d", "theory", new int[] {100, 200}, false, List.of("ddim"), 1000, 1);
        RateStudyPlan.Outcome o = at1.run(engine, Progress.none());
        assertTrue(o.notes().contains(RateStudy.THEORY_NOTE), o.notes().toString());
        String level = o.notes().get(0);
        assertTrue(level.contains("grid: theory") && !level.contains("ᾱ_0 = 1.0 "), level);
        RateStudyPlan denoised = new RateStudyPlan("gaussian1d", "theory", Map.of("denoise", 1.0), new int[] {100, 200}, false,
                List.of("ddim"), 1000, 1);
        String withStep = denoised.run(engine, Progress.none()).notes().get(0);
        assertTrue(withStep.startsWith("output level ᾱ_0 = 1.0;"), withStep);
        assertFalse(withStep.equals(level));
    }

    @Test
    void aDivergedPointIsMarkedNotFittedAndItsRemedyNamed() {
        RateStudyPlan cosine = new RateStudyPlan("gaussian1d", "cosine", new int[] {80, 160, 640}, false, List.of("ddim"), 1000, 1);
        RateStudyPlan.Outcome o = cosine.run(engine, Progress.none());
        RateStudy.Curve c = o.result().curves().get(0);
        RateStudy.Point last = c.points().get(c.points().size() - 1);
        assertEquals(640, last.steps());
        assertTrue(last.diverged() && !last.fitted(), last.toString());
        assertTrue(last.mean() > 10, "W2 " + last.mean() + " (22 in 1D per issue 12)");
        assertTrue(row(o, "ddim").marked().contains("diverged"), row(o, "ddim").toString());
        assertTrue(o.notes().stream().anyMatch(n -> n.contains("ddim") && n.contains("betaMax")), o.notes().toString());
        assertTrue(o.csvLines().stream().anyMatch(l -> l.startsWith("ddim,640,") && l.contains(",640,")), o.csvLines().toString());
        // The remedy, as the form offers it: β clipped at 0.5 brings the same point back.
        RateStudyPlan clipped = new RateStudyPlan("gaussian1d", "cosine", Map.of("betaMax", 0.5), new int[] {80, 160, 640}, false,
                List.of("ddim"), 1000, 1);
        RateStudy.Curve d = clipped.run(engine, Progress.none()).result().curves().get(0);
        assertTrue(d.points().stream().noneMatch(RateStudy.Point::diverged), d.points().toString());
        assertTrue(d.points().get(2).mean() < 1, d.points().toString());
    }

    @Test
    void theChartMarksDivergedPointsAndSaysTheTheoryOrderAndTheOutputLevel() {
        RateStudyPlan cosine = new RateStudyPlan("gaussian1d", "cosine", new int[] {80, 160, 640}, false, List.of("ddim", "accel-ddim-ms"),
                1000, 1);
        RateStudy.Result result = cosine.run(engine, Progress.none()).result();
        org.jfree.chart.JFreeChart chart = RateStudyChart.create();
        RateStudyChart.fill(chart, result);
        var plot = chart.getXYPlot();
        var curves = (org.jfree.data.xy.YIntervalSeriesCollection) plot.getDataset(0);
        assertEquals(2, curves.getSeriesCount());
        String legend = curves.getSeriesKey(0).toString();
        assertTrue(legend.startsWith("ddim  (") && legend.endsWith("; theory 1, solver order)"), legend);
        var lines = (org.jfree.data.xy.XYSeriesCollection) plot.getDataset(1);
        org.jfree.data.xy.XYSeries diverged = lines.getSeries("diverged (not fitted; see the notes)");
        assertTrue(diverged.indexOf(640.0) >= 0, "a cross at NFE 640");
        assertTrue(plot.getRangeAxis().getLabel().startsWith("exact W₂"), plot.getRangeAxis().getLabel());
        String sub = ((org.jfree.chart.title.TextTitle) chart.getSubtitles().stream()
                .filter(t -> t instanceof org.jfree.chart.title.TextTitle).findFirst().orElseThrow()).getText();
        assertEquals(result.outputLevel(), sub);
        java.awt.image.BufferedImage img = chart.createBufferedImage(800, 500);
        assertEquals(800, img.getWidth());
    }

    @Test
    void aSamplerWithoutAnExactLawIsLeftOutAndSaidSo() {
        RateStudyPlan plan = new RateStudyPlan("gaussian", "vp-continuous", new int[] {10, 20}, false, List.of("ddim", "rand-midpoint"),
                1000, 1);
        RateStudyPlan.Outcome o = plan.run(engine, Progress.none());
        assertEquals(1, o.fitRows().size());
        assertTrue(o.notes().stream().anyMatch(n -> n.startsWith("left out: rand-midpoint")), o.notes().toString());
        assertTrue(o.message().contains("left out"), o.message());
    }

    @Test
    void samplerIdsAreReadAsTheCommandLineReadsThem() {
        assertEquals(List.of("lagrange:K=3:R=2:anchors=0", "ddim"), RateStudyPlan.parseSamplers("lagrange:K=3,R=2, ddim"));
        assertEquals(List.of(), RateStudyPlan.parseSamplers("  "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RateStudyPlan.parseSamplers("lagrange:K=9"));
        assertTrue(e.getMessage().startsWith("sampler 'lagrange:K=9': "), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new RateStudyPlan("gaussian1d", "linear", Map.of("denoise", 1.0),
                new int[] {10, 20}, false, List.of("ddim"), 1000, 1).scheduleWithParams());
    }
}
