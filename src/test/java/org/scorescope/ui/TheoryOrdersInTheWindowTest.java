package org.scorescope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scorescope.metrics.Sweep;
import org.scorescope.metrics.TheoryOrder;
import org.scorescope.sampler.SamplerRegistry;
import org.scorescope.scenario.Scenario;
import org.scorescope.scenario.ScenarioBuilder;
import org.scorescope.ui.model.SamplerChoice;
import org.scorescope.ui.model.SamplerStatus;
import org.scorescope.ui.model.SessionModel;

/**
 * Issue 12 in the window, without a window: the summary's theory orders per metric (with kind and
 * source on hover), the picker's ids with parameters, the sampler's form on hover, and the theory
 * schedule's final denoising step / the maximum β as scenario edits.
 */
class TheoryOrdersInTheWindowTest {

    private static SamplerStatus status(String id, boolean exact) {
        return new SamplerStatus(0, id, id, 0, 0, 0, SamplerStatusRecorder.theoryOrders(id, exact));
    }

    @Test
    void theSummaryShowsTheTheorysOrderForEachMetricItMeasures() {
        String lagrange3 = SamplerChoice.parse("lagrange:K=3").canonical();
        SamplerStatus gaussian = status(lagrange3, true);
        String w2 = TheoryOrder.of(lagrange3, Sweep.Metric.EXACT_W2).describe();
        assertTrue(w2.startsWith("3 (solver order: "), w2);
        assertEquals(w2, gaussian.flags().get(SamplerStatusRecorder.THEORY_W2));
        String shortForm = SummaryTab.theory(gaussian);
        assertTrue(shortForm.startsWith("TV ") && shortForm.contains(" · W2 3 · KL "), shortForm);
        String detail = SummaryTab.theoryDetail(gaussian);
        assertEquals(3, detail.lines().count(), detail);
        assertTrue(detail.contains("theory order W2: " + w2), detail);
        // Not a Gaussian target: only TV is measured, so only its order is said.
        SamplerStatus ring = status(lagrange3, false);
        assertEquals(List.of(SamplerStatusRecorder.THEORY_TV), List.copyOf(ring.flags().keySet()));
        assertFalse(SummaryTab.theory(ring).contains("W2"));
        // DDPM in TV: a theorem (upper bound) from the seeds; in the short form only the number.
        SamplerStatus ddpm = status("ddpm", true);
        assertTrue(ddpm.flags().get(SamplerStatusRecorder.THEORY_TV).contains("theorem"), ddpm.flags().toString());
        assertTrue(status("no-such-sampler", true).flags().get(SamplerStatusRecorder.THEORY_W2).startsWith("– (none: "));
    }

    @Test
    void thePickerListsIdsWithParametersThatReadBack() {
        List<String> catalog = SamplerChoice.catalog();
        assertTrue(catalog.containsAll(SamplerRegistry.ids()));
        int lagrange = catalog.indexOf("lagrange");
        assertEquals(List.of("lagrange:K=1", "lagrange:K=3", "lagrange:K=4"), catalog.subList(lagrange + 1, lagrange + 4));
        for (String entry : catalog) {
            SamplerChoice c = SamplerChoice.parse(entry);
            assertEquals(entry, c.shortId(), "the picker shows what it parses");
            assertEquals(c.canonical(), SamplerRegistry.create(entry).info().key(), entry);
        }
        assertEquals(new SessionModel().samplerCatalog, catalog);
    }

    @Test
    void hoveringASamplerSaysItsCanonicalIdAndItsForm() {
        String ddpm = Citations.of("accel-ddpm", Map.of());
        String form = SamplerRegistry.create("accel-ddpm").info().form();
        assertFalse(form.isEmpty());
        assertTrue(ddpm.contains("\n" + form + "\n"), ddpm);
        String lagrange = Citations.of("lagrange", Map.of("K", 3.0));
        assertTrue(lagrange.contains("\nlagrange:K=3:R=2:anchors=0\n"), lagrange);
    }

    @Test
    void theFinalDenoisingStepAndTheMaximumBetaAreScenarioEdits() {
        SessionModel model = new SessionModel();
        model.setSchedule("theory");
        model.setSteps(50);
        double at1 = ScenarioBuilder.run(model.scenario(), null).grid().abar(0);
        assertTrue(at1 < 1, "theory stops at ᾱ_1 = " + at1);
        model.setScheduleParam("denoise", 1);
        assertEquals(1.0, ScenarioBuilder.run(model.scenario(), null).grid().abar(0));
        model.clearScheduleParam("denoise");
        assertEquals(Map.of(), model.scenario().schedule().params(), "unticked: the file says nothing about it");
        Scenario before = model.scenario();
        model.clearScheduleParam("denoise");
        assertTrue(before == model.scenario(), "clearing an absent parameter is no edit (no new run)");
        model.setSchedule("cosine");
        model.setScheduleParam("betaMax", 0.5);
        var grid = ScenarioBuilder.run(model.scenario(), null).grid();
        double worst = 0;
        for (int t = 1; t <= grid.steps(); t++) {
            worst = Math.max(worst, 1 - grid.abar(t) / grid.abar(t - 1));
        }
        assertTrue(worst <= 0.5 + 1e-12, "every β_t ≤ 0.5, was " + worst);
    }
}
